/** Motions' storage (议事表决, issue 5): motions, ballots, community rules. */
import type { MotionKind, MotionOutcomeView, MotionStatus, RiskCategory, RiskGate, RiskLevel, SignOffState } from '@/domain/motions'
import type { PointsRepo } from '../points'
import type { Eligibility, TallyBase } from '@/domain/motions/tally'
import type { NewMessage } from '../messages'
import type * as shared from '../shared/context'
import type { AuditEntry, CommunityRepo, IdempotencyKey, UserRepo } from '../shared/ports'

export interface MotionRecord {
  seq: number
  id: string
  communityId: string
  authorId: string
  title: string
  preamble: string | null
  articles: { text: string }[]
  kind: MotionKind
  options: string[] | null
  eligibility: Eligibility
  status: MotionStatus
  consultUntil: string | null
  voteFrom: string
  voteUntil: string
  /** the roster frozen when voting opened (null before) */
  base: TallyBase | null
  consultedAt: string | null
  openedAt: string | null
  closedAt: string | null
  /** the figures computed at close (null before) */
  result: MotionOutcomeView | null
  /** 重大事项's gate to voting (none: not major) */
  riskGate: RiskGate
  rev: number
  createdAt: string
  updatedAt: string
}

/** A motion to draft: the record without what its phases and revisions set later. */
export type NewMotion = Omit<
  MotionRecord,
  'seq' | 'status' | 'base' | 'consultedAt' | 'openedAt' | 'closedAt' | 'result' | 'rev' | 'updatedAt' | 'riskGate'
> & { major?: boolean }

/** The editable fields after a revision (the use case merges and checks them). */
export type MotionPatch = Pick<
  NewMotion,
  'title' | 'preamble' | 'articles' | 'kind' | 'options' | 'eligibility' | 'consultUntil' | 'voteFrom' | 'voteUntil' | 'major'
>

export interface MotionRevisionRecord {
  rev: number
  title: string
  preamble: string | null
  articles: { text: string }[]
  byId: string
  byName: string
  at: string
}

export interface MotionCommentRecord {
  id: string
  motionId: string
  authorId: string
  authorName: string
  articleIndex: number | null
  text: string
  createdAt: string
  reply: { text: string; byId: string; byName: string; at: string } | null
}

export type MotionCreateOutcome =
  | { kind: 'created'; motion: MotionRecord }
  | { kind: 'replayed'; motion: MotionRecord }
  | { kind: 'keyReused' }

/** a comment written or, for a retry of the same request, the one written first; null (from addComment): not in consultation */
export type MotionCommentOutcome =
  | { kind: 'added'; comment: MotionCommentRecord }
  | { kind: 'replayed'; comment: MotionCommentRecord }
  | { kind: 'keyReused' }

/** the reply written or, for a retry of the same request, the comment as it is; null (from reply): no such comment */
export type MotionReplyOutcome =
  | { kind: 'replied'; comment: MotionCommentRecord }
  | { kind: 'replayed'; comment: MotionCommentRecord }
  | { kind: 'keyReused' }

/** null (from revise): not revisable (missing, voting or closed) */
export type MotionReviseOutcome =
  | { kind: 'revised'; motion: MotionRecord }
  /** the patch equals the motion: nothing written */
  | { kind: 'unchanged'; motion: MotionRecord }
  /** the motion is in consultation (found in the transaction) and the patch changes kind or eligibility: nothing written */
  | { kind: 'kindLocked' }
  /** the motion is in consultation and the patch unmarks it as major: nothing written */
  | { kind: 'majorLocked' }

/** one motion, one community's, or every community's published motions (the reminders sweep) */
export type MotionSettleScope = { communityId: string } | { motionId: string } | { everywhere: true }

/**
 * Builds the in-app messages of a phase change for the given recipients (the store finds the eligible
 * residents inside the transaction and writes what this returns with the change).
 */
export type MotionMessages = (motion: MotionRecord, to: MotionStatus, userIds: string[]) => NewMessage[]

