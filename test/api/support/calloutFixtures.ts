import type { CalloutCreateInput, CalloutView } from '@/domain/callouts'
import { COMMITTEE, CENTRE, FAR_END, FAR_START, addVolunteers, type Volunteer } from './shiftFixtures'
import type { Harness } from './harness'

export { COMMITTEE, CENTRE, FAR_END, FAR_START, DEMO_VOLUNTEER, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT, RESIDENT, STREET, UNVERIFIED, WORKER } from './shiftFixtures'

/** metres north of 第一网格's centre */
export const north = (m: number) => ({ latitude: CENTRE.latitude + m / 111_195.08, longitude: CENTRE.longitude })

export function calloutInput(over: Partial<CalloutCreateInput> = {}): CalloutCreateInput {
  return {
    title: '汛期堤坝值守',
    kind: 'floodWatch',
    description: '今晚暴雨，请到江边堤坝值守巡查',
    place: '锦江堤坝北段',
    area: { latitude: CENTRE.latitude, longitude: CENTRE.longitude, radius: 300 },
    startAt: FAR_START,
    endAt: FAR_END,
    audience: { volunteers: true, residents: true },
    gridIds: ['g_jj_1'],
    tasks: [
      { name: '堤坝巡查', capacity: 2 },
      { name: '沙袋搬运', capacity: 1 },
    ],
    ...over,
  }
}

export async function createCallout(h: Harness, over: Partial<CalloutCreateInput> = {}, requestId?: string): Promise<CalloutView> {
  return h.ok<CalloutView>('callout.create', calloutInput(over), COMMITTEE, requestId)
}

/** `n` verified volunteers of 锦江社区 living in 第一网格 (so a call-out to it reaches them). */
export async function gridVolunteers(h: Harness, n: number, gridId = 'g_jj_1'): Promise<Volunteer[]> {
  const vs = await addVolunteers(h, n)
  for (const v of vs) await h.sql.run('UPDATE users SET grid_id = ? WHERE id = ?', [gridId, v.id])
  return vs
}

export const taskOf = (c: CalloutView, name: string) => c.tasks.find((t) => t.name === name)!.id
