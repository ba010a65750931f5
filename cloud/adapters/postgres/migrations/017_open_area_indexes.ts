import { ddl } from './migration'

/** The open reports of a district and of the city by seq, for their overdue lists (as SQLite's 017). */
export const m017OpenAreaIndexes = ddl(
  17,
  'open reports of a district and of the city by seq',
  `
CREATE INDEX reports_open_district ON reports(district_id, seq) WHERE due_at IS NOT NULL;
CREATE INDEX reports_open_city ON reports(city_id, seq) WHERE due_at IS NOT NULL;
`,
)
