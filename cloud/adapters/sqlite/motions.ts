/*
 * Secret ballot, what the file itself shows. Who voted (motion_voters) and what was chosen (motion_ballots)
 * share no row, key or time column, but SQLite writes each new cell on its page in arrival order (the cell
 * content area fills from the end of the page down) and the WAL holds each cast's two rows in one commit.
 * So WHILE VOTING IS OPEN, someone holding the database file, its WAL, or a backup/copy taken during voting
 * can read the raw pages and pair voters with ballots by position (all 24 of 24 in a one-page test; with
 * hundreds of voters, page splits rewrite most pages in key order, but the cells written since a page's
 * last split are still in cast order). No reply, export or log carries this: it is the file only.
 * At close (committee's advance or the schedule) relayBallots rewrites the motion's rows in key order
 * inside the close transaction (secure_delete zeroes what they occupied) and the WAL is then checkpointed
 * and truncated; after that the pages follow keys, not time. A backup taken during voting keeps the link.
 * An adults cast also bumps its household's count in motion_household_adults (which household voted, as the
 * voter row already says; nothing of the choice).
 */
import { emptyTally, type MotionOutcomeView, type MotionStatus } from '@/domain/motions'
import { outcome, type CastCounts, type Eligibility, type TallyBase } from '@/domain/motions/tally'
import type { NewMessage } from '../../messages/ports'
import type {
  MotionBallot,
  MotionCastOutcome,
  MotionCommentOutcome,
  MotionCreateOutcome,
  MotionMessages,
  MotionPatch,
  MotionRecord,
  MotionReplyOutcome,
  MotionRepo,
  MotionReviseOutcome,
  MotionRevisionRecord,
  NewMotion,
} from '../../motions/ports'
import type { AuditEntry, IdempotencyKey } from '../../shared/ports'
import { auditWriter } from './audit'
import { writerOf } from './busy'
import { idempotencyTable } from './idempotency'
import { messageWriter } from './messages'
import type { Db } from './open'
import { dueSteps, gateAfterRevision, NOT_HELD_BY_RISK, TIMED, toComment, toRecord, toRules, type CommentRow, type MotionRow, type RulesRow } from '../rows/motions'

type NewComment = Parameters<MotionRepo['addComment']>[0]

/**
 * Who receives a motion's messages (`m` the motion, `u` the user): verified residents of its community who
 * can sign in (roster-only residents have no account to read them; staff are not verified residents), bound
 * to a household (no household, no vote: `voterKeyOf`). Used by the phase messages and by the closing reminder.
 */
const RECIPIENTS = `FROM motions m JOIN users u ON u.community_id = m.community_id AND u.verified = 1 AND u.roster_only = 0
    AND u.household_id IS NOT NULL`

/**
 * The recipients who have not voted, while the motion is in voting before voteUntil at `at` (else nobody):
 * the voter key is the user (adults) or the household (households, so one member's vote covers them all),
 * as `voterKeyOf` in cloud/motions/access.ts; for adults, only while the household has a place left. A plain
 * read for use inside the caller's write transaction.
 */
export function unvotedOf(db: Db): (motionId: string, at: string) => string[] {
  const q = db.prepare<[string, string], { id: string }>(`
    SELECT u.id ${RECIPIENTS}
    WHERE m.id = ? AND m.status = 'voting' AND m.vote_until > ?
      AND NOT EXISTS (SELECT 1 FROM motion_voters v WHERE v.motion_id = m.id
        AND v.voter_key = CASE m.eligibility WHEN 'households' THEN u.household_id ELSE u.id END)
      AND (m.eligibility <> 'adults' OR EXISTS (SELECT 1 FROM motion_household_adults p
        WHERE p.motion_id = m.id AND p.household_id = u.household_id AND p.voters < p.adults))
    ORDER BY u.id`)
  return (motionId, at) => q.all(motionId, at).map((r) => r.id)
}

/** Thrown inside the cast transaction to undo what it wrote and answer `outcome`. */
class CastRollback {
  constructor(readonly outcome: MotionCastOutcome) {}
}

