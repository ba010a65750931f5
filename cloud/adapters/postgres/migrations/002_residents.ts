import { ddl } from './migration'

/**
 * Issue 3's roster columns and applications. SQLite rebuilds households to change its UNIQUE key; PostgreSQL
 * alters the constraint in place (every foreign key stays as it is).
 */
export const m002Residents = ddl(
  2,
  'household roster columns, resident and volunteer applications, roster-only users',
  `
ALTER TABLE households
  ADD COLUMN unit text NOT NULL DEFAULT '',
  ADD COLUMN adults integer CHECK (adults IS NULL OR adults BETWEEN 0 AND 50),
  ADD COLUMN phone text,
  ADD COLUMN updated_at timestamptz,
  DROP CONSTRAINT households_address,
  ADD CONSTRAINT households_address UNIQUE (grid_id, building, unit, room);

ALTER TABLE users ADD COLUMN roster_only boolean NOT NULL DEFAULT false;
CREATE INDEX users_household ON users(household_id);

CREATE TABLE resident_applications (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  community_id text NOT NULL REFERENCES communities(id),
  grid_id text NOT NULL REFERENCES grids(id),
  building text NOT NULL,
  unit text NOT NULL DEFAULT '',
  room text NOT NULL,
  name text NOT NULL,
  relation text NOT NULL CHECK (relation IN ('head', 'member', 'tenant')),
  status text NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
  household_id text REFERENCES households(id),
  reason text,
  reviewer_id text REFERENCES users(id),
  created_at timestamptz NOT NULL,
  reviewed_at timestamptz
);
-- one pending application per person; one verified 户主 per household (the backstop of the atomic apply/review)
CREATE UNIQUE INDEX resident_app_one_pending ON resident_applications(user_id) WHERE status = 'pending';
CREATE UNIQUE INDEX resident_app_one_head ON resident_applications(household_id)
  WHERE relation = 'head' AND status = 'verified';
CREATE INDEX resident_app_community ON resident_applications(community_id, status);
CREATE INDEX resident_app_user ON resident_applications(user_id);

CREATE TABLE volunteer_applications (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  community_id text NOT NULL REFERENCES communities(id),
  skills text,
  availability text,
  status text NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
  reason text,
  reviewer_id text REFERENCES users(id),
  created_at timestamptz NOT NULL,
  reviewed_at timestamptz
);
CREATE UNIQUE INDEX volunteer_app_one_pending ON volunteer_applications(user_id) WHERE status = 'pending';
CREATE INDEX volunteer_app_community ON volunteer_applications(community_id, status);
CREATE INDEX volunteer_app_user ON volunteer_applications(user_id);
`,
)
