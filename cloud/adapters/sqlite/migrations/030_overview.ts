import type { Migration } from './migration'

/**
 * Issue 19: 总览 reads an area's reports created (and rated) in a period. Through the area's own indexes a district
 * or the city read every report it ever had (the city's month: 1.1 s at 100,000 reports, bench:overview); by creation
 * time it reads the period's only (a few ms). A community's period still goes by its own index (the planner picks).
 */
export const m030Overview: Migration = {
  version: 30,
  name: 'reports by creation and rating time (overview periods)',
  up(db) {
    db.exec(`
CREATE INDEX reports_created ON reports(created_at);
CREATE INDEX reports_rated ON reports(rated_at) WHERE rated_at IS NOT NULL;
`)
  },
}
