import type { SeedWriter } from './ports'

const DAY = 24 * 3600_000

/**
 * Demo 入户走访 of 锦江社区 第一网格 (孙丽) and 第二网格 (周强), days before the seed time, so coverage shows visited and
 * not-yet-visited households; one household marked 独居老人 (every 14 days, last seen 20 days ago: overdue in 待办).
 */
export const DEMO_VISITS = [
  { id: 'v_demo_1', householdId: 'h_jj_1_02', gridId: 'g_jj_1', visitorId: 'u_worker_jj1', daysAgo: 3, met: '杨春敏', finding: 'none', note: '家中情况正常，已告知近期防诈骗提醒。' },
  { id: 'v_demo_2', householdId: 'h_jj_1_04', gridId: 'g_jj_1', visitorId: 'u_worker_jj1', daysAgo: 8, met: '户主', finding: 'need', note: '反映楼道声控灯不亮，已记录转物业。' },
  { id: 'v_demo_3', householdId: 'h_jj_1_06', gridId: 'g_jj_1', visitorId: 'u_worker_jj1', daysAgo: 20, met: '老人本人', finding: 'vulnerable', note: '独居老人，子女在外地，行动不便，需定期探望。' },
  { id: 'v_demo_4', householdId: 'h_jj_2_03', gridId: 'g_jj_2', visitorId: 'u_worker_jj2', daysAgo: 5, met: '户主及家人', finding: 'none', note: '家中无异常。' },
] as const

export async function seedVisits(w: SeedWriter, now: Date): Promise<void> {
  for (const v of DEMO_VISITS) {
    const at = new Date(now.getTime() - v.daysAgo * DAY).toISOString()
    await w.run(
      `INSERT INTO visits (id, community_id, grid_id, household_id, visitor_id, visited_at, met, finding, note, created_at)
       VALUES (?, 'c_jinjiang', ?, ?, ?, ?, ?, ?, ?, ?)`,
      [v.id, v.gridId, v.householdId, v.visitorId, at, v.met, v.finding, v.note, at],
    )
  }
  const marked = new Date(now.getTime() - 20 * DAY).toISOString()
  await w.run(
    `INSERT INTO household_follow_ups (household_id, community_id, grid_id, kind, reason, every_days, marked_by, marked_at)
     VALUES ('h_jj_1_06', 'c_jinjiang', 'g_jj_1', 'livingAlone', '独居，行动不便，子女在外地', 14, 'u_worker_jj1', ?)`,
    [marked],
  )
}
