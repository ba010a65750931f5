import { MOTION_FLOW, MOTION_STATUSES, type MotionKind, type MotionOutcomeView, type MotionStatus, type RiskGate } from '@/domain/motions'
import type { Eligibility } from '@/domain/motions/tally'
import type { MotionCommentRecord, MotionRecord, RulesRecord } from '../../motions/ports'
import { sqlList } from './sql'

/** The motion tables' rows and mappers, and the time rule's steps: the same on both engines. */

export interface MotionRow {
  seq: number
  id: string
  community_id: string
  author_id: string
  title: string
  preamble: string | null
  articles: string
  kind: MotionKind
  options: string | null
  eligibility: Eligibility
  status: MotionStatus
  consult_until: string | null
  vote_from: string
  vote_until: string
  base_adults: number | null
  base_households: number | null
  consulted_at: string | null
  opened_at: string | null
  closed_at: string | null
  result: string | null
  risk_gate: RiskGate
  rev: number
  created_at: string
  updated_at: string
}

export interface CommentRow {
  id: string
  motion_id: string
  author_id: string
  author_name: string
  article_index: number | null
  text: string
  created_at: string
  reply_text: string | null
  reply_by: string | null
  reply_by_name: string | null
  reply_at: string | null
}

export interface RulesRow {
  community_id: string
  version: number
  adopted_at: string
  motion_id: string
  title: string
  articles: string
  filed_at: string | null
}

export function toRecord(r: MotionRow): MotionRecord {
  return {
    seq: r.seq,
    id: r.id,
    communityId: r.community_id,
    authorId: r.author_id,
    title: r.title,
    preamble: r.preamble,
    articles: JSON.parse(r.articles) as { text: string }[],
    kind: r.kind,
    options: r.options ? (JSON.parse(r.options) as string[]) : null,
    eligibility: r.eligibility,
    status: r.status,
    consultUntil: r.consult_until,
    voteFrom: r.vote_from,
    voteUntil: r.vote_until,
    base: r.base_adults === null || r.base_households === null ? null : { adults: r.base_adults, households: r.base_households },
    consultedAt: r.consulted_at,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    result: r.result ? (JSON.parse(r.result) as MotionOutcomeView) : null,
    riskGate: r.risk_gate,
    rev: r.rev,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export function toComment(r: CommentRow): MotionCommentRecord {
  return {
    id: r.id,
    motionId: r.motion_id,
    authorId: r.author_id,
    authorName: r.author_name,
    articleIndex: r.article_index,
    text: r.text,
    createdAt: r.created_at,
    reply:
      r.reply_text !== null && r.reply_by && r.reply_at
        ? { text: r.reply_text, byId: r.reply_by, byName: r.reply_by_name ?? '', at: r.reply_at }
        : null,
  }
}

export function toRules(r: RulesRow): RulesRecord {
  return {
    communityId: r.community_id,
    version: r.version,
    adoptedAt: r.adopted_at,
    motionId: r.motion_id,
    title: r.title,
    articles: JSON.parse(r.articles) as { text: string }[],
    filedAt: r.filed_at,
  }
}

/** The published statuses a scheduled time leads on (MOTION_FLOW's `at`): consultation and voting, as an SQL list. */
export const TIMED = sqlList(MOTION_STATUSES.filter((s) => MOTION_FLOW[s].at !== null))

/** Where the scheduled times lead a published motion at `at` (the steps still to take, in order). */
export function dueSteps(m: MotionRecord, at: string): MotionStatus[] {
  const steps: MotionStatus[] = []
  let s = m.status
  if (s === 'consultation' && m.voteFrom <= at) steps.push((s = 'voting'))
  if (s === 'voting' && m.voteUntil <= at) steps.push('closed')
  return steps
}

/** A published motion the schedule may step on: not a major one held in consultation by its 稳评 (SQL, both engines). */
export const NOT_HELD_BY_RISK = "(status <> 'consultation' OR risk_gate <> 'pending')"

/**
 * The gate a revision leaves (`major` the placeholder of 1/0): unmarked → none; marked → cleared when its last
 * assessment clears voting, else pending.
 */
export const gateAfterRevision = (major: string): string => `CASE WHEN ${major} = 0 THEN 'none'
      WHEN EXISTS (SELECT 1 FROM motion_risk_assessments a WHERE a.motion_id = motions.id
        AND (a.level <> 'high' OR a.sign_off = 'approved')) THEN 'cleared' ELSE 'pending' END`
