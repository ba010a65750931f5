import { ddl } from './migration'

/** 积分制: rules, the append-only ledger, balances, rewards and redemptions (as SQLite's 027). */
export const m027Points = ddl(
  27,
  'points: rules, append-only ledger, balances, rewards, redemptions',
  `
CREATE TABLE points_rules (
  community_id text NOT NULL REFERENCES communities(id),
  kind text NOT NULL,
  points integer NOT NULL CHECK (points BETWEEN 0 AND 50),
  updated_by text NOT NULL REFERENCES users(id),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (community_id, kind)
);
CREATE TABLE points_entries (
  id text PRIMARY KEY,
  community_id text NOT NULL REFERENCES communities(id),
  user_id text NOT NULL REFERENCES users(id),
  points integer NOT NULL CHECK (points <> 0),
  reason text NOT NULL,
  source_kind text NOT NULL,
  source_id text NOT NULL,
  granted_by text REFERENCES users(id),
  at timestamptz NOT NULL
);
CREATE UNIQUE INDEX points_entries_source ON points_entries(user_id, source_kind, source_id);
CREATE INDEX points_entries_user ON points_entries(user_id, at, id);
CREATE INDEX points_entries_month ON points_entries(community_id, at);
CREATE TABLE points_balances (
  user_id text PRIMARY KEY REFERENCES users(id),
  balance integer NOT NULL
);
CREATE TABLE rewards (
  id text PRIMARY KEY,
  community_id text NOT NULL REFERENCES communities(id),
  name text NOT NULL,
  description text NOT NULL,
  cost integer NOT NULL CHECK (cost > 0),
  stock integer NOT NULL CHECK (stock >= 0),
  created_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX rewards_community ON rewards(community_id, created_at);
CREATE TABLE redemptions (
  id text PRIMARY KEY,
  community_id text NOT NULL REFERENCES communities(id),
  reward_id text NOT NULL REFERENCES rewards(id),
  user_id text NOT NULL REFERENCES users(id),
  cost integer NOT NULL,
  at timestamptz NOT NULL,
  handed_by text REFERENCES users(id),
  handed_at timestamptz
);
CREATE INDEX redemptions_community ON redemptions(community_id, at, id);
CREATE INDEX redemptions_pending ON redemptions(community_id, at, id) WHERE handed_at IS NULL;
CREATE INDEX redemptions_user ON redemptions(user_id, at, id);
CREATE INDEX shift_signups_checkout ON shift_signups(checkout_at);
`,
)
