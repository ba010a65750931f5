import type { Pool } from 'pg'
import type { MotionRecord, MotionRepo } from '../../motions/ports'
import { writeAudit } from './audit'
import { toRules, type RulesRow } from '../rows/motions'
import { inTransactionOr, Rollback, row, rows, type Queryable } from './tx'

/** The community's 村规民约 on PostgreSQL: the versions adopted by passed rules motions (as ../sqlite/motions.ts). */

/**
 * Inside the close transaction of a passed rules motion: the next version of its community's rules. Closes of two
 * motions of one community may run at once (each holds its own motion's lock only), so the community's row is
 * locked FOR NO KEY UPDATE first: the second close waits, then reads the first's version in a new statement.
 * (The (community_id, version) key would otherwise fail the second close instead of numbering it next.)
 */
export async function adoptRules(db: Queryable, m: MotionRecord, at: string): Promise<void> {
  await db.query('SELECT 1 FROM communities WHERE id = $1 FOR NO KEY UPDATE', [m.communityId])
  const max = await row<{ v: number | null }>(db, 'SELECT max(version) AS v FROM community_rules WHERE community_id = $1', [m.communityId])
  await db.query(
    `INSERT INTO community_rules (community_id, version, adopted_at, motion_id, title, articles) VALUES ($1, $2, $3, $4, $5, $6)`,
    [m.communityId, (max?.v ?? 0) + 1, at, m.id, m.title, JSON.stringify(m.articles)],
  )
}

export function rulesBook(pool: Pool): Pick<MotionRepo, 'currentRules' | 'rulesHistory' | 'markFiled'> {
  return {
    async currentRules(communityId) {
      const r = await row<RulesRow>(pool, 'SELECT * FROM community_rules WHERE community_id = $1 ORDER BY version DESC LIMIT 1', [communityId])
      return r ? toRules(r) : null
    },

    async rulesHistory(communityId, { limit, before }) {
      const found = await rows<RulesRow>(
        pool,
        `SELECT * FROM community_rules WHERE community_id = $1 AND ($2::integer IS NULL OR version < $2::integer)
         ORDER BY version DESC LIMIT $3`,
        [communityId, before, limit],
      )
      return found.map(toRules)
    },

    /** One UPDATE … RETURNING and its audit entry in one transaction; no such version: nothing written. */
    async markFiled(communityId, version, filedAt, audit) {
      return inTransactionOr(pool, async (c) => {
        const r = await row<RulesRow>(c, 'UPDATE community_rules SET filed_at = $1 WHERE community_id = $2 AND version = $3 RETURNING *', [
          filedAt,
          communityId,
          version,
        ])
        if (!r) throw new Rollback(null)
        await writeAudit(c, audit)
        return toRules(r)
      })
    },
  }
}
