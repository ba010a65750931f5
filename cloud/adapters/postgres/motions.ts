import type { Pool } from 'pg'
import type { NewMessage } from '../../messages/ports'
import type {
  MotionCommentOutcome,
  MotionCreateOutcome,
  MotionReplyOutcome,
  MotionRepo,
  MotionReviseOutcome,
  MotionRevisionRecord,
} from '../../motions/ports'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { ballotBox, vacuumAfterClose } from './motionBallots'
import { dueSteps, gateAfterRevision, NOT_HELD_BY_RISK, TIMED, toComment, toRecord, type CommentRow, type MotionRow } from '../rows/motions'
import { COMMENT, loadComment, loadMotion } from './motionRows'
import { rulesBook } from './motionRules'
import { load, NEXT, rosterBase, step } from './motionSteps'
import { inTransaction, inTransactionOr, Rollback, row, rows } from './tx'

/**
 * Motions (议事表决) on PostgreSQL, method by method as ../sqlite/motions.ts, at READ COMMITTED. The ballot box
 * (cast and its reads, and the secret ballot's layout) is motionBallots.ts; the rules book motionRules.ts; one
 * step of the phase machine motionSteps.ts.
 *
 * Phase changes (advance, settle) lock the motion's row FOR NO KEY UPDATE and read it again under the lock:
 * concurrent changes of one motion queue there, and each reads the status the previous one committed, so an
 * advance from a stale status finds another status and writes nothing (null), and two sweeps take each step
 * once. The lock also waits for the casts in flight (they hold the row FOR SHARE): see motionBallots.ts.
 */

