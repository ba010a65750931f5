import type { Migration } from './migration'

/**
 * Issue 5: 议事表决 — motions with their revisions and comments, the secret ballot, the community's 村规民约.
 *
 * The secret ballot is two tables with nothing that links them: `motion_voters` says who voted (and through
 * which channel), `motion_ballots` what was chosen, under the SHA-256 of a receipt only the voter holds. Both
 * are WITHOUT ROWID tables keyed by voter key and by a random receipt's hash, carry no timestamp and no shared
 * id; the cast inserts one row in each in ONE transaction, and the voters' PRIMARY KEY (motion_id, voter_key)
 * is what makes "once per voter / household" hold. Keys order the rows logically, but SQLite places cells on
 * a page as they arrive, so the raw file follows cast order until the motion closes and the store rewrites
 * both tables' rows in key order (see the motions adapter).
 *
 * `base_adults` / `base_households` are the roster frozen when voting opens; `result` is the JSON of the
 * figures computed at close. The messages table is rebuilt so that its kind may be 'motion'.
 */
export const m005Votes: Migration = {
  version: 5,
  name: 'motions, revisions, comments, secret ballots, community rules; messages of kind motion',
  up(db) {
    db.exec(`
CREATE TABLE motions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  community_id TEXT NOT NULL REFERENCES communities(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  title TEXT NOT NULL,
  preamble TEXT,
  -- JSON [{ "text": "..." }]
  articles TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('rules', 'matter')),
  -- JSON ["option", ...] for matter, NULL for rules
  options TEXT,
  eligibility TEXT NOT NULL CHECK (eligibility IN ('adults', 'households')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'consultation', 'voting', 'closed')),
  consult_until TEXT,
  vote_from TEXT NOT NULL,
  vote_until TEXT NOT NULL,
  base_adults INTEGER,
  base_households INTEGER,
  consulted_at TEXT,
  opened_at TEXT,
  closed_at TEXT,
  result TEXT,
  rev INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX motions_community ON motions(community_id, seq);
CREATE INDEX motions_community_status ON motions(community_id, status, seq);
-- the lazy time rule: published motions whose scheduled time may have come
CREATE INDEX motions_due ON motions(community_id, status) WHERE status IN ('consultation', 'voting');

CREATE TABLE motion_revisions (
  motion_id TEXT NOT NULL REFERENCES motions(id),
  rev INTEGER NOT NULL,
  title TEXT NOT NULL,
  preamble TEXT,
  articles TEXT NOT NULL,
  by_id TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  PRIMARY KEY (motion_id, rev)
) STRICT, WITHOUT ROWID;

CREATE TABLE motion_comments (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  motion_id TEXT NOT NULL REFERENCES motions(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  article_index INTEGER CHECK (article_index IS NULL OR article_index BETWEEN 0 AND 49),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  reply_text TEXT,
  reply_by TEXT REFERENCES users(id),
  reply_at TEXT
) STRICT;
CREATE INDEX motion_comments_motion ON motion_comments(motion_id, seq);

-- who voted: the voter key is the user id (adults) or the household id (households); no time, no choice
CREATE TABLE motion_voters (
  motion_id TEXT NOT NULL REFERENCES motions(id),
  voter_key TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('online', 'offline')),
  -- the committee member who recorded an offline ballot; NULL online
  recorded_by TEXT REFERENCES users(id),
  PRIMARY KEY (motion_id, voter_key)
) STRICT, WITHOUT ROWID;

-- what was chosen: under the receipt's hash only; no time, no voter
CREATE TABLE motion_ballots (
  motion_id TEXT NOT NULL REFERENCES motions(id),
  receipt_hash TEXT NOT NULL CHECK (length(receipt_hash) = 64),
  choice TEXT NOT NULL,
  PRIMARY KEY (motion_id, receipt_hash)
) STRICT, WITHOUT ROWID;

CREATE TABLE community_rules (
  community_id TEXT NOT NULL REFERENCES communities(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  adopted_at TEXT NOT NULL,
  motion_id TEXT NOT NULL UNIQUE REFERENCES motions(id),
  title TEXT NOT NULL,
  articles TEXT NOT NULL,
  filed_at TEXT,
  PRIMARY KEY (community_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE messages_new (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('report', 'motion')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  created_at TEXT NOT NULL,
  read_at TEXT
) STRICT;
INSERT INTO messages_new SELECT seq, id, user_id, kind, title, body, target_type, target_id, created_at, read_at FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_user ON messages(user_id, seq);
CREATE INDEX messages_unread ON messages(user_id) WHERE read_at IS NULL;
`)
  },
}
