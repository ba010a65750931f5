import { ddl } from './migration'

/** Named leases: one process at a time runs each periodic job (as SQLite's 013). */
export const m013Leases = ddl(
  13,
  'leases: one process at a time runs each periodic job',
  `
CREATE TABLE leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  until timestamptz NOT NULL
);
`,
)
