import { ddl } from './migration'

/**
 * The open reports of a district and of the city by seq, for their overdue lists (as SQLite's 017). due_at is a
 * key column so that `due_at < now` is checked in the index: with (area, seq) alone every newer open report that is
 * not yet overdue cost a heap fetch (72 ms for the city's page at 1 M reports).
 */
export const m017OpenAreaIndexes = ddl(
  17,
  'open reports of a district and of the city by seq',
  `
CREATE INDEX reports_open_district ON reports(district_id, seq, due_at) WHERE due_at IS NOT NULL;
CREATE INDEX reports_open_city ON reports(city_id, seq, due_at) WHERE due_at IS NOT NULL;
`,
)