export type MotionCastOutcome =
  | { kind: 'done' }
  /** the voter (or household) already has a row: nothing written */
  | { kind: 'alreadyVoted' }
  /** the motion is not in voting at `at` (the time rule applied first): nothing written */
  | { kind: 'notVoting' }
  /** a ballot of this motion already has this receipt hash: nothing written */
  | { kind: 'receiptTaken' }
  /** adults motion: the household's ballots already number its roster adults frozen at opening: nothing written */
  | { kind: 'householdFull'; adults: number }

export interface MotionBallot {
  /** user id (adults) or household id (households) */
  voterKey: string
  /** the voter's household (adults: its frozen roster adults bound the ballots; households: the voter key) */
  householdId: string | null
  channel: 'online' | 'offline'
  recordedBy: string | null
  receiptHash: string
  /** 'yes' | 'no' | 'abstain' or the option index as text */
  choice: string
}

export interface RulesRecord {
  communityId: string
  version: number
  adoptedAt: string
  motionId: string
  title: string
  articles: { text: string }[]
  filedAt: string | null
}

export interface MotionRepo {
  /** Insert motion + revision 1 + audit + idempotency row in one IMMEDIATE transaction. */
  create(m: NewMotion, audit: AuditEntry, idem: IdempotencyKey | null): Promise<MotionCreateOutcome>
  get(id: string): Promise<MotionRecord | null>
  /** Newest first by seq; drafts only when `withDrafts`. */
  list(communityId: string, opts: { status?: MotionStatus; withDrafts: boolean; limit: number; after: number | null }): Promise<MotionRecord[]>
  revisions(id: string): Promise<MotionRevisionRecord[]>
  comments(id: string): Promise<MotionCommentRecord[]>
  comment(id: string): Promise<MotionCommentRecord | null>
  /**
   * Conditional UPDATE while draft/consultation (kind/eligibility only in draft) + audit, and a revision only when
   * title, preamble or articles change; a patch equal to the motion writes nothing (`unchanged`).
   */
  revise(id: string, patch: MotionPatch, by: string, at: string, audit: AuditEntry): Promise<MotionReviseOutcome | null>
  /**
   * The time rule (consultation → voting at voteFrom, voting → closed at voteUntil) for the community's (or
   * one motion's) published motions, as conditional UPDATEs; returns the messages written.
   */
  settle(scope: MotionSettleScope, at: string, compose: MotionMessages): Promise<NewMessage[]>
  /**
   * One step of the phase machine from `from`, conditional on it (a lost race: null); opening voting freezes
   * the base; closing computes and stores the result and, for a passed rules motion, the next rules version.
   */
  advance(id: string, from: MotionStatus, at: string, compose: MotionMessages, audit: AuditEntry | null): Promise<{ motion: MotionRecord; messages: NewMessage[] } | null>
  /**
   * Inserts a comment while the motion is in consultation (before consultUntil), with the idempotency row, in one
   * IMMEDIATE transaction; a retry (same key) answers the first comment. Null: not in consultation.
   */
  addComment(
    c: { id: string; motionId: string; authorId: string; articleIndex: number | null; text: string; at: string },
    idem?: IdempotencyKey | null,
  ): Promise<MotionCommentOutcome | null>
  /** Sets the reply of a comment (a later reply replaces it) + audit + idempotency row; null: no such comment. */
  reply(commentId: string, text: string, by: string, at: string, audit: AuditEntry, idem?: IdempotencyKey | null): Promise<MotionReplyOutcome | null>
  /**
   * THE cast: in one IMMEDIATE transaction, only while the motion is in voting and before voteUntil, the voter
   * row and the ballot row; the voter's PRIMARY KEY decides "once" (online and offline alike); for an adults
   * motion a place of the household (conditional UPDATE: voters < frozen adults). No time and no audit entry
   * is written with a ballot.
   */
  cast(motionId: string, ballot: MotionBallot, at: string): Promise<MotionCastOutcome>
  voted(motionId: string, voterKey: string): Promise<boolean>
  /** adults motion once voting opened: the household's frozen roster adults and its voters so far (none on the roster: 0, 0) */
  householdPlaces(motionId: string, householdId: string): Promise<{ adults: number; voters: number }>
  /** Voters so far (no choices). */
  turnout(motionId: string): Promise<number>
  /** Published motions (consultation or voting) of every community whose voteUntil is at or before `until`, soonest first. */
  closingBy(until: string): Promise<MotionRecord[]>
  /** (receipt hash, choice) sorted by hash. */
  ballots(motionId: string): Promise<{ receiptHash: string; choice: string }[]>
  ballotOf(motionId: string, receiptHash: string): Promise<string | null>
  /** The community's roster now: 成年人数 summed, households counted. */
  base(communityId: string): Promise<TallyBase>
  currentRules(communityId: string): Promise<RulesRecord | null>
  rulesHistory(communityId: string, opts: { limit: number; before: number | null }): Promise<RulesRecord[]>
  /** Sets filed_at of a version of the community's rules + audit; null when no such version. */
  markFiled(communityId: string, version: number, filedAt: string, audit: AuditEntry): Promise<RulesRecord | null>
}

