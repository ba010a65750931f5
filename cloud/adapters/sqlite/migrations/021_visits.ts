import type { Migration } from './migration'

/**
 * Issue 17, 入户走访: visits to households (a finding may have become a report, linked by report_id, once), the
 * follow-up mark of a household (one per household: 独居老人 / 困难家庭 / 重点关注, with its own frequency) and the
 * visit period a committee sets for its community. A household's last visit is read from visits_household.
 */
export const m021Visits: Migration = {
  version: 21,
  name: 'visits, household follow-up marks, visit plans',
  up(db) {
    db.exec(`
CREATE TABLE visits (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  community_id TEXT NOT NULL REFERENCES communities(id),
  grid_id TEXT NOT NULL REFERENCES grids(id),
  household_id TEXT NOT NULL REFERENCES households(id),
  visitor_id TEXT NOT NULL REFERENCES users(id),
  visited_at TEXT NOT NULL,
  met TEXT NOT NULL CHECK (length(met) <= 50),
  finding TEXT NOT NULL CHECK (finding IN ('none', 'need', 'dispute', 'hazard', 'vulnerable')),
  note TEXT NOT NULL CHECK (length(note) <= 1000),
  report_id TEXT UNIQUE REFERENCES reports(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX visits_grid ON visits(grid_id, visited_at, seq);
CREATE INDEX visits_household ON visits(household_id, visited_at);
CREATE INDEX visits_community ON visits(community_id, visited_at);

CREATE TABLE household_follow_ups (
  household_id TEXT PRIMARY KEY REFERENCES households(id),
  community_id TEXT NOT NULL REFERENCES communities(id),
  grid_id TEXT NOT NULL REFERENCES grids(id),
  kind TEXT NOT NULL CHECK (kind IN ('livingAlone', 'hardship', 'watch')),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  every_days INTEGER NOT NULL CHECK (every_days BETWEEN 1 AND 365),
  marked_by TEXT NOT NULL REFERENCES users(id),
  marked_at TEXT NOT NULL
) STRICT;
CREATE INDEX follow_ups_grid ON household_follow_ups(grid_id);

CREATE TABLE visit_plans (
  community_id TEXT PRIMARY KEY REFERENCES communities(id),
  months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 12),
  set_by TEXT NOT NULL REFERENCES users(id),
  set_at TEXT NOT NULL
) STRICT;
`)
  },
}
