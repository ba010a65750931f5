/** The public entry of community: communities and grids are shared records (cloud/shared/ports.ts). */
export type { CommunityStore } from './ports'
