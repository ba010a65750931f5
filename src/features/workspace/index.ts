// The work desk the 我的 tab shows staff.
export { deskKind, useDesk } from './useDesk'
export { WorkDesk } from './ui/WorkDesk'
