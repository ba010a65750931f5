/**
 * The public entry of motions: the time rule (the reminders sweep settles every motion's phase), and what the
 * demo seed needs to write motions and ballots the way the use cases do.
 */
export { motionMessages, newReceipt, receiptHash, settle } from './access'
export type { MotionRecord, MotionRepo, MotionRiskRepo, MotionsStore, NewMotion, RiskAssessmentRecord } from './ports'
