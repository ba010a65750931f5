import type { EarnKind, EntryKind } from '@/domain/points'
import type * as shared from '../shared/context'
import type { AuditEntry, AuditRepo, CommunityRepo, IdempotencyKey, UserRepo } from '../shared/ports'

/**
 * 积分制 storage (issue 18). The ledger is append-only: an entry is never updated or deleted. Each person's balance
 * is kept in points_balances, updated in the SAME transaction as every entry (so a redemption can be one conditional
 * UPDATE against it); it always equals the sum of the person's entries (a contract test holds that).
 */

export interface NewEntry {
  id: string
  communityId: string
  userId: string
  /** non-zero; negative for a redemption or a reversal of a grant */
  points: number
  reason: string
  sourceKind: EntryKind
  sourceId: string
  /** the person who granted it; null: the system, from a source event */
  grantedBy: string | null
  at: string
}

export interface EntryRecord extends NewEntry {
  grantedByName: string | null
  /** the id of the entry that reversed this one */
  reversedBy: string | null
}

export type GrantOutcome = { kind: 'granted'; entry: EntryRecord } | { kind: 'already' }

export type ReverseOutcome =
  | { kind: 'reversed'; entry: EntryRecord }
  | { kind: 'notFound' }
  | { kind: 'alreadyReversed' }
  /** a redemption or a reversal is not reversed (a redemption is handed out, a reversal is reversed by a grant) */
  | { kind: 'notReversible' }

/** Newest first: (at, id) of a page's last entry. */
export type EntryCursor = { at: string; id: string }

export interface BoardEntry {
  userId: string
  name: string
  points: number
}

export interface NewReward {
  id: string
  communityId: string
  name: string
  description: string
  cost: number
  stock: number
  createdBy: string
  createdAt: string
}
export type RewardRecord = NewReward

export type CreateRewardOutcome = { kind: 'created'; reward: RewardRecord } | { kind: 'replayed'; rewardId: string } | { kind: 'keyReused' }

export interface RedemptionRecord {
  id: string
  communityId: string
  rewardId: string
  rewardName: string
  userId: string
  userName: string
  cost: number
  at: string
  handedBy: string | null
  handedAt: string | null
}

export interface NewRedemption {
  id: string
  /** the ledger entry's id */
  entryId: string
  rewardId: string
  userId: string
  communityId: string
  at: string
}

export type RedeemOutcome =
  | { kind: 'redeemed'; redemption: RedemptionRecord; balance: number }
  | { kind: 'replayed'; redemptionId: string }
  | { kind: 'keyReused' }
  /** no such reward in the person's community */
  | { kind: 'notFound' }
  | { kind: 'outOfStock' }
  | { kind: 'insufficient'; balance: number }

export type HandOverOutcome = { kind: 'handed'; redemption: RedemptionRecord } | { kind: 'already'; redemption: RedemptionRecord } | { kind: 'notFound' }

/** Newest first: (at, id). */
export type RedemptionCursor = { at: string; id: string }

export interface AutoClosedPatrol {
  shiftId: string
  userId: string
  communityId: string
  title: string
  hours: number
}

export interface PointsRepo {
  /** The community's stored points per source (kinds never set are absent). */
  rules(communityId: string): Promise<Partial<Record<EarnKind, number>>>
  /** Sets every kind's points (upserts) with the audit entry, in one transaction. */
  setRules(communityId: string, rules: Record<EarnKind, number>, by: string, at: string, audit: AuditEntry): Promise<void>
  /**
   * Appends a source's entry and adds it to the balance, in one transaction; a (person, source kind, source id)
   * already in the ledger → already, nothing written (a retried event never grants twice).
   */
  grant(entry: NewEntry): Promise<GrantOutcome>
  entry(id: string): Promise<EntryRecord | null>
  /**
   * Appends the reversing entry of `entryId` (its points negated, source 'reversal' + the entry's id) and moves the
   * balance, with the audit entry, in one transaction; the unique key makes a second reversal alreadyReversed.
   */
  reverse(entryId: string, reversal: { id: string; reason: string; by: string; at: string }, audit: AuditEntry): Promise<ReverseOutcome>
  /** A person's entries newest first; with `audit` (someone else reads them), that read is recorded first. */
  ledger(userId: string, after: EntryCursor | null, limit: number, audit?: AuditEntry): Promise<EntryRecord[]>
  /** A person's balance (0 when they have no entry). */
  balance(userId: string): Promise<number>
  /** The community's people by points earned in [from, to) (grants and their reversals; redemptions do not count), most first. */
  board(communityId: string, from: string, to: string, limit: number): Promise<BoardEntry[]>
  /** A new reward, idempotent per key. */
  createReward(r: NewReward, key: IdempotencyKey | null, audit: AuditEntry): Promise<CreateRewardOutcome>
  reward(id: string): Promise<RewardRecord | null>
  /** The community's rewards, newest first (at most 100). */
  rewards(communityId: string): Promise<RewardRecord[]>
  /**
   * One transaction: a key already used → its first result; else one of the reward's stock (conditional on stock > 0)
   * and its cost from the person's balance (conditional on balance ≥ cost), the redemption and its negative entry.
   * Either condition failing → outOfStock / insufficient with nothing written. No overdraw, no oversell.
   */
  redeem(r: NewRedemption, key: IdempotencyKey | null): Promise<RedeemOutcome>
  redemption(id: string): Promise<RedemptionRecord | null>
  /** The community's redemptions (or one person's), newest first; `pending`: not handed out yet. */
  redemptions(q: { communityId: string; userId?: string; pending: boolean; after: RedemptionCursor | null; limit: number }): Promise<RedemptionRecord[]>
  /** Marks it handed out (已领取), conditional on not yet, with the audit entry. */
  handOver(id: string, by: string, at: string, audit: AuditEntry): Promise<HandOverOutcome>
  /** Patrol attendances closed automatically at the shift's end since `since`, with hours, not yet granted (oldest first). */
  autoClosedPatrols(since: string, limit: number): Promise<AutoClosedPatrol[]>
}

// ---------- what this feature's use cases receive ----------

export interface PointsStore {
  points: PointsRepo
  users: UserRepo
  communities: CommunityRepo
  audit: AuditRepo
}

export type Deps = shared.Deps<PointsStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
