/** The public entry of meetings (联席会议): their storage port, for the store's composition. */
export type { MeetingRepo, MeetingsStore } from './ports'
