import type { ApplicationStatus } from '@/domain/residents'
import type { ReviewDecision, SeqCursor } from '../../residents/ports'
import { row, rows, type Queryable } from './tx'

/**
 * What resident and volunteer applications have in common on PostgreSQL, as ../sqlite/applications.ts: reads,
 * newest-first paging by `seq` (migration 012's identity column: insertion order, the cursor the use case hands
 * out), and the decide-once UPDATE.
 */
export interface ApplicationTable<Row extends { seq: number }, Rec> {
  table: 'resident_applications' | 'volunteer_applications'
  /** `SELECT a.*, … FROM <table> a …`, with no WHERE */
  select: string
  toRecord: (r: Row) => Rec
}

export function applicationTable<Row extends { seq: number }, Rec>(spec: ApplicationTable<Row, Rec>) {
  const { table, select, toRecord } = spec
  const load = async (db: Queryable, id: string): Promise<Rec | null> => {
    const r = await row<Row>(db, `${select} WHERE a.id = $1`, [id])
    return r ? toRecord(r) : null
  }
  return {
    load,
    async latestOf(db: Queryable, userId: string): Promise<Rec | null> {
      const r = await row<Row>(db, `${select} WHERE a.user_id = $1 ORDER BY a.seq DESC LIMIT 1`, [userId])
      return r ? toRecord(r) : null
    },
    async list(
      db: Queryable,
      communityId: string,
      { status, limit, after }: { status?: ApplicationStatus; limit: number; after: SeqCursor | null },
    ): Promise<{ record: Rec; seq: number }[]> {
      const found = await rows<Row>(
        db,
        `${select}
         WHERE a.community_id = $1 AND ($2::text IS NULL OR a.status = $2::text) AND ($3::bigint IS NULL OR a.seq < $3::bigint)
         ORDER BY a.seq DESC LIMIT $4`,
        [communityId, status ?? null, after, limit],
      )
      return found.map((r) => ({ record: toRecord(r), seq: r.seq }))
    },
    async hasPending(db: Queryable, userId: string): Promise<boolean> {
      return (await row(db, `SELECT 1 FROM ${table} WHERE user_id = $1 AND status = 'pending'`, [userId])) !== null
    },
    /**
     * The decision, inside the caller's transaction: UPDATE … WHERE status = 'pending' RETURNING. Under READ
     * COMMITTED a concurrent decision of the same application waits on this row's lock, then re-evaluates the WHERE
     * on the committed row, finds it decided and updates nothing: exactly one decision wins, and only the winner
     * goes on to its side effects (the caller's, on `true`). `householdId`: resident applications only.
     */
    async decide(db: Queryable, id: string, d: ReviewDecision, householdId?: string | null): Promise<{ user_id: string } | null> {
      const set = householdId === undefined ? '' : ', household_id = COALESCE($6::text, household_id)'
      return row<{ user_id: string }>(
        db,
        `UPDATE ${table} SET status = $2, reason = $3, reviewer_id = $4, reviewed_at = $5${set}
         WHERE id = $1 AND status = 'pending' RETURNING user_id`,
        [id, d.approve ? 'verified' : 'rejected', d.reason, d.reviewerId, d.at, ...(householdId === undefined ? [] : [householdId])],
      )
    },
  }
}
