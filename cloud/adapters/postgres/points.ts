import type { Pool } from 'pg'
import { EARN_KINDS } from '@/domain/points'
import type { EntryRecord, NewEntry, PointsRepo, RedeemOutcome } from '../../points/ports'
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
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { inTransaction, inTransactionOr, numbered, Rollback, row, rows, type Queryable } from './tx'

const S = Object.fromEntries(Object.entries(SQL).map(([k, v]) => [k, numbered(v)])) as typeof SQL

/**
 * 积分制 on PostgreSQL (READ COMMITTED): a grant is INSERT … ON CONFLICT DO NOTHING on the (person, source kind,
 * source id) key with the balance upsert in the same transaction; a redemption takes one of the stock with a
 * conditional UPDATE (the reward's row lock; a waiting UPDATE re-checks stock > 0 on the committed row) and then the
 * cost with a conditional UPDATE of the balance row (likewise), always in that order, so racing redemptions neither
 * oversell nor overdraw nor deadlock.
 */
export function pointsRepo(pool: Pool): PointsRepo {
  const one = async (db: Queryable, id: string): Promise<EntryRecord> => entryRecord((await row<EntryRow>(db, numbered(`${SQL.entry} WHERE e.id = ?`), [id]))!)
  const append = async (db: Queryable, e: NewEntry): Promise<boolean> => {
    const inserted = await row(db, S.insertEntry, [e.id, e.communityId, e.userId, e.points, e.reason, e.sourceKind, e.sourceId, e.grantedBy, e.at])
    if (!inserted) return false
    await db.query(S.addBalance, [e.userId, e.points])
    return true
  }
  const redemptionById = async (db: Queryable, id: string) => {
    const r = await row<RedemptionRow>(db, numbered(`${SQL.redemption} WHERE d.id = ?`), [id])
    return r ? redemptionRecord(r) : null
  }

  return {
    async rules(communityId) {
      return rulesRecord(await rows<{ kind: string; points: number }>(pool, S.rules, [communityId]))
    },
    async setRules(communityId, rules, by, at, audit) {
      await inTransaction(pool, async (c) => {
        for (const k of EARN_KINDS) await c.query(S.upsertRule, [communityId, k, rules[k], by, at])
        await writeAudit(c, audit)
      })
    },
    async grant(e) {
      return inTransaction(pool, async (c) => ((await append(c, e)) ? { kind: 'granted' as const, entry: await one(c, e.id) } : { kind: 'already' as const }))
    },
    async entry(id) {
      const r = await row<EntryRow>(pool, numbered(`${SQL.entry} WHERE e.id = ?`), [id])
      return r ? entryRecord(r) : null
    },
    async reverse(entryId, r, audit) {
      return inTransaction(pool, async (c) => {
        const e = await row<EntryRow>(c, numbered(`${SQL.entry} WHERE e.id = ?`), [entryId])
        if (!e) return { kind: 'notFound' as const }
        if (e.source_kind === 'redemption' || e.source_kind === 'reversal') return { kind: 'notReversible' as const }
        const ok = await append(c, { id: r.id, communityId: e.community_id, userId: e.user_id, points: -e.points, reason: r.reason, sourceKind: 'reversal', sourceId: e.id, grantedBy: r.by, at: r.at })
        if (!ok) return { kind: 'alreadyReversed' as const }
        await writeAudit(c, audit)
        return { kind: 'reversed' as const, entry: await one(c, r.id) }
      })
    },
    async ledger(userId, after, limit, audit) {
      if (audit) await writeAudit(pool, audit)
      const found = after
        ? await rows<EntryRow>(pool, numbered(pagedEntries(true)), [userId, after.at, after.at, after.id, limit])
        : await rows<EntryRow>(pool, numbered(pagedEntries(false)), [userId, limit])
      return found.map(entryRecord)
    },
    async balance(userId) {
      return (await row<{ balance: number }>(pool, S.balance, [userId]))?.balance ?? 0
    },
    async board(communityId, from, to, limit) {
      return (await rows<{ user_id: string; name: string; points: number }>(pool, S.board, [communityId, from, to, limit])).map(boardEntry)
    },
    async createReward(r, key, audit) {
      return inTransaction(pool, async (c) => {
        const claim = await claimKey(c, key, { rewardId: r.id }, r.createdAt)
        if (claim.kind === 'keyReused') return { kind: 'keyReused' as const }
        if (claim.kind === 'replayed') return { kind: 'replayed' as const, rewardId: claim.result.rewardId }
        await c.query(S.insertReward, [r.id, r.communityId, r.name, r.description, r.cost, r.stock, r.createdBy, r.createdAt])
        await writeAudit(c, audit)
        return { kind: 'created' as const, reward: { ...r } }
      })
    },
    async reward(id) {
      const r = await row<RewardRow>(pool, numbered(`${SQL.reward} WHERE id = ?`), [id])
      return r ? rewardRecord(r) : null
    },
    async rewards(communityId) {
      return (await rows<RewardRow>(pool, numbered(`${SQL.reward} WHERE community_id = ? ORDER BY created_at DESC, id DESC LIMIT 100`), [communityId])).map(rewardRecord)
    },
    async redeem(r, key) {
      return inTransactionOr<RedeemOutcome, RedeemOutcome>(pool, async (c) => {
        const claim = await claimKey(c, key, { redemptionId: r.id }, r.at)
        if (claim.kind === 'keyReused') return { kind: 'keyReused' }
        if (claim.kind === 'replayed') return { kind: 'replayed', redemptionId: claim.result.redemptionId }
        const taken = await row<{ cost: number; name: string }>(c, S.takeStock, [r.rewardId, r.communityId])
        if (!taken) {
          const exists = await row(c, numbered('SELECT 1 FROM rewards WHERE id = ? AND community_id = ?'), [r.rewardId, r.communityId])
          throw new Rollback<RedeemOutcome>(exists ? { kind: 'outOfStock' } : { kind: 'notFound' })
        }
        const spent = await row<{ balance: number }>(c, S.spend, [taken.cost, r.userId, taken.cost])
        if (!spent) {
          const b = await row<{ balance: number }>(c, S.balance, [r.userId])
          throw new Rollback<RedeemOutcome>({ kind: 'insufficient', balance: b?.balance ?? 0 })
        }
        await c.query(S.insertRedemption, [r.id, r.communityId, r.rewardId, r.userId, taken.cost, r.at])
        await c.query(S.insertEntry, [r.entryId, r.communityId, r.userId, -taken.cost, redemptionReason(taken.name), 'redemption', r.id, r.userId, r.at])
        return { kind: 'redeemed', redemption: (await redemptionById(c, r.id))!, balance: spent.balance }
      })
    },
    async redemption(id) {
      return redemptionById(pool, id)
    },
    async redemptions(o) {
      const params: unknown[] = [o.communityId]
      if (o.userId) params.push(o.userId)
      if (o.after) params.push(o.after.at, o.after.at, o.after.id)
      params.push(o.limit)
      const sql = numbered(pagedRedemptions({ ...(o.userId ? { userId: o.userId } : {}), pending: o.pending, after: !!o.after }))
      return (await rows<RedemptionRow>(pool, sql, params)).map(redemptionRecord)
    },
    async handOver(id, by, at, audit) {
      return inTransaction(pool, async (c) => {
        const changed = (await c.query(S.handOver, [by, at, id])).rowCount === 1
        const r = await redemptionById(c, id)
        if (!r) return { kind: 'notFound' as const }
        if (!changed) return { kind: 'already' as const, redemption: r }
        await writeAudit(c, audit)
        return { kind: 'handed' as const, redemption: r }
      })
    },
    async autoClosedPatrols(since, limit) {
      return (await rows<AutoClosedRow>(pool, S.autoClosed, [since, limit])).map(autoClosed)
    },
  }
}
