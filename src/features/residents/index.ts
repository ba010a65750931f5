// Residents' and volunteers' applications, and how a household is described.
export { STATUS_TONES, relationText, roomText } from './format'
export { useMyApplication, useMyVolunteerApplication } from './useMyApplication'
// The committee's pending applications, for the work desk's figures.
export { pendingCount, type ReviewKind } from './useReviewList'
