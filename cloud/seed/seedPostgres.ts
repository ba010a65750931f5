import type { Pool } from 'pg'
import { motionRepo } from '../adapters/postgres/motions'
import { motionRiskRepo } from '../adapters/postgres/motionRisks'
import { changeReport, createReport } from '../adapters/postgres/reportWrites'
import { inTransactionOr, numbered, Rollback, rows } from '../adapters/postgres/tx'
import { writeDemo } from './demo'
import type { SeedEngine } from './ports'


/** A step's refusal (thrown as Rollback to end a transaction) as the outcome it is: the seed checks every outcome. */
async function outcome<T>(step: Promise<T>): Promise<T> {
  try {
    return await step
  } catch (err) {
    if (err instanceof Rollback) return err.value as T
    throw err
  }
}

/** Any constant: the advisory lock the demo seed takes, so that processes starting at once seed once. */
const SEED_LOCK = 0x5eed_6d7a

/**
 * The demo on PostgreSQL. The base is one transaction that first takes a transaction-level advisory lock: of
 * processes starting at once on an empty database, one seeds while the others wait, then find its communities
 * and write nothing. The motions follow through the motion store, as on SQLite.
 */
export function postgresSeedEngine(pool: Pool): SeedEngine {
  return {
    async intoEmpty(write) {
      return inTransactionOr<boolean, boolean>(pool, async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK])
        const [existing] = await rows<{ n: number }>(c, 'SELECT count(*)::int AS n FROM communities')
        if ((existing?.n ?? 0) > 0) throw new Rollback(false)
        await write({
          async run(sql, params) {
            await c.query(numbered(sql), params)
          },
          reports: {
            create: (report, photoIds, messages, idem) => outcome(createReport(c, report, photoIds, messages, idem)),
            change: (change) => outcome(changeReport(c, change)),
          },
        })
        return true
      })
    },
    motions: motionRepo(pool),
    motionRisks: motionRiskRepo(pool),
    async householdsOf(communityId) {
      const found = await rows<{ id: string }>(
        pool,
        'SELECT h.id FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = $1 ORDER BY h.id COLLATE "C"',
        [communityId],
      )
      return found.map((r) => r.id)
    },
  }
}

/** Loads the demo 街道 into an empty PostgreSQL database; false when it has a community already (or another process seeded it). */
export function seedDemoPostgres(pool: Pool, now: Date = new Date()): Promise<boolean> {
  return writeDemo(postgresSeedEngine(pool), now)
}
