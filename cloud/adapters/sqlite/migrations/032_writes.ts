import type { Migration } from './migration'

/**
 * Issue 15, the write paths' indexes (test/api/writes.plans.test.ts asserts their statements' plans):
 * - shift_signups_open is dropped: every confirmed shift.signup wrote it and no query plan reads it; a shift's
 *   seat count (status IN ('confirmed', 'checkedIn')) and lists walk shift_signups_queue (shift_id, status, seq).
 * - user_grids_grid is added: report.create finds the grid's 网格员 by grid, which the primary key (user_id,
 *   grid_id) cannot serve, so every new report scanned the whole table of grid assignments.
 */
export const m032Writes: Migration = {
  version: 32,
  name: 'writes: drop the shift seat index no plan reads, grid workers by grid',
  up(db) {
    db.exec(`
DROP INDEX shift_signups_open;
CREATE INDEX user_grids_grid ON user_grids(grid_id, user_id);
`)
  },
}