export function motionRepo(db: Db): MotionRepo {
  const write = writerOf(db)
  const idem = idempotencyTable(db)
  const writeMessage = messageWriter(db)
  const writeAudit = auditWriter(db)

  const byId = db.prepare<[string], MotionRow>('SELECT * FROM motions WHERE id = ?')
  const load = (id: string): MotionRecord | null => {
    const r = byId.get(id)
    return r ? toRecord(r) : null
  }
  const insertMotion = db.prepare(`
    INSERT INTO motions (id, community_id, author_id, title, preamble, articles, kind, options, eligibility, status,
      consult_until, vote_from, vote_until, risk_gate, rev, created_at, updated_at)
    VALUES (@id, @communityId, @authorId, @title, @preamble, @articles, @kind, @options, @eligibility, 'draft',
      @consultUntil, @voteFrom, @voteUntil, CASE @major WHEN 1 THEN 'pending' ELSE 'none' END, 1, @createdAt, @createdAt)`)
  const insertRevision = db.prepare(
    'INSERT INTO motion_revisions (motion_id, rev, title, preamble, articles, by_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const list = db.prepare<Record<string, unknown>, MotionRow>(`
    SELECT * FROM motions
    WHERE community_id = @communityId AND (@status IS NULL OR status = @status) AND (@drafts = 1 OR status <> 'draft')
      AND (@after IS NULL OR seq < @after)
    ORDER BY seq DESC LIMIT @limit`)
  const revisions = db.prepare<[string], { rev: number; title: string; preamble: string | null; articles: string; by_id: string; by_name: string; at: string }>(`
    SELECT r.rev, r.title, r.preamble, r.articles, r.by_id, u.name AS by_name, r.at
    FROM motion_revisions r JOIN users u ON u.id = r.by_id WHERE r.motion_id = ? ORDER BY r.rev`)
  const COMMENT = `SELECT c.id, c.motion_id, c.author_id, a.name AS author_name, c.article_index, c.text, c.created_at,
      c.reply_text, c.reply_by, b.name AS reply_by_name, c.reply_at
    FROM motion_comments c JOIN users a ON a.id = c.author_id LEFT JOIN users b ON b.id = c.reply_by`
  const comments = db.prepare<[string], CommentRow>(`${COMMENT} WHERE c.motion_id = ? ORDER BY c.seq`)
  const commentById = db.prepare<[string], CommentRow>(`${COMMENT} WHERE c.id = ?`)
  const revise = db.prepare(`
    UPDATE motions SET title = @title, preamble = @preamble, articles = @articles, kind = @kind, options = @options,
      eligibility = @eligibility, consult_until = @consultUntil, vote_from = @voteFrom, vote_until = @voteUntil,
      risk_gate = ${gateAfterRevision('@major')}, rev = rev + @newText, updated_at = @at
    WHERE id = @id AND (status = 'draft' OR (status = 'consultation' AND kind = @kind AND eligibility = @eligibility))`)
  const insertComment = db.prepare(`
    INSERT INTO motion_comments (id, motion_id, author_id, article_index, text, created_at)
    SELECT @id, @motionId, @authorId, @articleIndex, @text, @at
    WHERE EXISTS (SELECT 1 FROM motions WHERE id = @motionId AND status = 'consultation'
      AND (consult_until IS NULL OR consult_until > @at) AND vote_from > @at)`)
  const replyComment = db.prepare('UPDATE motion_comments SET reply_text = ?, reply_by = ?, reply_at = ? WHERE id = ?')
  const dueAnywhere = db.prepare<[string, string], { id: string }>(`
    SELECT id FROM motions WHERE status IN ${TIMED} AND ${NOT_HELD_BY_RISK}
      AND CASE status WHEN 'consultation' THEN vote_from <= ? ELSE vote_until <= ? END
    ORDER BY seq`)
  const dueIn = db.prepare<[string, string, string], { id: string }>(`
    SELECT id FROM motions WHERE community_id = ? AND status IN ${TIMED} AND ${NOT_HELD_BY_RISK}
      AND CASE status WHEN 'consultation' THEN vote_from <= ? ELSE vote_until <= ? END
    ORDER BY seq`)
  const toConsultation = db.prepare(
    "UPDATE motions SET status = 'consultation', consulted_at = ?, updated_at = ? WHERE id = ? AND status = 'draft'",
  )
  const toVoting = db.prepare(`UPDATE motions SET status = 'voting', opened_at = ?, updated_at = ?, base_adults = ?,
    base_households = ? WHERE id = ? AND status = 'consultation' AND risk_gate <> 'pending'`)
  const toClosed = db.prepare(
    "UPDATE motions SET status = 'closed', closed_at = ?, updated_at = ?, result = ? WHERE id = ? AND status = 'voting'",
  )
  const rosterBase = db.prepare<[string], { adults: number; households: number }>(`
    SELECT coalesce(sum(coalesce(h.adults, 0)), 0) AS adults, count(*) AS households
    FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = ?`)
  // each household's adults, frozen beside the base when an adults motion opens (no adults on the roster: no row)
  const freezeAdults = db.prepare(`INSERT INTO motion_household_adults (motion_id, household_id, adults, voters)
    SELECT ?, h.id, h.adults, 0 FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = ? AND h.adults > 0`)
  const recipients = db.prepare<[string], { id: string }>(`SELECT u.id ${RECIPIENTS} WHERE m.id = ? ORDER BY u.id`)
  const byChannel = db.prepare<[string], { channel: 'online' | 'offline'; n: number }>(
    'SELECT channel, count(*) AS n FROM motion_voters WHERE motion_id = ? GROUP BY channel',
  )
  // adults: the households whose members voted, as counted by the cast (the household then, not now)
  const votingHouseholds = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM motion_household_adults WHERE motion_id = ? AND voters > 0',
  )
  const tallyRows = db.prepare<[string], { choice: string; n: number }>(
    'SELECT choice, count(*) AS n FROM motion_ballots WHERE motion_id = ? GROUP BY choice',
  )
  const maxRules = db.prepare<[string], { v: number | null }>('SELECT max(version) AS v FROM community_rules WHERE community_id = ?')
  const insertRules = db.prepare(`INSERT INTO community_rules (community_id, version, adopted_at, motion_id, title, articles)
    VALUES (?, ?, ?, ?, ?, ?)`)
  const castState = db.prepare<[string], { status: MotionStatus; vote_until: string; eligibility: Eligibility }>(
    'SELECT status, vote_until, eligibility FROM motions WHERE id = ?',
  )
  const takePlace = db.prepare(
    'UPDATE motion_household_adults SET voters = voters + 1 WHERE motion_id = ? AND household_id = ? AND voters < adults',
  )
  const places = db.prepare<[string, string], { adults: number; voters: number }>(
    'SELECT adults, voters FROM motion_household_adults WHERE motion_id = ? AND household_id = ?',
  )
  const insertVoter = db.prepare(`INSERT INTO motion_voters (motion_id, voter_key, channel, recorded_by) VALUES (?, ?, ?, ?)
    ON CONFLICT (motion_id, voter_key) DO NOTHING`)
  const insertBallot = db.prepare('INSERT INTO motion_ballots (motion_id, receipt_hash, choice) VALUES (?, ?, ?)')
  const voted = db.prepare<[string, string], { x: number }>('SELECT 1 AS x FROM motion_voters WHERE motion_id = ? AND voter_key = ?')
  const turnout = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM motion_voters WHERE motion_id = ?')
  const closingBy = db.prepare<[string], MotionRow>(
    `SELECT * FROM motions WHERE status IN ${TIMED} AND vote_until <= ? ORDER BY vote_until, seq`,
  )
  const ballots = db.prepare<[string], { receiptHash: string; choice: string }>(
    'SELECT receipt_hash AS receiptHash, choice FROM motion_ballots WHERE motion_id = ? ORDER BY receipt_hash',
  )
  const votersInKeyOrder = db.prepare<[string], { voterKey: string; channel: string; recordedBy: string | null }>(
    'SELECT voter_key AS voterKey, channel, recorded_by AS recordedBy FROM motion_voters WHERE motion_id = ? ORDER BY voter_key',
  )
  const deleteVoters = db.prepare('DELETE FROM motion_voters WHERE motion_id = ?')
  const deleteBallots = db.prepare('DELETE FROM motion_ballots WHERE motion_id = ?')
  const ballotOf = db.prepare<[string, string], { choice: string }>(
    'SELECT choice FROM motion_ballots WHERE motion_id = ? AND receipt_hash = ?',
  )
  const currentRules = db.prepare<[string], RulesRow>(
    'SELECT * FROM community_rules WHERE community_id = ? ORDER BY version DESC LIMIT 1',
  )
  const rulesHistory = db.prepare<{ c: string; before: number | null; limit: number }, RulesRow>(`
    SELECT * FROM community_rules WHERE community_id = @c AND (@before IS NULL OR version < @before)
    ORDER BY version DESC LIMIT @limit`)
  const rulesOf = db.prepare<[string, number], RulesRow>('SELECT * FROM community_rules WHERE community_id = ? AND version = ?')
  const markFiled = db.prepare('UPDATE community_rules SET filed_at = ? WHERE community_id = ? AND version = ?')

  /** The figures at close: from the frozen base, the voters (who) and the ballots (what), counted apart. */
  function resultOf(m: MotionRecord): MotionOutcomeView {
    const base: TallyBase = m.base ?? { adults: 0, households: 0 }
    const channels = byChannel.all(m.id)
    const online = channels.find((c) => c.channel === 'online')?.n ?? 0
    const offline = channels.find((c) => c.channel === 'offline')?.n ?? 0
    const total = online + offline
    const households = m.eligibility === 'households' ? total : (votingHouseholds.get(m.id)?.n ?? 0)
    const cast: CastCounts = { online, offline, total, households }
    const tally = emptyTally(m)
    for (const r of tallyRows.all(m.id)) tally[r.choice] = (tally[r.choice] ?? 0) + r.n
    const o = outcome(m.kind, m.eligibility, base, cast, tally)
    return { base, cast, tally, quorumMet: o.quorumMet, passed: o.passed, winner: o.winner }
  }

  /**
   * At close, inside the close transaction: the motion's voter rows and ballot rows are read out in key
   * order, deleted (secure_delete zeroes the freed cells and pages) and written back in key order, so that
   * where a row sits on its page follows its key, no longer the moment it was cast. The caller then
   * checkpoints the WAL (`checkpointAfterClose`) so the frames holding the cast-time pages are gone too.
   */
  function relayBallots(motionId: string): void {
    const who = votersInKeyOrder.all(motionId)
    const what = ballots.all(motionId)
    deleteVoters.run(motionId)
    deleteBallots.run(motionId)
    for (const v of who) insertVoter.run(motionId, v.voterKey, v.channel, v.recordedBy)
    for (const b of what) insertBallot.run(motionId, b.receiptHash, b.choice)
  }

  /**
   * After a close has committed: copy the WAL into the file and truncate it, so no WAL frame keeps a page
   * as it was during voting. A reader holding an older snapshot (another process) makes it wait up to
   * busy_timeout and then return busy; the frames are then overwritten by later checkpoints, and the next close truncates again.
   */
  function checkpointAfterClose(closed: boolean): void {
    if (closed) db.pragma('wal_checkpoint(TRUNCATE)')
  }

  /** One step of the machine inside the caller's transaction; null when the conditional UPDATE lost. */
  function step(m: MotionRecord, to: MotionStatus, at: string, compose: MotionMessages): { motion: MotionRecord; messages: NewMessage[] } | null {
    let changes = 0
    if (to === 'consultation') changes = toConsultation.run(at, at, m.id).changes
    else if (to === 'voting') {
      const base = rosterBase.get(m.communityId) ?? { adults: 0, households: 0 }
      changes = toVoting.run(at, at, base.adults, base.households, m.id).changes
      if (changes > 0 && m.eligibility === 'adults') freezeAdults.run(m.id, m.communityId)
    } else if (to === 'closed') {
      const result = resultOf(m)
      changes = toClosed.run(at, at, JSON.stringify(result), m.id).changes
      if (changes > 0) relayBallots(m.id)
      if (changes > 0 && m.kind === 'rules' && result.passed) {
        const version = (maxRules.get(m.communityId)?.v ?? 0) + 1
        insertRules.run(m.communityId, version, at, m.id, m.title, JSON.stringify(m.articles))
      }
    }
    if (changes === 0) return null
    const motion = load(m.id) as MotionRecord
    const messages = compose(motion, to, recipients.all(m.id).map((r) => r.id))
    for (const msg of messages) writeMessage(msg)
    return { motion, messages }
  }

  const createTx = db.transaction((m: NewMotion, audit: AuditEntry, key: IdempotencyKey | null): MotionCreateOutcome => {
    const prior = idem.lookup<{ motionId: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') return { kind: 'replayed', motion: load(prior.result.motionId) as MotionRecord }
    insertMotion.run({ ...m, articles: JSON.stringify(m.articles), options: m.options ? JSON.stringify(m.options) : null, major: m.major ? 1 : 0 })
    insertRevision.run(m.id, 1, m.title, m.preamble, JSON.stringify(m.articles), m.authorId, m.createdAt)
    writeAudit(audit)
    idem.store(key, { motionId: m.id }, m.createdAt)
    return { kind: 'created', motion: load(m.id) as MotionRecord }
  })

  const reviseTx = db.transaction((id: string, p: MotionPatch, by: string, at: string, audit: AuditEntry): MotionReviseOutcome | null => {
    const cur = byId.get(id)
    if (!cur) return null
    // kind and eligibility are fixed once published, by the status found here (not the one the caller read)
    if (cur.status === 'consultation' && (p.kind !== cur.kind || p.eligibility !== cur.eligibility)) return { kind: 'kindLocked' }
    // a published major motion stays major: unmarking it would open voting without its 稳评
    if (cur.status === 'consultation' && cur.risk_gate !== 'none' && !p.major) return { kind: 'majorLocked' }
    const row = { articles: JSON.stringify(p.articles), options: p.options ? JSON.stringify(p.options) : null, major: p.major ? 1 : 0 }
    // a revision only when the text changes: a retried or empty update adds no snapshot equal to the last
    const sameText = cur.title === p.title && cur.preamble === p.preamble && cur.articles === row.articles
    const sameRest =
      cur.kind === p.kind && cur.options === row.options && cur.eligibility === p.eligibility &&
      cur.consult_until === p.consultUntil && cur.vote_from === p.voteFrom && cur.vote_until === p.voteUntil &&
      (cur.risk_gate !== 'none') === !!p.major
    if (sameText && sameRest && (cur.status === 'draft' || cur.status === 'consultation')) return { kind: 'unchanged', motion: toRecord(cur) }
    if (revise.run({ id, ...p, ...row, newText: sameText ? 0 : 1, at }).changes === 0) return null
    const m = load(id) as MotionRecord
    if (!sameText) insertRevision.run(id, m.rev, p.title, p.preamble, row.articles, by, at)
    writeAudit(audit)
    return { kind: 'revised', motion: m }
  })

  const settleTx = db.transaction((ids: string[], at: string, compose: MotionMessages): { messages: NewMessage[]; closed: boolean } => {
    const out: NewMessage[] = []
    let closed = false
    for (const id of ids) {
      let m = load(id)
      if (!m) continue
      for (const to of dueSteps(m, at)) {
        const done = step(m, to, at, compose)
        if (!done) break
        out.push(...done.messages)
        m = done.motion
        if (m.status === 'closed') closed = true
      }
    }
    return { messages: out, closed }
  })

  const advanceTx = db.transaction((id: string, from: MotionStatus, at: string, compose: MotionMessages, audit: AuditEntry | null) => {
    const m = load(id)
    const to = m && m.status === from ? ({ draft: 'consultation', consultation: 'voting', voting: 'closed', closed: null } as const)[from] : null
    if (!m || !to) return null
    const done = step(m, to, at, compose)
    if (done && audit) writeAudit(audit)
    return done
  })

  const castTx = db.transaction((motionId: string, b: MotionBallot, at: string): MotionCastOutcome => {
    const s = castState.get(motionId)
    if (!s || s.status !== 'voting' || s.vote_until <= at) return { kind: 'notVoting' }
    // a retry of a cast whose reply was lost is ALREADY_VOTED, whatever receipt it carries; inside the
    // IMMEDIATE transaction, so both rows are written or neither
    if (voted.get(motionId, b.voterKey)) return { kind: 'alreadyVoted' }
    if (ballotOf.get(motionId, b.receiptHash)) return { kind: 'receiptTaken' }
    // adults: a place of the household (its frozen roster adults), taken in this transaction or not at all
    if (s.eligibility === 'adults' && (!b.householdId || takePlace.run(motionId, b.householdId).changes === 0)) {
      return { kind: 'householdFull', adults: b.householdId ? (places.get(motionId, b.householdId)?.adults ?? 0) : 0 }
    }
    // (a place taken above is given back with the rollback)
    if (insertVoter.run(motionId, b.voterKey, b.channel, b.recordedBy).changes === 0) throw new CastRollback({ kind: 'alreadyVoted' })
    insertBallot.run(motionId, b.receiptHash, b.choice)
    return { kind: 'done' }
  })

  const commentTx = db.transaction((c: NewComment, key: IdempotencyKey | null): MotionCommentOutcome | null => {
    const prior = idem.lookup<{ commentId: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    const first = prior.kind === 'replayed' ? commentById.get(prior.result.commentId) : undefined
    if (first) return { kind: 'replayed', comment: toComment(first) }
    if (insertComment.run({ ...c }).changes === 0) return null
    idem.store(key, { commentId: c.id }, c.at)
    return { kind: 'added', comment: toComment(commentById.get(c.id) as CommentRow) }
  })

  const replyTx = db.transaction(
    (commentId: string, text: string, by: string, at: string, audit: AuditEntry, key: IdempotencyKey | null): MotionReplyOutcome | null => {
      const prior = idem.lookup<{ commentId: string }>(key)
      if (prior.kind === 'keyReused') return { kind: 'keyReused' }
      const first = prior.kind === 'replayed' ? commentById.get(prior.result.commentId) : undefined
      if (first) return { kind: 'replayed', comment: toComment(first) }
      if (replyComment.run(text, by, at, commentId).changes === 0) return null
      writeAudit(audit)
      idem.store(key, { commentId }, at)
      const row = commentById.get(commentId)
      return row ? { kind: 'replied', comment: toComment(row) } : null
    },
  )

  const markFiledTx = db.transaction((communityId: string, version: number, filedAt: string, audit: AuditEntry) => {
    if (markFiled.run(filedAt, communityId, version).changes === 0) return null
    writeAudit(audit)
    const row = rulesOf.get(communityId, version)
    return row ? toRules(row) : null
  })

  return {
    async create(m, audit, key) {
      return createTx.immediate(m, audit, key)
    },
    async get(id) {
      return load(id)
    },
    async list(communityId, { status, withDrafts, limit, after }) {
      return list.all({ communityId, status: status ?? null, drafts: withDrafts ? 1 : 0, after, limit }).map(toRecord)
    },
    async revisions(id) {
      return revisions.all(id).map(
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
      return comments.all(id).map(toComment)
    },
    async comment(id) {
      const r = commentById.get(id)
      return r ? toComment(r) : null
    },
    async revise(id, patch, by, at, audit) {
      return reviseTx.immediate(id, patch, by, at, audit)
    },
    async settle(scope, at, compose) {
      // cheap when nothing is due: one indexed read, no write transaction
      const ids =
        'motionId' in scope
          ? (() => {
              const m = load(scope.motionId)
              return m && dueSteps(m, at).length > 0 ? [m.id] : []
            })()
          : 'communityId' in scope
            ? dueIn.all(scope.communityId, at, at).map((r) => r.id)
            : dueAnywhere.all(at, at).map((r) => r.id)
      if (ids.length === 0) return []
      const { messages, closed } = settleTx.immediate(ids, at, compose)
      checkpointAfterClose(closed)
      return messages
    },
    async advance(id, from, at, compose, audit) {
      const done = advanceTx.immediate(id, from, at, compose, audit)
      checkpointAfterClose(done?.motion.status === 'closed')
      return done
    },
    async addComment(c, key) {
      return commentTx.immediate(c, key ?? null)
    },
    async reply(commentId, text, by, at, audit, key) {
      return replyTx.immediate(commentId, text, by, at, audit, key ?? null)
    },
    async cast(motionId, ballot, at) {
      try {
        return await write(() => castTx.immediate(motionId, ballot, at))
      } catch (e) {
        if (e instanceof CastRollback) return e.outcome
        throw e
      }
    },
    async voted(motionId, voterKey) {
      return !!voted.get(motionId, voterKey)
    },
    async householdPlaces(motionId, householdId) {
      return places.get(motionId, householdId) ?? { adults: 0, voters: 0 }
    },
    async turnout(motionId) {
      return turnout.get(motionId)?.n ?? 0
    },
    async closingBy(until) {
      return closingBy.all(until).map(toRecord)
    },
    async ballots(motionId) {
      return ballots.all(motionId)
    },
    async ballotOf(motionId, receiptHash) {
      return ballotOf.get(motionId, receiptHash)?.choice ?? null
    },
    async base(communityId) {
      return rosterBase.get(communityId) ?? { adults: 0, households: 0 }
    },
    async currentRules(communityId) {
      const r = currentRules.get(communityId)
      return r ? toRules(r) : null
    },
    async rulesHistory(communityId, { limit, before }) {
      return rulesHistory.all({ c: communityId, before, limit }).map(toRules)
    },
    async markFiled(communityId, version, filedAt, audit) {
      return markFiledTx.immediate(communityId, version, filedAt, audit)
    },
  }
}
