import { DEFAULT_RULES, EARN_KINDS } from '@/domain/points'
import type { SeedWriter } from './ports'

const HOUR = 3600_000

/**
 * Demo 积分制 of 锦江社区: the default rules set by its committee, three rewards in the 积分超市, and the points the
 * demo's accepted reports earned their reporters (as report.transition's grant writes them), with each balance.
 */
export const DEMO_REWARDS = [
  { id: 'w_demo_bag', name: '环保购物袋', description: '到社区服务中心领取', cost: 5, stock: 20 },
  { id: 'w_demo_soap', name: '洗衣液一瓶', description: '到社区服务中心领取', cost: 20, stock: 10 },
  { id: 'w_demo_rice', name: '大米五斤', description: '每月第一个周六在社区广场发放', cost: 50, stock: 5 },
] as const

export const DEMO_POINTS = [
  { id: 'pe_demo_1', userId: 'u_resident_jj1', sourceId: 'r_demo_garbage', reason: '上报问题被受理：环境卫生', atHours: -25 },
  { id: 'pe_demo_2', userId: 'u_resident_jj2', sourceId: 'r_demo_streetlight', reason: '上报问题被受理：设施损坏', atHours: -74 },
] as const

export async function seedPoints(w: SeedWriter, now: Date): Promise<void> {
  const at = (h: number) => new Date(now.getTime() + h * HOUR).toISOString()
  for (const k of EARN_KINDS) {
    await w.run(
      `INSERT INTO points_rules (community_id, kind, points, updated_by, updated_at) VALUES ('c_jinjiang', ?, ?, 'u_committee_jj', ?)`,
      [k, DEFAULT_RULES[k], at(-24 * 10)],
    )
  }
  for (const r of DEMO_REWARDS) {
    await w.run(
      `INSERT INTO rewards (id, community_id, name, description, cost, stock, created_by, created_at) VALUES (?, 'c_jinjiang', ?, ?, ?, ?, 'u_committee_jj', ?)`,
      [r.id, r.name, r.description, r.cost, r.stock, at(-24 * 10)],
    )
  }
  for (const p of DEMO_POINTS) {
    const points = DEFAULT_RULES.report_accepted
    await w.run(
      `INSERT INTO points_entries (id, community_id, user_id, points, reason, source_kind, source_id, granted_by, at)
       VALUES (?, 'c_jinjiang', ?, ?, ?, 'report_accepted', ?, NULL, ?)`,
      [p.id, p.userId, points, p.reason, p.sourceId, at(p.atHours)],
    )
    await w.run('INSERT INTO points_balances (user_id, balance) VALUES (?, ?)', [p.userId, points])
  }
}
