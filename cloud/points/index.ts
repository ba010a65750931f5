/** The public entry of points: the store's port, and the grants other features make from their source events. */
export type { PointsRepo, PointsStore } from './ports'
export { grantCalloutAttended, grantPoints, type GrantDeps, type SourceEvent } from './grant'
export { grantAutoClosedPatrols } from './grantAutoClosedPatrols'
