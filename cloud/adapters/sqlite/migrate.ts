import type Database from 'better-sqlite3'
import { SchemaTooNewError } from '../schemaVersion'
import { MIGRATIONS } from './migrations'
import type { Migration } from './migrations/migration'

export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version))

/**
 * Applies the migrations newer than the recorded version, each in its own immediate transaction. A database
 * whose recorded version is newer than this code knows is refused (SchemaTooNewError) before anything runs.
 */
export function migrate(db: Database.Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`)
  const newest = schemaVersion(db)
  if (newest > LATEST_VERSION) throw new SchemaTooNewError(newest, LATEST_VERSION, db.memory ? 'in memory' : `in ${db.name}`)
  const applied: number[] = []
  const run = db.transaction((m: Migration) => {
    // re-check inside the write lock: another process may have applied it meanwhile
    const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)
    if (done) return false
    m.up(db)
    if (m.foreignKeysOff) {
      const broken = db.pragma('foreign_key_check') as unknown[]
      if (broken.length > 0) throw new Error(`migration ${m.version} broke ${broken.length} foreign keys: ${JSON.stringify(broken.slice(0, 5))}`)
    }
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      m.version,
      m.name,
      new Date().toISOString(),
    )
    return true
  })
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    const fkWasOn = m.foreignKeysOff ? (db.pragma('foreign_keys', { simple: true }) as number) === 1 : false
    if (fkWasOn) db.pragma('foreign_keys = OFF')
    try {
      if (run.immediate(m)) applied.push(m.version)
    } finally {
      if (fkWasOn) db.pragma('foreign_keys = ON')
    }
  }
  return applied
}

/** The newest version recorded (0 before any migration). */
export function schemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()
  if (!table) return 0
  return (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0
}
