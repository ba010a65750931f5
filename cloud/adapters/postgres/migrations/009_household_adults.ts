import { ddl } from './migration'

/** Review N6: each household's 成年人数 frozen when an adults motion opens, and its voters counted (see SQLite's 009). */
export const m009HouseholdAdults = ddl(
  9,
  'per-household adults frozen when an adults motion opens, and its voters counted',
  `
CREATE TABLE motion_household_adults (
  motion_id text NOT NULL REFERENCES motions(id),
  household_id text NOT NULL,
  adults integer NOT NULL CHECK (adults BETWEEN 1 AND 50),
  voters integer NOT NULL DEFAULT 0 CHECK (voters >= 0),
  PRIMARY KEY (motion_id, household_id)
);
INSERT INTO motion_household_adults (motion_id, household_id, adults, voters)
  SELECT m.id, h.id, h.adults,
    (SELECT count(*) FROM motion_voters v JOIN users u ON u.id = v.voter_key WHERE v.motion_id = m.id AND u.household_id = h.id)
  FROM motions m JOIN grids g ON g.community_id = m.community_id JOIN households h ON h.grid_id = g.id
  WHERE m.status = 'voting' AND m.eligibility = 'adults' AND h.adults > 0;
`,
)
