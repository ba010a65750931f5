import type { ApplicationStatus } from '@/domain/residents'
import type { ReviewDecision, SeqCursor } from '../../residents/ports'
import type { AuditEntry } from '../../shared/ports'
import { auditWriter } from './audit'
import type { Db } from './open'

/** What resident and volunteer applications have in common, by table: reads, newest-first paging, decide-once. */
export interface ApplicationTable<Row extends { seq: number }, Rec> {
  /** the application's table */
  table: 'resident_applications' | 'volunteer_applications'
  /** `SELECT a.*, … FROM <table> a …`, with no WHERE */
  select: string
  toRecord: (r: Row) => Rec
  /** further `, column = @param` assignments of the review's UPDATE */
  alsoSet?: string
}

export type DecideOutcome<Rec> = { kind: 'done'; application: Rec } | { kind: 'alreadyDecided' }

export function applicationTable<Row extends { seq: number }, Rec>(db: Db, spec: ApplicationTable<Row, Rec>) {
  const { table, select, toRecord } = spec
  const writeAudit = auditWriter(db)
  const byId = db.prepare<[string], Row>(`${select} WHERE a.id = ?`)
  const latest = db.prepare<[string], Row>(`${select} WHERE a.user_id = ? ORDER BY a.seq DESC LIMIT 1`)
  const page = db.prepare<Record<string, unknown>, Row>(`${select}
    WHERE a.community_id = @community AND (@status IS NULL OR a.status = @status)
      AND (@hasCursor = 0 OR a.seq < @cSeq)
    ORDER BY a.seq DESC LIMIT @limit`)
  const pending = db.prepare<[string], { id: string }>(
    `SELECT id FROM ${table} WHERE user_id = ? AND status = 'pending'`,
  )
  const decide = db.prepare(`UPDATE ${table}
    SET status = @status, reason = @reason, reviewer_id = @reviewerId, reviewed_at = @at${spec.alsoSet ?? ''}
    WHERE id = @id AND status = 'pending'`)

  const load = (id: string): Rec | null => {
    const r = byId.get(id)
    return r ? toRecord(r) : null
  }

  return {
    load,
    latestOf(userId: string): Rec | null {
      const r = latest.get(userId)
      return r ? toRecord(r) : null
    },
    list(
      communityId: string,
      { status, limit, after }: { status?: ApplicationStatus; limit: number; after: SeqCursor | null },
    ): { record: Rec; seq: number }[] {
      return page
        .all({
          community: communityId,
          status: status ?? null,
          hasCursor: after === null ? 0 : 1,
          cSeq: after ?? 0,
          limit,
        })
        .map((r) => ({ record: toRecord(r), seq: r.seq }))
    },
    hasPending(userId: string): boolean {
      return pending.get(userId) !== undefined
    },
    /**
     * The decision, inside the caller's transaction: the conditional UPDATE … WHERE status = 'pending' (`extra`
     * fills the `alsoSet` parameters); only its winner runs `onApprove` (on approval) and writes the audit entry.
     */
    decide(
      id: string,
      d: ReviewDecision,
      extra: Record<string, unknown>,
      onApprove: () => void,
      audit: AuditEntry,
    ): DecideOutcome<Rec> {
      const changed = decide.run({
        id,
        status: d.approve ? 'verified' : 'rejected',
        reason: d.reason,
        reviewerId: d.reviewerId,
        at: d.at,
        ...extra,
      }).changes
      if (changed !== 1) return { kind: 'alreadyDecided' }
      if (d.approve) onApprove()
      writeAudit(audit)
      return { kind: 'done', application: load(id) as Rec }
    },
  }
}
