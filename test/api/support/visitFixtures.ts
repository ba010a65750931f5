/** What the visits API tests share: the demo's people and households, a visit's input. */
export { COMMITTEE, OTHER_COMMITTEE, STREET, VERIFIED, WORKER } from './demoUsers'

/** 周强: grid worker of 第二网格 and 第三网格 */
export const WORKER2 = 'u_worker_jj2'
export const DISTRICT = 'u_district'
export const CITY = 'u_city'
export const VOLUNTEER = 'u_volunteer_jj1'
/** households of 锦江社区 第一网格 (孙丽's), 第二网格 (周强's) and 临江村 */
export const H1 = 'h_jj_1_01'
export const H1B = 'h_jj_1_03'
export const H2 = 'h_jj_2_01'
export const H_OTHER = 'h_lj_1_01'

/** An hour before the harness's NOW (2025-03-01T02:00:00.000Z): a visit of today. */
export const VISITED = '2025-03-01T01:00:00.000Z'

export const visitInput = (over: Record<string, unknown> = {}) => ({
  householdId: H1,
  visitedAt: VISITED,
  met: '户主王建华',
  finding: 'none',
  note: '家中一切正常',
  ...over,
})

export const hazardVisit = (over: Record<string, unknown> = {}) =>
  visitInput({
    finding: 'hazard',
    note: '楼道堆放纸箱',
    raiseReport: { category: 'safety_hazard', description: '1栋1单元楼道堆放大量纸箱，堵塞消防通道' },
    ...over,
  })

export const VISIT_TABLES = ['visits', 'household_follow_ups', 'visit_plans', 'reports', 'report_events', 'messages', 'idempotency', 'audit_log'] as const
