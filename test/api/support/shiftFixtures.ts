import type { ShiftCreateInput, ShiftView } from '@/domain/patrols'
import { DEMO_GRID_CENTRES } from '../../../cloud/seed/demoData'
import type { Harness } from './harness'

import { COMMITTEE } from './demoUsers'

export { COMMITTEE, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT, STREET, UNVERIFIED, VERIFIED as RESIDENT, WORKER } from './demoUsers'
export const DEMO_VOLUNTEER = 'u_volunteer_jj1'

/** 锦江社区 第一网格's centre (GCJ-02). */
export const CENTRE = DEMO_GRID_CENTRES['g_jj_1']!

/** Far beyond the real clock too (race workers run on the system clock). */
export const FAR_START = '2099-06-01T11:00:00.000Z'
export const FAR_END = '2099-06-01T13:00:00.000Z'

export interface Volunteer {
  id: string
  name: string
}

/**
 * Inserts `n` verified volunteers of 锦江社区 straight into the store (faster than applying and reviewing):
 * names 巡逻测试0001 …; `verified: false` or `volunteer: false` make the ones the rules refuse.
 */
export async function addVolunteers(
  h: Harness,
  n: number,
  opts: { verified?: boolean; volunteer?: boolean; community?: string } = {},
): Promise<Volunteer[]> {
  const community = opts.community ?? 'c_jinjiang'
  const start = ((await h.sql.get('SELECT count(*) AS n FROM users')) as { n: number }).n
  const out: Volunteer[] = []
  await h.sql.tx(async (db) => {
    for (let i = 0; i < n; i++) {
      const id = `u_patrol_${String(start + i).padStart(5, '0')}`
      const name = `巡逻测试${String(start + i).padStart(4, '0')}`
      await db.run(
        `INSERT INTO users (id, name, phone, openid, community_id, grid_id, household_id, verified, roster_only, created_at)
         VALUES (?, ?, NULL, NULL, ?, NULL, NULL, ?, ?, ?)`,
        [id, name, community, opts.verified === false ? 0 : 1, 0, h.clock.now().toISOString()],
      )
      await db.run('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [id, 'resident'])
      if (opts.volunteer !== false) await db.run('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [id, 'volunteer'])
      out.push({ id, name })
    }
  })
  return out
}

export function shiftInput(over: Partial<ShiftCreateInput> = {}): ShiftCreateInput {
  return {
    title: '夜间治安巡逻',
    area: { latitude: CENTRE.latitude, longitude: CENTRE.longitude, radius: 300 },
    meetingPoint: '社区服务中心门口',
    startAt: FAR_START,
    endAt: FAR_END,
    capacity: 20,
    note: '带好手电筒，由网格员孙丽带队',
    ...over,
  }
}

export async function createShift(h: Harness, over: Partial<ShiftCreateInput> = {}): Promise<ShiftView> {
  const r = await h.ok<{ shifts: ShiftView[] }>('shift.create', shiftInput(over), COMMITTEE)
  return r.shifts[0]!
}

export { codes } from './race'

export interface SignupRow {
  user_id: string
  status: string
  seq: number
}

export async function signupRows(h: Harness, shiftId: string): Promise<SignupRow[]> {
  return (await h.sql.all('SELECT user_id, status, seq FROM shift_signups WHERE shift_id = ? ORDER BY seq', [shiftId])) as SignupRow[]
}

export async function statusCount(h: Harness, shiftId: string, status: string): Promise<number> {
  return (await signupRows(h, shiftId)).filter((r) => r.status === status).length
}
