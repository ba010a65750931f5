import { ddl } from './migration'

/** As SQLite's 032: shift_signups_queue serves the seat count (the partial index only cost every signup a write); grid workers found by grid. */
export const m032Writes = ddl(
  32,
  'writes: drop the shift seat index no plan reads, grid workers by grid',
  `
DROP INDEX shift_signups_open;
CREATE INDEX user_grids_grid ON user_grids(grid_id, user_id);
`,
)
