import type { ReportCategory } from '@/domain/reports'
import type { ActionKind, Judgement, WarningLevel, WarningParams, WarningSignal, WarningStatus } from '@/domain/warnings'
import type { ReportFact, WarningCandidate } from '@/domain/warnings/evaluate'
import type { NewMessage } from '../messages'
import type * as shared from '../shared/context'
import type { AuditEntry, CommunityRepo, IdempotencyKey, LeaseRepo } from '../shared/ports'

/** 预测预警 storage (issue 18). Every write that must hold under concurrency is ONE method, atomic in the adapter. */

export interface NewWarning extends WarningCandidate {
  id: string
  communityId: string
  raisedAt: string
}

export interface WarningRecord {
  seq: number
  id: string
  communityId: string
  gridId: string | null
  gridName: string | null
  level: WarningLevel
  signal: WarningSignal
  areaKey: string
  category: ReportCategory | null
  period: string | null
  observed: number
  baseline: number | null
  pValue: number | null
  reportIds: string[]
  status: WarningStatus
  judgement: Judgement | null
  raisedAt: string
  closedAt: string | null
  closedBy: string | null
  version: number
}

export interface NewAssessment {
  id: string
  warningId: string
  assessorId: string
  participants: string[]
  judgement: Judgement
  actions: { kind: ActionKind; note: string }[]
  note: string
  close: boolean
  at: string
}

export interface AssessmentRecord extends Omit<NewAssessment, 'close'> {
  assessorName: string
  closed: boolean
}

export type AssessOutcome =
  | { kind: 'assessed'; assessmentId: string }
  | { kind: 'replayed'; assessmentId: string }
  | { kind: 'keyReused' }
  /** the warning was closed (by someone else, or before): nothing written */
  | { kind: 'closed' }

/** The message a raised warning sends to each of its owners. */
export interface WarningNotice {
  title: string
  body: string
}

export type RaiseOutcome = { kind: 'raised'; messages: NewMessage[] } | { kind: 'exists' }

export interface WarningListQuery {
  communityId: string
  /** null: every warning of the community (the committee, the tiers above); else those of these grids */
  gridIds: string[] | null
  status: WarningStatus | null
  /** newest first: the seq of the page's last warning */
  after: number | null
  limit: number
}

/** Warnings of one area in one state (the overview's figures). */
export interface WarningCountRow {
  communityId: string
  /** null: community-level warnings */
  gridId: string | null
  status: WarningStatus
  /** null: not assessed yet */
  judgement: Judgement | null
  n: number
}

export interface WarningRepo {
  /** Every community's id (the sweep walks them). */
  communityIds(): Promise<string[]>
  /**
   * The community's reports created since `since`, and its disputes changed since then; withdrawn and rejected
   * reports left out (not real trouble).
   */
  facts(communityId: string, since: string): Promise<ReportFact[]>
  /**
   * One transaction: INSERT … ON CONFLICT DO NOTHING on the warning's key (community, signal, area, category,
   * period); when inserted, one message to each owner (the grid's workers for a grid-level warning, else — or
   * when the grid has none — the community's committee). Two sweeps at once raise it once.
   */
  raise(w: NewWarning, notice: WarningNotice, newId: () => string): Promise<RaiseOutcome>
  list(q: WarningListQuery): Promise<WarningRecord[]>
  get(id: string): Promise<WarningRecord | null>
  /** Its assessments, oldest first. */
  assessments(warningId: string): Promise<AssessmentRecord[]>
  /**
   * One transaction: a key already used → its first result (or keyReused); else a conditional UPDATE of the
   * warning while open (its judgement; closed when `close`) — none open → closed, nothing written — then the
   * assessment, its audit entry and the key. Two staff closing at once: one assesses, the other gets closed.
   */
  assess(a: NewAssessment, key: IdempotencyKey | null, audit: AuditEntry): Promise<AssessOutcome>
  /**
   * Counts by community, grid, status and latest judgement of the warnings raised at or after `since` in these
   * communities (for the overview), ordered by those keys.
   */
  counts(communityIds: string[], since: string): Promise<WarningCountRow[]>
  /** The community's parameters; null: never set (the defaults apply). */
  params(communityId: string): Promise<WarningParams | null>
  /** Sets them (an upsert), with the audit entry, in one transaction. */
  setParams(communityId: string, params: WarningParams, by: string, at: string, audit: AuditEntry): Promise<void>
}

// ---------- what this feature's use cases receive ----------

export interface WarningsStore {
  warnings: WarningRepo
  communities: CommunityRepo
  /** the sweep runs in one process at a time */
  leases: LeaseRepo
}

export type Deps = shared.Deps<WarningsStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
