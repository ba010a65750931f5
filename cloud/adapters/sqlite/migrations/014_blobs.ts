import type { Migration } from './migration'

/**
 * Issue 13: uploaded photos' bytes in the database, where every process serving it sees them. PostgreSQL keeps
 * photos here by default (several machines have no folder in common); the embedded SQLite keeps them in the
 * uploads folder as before, and has the same table so that both engines have one schema (cloud/compose/deps.ts).
 */
export const m014Blobs: Migration = {
  version: 14,
  name: 'blobs: uploaded bytes in the database',
  up(db) {
    db.exec(`
CREATE TABLE blobs (
  key TEXT PRIMARY KEY,
  bytes BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`)
  },
}
