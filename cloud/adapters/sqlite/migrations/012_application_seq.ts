import type { Migration } from './migration'

/**
 * Issue 13: an explicit insertion-order column on the two application tables. Their lists page newest-first by a
 * positive integer the use case hands out as the cursor (residents/applicationList.ts); SQLite read it from the
 * rowid, which PostgreSQL has no stable twin of. `seq` is that number made a column on both engines: here it is the
 * rowid itself — the existing rows get theirs (so cursors already handed out stay valid), and a trigger gives each
 * new row its rowid, so no insert has to know about it. SQLite cannot add a NOT NULL column to a filled table: the
 * trigger fills it and another refuses setting it NULL (PostgreSQL: an identity column, NOT NULL).
 */
export const m012ApplicationSeq: Migration = {
  version: 12,
  name: 'resident and volunteer applications: seq, an explicit insertion order',
  up(db) {
    for (const [table, prefix] of [
      ['resident_applications', 'resident_app'],
      ['volunteer_applications', 'volunteer_app'],
    ] as const) {
      db.exec(`
ALTER TABLE ${table} ADD COLUMN seq INTEGER;
UPDATE ${table} SET seq = rowid;
CREATE UNIQUE INDEX ${prefix}_seq ON ${table}(seq);
CREATE TRIGGER ${prefix}_seq_insert AFTER INSERT ON ${table} WHEN NEW.seq IS NULL
  BEGIN UPDATE ${table} SET seq = NEW.rowid WHERE rowid = NEW.rowid; END;
CREATE TRIGGER ${prefix}_seq_update BEFORE UPDATE OF seq ON ${table} WHEN NEW.seq IS NULL
  BEGIN SELECT RAISE(ABORT, '${table}: seq is required'); END;
`)
    }
  },
}
