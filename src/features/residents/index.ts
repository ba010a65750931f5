// Residents' and volunteers' applications, and how a household is described.
export { STATUS_TONES, relationText, roomText } from './format'
export { useMyApplication, useMyVolunteerApplication } from './useMyApplication'
