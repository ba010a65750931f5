export { StaffPanel } from './StaffPanel'
export { noteDraftKey } from './noteDraft'
