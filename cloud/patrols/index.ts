/**
 * The public entry of patrols: the time rule and the caller's community (volunteers' hours and board read the
 * shifts after settling them), and the shift record the reminders sweep reminds of.
 */
export { requireCommunity, settle } from './access'
export type { PatrolsStore, ShiftRecord, ShiftRepo } from './ports'
