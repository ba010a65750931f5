/** The public entry of overview: the store's port. */
export type { OverviewFigures, OverviewRepo, OverviewStore } from './ports'
export type { OverviewMapRepo } from './ports'
