import type { Migration } from './migration'

/**
 * Issue 18, 预测预警: warnings the sweep raises (once per key: community, signal, area, category, period — the
 * unique index two sweeps at once both insert against), the 会商研判 recorded on them, and each community's rule
 * parameters (JSON within the domain's bounds; absent: the defaults).
 */
export const m025Warnings: Migration = {
  version: 25,
  name: 'warnings, their assessments, per-community warning rules',
  up(db) {
    db.exec(`
CREATE TABLE warnings (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  community_id TEXT NOT NULL REFERENCES communities(id),
  grid_id TEXT REFERENCES grids(id),
  level TEXT NOT NULL CHECK (level IN ('grid', 'community')),
  signal TEXT NOT NULL CHECK (signal IN ('spike', 'repeat', 'dispute', 'patrolHazard')),
  area_key TEXT NOT NULL,
  -- '' when the signal has no category / no period
  category TEXT NOT NULL,
  period TEXT NOT NULL,
  observed INTEGER NOT NULL,
  baseline REAL,
  p_value REAL,
  -- JSON ["report id", ...]
  report_ids TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  judgement TEXT CHECK (judgement IN ('false_alarm', 'watch', 'act')),
  raised_at TEXT NOT NULL,
  closed_at TEXT,
  closed_by TEXT REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE UNIQUE INDEX warnings_key ON warnings(community_id, signal, area_key, category, period);
CREATE INDEX warnings_community ON warnings(community_id, status, seq);
CREATE INDEX warnings_grid ON warnings(grid_id, status, seq);
CREATE TABLE warning_assessments (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  warning_id TEXT NOT NULL REFERENCES warnings(id),
  assessor_id TEXT NOT NULL REFERENCES users(id),
  -- JSON ["name", ...]
  participants TEXT NOT NULL,
  judgement TEXT NOT NULL CHECK (judgement IN ('false_alarm', 'watch', 'act')),
  -- JSON [{ "kind": "patrol" | "notice" | "visit" | "other", "note": "..." }]
  actions TEXT NOT NULL,
  note TEXT NOT NULL,
  closed INTEGER NOT NULL CHECK (closed IN (0, 1)),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX warning_assessments_warning ON warning_assessments(warning_id, seq);
CREATE TABLE warning_rules (
  community_id TEXT PRIMARY KEY REFERENCES communities(id),
  params TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL
) STRICT;
`)
  },
}