// ---------- what this feature's use cases receive ----------

// ---------- 稳评 ----------

export interface RiskAssessmentRecord {
  motionId: string
  rev: number
  risks: { category: RiskCategory; description: string }[]
  consultation: { summary: string; commentIds: string[]; meetingIds: string[]; visitIds: string[] }
  level: RiskLevel
  mitigation: string
  filedBy: string
  filedByName: string
  filedAt: string
  signOff: SignOffState | null
  signedBy: string | null
  signedByName: string | null
  signedAt: string | null
  signNote: string | null
}

export type NewRiskAssessment = Pick<RiskAssessmentRecord, 'motionId' | 'risks' | 'consultation' | 'level' | 'mitigation' | 'filedBy' | 'filedAt'>

export type RiskFileOutcome =
  | { kind: 'filed'; motion: MotionRecord; assessment: RiskAssessmentRecord }
  | { kind: 'replayed'; motion: MotionRecord; assessment: RiskAssessmentRecord }
  | { kind: 'keyReused' }
  /** the motion (found in the transaction) is not marked major: nothing written */
  | { kind: 'notMajor' }
  /** voting opened or the motion closed: nothing written */
  | { kind: 'notOpen' }
  | { kind: 'notFound' }

export type RiskSignOffOutcome =
  | { kind: 'signed'; motion: MotionRecord; assessment: RiskAssessmentRecord }
  /** no pending 高 assessment of that revision (signed already, refiled, or none): nothing written */
  | { kind: 'stale' }

/** A pending 高 assessment in a street's communities (the street's queue). */
export interface RiskReviewRecord {
  seq: number
  motionId: string
  title: string
  communityName: string
  level: RiskLevel
  rev: number
  filedAt: string
}

export interface MotionRiskRepo {
  get(motionId: string): Promise<RiskAssessmentRecord | null>
  /**
   * In one IMMEDIATE transaction, only while the motion is major and in draft or consultation: the assessment
   * (a new filing replaces the last, rev + 1, and restarts the street's sign-off for 高), the motion's gate
   * (高: pending; else cleared), audit and idempotency row.
   */
  file(a: NewRiskAssessment, audit: AuditEntry, idem: IdempotencyKey | null): Promise<RiskFileOutcome>
  /**
   * The street's answer, conditional on the assessment being 高, pending and of revision `rev`; approval clears
   * the motion's gate in the same transaction. Audit written with it.
   */
  signOff(
    s: { motionId: string; rev: number; decision: 'approved' | 'returned'; by: string; at: string; note: string | null },
    audit: AuditEntry,
  ): Promise<RiskSignOffOutcome>
  /** Pending 高 assessments of motions in consultation in the street's communities, oldest motion first. */
  awaiting(streetId: string, opts: { limit: number; after: number | null }): Promise<RiskReviewRecord[]>
}

/** The repositories the motions use cases use. */
export interface MotionsStore {
  motions: MotionRepo
  motionRisks: MotionRiskRepo
  users: UserRepo
  communities: CommunityRepo
  /** 积分制: an answered consultation comment earns its author points (issue 18) */
  points: PointsRepo
}

export type Deps = shared.Deps<MotionsStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
