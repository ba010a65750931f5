import type { SeedWriter } from './ports'

const HOUR = 3600_000

/**
 * One open 社会动员 call-out of 锦江社区 (防汛值守, to the volunteers and residents of 第一网格, starting in two hours):
 * 王建华 (a resident) answered 能来 for 堤坝巡查, 杨春敏 (the demo volunteer) 来不了 — so the demo volunteer's patrol signups
 * never clash with it; each recipient has the message the call-out sent.
 */
export const DEMO_CALLOUT = {
  id: 'co_demo_1',
  title: '汛期堤坝值守',
  place: '锦江堤坝北段（东门闸口集合）',
  tasks: [
    { id: 'co_demo_1_t1', name: '堤坝巡查', capacity: 6 },
    { id: 'co_demo_1_t2', name: '沙袋搬运', capacity: 4 },
  ],
  /** [user, answer, task] */
  recipients: [
    ['u_resident_jj1', 'yes', 'co_demo_1_t1'],
    ['u_volunteer_jj1', 'no', null],
  ],
} as const

export async function seedCallouts(w: SeedWriter, now: Date): Promise<void> {
  const c = DEMO_CALLOUT
  const at = (h: number) => new Date(now.getTime() + h * HOUR).toISOString()
  const created = at(-1)
  await w.run(
    `INSERT INTO callouts (id, community_id, title, kind, description, place, latitude, longitude, radius, start_at, end_at,
       to_volunteers, to_residents, grid_ids, recipients, created_by, created_at)
     VALUES (?, 'c_jinjiang', ?, 'floodWatch', ?, ?, 29.63, 120.4258, 300, ?, ?, 1, 1, '["g_jj_1"]', ?, 'u_committee_jj', ?)`,
    [c.id, c.title, '气象台发布暴雨橙色预警，今晚江水上涨。请到堤坝值守巡查，穿雨衣、带手电。', c.place, at(2), at(6), c.recipients.length, created],
  )
  for (const [i, t] of c.tasks.entries()) {
    const taken = c.recipients.filter((r) => r[2] === t.id).length
    await w.run('INSERT INTO callout_tasks (id, callout_id, position, name, capacity, taken) VALUES (?, ?, ?, ?, ?, ?)', [t.id, c.id, i, t.name, t.capacity, taken])
  }
  for (const [userId, answer, taskId] of c.recipients) {
    await w.run('INSERT INTO callout_recipients (callout_id, user_id, answer, task_id, answered_at) VALUES (?, ?, ?, ?, ?)', [c.id, userId, answer, taskId, at(-0.5)])
    await w.run(
      `INSERT INTO messages (id, user_id, kind, title, body, target_type, target_id, created_at, read_at)
       VALUES (?, ?, 'shift', ?, ?, 'callout', ?, ?, NULL)`,
      [`m_${c.id}_${userId}`, userId, `社区动员：${c.title}`, `【防汛值守】「${c.title}」在${c.place}，请回复能来或来不了`, c.id, created],
    )
  }
}
