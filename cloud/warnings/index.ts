/** The public entry of warnings: the store's port and the sweep (run where the reminders sweep runs). */
export type { WarningRepo, WarningsStore } from './ports'
export { raiseWarnings } from './raiseWarnings'
export { scheduleWarningSweep, WARNING_INTERVAL_MS } from './schedule'
