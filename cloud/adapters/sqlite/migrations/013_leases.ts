import type { Migration } from './migration'

/**
 * Issue 13: named leases, so that a periodic job (the reminders sweep, the photo sweep) runs in one process at a
 * time when several serve one database. A process takes or renews a lease with one conditional upsert; the others
 * find it held until it runs out.
 */
export const m013Leases: Migration = {
  version: 13,
  name: 'leases: one process at a time runs each periodic job',
  up(db) {
    db.exec(`
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  until TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`)
  },
}
