import type { Migration } from './migration'

/**
 * Issue 18: 积分制 — per-community points rules, the append-only ledger (one grant per person × source, so a retried
 * event never grants twice; a reversal is an entry whose source is the reversed entry, so it too happens once), each
 * person's balance kept in the same transaction as every entry, and the 积分超市's rewards and redemptions.
 */
export const m027Points: Migration = {
  version: 27,
  name: 'points: rules, append-only ledger, balances, rewards, redemptions',
  up(db) {
    db.exec(`
CREATE TABLE points_rules (
  community_id TEXT NOT NULL REFERENCES communities(id),
  kind TEXT NOT NULL,
  points INTEGER NOT NULL CHECK (points BETWEEN 0 AND 50),
  updated_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (community_id, kind)
) STRICT, WITHOUT ROWID;
CREATE TABLE points_entries (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  points INTEGER NOT NULL CHECK (points <> 0),
  reason TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  source_id TEXT NOT NULL,
  granted_by TEXT REFERENCES users(id),
  at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX points_entries_source ON points_entries(user_id, source_kind, source_id);
CREATE INDEX points_entries_user ON points_entries(user_id, at, id);
CREATE INDEX points_entries_month ON points_entries(community_id, at);
CREATE TABLE points_balances (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  balance INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE rewards (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  cost INTEGER NOT NULL CHECK (cost > 0),
  stock INTEGER NOT NULL CHECK (stock >= 0),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX rewards_community ON rewards(community_id, created_at);
CREATE TABLE redemptions (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  reward_id TEXT NOT NULL REFERENCES rewards(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  cost INTEGER NOT NULL,
  at TEXT NOT NULL,
  handed_by TEXT REFERENCES users(id),
  handed_at TEXT
) STRICT;
CREATE INDEX redemptions_community ON redemptions(community_id, at, id);
CREATE INDEX redemptions_pending ON redemptions(community_id, at, id) WHERE handed_at IS NULL;
CREATE INDEX redemptions_user ON redemptions(user_id, at, id);
-- the sweep that grants patrol hours of automatic check-outs reads the recent check-outs
CREATE INDEX shift_signups_checkout ON shift_signups(checkout_at);
`)
  },
}
