/** The public entry of members: other features use nothing of it (people are shared records). */
export type { MembersStore } from './ports'
