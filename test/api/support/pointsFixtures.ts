/** What the points API tests share: the demo's people and a grant straight into the store. */
import type { Harness } from './harness'
export { COMMITTEE, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT, STREET, UNVERIFIED, VERIFIED, WORKER } from './demoUsers'

export const VOLUNTEER = 'u_volunteer_jj1'
export const POINTS_TABLES = ['points_entries', 'points_balances', 'points_rules', 'rewards', 'redemptions', 'audit_log', 'idempotency'] as const

/** Grants `points` to a person of 锦江社区 as a source event would (through the repository, so the balance moves too). */
export async function givePoints(h: Harness, userId: string, points: number, sourceId: string): Promise<string> {
  const id = `pe_test_${sourceId}_${userId}`
  await h.store.points.grant({ id, communityId: 'c_jinjiang', userId, points, reason: '测试积分', sourceKind: 'report_accepted', sourceId, grantedBy: null, at: h.clock.now().toISOString() })
  return id
}

export const rewardInput = (over: Record<string, unknown> = {}) => ({ name: '洗衣液一瓶', cost: 20, stock: 5, description: '到社区服务中心领取', ...over })
