import { DEMO_GRID_CENTRES } from './demoData'
import type { SeedWriter } from './ports'

const HOUR = 3600_000

/** Demo patrol shifts of 锦江社区, at whole hours after the seed time so they are upcoming when `npm start` seeds. */
export const DEMO_SHIFTS = [
  { id: 'sh_demo_night', gridId: 'g_jj_1', title: '夜间治安巡逻', inHours: 8, hours: 2, capacity: 6, radius: 300, meetingPoint: '社区服务中心门口', note: '带好手电筒和红袖章，网格员孙丽带队' },
  { id: 'sh_demo_school', gridId: 'g_jj_3', title: '校园周边护学岗', inHours: 26, hours: 1, capacity: 4, radius: 200, meetingPoint: '实验小学东门', note: '上学时段维持秩序，穿志愿者马甲' },
  // one seat only: after one signup the next volunteer joins the waitlist
  { id: 'sh_demo_river', gridId: 'g_jj_2', title: '沿河防溺水巡查', inHours: 50, hours: 2, capacity: 1, radius: 500, meetingPoint: '2栋北侧河堤', note: '沿河步道往返，发现险情先报告' },
] as const

export async function seedShifts(w: SeedWriter, now: Date): Promise<void> {
  const base = Math.ceil(now.getTime() / HOUR) * HOUR
  for (const s of DEMO_SHIFTS) {
    const c = DEMO_GRID_CENTRES[s.gridId]!
    const start = base + s.inHours * HOUR
    await w.run(
      `INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, meeting_point, note, start_at, end_at,
         capacity, created_by, created_at) VALUES (?, 'c_jinjiang', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'u_committee_jj', ?)`,
      [s.id, s.title, c.latitude, c.longitude, s.radius, s.meetingPoint, s.note, new Date(start).toISOString(),
        new Date(start + s.hours * HOUR).toISOString(), s.capacity, now.toISOString()],
    )
  }
}
