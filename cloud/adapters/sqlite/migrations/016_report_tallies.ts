import type { Migration } from './migration'

/** 矛盾不上交: a dispute still at grid or community level (tallied apart, the overview's settled-locally share). */
const LOCAL = (r: 'NEW' | 'OLD') => `(${r}.category = 'dispute' AND ${r}.max_level IN ('grid', 'community'))`
const KEY_OF = (r: 'NEW' | 'OLD') => `grid_id = ${r}.grid_id AND status = ${r}.status AND category = ${r}.category AND local = ${LOCAL(r)}`
const ADD_NEW = `
  INSERT INTO report_tallies (grid_id, status, category, local, n) VALUES (NEW.grid_id, NEW.status, NEW.category, ${LOCAL('NEW')}, 1)
    ON CONFLICT (grid_id, status, category, local) DO UPDATE SET n = n + 1;`

/**
 * Issue 13: the overview of a district or the city counts a million reports. report_tallies keeps, per grid, how
 * many reports are in each status and category (disputes also by whether they stayed local), written by triggers
 * in the same transaction as the report, so the figures are always the rows' and an overview reads a few rows per
 * grid instead of every report. Filled from the reports already there.
 */
export const m016ReportTallies: Migration = {
  version: 16,
  name: 'report_tallies: reports per grid, status and category, kept by triggers',
  up(db) {
    db.exec(`
CREATE TABLE report_tallies (
  grid_id TEXT NOT NULL REFERENCES grids(id),
  status TEXT NOT NULL,
  category TEXT NOT NULL,
  local INTEGER NOT NULL CHECK (local IN (0, 1)),
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (grid_id, status, category, local)
) STRICT, WITHOUT ROWID;

INSERT INTO report_tallies (grid_id, status, category, local, n)
  SELECT grid_id, status, category, category = 'dispute' AND max_level IN ('grid', 'community'), count(*)
  FROM reports GROUP BY 1, 2, 3, 4;

CREATE TRIGGER report_tallies_insert AFTER INSERT ON reports BEGIN ${ADD_NEW}
END;

CREATE TRIGGER report_tallies_update AFTER UPDATE OF grid_id, status, category, max_level ON reports
WHEN OLD.grid_id IS NOT NEW.grid_id OR OLD.status IS NOT NEW.status OR OLD.category IS NOT NEW.category
  OR ${LOCAL('OLD')} IS NOT ${LOCAL('NEW')}
BEGIN
  UPDATE report_tallies SET n = n - 1 WHERE ${KEY_OF('OLD')};${ADD_NEW}
END;

CREATE TRIGGER report_tallies_delete AFTER DELETE ON reports BEGIN
  UPDATE report_tallies SET n = n - 1 WHERE ${KEY_OF('OLD')};
END;
`)
  },
}