export function motionRepo(pool: Pool): MotionRepo {
  return {
    ...ballotBox(pool),
    ...rulesBook(pool),

    /**
     * One transaction, the request key claimed FIRST (claimKey): concurrent creates with one requestId make one
     * motion; the others wait on the key, then replay it (or answer keyReused for another input), writing nothing.
     */
    async create(m, audit, key) {
      return inTransactionOr<MotionCreateOutcome, MotionCreateOutcome>(pool, async (c) => {
        const claim = await claimKey<{ motionId: string }>(c, key, { motionId: m.id }, m.createdAt)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') {
          const first = await load(c, claim.result.motionId)
          if (!first) throw new Error(`motion.create replay: motion ${claim.result.motionId} not found`)
          return { kind: 'replayed', motion: first }
        }
        const articles = JSON.stringify(m.articles)
        await c.query(
          `INSERT INTO motions (id, community_id, author_id, title, preamble, articles, kind, options, eligibility, status,
             consult_until, vote_from, vote_until, risk_gate, rev, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $11, $12, $14, 1, $13, $13)`,
          [m.id, m.communityId, m.authorId, m.title, m.preamble, articles, m.kind, m.options ? JSON.stringify(m.options) : null, m.eligibility,
            m.consultUntil, m.voteFrom, m.voteUntil, m.createdAt, m.major ? 'pending' : 'none'],
        )
        await c.query('INSERT INTO motion_revisions (motion_id, rev, title, preamble, articles, by_id, at) VALUES ($1, 1, $2, $3, $4, $5, $6)', [
          m.id, m.title, m.preamble, articles, m.authorId, m.createdAt,
        ])
        await writeAudit(c, audit)
        const made = await load(c, m.id)
        if (!made) throw new Error(`motion.create: motion ${m.id} not found after insert`)
        return { kind: 'created', motion: made }
      })
    },

    get: (id) => load(pool, id),

    async list(communityId, { status, withDrafts, limit, after }) {
      const found = await rows<MotionRow>(
        pool,
        `SELECT * FROM motions
         WHERE community_id = $1 AND ($2::text IS NULL OR status = $2::text) AND ($3::boolean OR status <> 'draft')
           AND ($4::bigint IS NULL OR seq < $4::bigint)
         ORDER BY seq DESC LIMIT $5`,
        [communityId, status ?? null, withDrafts, after, limit],
      )
      return found.map(toRecord)
    },

    async revisions(id) {
      const found = await rows<{ rev: number; title: string; preamble: string | null; articles: string; by_id: string; by_name: string; at: string }>(
        pool,
        `SELECT r.rev, r.title, r.preamble, r.articles, r.by_id, u.name AS by_name, r.at
         FROM motion_revisions r JOIN users u ON u.id = r.by_id WHERE r.motion_id = $1 ORDER BY r.rev`,
        [id],
      )
      return found.map(
        (r): MotionRevisionRecord => ({
          rev: r.rev,
          title: r.title,
          preamble: r.preamble,
          articles: JSON.parse(r.articles) as { text: string }[],
          byId: r.by_id,
          byName: r.by_name,
          at: r.at,
        }),
      )
    },

    async comments(id) {
      return (await rows<CommentRow>(pool, `${COMMENT} WHERE c.motion_id = $1 ORDER BY c.seq`, [id])).map(toComment)
    },

    async comment(id) {
      const r = await loadComment(pool, id)
      return r ? toComment(r) : null
    },

    /**
     * One transaction with the motion's row locked FOR NO KEY UPDATE: a concurrent publish or revision waits, and
     * the kind lock, the no-change check and the conditional UPDATE all see the status and text it committed.
     */
    async revise(id, p, by, at, audit) {
      return inTransaction<MotionReviseOutcome | null>(pool, async (c) => {
        const cur = await loadMotion(c, id, 'FOR NO KEY UPDATE')
        if (!cur) return null
        if (cur.status === 'consultation' && (p.kind !== cur.kind || p.eligibility !== cur.eligibility)) return { kind: 'kindLocked' }
        // a published major motion stays major: unmarking it would open voting without its 稳评
        if (cur.status === 'consultation' && cur.risk_gate !== 'none' && !p.major) return { kind: 'majorLocked' }
        const articles = JSON.stringify(p.articles)
        const options = p.options ? JSON.stringify(p.options) : null
        // a revision only when the text changes: a retried or empty update adds no snapshot equal to the last
        const sameText = cur.title === p.title && cur.preamble === p.preamble && cur.articles === articles
        const sameRest =
          cur.kind === p.kind && cur.options === options && cur.eligibility === p.eligibility &&
          cur.consult_until === p.consultUntil && cur.vote_from === p.voteFrom && cur.vote_until === p.voteUntil &&
          (cur.risk_gate !== 'none') === !!p.major
        if (sameText && sameRest && (cur.status === 'draft' || cur.status === 'consultation')) return { kind: 'unchanged', motion: toRecord(cur) }
        const done = await row(
          c,
          `UPDATE motions SET title = $2, preamble = $3, articles = $4, kind = $5, options = $6, eligibility = $7,
             consult_until = $8, vote_from = $9, vote_until = $10, risk_gate = ${gateAfterRevision('$13::integer')}, rev = rev + $11, updated_at = $12
           WHERE id = $1 AND (status = 'draft' OR (status = 'consultation' AND kind = $5 AND eligibility = $7)) RETURNING 1`,
          [id, p.title, p.preamble, articles, p.kind, options, p.eligibility, p.consultUntil, p.voteFrom, p.voteUntil, sameText ? 0 : 1, at, p.major ? 1 : 0],
        )
        if (!done) return null
        const m = await load(c, id)
        if (!m) throw new Error(`motion.revise: motion ${id} not found after update`)
        if (!sameText) {
          await c.query('INSERT INTO motion_revisions (motion_id, rev, title, preamble, articles, by_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            id, m.rev, p.title, p.preamble, articles, by, at,
          ])
        }
        await writeAudit(c, audit)
        return { kind: 'revised', motion: m }
      })
    },

    /**
     * One indexed read first (nothing due costs no transaction), then one transaction that locks every due motion
     * FOR NO KEY UPDATE in seq order, all before the first step (one order for every sweep, and no motion lock taken
     * after a step locked the community: no deadlock with sweeps or advances), and takes the steps due by the status
     * read under the lock: an overlapping sweep or advance that got there first leaves nothing due.
     */
    async settle(scope, at, compose) {
      const due =
        'motionId' in scope
          ? await rows<{ id: string }>(pool, `SELECT id FROM motions WHERE id = $1 AND status IN ${TIMED} AND ${NOT_HELD_BY_RISK}
              AND CASE status WHEN 'consultation' THEN vote_from <= $2::timestamptz ELSE vote_until <= $2::timestamptz END`, [scope.motionId, at])
          : await rows<{ id: string }>(
              pool,
              `SELECT id FROM motions WHERE ($1::text IS NULL OR community_id = $1::text) AND status IN ${TIMED} AND ${NOT_HELD_BY_RISK}
                 AND CASE status WHEN 'consultation' THEN vote_from <= $2::timestamptz ELSE vote_until <= $2::timestamptz END
               ORDER BY seq`,
              ['communityId' in scope ? scope.communityId : null, at],
            )
      if (due.length === 0) return []
      const { messages, closed } = await inTransaction(pool, async (c) => {
        // every due motion locked before any step: a step may lock the community too (a passed rules motion),
        // so taking a further motion's lock after it could close a cycle with an advance of that motion
        const locked = await rows<{ id: string }>(c, 'SELECT id FROM motions WHERE id = ANY($1::text[]) ORDER BY seq FOR NO KEY UPDATE', [due.map((d) => d.id)])
        const out: NewMessage[] = []
        let closedAny = false
        for (const { id } of locked) {
          let m = await load(c, id)
          if (!m) continue
          for (const to of dueSteps(m, at)) {
            const done = await step(c, m, to, at, compose)
            if (!done) break
            out.push(...done.messages)
            m = done.motion
            if (m.status === 'closed') closedAny = true
          }
        }
        return { messages: out, closed: closedAny }
      })
      await vacuumAfterClose(pool, closed)
      return messages
    },

    /** One transaction: the row locked, the status read under the lock compared with `from`, one step. */
    async advance(id, from, at, compose, audit) {
      const done = await inTransaction(pool, async (c) => {
        const m = await load(c, id, 'FOR NO KEY UPDATE')
        const to = m && m.status === from ? NEXT[from] : null
        if (!m || !to) return null
        const out = await step(c, m, to, at, compose)
        if (out && audit) await writeAudit(c, audit)
        return out
      })
      await vacuumAfterClose(pool, done?.motion.status === 'closed')
      return done
    },

    /**
     * One transaction: the key claimed first (claimKey), then the motion's row read FOR SHARE (an advance out of
     * consultation waits for this comment, or this comment waits for it and reads the new status), then the insert.
     * Not in consultation: rolled back, the key with it.
     */
    async addComment(cm, key) {
      return inTransactionOr<MotionCommentOutcome | null, MotionCommentOutcome | null>(pool, async (c) => {
        const claim = await claimKey<{ commentId: string }>(c, key ?? null, { commentId: cm.id }, cm.at)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') {
          const first = await loadComment(c, claim.result.commentId)
          if (!first) throw new Error(`motion.comment replay: comment ${claim.result.commentId} not found`)
          return { kind: 'replayed', comment: toComment(first) }
        }
        const open = await row<{ open: boolean }>(
          c,
          `SELECT status = 'consultation' AND (consult_until IS NULL OR consult_until > $2::timestamptz) AND vote_from > $2::timestamptz AS open
           FROM motions WHERE id = $1 FOR SHARE`,
          [cm.motionId, cm.at],
        )
        if (!open?.open) throw new Rollback(null)
        await c.query(
          'INSERT INTO motion_comments (id, motion_id, author_id, article_index, text, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [cm.id, cm.motionId, cm.authorId, cm.articleIndex, cm.text, cm.at],
        )
        const made = await loadComment(c, cm.id)
        if (!made) throw new Error(`motion.comment: comment ${cm.id} not found after insert`)
        return { kind: 'added', comment: toComment(made) }
      })
    },

    /** One transaction: the key claimed first, then one UPDATE (a later reply replaces it) and the audit entry. */
    async reply(commentId, text, by, at, audit, key) {
      return inTransactionOr<MotionReplyOutcome | null, MotionReplyOutcome | null>(pool, async (c) => {
        const claim = await claimKey<{ commentId: string }>(c, key ?? null, { commentId }, at)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') {
          const first = await loadComment(c, claim.result.commentId)
          if (!first) throw new Error(`motion.reply replay: comment ${claim.result.commentId} not found`)
          return { kind: 'replayed', comment: toComment(first) }
        }
        const done = await row(c, 'UPDATE motion_comments SET reply_text = $1, reply_by = $2, reply_at = $3 WHERE id = $4 RETURNING 1', [
          text, by, at, commentId,
        ])
        if (!done) throw new Rollback(null)
        await writeAudit(c, audit)
        const r = await loadComment(c, commentId)
        if (!r) throw new Error(`motion.reply: comment ${commentId} not found after update`)
        return { kind: 'replied', comment: toComment(r) }
      })
    },

    async closingBy(until) {
      const found = await rows<MotionRow>(pool, `SELECT * FROM motions WHERE status IN ${TIMED} AND vote_until <= $1::timestamptz ORDER BY vote_until, seq`, [
        until,
      ])
      return found.map(toRecord)
    },

    base: (communityId) => rosterBase(pool, communityId),
  }
}
