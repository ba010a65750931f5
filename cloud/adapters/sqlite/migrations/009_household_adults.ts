import type { Migration } from './migration'

/**
 * Review N6: in an `adults` motion the quorum base is the roster's 成年人数 summed, so no household may cast
 * more ballots (online and offline together) than its roster lists adults. `motion_household_adults` freezes
 * each household's 成年人数 when voting opens (in the transaction that opens it, beside the motion's base) and
 * counts the household's voters so far; the cast takes a place with one conditional UPDATE
 * (`voters < adults`) in its IMMEDIATE transaction, so two members casting at once cannot both take the last.
 * Households with no adults on the roster get no row (no place). Who voted is not secret: this counts voters
 * per household and holds nothing about what anyone chose.
 *
 * Adults motions already in voting are frozen from the roster now, with the voters they already have
 * (a household already past its count stays so: no ballot is removed, no further one is taken).
 */
export const m009HouseholdAdults: Migration = {
  version: 9,
  name: 'per-household adults frozen when an adults motion opens, and its voters counted',
  up(db) {
    db.exec(`
CREATE TABLE motion_household_adults (
  motion_id TEXT NOT NULL REFERENCES motions(id),
  household_id TEXT NOT NULL,
  adults INTEGER NOT NULL CHECK (adults BETWEEN 1 AND 50),
  voters INTEGER NOT NULL DEFAULT 0 CHECK (voters >= 0),
  PRIMARY KEY (motion_id, household_id)
) STRICT, WITHOUT ROWID;
INSERT INTO motion_household_adults (motion_id, household_id, adults, voters)
  SELECT m.id, h.id, h.adults,
    (SELECT count(*) FROM motion_voters v JOIN users u ON u.id = v.voter_key WHERE v.motion_id = m.id AND u.household_id = h.id)
  FROM motions m JOIN grids g ON g.community_id = m.community_id JOIN households h ON h.grid_id = g.id
  WHERE m.status = 'voting' AND m.eligibility = 'adults' AND h.adults > 0;
`)
  },
}
