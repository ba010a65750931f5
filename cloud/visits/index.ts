/** The public entry of visits: the store's port (the composition's Store holds one). */
export type { VisitRepo, VisitsStore } from './ports'
