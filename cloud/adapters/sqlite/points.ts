import { EARN_KINDS } from '@/domain/points'
import type { EntryRecord, NewEntry, PointsRepo, RedeemOutcome, ReverseOutcome, CreateRewardOutcome, HandOverOutcome } from '../../points/ports'
import {
  boardEntry,
  entryRecord,
  pagedEntries,
  pagedRedemptions,
  redemptionReason,
  redemptionRecord,
  rewardRecord,
  rulesRecord,
  SQL,
  autoClosed,
  type AutoClosedRow,
  type EntryRow,
  type RedemptionRow,
  type RewardRow,
} from '../rows/points'
import { auditWriter } from './audit'
import { idempotencyTable } from './idempotency'
import type { Db } from './open'

/** Thrown inside a transaction to roll it back and answer the outcome. */
class Undo {
  constructor(readonly outcome: RedeemOutcome) {}
}

/**
 * 积分制 on SQLite: every write is one IMMEDIATE transaction (the writer lock is taken at BEGIN), so the entry and the
 * balance move together, and a redemption's conditional stock and balance updates cannot interleave with another's.
 */
export function pointsRepo(db: Db): PointsRepo {
  const idem = idempotencyTable(db)
  const writeAudit = auditWriter(db)
  const q = {
    rules: db.prepare<[string], { kind: string; points: number }>(SQL.rules),
    upsertRule: db.prepare(SQL.upsertRule),
    insertEntry: db.prepare(SQL.insertEntry),
    addBalance: db.prepare<[string, number], { balance: number }>(SQL.addBalance),
    spend: db.prepare<[number, string, number], { balance: number }>(SQL.spend),
    balance: db.prepare<[string], { balance: number }>(SQL.balance),
    entry: db.prepare<[string], EntryRow>(`${SQL.entry} WHERE e.id = ?`),
    first: db.prepare<unknown[], EntryRow>(pagedEntries(false)),
    next: db.prepare<unknown[], EntryRow>(pagedEntries(true)),
    board: db.prepare<[string, string, string, number], { user_id: string; name: string; points: number }>(SQL.board),
    insertReward: db.prepare(SQL.insertReward),
    reward: db.prepare<[string], RewardRow>(`${SQL.reward} WHERE id = ?`),
    rewardIn: db.prepare<[string, string], RewardRow>(`${SQL.reward} WHERE id = ? AND community_id = ?`),
    rewards: db.prepare<[string], RewardRow>(`${SQL.reward} WHERE community_id = ? ORDER BY created_at DESC, id DESC LIMIT 100`),
    takeStock: db.prepare<[string, string], { cost: number; name: string }>(SQL.takeStock),
    insertRedemption: db.prepare(SQL.insertRedemption),
    redemption: db.prepare<[string], RedemptionRow>(`${SQL.redemption} WHERE d.id = ?`),
    handOver: db.prepare(SQL.handOver),
    autoClosed: db.prepare<[string, number], AutoClosedRow>(SQL.autoClosed),
  }
  const one = (id: string): EntryRecord => entryRecord(q.entry.get(id)!)
  const append = (e: NewEntry): boolean => {
    if (!q.insertEntry.get(e.id, e.communityId, e.userId, e.points, e.reason, e.sourceKind, e.sourceId, e.grantedBy, e.at)) return false
    q.addBalance.get(e.userId, e.points)
    return true
  }

  const setRulesTx = db.transaction((communityId: string, rules: Record<string, number>, by: string, at: string, audit: Parameters<PointsRepo['setRules']>[4]) => {
    for (const k of EARN_KINDS) q.upsertRule.run(communityId, k, rules[k], by, at)
    writeAudit(audit)
  })
  const grantTx = db.transaction((e: NewEntry) => (append(e) ? { kind: 'granted' as const, entry: one(e.id) } : { kind: 'already' as const }))
  const reverseTx = db.transaction((entryId: string, r: { id: string; reason: string; by: string; at: string }, audit: Parameters<PointsRepo['reverse']>[2]): ReverseOutcome => {
    const e = q.entry.get(entryId)
    if (!e) return { kind: 'notFound' }
    if (e.source_kind === 'redemption' || e.source_kind === 'reversal') return { kind: 'notReversible' }
    const ok = append({ id: r.id, communityId: e.community_id, userId: e.user_id, points: -e.points, reason: r.reason, sourceKind: 'reversal', sourceId: e.id, grantedBy: r.by, at: r.at })
    if (!ok) return { kind: 'alreadyReversed' }
    writeAudit(audit)
    return { kind: 'reversed', entry: one(r.id) }
  })
  const createRewardTx = db.transaction((r: Parameters<PointsRepo['createReward']>[0], key: Parameters<PointsRepo['createReward']>[1], audit: Parameters<PointsRepo['createReward']>[2]): CreateRewardOutcome => {
    const prior = idem.lookup<{ rewardId: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') return { kind: 'replayed', rewardId: prior.result.rewardId }
    q.insertReward.run(r.id, r.communityId, r.name, r.description, r.cost, r.stock, r.createdBy, r.createdAt)
    writeAudit(audit)
    idem.store(key, { rewardId: r.id }, r.createdAt)
    return { kind: 'created', reward: rewardRecord(q.reward.get(r.id)!) }
  })
  const redeemTx = db.transaction((r: Parameters<PointsRepo['redeem']>[0], key: Parameters<PointsRepo['redeem']>[1]): RedeemOutcome => {
    const prior = idem.lookup<{ redemptionId: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') return { kind: 'replayed', redemptionId: prior.result.redemptionId }
    const taken = q.takeStock.get(r.rewardId, r.communityId)
    if (!taken) throw new Undo(q.rewardIn.get(r.rewardId, r.communityId) ? { kind: 'outOfStock' } : { kind: 'notFound' })
    const spent = q.spend.get(taken.cost, r.userId, taken.cost)
    if (!spent) throw new Undo({ kind: 'insufficient', balance: q.balance.get(r.userId)?.balance ?? 0 })
    q.insertRedemption.run(r.id, r.communityId, r.rewardId, r.userId, taken.cost, r.at)
    q.insertEntry.get(r.entryId, r.communityId, r.userId, -taken.cost, redemptionReason(taken.name), 'redemption', r.id, r.userId, r.at)
    idem.store(key, { redemptionId: r.id }, r.at)
    return { kind: 'redeemed', redemption: redemptionRecord(q.redemption.get(r.id)!), balance: spent.balance }
  })
  const handOverTx = db.transaction((id: string, by: string, at: string, audit: Parameters<PointsRepo['handOver']>[3]): HandOverOutcome => {
    const changed = q.handOver.run(by, at, id).changes === 1
    const row = q.redemption.get(id)
    if (!row) return { kind: 'notFound' }
    if (!changed) return { kind: 'already', redemption: redemptionRecord(row) }
    writeAudit(audit)
    return { kind: 'handed', redemption: redemptionRecord(row) }
  })

  return {
    async rules(communityId) {
      return rulesRecord(q.rules.all(communityId))
    },
    async setRules(communityId, rules, by, at, audit) {
      setRulesTx.immediate(communityId, rules, by, at, audit)
    },
    async grant(e) {
      return grantTx.immediate(e)
    },
    async entry(id) {
      const r = q.entry.get(id)
      return r ? entryRecord(r) : null
    },
    async reverse(entryId, r, audit) {
      return reverseTx.immediate(entryId, r, audit)
    },
    async ledger(userId, after, limit, audit) {
      if (audit) writeAudit(audit)
      const rows = after ? q.next.all(userId, after.at, after.at, after.id, limit) : q.first.all(userId, limit)
      return rows.map(entryRecord)
    },
    async balance(userId) {
      return q.balance.get(userId)?.balance ?? 0
    },
    async board(communityId, from, to, limit) {
      return q.board.all(communityId, from, to, limit).map(boardEntry)
    },
    async createReward(r, key, audit) {
      return createRewardTx.immediate(r, key, audit)
    },
    async reward(id) {
      const r = q.reward.get(id)
      return r ? rewardRecord(r) : null
    },
    async rewards(communityId) {
      return q.rewards.all(communityId).map(rewardRecord)
    },
    async redeem(r, key) {
      try {
        return redeemTx.immediate(r, key)
      } catch (err) {
        if (err instanceof Undo) return err.outcome
        throw err
      }
    },
    async redemption(id) {
      const r = q.redemption.get(id)
      return r ? redemptionRecord(r) : null
    },
    async redemptions(o) {
      const sql = pagedRedemptions({ ...(o.userId ? { userId: o.userId } : {}), pending: o.pending, after: !!o.after })
      const params: unknown[] = [o.communityId]
      if (o.userId) params.push(o.userId)
      if (o.after) params.push(o.after.at, o.after.at, o.after.id)
      params.push(o.limit)
      return db.prepare<unknown[], RedemptionRow>(sql).all(...params).map(redemptionRecord)
    },
    async handOver(id, by, at, audit) {
      return handOverTx.immediate(id, by, at, audit)
    },
    async autoClosedPatrols(since, limit) {
      return q.autoClosed.all(since, limit).map(autoClosed)
    },
  }
}
