import type { Migration } from './migration'

/**
 * Issue 19: 总览's 已认证住户 (households with a verified member) was the city's costliest figure: for each of the
 * city's households it read the household row and its members' rows (280 ms of the city's overview at 100,000
 * reports, 80,000 households; bench/overviewParts.ts). With the households of a grid covered with their ids, and the
 * verified members indexed by household (partial: only the verified), both reads stay in the indexes (66 ms).
 */
export const m033OverviewPeople: Migration = {
  version: 33,
  name: 'households by grid and verified members by household (overview participation)',
  up(db) {
    db.exec(`
CREATE INDEX households_grid ON households(grid_id, id);
CREATE INDEX users_verified_household ON users(household_id) WHERE verified = TRUE;
`)
  },
}
