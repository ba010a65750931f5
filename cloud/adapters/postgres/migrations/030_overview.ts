import { ddl } from './migration'

/** Reports by creation and by rating time, for 总览's periods of a district or the city (as SQLite's 030). */
export const m030Overview = ddl(
  30,
  'reports by creation and rating time (overview periods)',
  `
CREATE INDEX reports_created ON reports(created_at);
CREATE INDEX reports_rated ON reports(rated_at) WHERE rated_at IS NOT NULL;
`,
)
