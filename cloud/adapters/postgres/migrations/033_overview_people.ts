import { ddl } from './migration'

/** 总览's verified households read from the indexes only (as SQLite's 033). */
export const m033OverviewPeople = ddl(
  33,
  'households by grid and verified members by household (overview participation)',
  `
CREATE INDEX households_grid ON households(grid_id, id);
CREATE INDEX users_verified_household ON users(household_id) WHERE verified;
`,
)
