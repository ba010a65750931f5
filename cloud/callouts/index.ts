/**
 * The public entry of call-outs: the hours a volunteer served on call-outs (volunteer.stats adds them to the
 * patrol hours) and the repository the store composes.
 */
export { calloutHoursOf } from './hours'
export type { Attendance, CalloutRepo, CalloutsStore } from './ports'
