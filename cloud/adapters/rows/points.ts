import type { EarnKind, EntryKind } from '@/domain/points'
import type { BoardEntry, EntryRecord, RedemptionRecord, RewardRecord } from '../../points/ports'

/**
 * The points' statements and rows as both engines use them (`?` placeholders; PostgreSQL numbers them): one
 * mapping for SQLite and PostgreSQL.
 */

export const SQL = {
  rules: 'SELECT kind, points FROM points_rules WHERE community_id = ?',
  upsertRule: `INSERT INTO points_rules (community_id, kind, points, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (community_id, kind) DO UPDATE SET points = excluded.points, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  insertEntry: `INSERT INTO points_entries (id, community_id, user_id, points, reason, source_kind, source_id, granted_by, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, source_kind, source_id) DO NOTHING RETURNING id`,
  addBalance: `INSERT INTO points_balances (user_id, balance) VALUES (?, ?)
    ON CONFLICT (user_id) DO UPDATE SET balance = points_balances.balance + excluded.balance RETURNING balance`,
  spend: 'UPDATE points_balances SET balance = balance - ? WHERE user_id = ? AND balance >= ? RETURNING balance',
  balance: 'SELECT balance FROM points_balances WHERE user_id = ?',
  entry: `SELECT e.id, e.community_id, e.user_id, e.points, e.reason, e.source_kind, e.source_id, e.granted_by,
      g.name AS granted_by_name, e.at, r.id AS reversed_by
    FROM points_entries e LEFT JOIN users g ON g.id = e.granted_by
    LEFT JOIN points_entries r ON r.user_id = e.user_id AND r.source_kind = 'reversal' AND r.source_id = e.id`,
  board: `SELECT e.user_id, u.name, SUM(e.points) AS points FROM points_entries e JOIN users u ON u.id = e.user_id
    WHERE e.community_id = ? AND e.at >= ? AND e.at < ? AND e.source_kind <> 'redemption'
    GROUP BY e.user_id, u.name HAVING SUM(e.points) > 0 ORDER BY points DESC, e.user_id LIMIT ?`,
  insertReward: `INSERT INTO rewards (id, community_id, name, description, cost, stock, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  reward: 'SELECT id, community_id, name, description, cost, stock, created_by, created_at FROM rewards',
  takeStock: 'UPDATE rewards SET stock = stock - 1 WHERE id = ? AND community_id = ? AND stock > 0 RETURNING cost, name',
  insertRedemption: 'INSERT INTO redemptions (id, community_id, reward_id, user_id, cost, at) VALUES (?, ?, ?, ?, ?, ?)',
  redemption: `SELECT d.id, d.community_id, d.reward_id, w.name AS reward_name, d.user_id, u.name AS user_name, d.cost, d.at,
      d.handed_by, d.handed_at
    FROM redemptions d JOIN rewards w ON w.id = d.reward_id JOIN users u ON u.id = d.user_id`,
  handOver: 'UPDATE redemptions SET handed_by = ?, handed_at = ? WHERE id = ? AND handed_at IS NULL',
  autoClosed: `SELECT s.shift_id, s.user_id, sh.community_id, sh.title, s.hours_tenths FROM shift_signups s JOIN shifts sh ON sh.id = s.shift_id
    WHERE s.checkout_at >= ? AND s.status = 'checkedOut' AND s.auto_checkout = TRUE AND s.hours_tenths > 0
      AND NOT EXISTS (SELECT 1 FROM points_entries e WHERE e.user_id = s.user_id AND e.source_kind = 'patrol_hours' AND e.source_id = s.shift_id)
    ORDER BY s.checkout_at, s.shift_id, s.user_id LIMIT ?`,
}

/** Newest first, by (at, id), after the cursor when there is one. */
export function pagedEntries(after: boolean): string {
  return `${SQL.entry} WHERE e.user_id = ?${after ? ' AND (e.at < ? OR (e.at = ? AND e.id < ?))' : ''} ORDER BY e.at DESC, e.id DESC LIMIT ?`
}

export function pagedRedemptions(q: { userId?: string; pending: boolean; after: boolean }): string {
  return `${SQL.redemption} WHERE d.community_id = ?${q.userId ? ' AND d.user_id = ?' : ''}${q.pending ? ' AND d.handed_at IS NULL' : ''}${
    q.after ? ' AND (d.at < ? OR (d.at = ? AND d.id < ?))' : ''
  } ORDER BY d.at DESC, d.id DESC LIMIT ?`
}

export interface EntryRow {
  id: string
  community_id: string
  user_id: string
  points: number
  reason: string
  source_kind: string
  source_id: string
  granted_by: string | null
  granted_by_name: string | null
  at: string
  reversed_by: string | null
}

export const entryRecord = (r: EntryRow): EntryRecord => ({
  id: r.id,
  communityId: r.community_id,
  userId: r.user_id,
  points: r.points,
  reason: r.reason,
  sourceKind: r.source_kind as EntryKind,
  sourceId: r.source_id,
  grantedBy: r.granted_by,
  grantedByName: r.granted_by_name,
  at: r.at,
  reversedBy: r.reversed_by,
})

export const rulesRecord = (rows: { kind: string; points: number }[]): Partial<Record<EarnKind, number>> =>
  Object.fromEntries(rows.map((r) => [r.kind, r.points]))

export const boardEntry = (r: { user_id: string; name: string; points: number | string }): BoardEntry => ({ userId: r.user_id, name: r.name, points: Number(r.points) })

export interface RewardRow {
  id: string
  community_id: string
  name: string
  description: string
  cost: number
  stock: number
  created_by: string
  created_at: string
}

export const rewardRecord = (r: RewardRow): RewardRecord => ({
  id: r.id,
  communityId: r.community_id,
  name: r.name,
  description: r.description,
  cost: r.cost,
  stock: r.stock,
  createdBy: r.created_by,
  createdAt: r.created_at,
})

export interface RedemptionRow {
  id: string
  community_id: string
  reward_id: string
  reward_name: string
  user_id: string
  user_name: string
  cost: number
  at: string
  handed_by: string | null
  handed_at: string | null
}

export const redemptionRecord = (r: RedemptionRow): RedemptionRecord => ({
  id: r.id,
  communityId: r.community_id,
  rewardId: r.reward_id,
  rewardName: r.reward_name,
  userId: r.user_id,
  userName: r.user_name,
  cost: r.cost,
  at: r.at,
  handedBy: r.handed_by,
  handedAt: r.handed_at,
})

export interface AutoClosedRow {
  shift_id: string
  user_id: string
  community_id: string
  title: string
  hours_tenths: number
}

export const autoClosed = (r: AutoClosedRow) => ({ shiftId: r.shift_id, userId: r.user_id, communityId: r.community_id, title: r.title, hours: r.hours_tenths / 10 })

/** What the ledger says for a redemption. */
export const redemptionReason = (rewardName: string) => `兑换：${rewardName}`.slice(0, 200)
