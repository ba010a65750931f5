import type { Db } from '../adapters/sqlite/open'
import { motionRepo } from '../adapters/sqlite/motions'
import { motionRiskRepo } from '../adapters/sqlite/motionRisks'
import { reportStatements } from '../adapters/sqlite/reports'
import { writeDemo } from './demo'
import type { SeedEngine } from './ports'

/** SQLite binds no booleans: they are stored as 0 and 1, as the adapters write them. */
const bindable = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)

/**
 * The demo on the embedded file. The base is one IMMEDIATE transaction (the seed's statements are synchronous
 * underneath, so nothing else runs on the connection between its BEGIN and COMMIT); some forty small commits of
 * demo motions follow without an fsync each (20 ms, not 100), then one checkpoint makes them durable.
 */
export function sqliteSeedEngine(db: Db): SeedEngine {
  const reports = reportStatements(db)
  return {
    async intoEmpty(write) {
      db.exec('BEGIN IMMEDIATE')
      try {
        const existing = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM communities').get()
        if (existing && existing.n > 0) {
          db.exec('ROLLBACK')
          return false
        }
        await write({
          async run(sql, params) {
            db.prepare(sql).run(...params.map(bindable))
          },
          reports: {
            create: async (...args) => reports.create(...args),
            change: async (change) => reports.change(change),
          },
        })
        db.exec('COMMIT')
        return true
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK')
        throw err
      }
    },
    motions: motionRepo(db),
    motionRisks: motionRiskRepo(db),
    async householdsOf(communityId) {
      return db
        .prepare<[string], { id: string }>('SELECT h.id FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = ? ORDER BY h.id')
        .all(communityId)
        .map((r) => r.id)
    },
  }
}

/** Loads the demo 街道 into an empty SQLite database; false when it has a community already. */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<boolean> {
  const sync = db.pragma('synchronous', { simple: true }) as number
  db.pragma('synchronous = NORMAL')
  let seeded: boolean
  try {
    seeded = await writeDemo(sqliteSeedEngine(db), now)
  } finally {
    db.pragma(`synchronous = ${sync}`)
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
  return seeded
}
