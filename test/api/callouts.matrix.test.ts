/**
 * Who may do what with a call-out: role × own/other community × addressed or not, through the dispatcher. A refused
 * call writes nothing.
 */
import type { CalloutDetail, CalloutListPage } from '@/domain/callouts'
import { countRows, makeHarness, NOW, type Harness } from './support/harness'
import {
  calloutInput,
  COMMITTEE,
  createCallout,
  DEMO_VOLUNTEER,
  north,
  OTHER_COMMITTEE,
  OTHER_COMMUNITY_RESIDENT,
  RESIDENT,
  STREET,
  UNVERIFIED,
  WORKER,
} from './support/calloutFixtures'

const HOUR = 3600_000
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()
/** verified resident of 锦江社区 第二网格: same community, not addressed */
const NEIGHBOUR = 'u_resident_jj2'

let h: Harness
let id: string
let taskId: string
beforeAll(async () => {
  h = await makeHarness()
  const c = await createCallout(h, { startAt: at(10 * 60_000), endAt: at(2 * HOUR) })
  id = c.id
  taskId = c.tasks[0]!.id
})
afterAll(() => h.close())

const rows = async () => countRows(h.sql, ['callouts', 'callout_tasks', 'callout_recipients', 'messages', 'audit_log'])
const state = () => h.sql.all('SELECT user_id, answer, task_id, checkin_at FROM callout_recipients WHERE callout_id = ? ORDER BY user_id', [id])

async function refused(action: string, payload: unknown, as: string, code: string) {
  const before = [await rows(), await state()]
  const r = await h.call(action, payload, as)
  expect(r).toMatchObject({ ok: false, error: { code } })
  expect(!r.ok && r.error.message).toMatch(/[\u4e00-\u9fff]/)
  expect([await rows(), await state()]).toEqual(before)
}

describe('callout.create', () => {
  test.each([WORKER, STREET, RESIDENT, DEMO_VOLUNTEER, UNVERIFIED])('%s → FORBIDDEN', (as) => refused('callout.create', calloutInput(), as, 'FORBIDDEN'))
  test('another community’s committee cannot call out our grids', () => refused('callout.create', calloutInput(), OTHER_COMMITTEE, 'INVALID_INPUT'))
})

describe('callout.get', () => {
  test.each([COMMITTEE, WORKER])('staff of the community (%s) see who has not answered', async (as) => {
    const d = await h.ok<CalloutDetail>('callout.get', { id }, as)
    expect(d.unanswered).not.toBeNull()
    expect(d.my).toBeNull()
  })
  test.each([RESIDENT, DEMO_VOLUNTEER])('a recipient (%s) sees the call-out and their own answer, not the others’', async (as) => {
    const d = await h.ok<CalloutDetail>('callout.get', { id }, as)
    expect(d.unanswered).toBeNull()
    expect(d.my).not.toBeNull()
  })
  test.each([OTHER_COMMITTEE, STREET, NEIGHBOUR, OTHER_COMMUNITY_RESIDENT, UNVERIFIED])('%s → NOT_FOUND', (as) => refused('callout.get', { id }, as, 'NOT_FOUND'))
})

describe('callout.list', () => {
  test.each([COMMITTEE, WORKER, RESIDENT])('%s lists it', async (as) => {
    expect((await h.ok<CalloutListPage>('callout.list', {}, as)).items.map((c) => c.id)).toContain(id)
  })
  test.each([OTHER_COMMITTEE, NEIGHBOUR, OTHER_COMMUNITY_RESIDENT])('%s does not', async (as) => {
    expect((await h.ok<CalloutListPage>('callout.list', {}, as)).items.map((c) => c.id)).not.toContain(id)
  })
})

describe('callout.answer and callout.checkin', () => {
  test('staff who were not addressed → FORBIDDEN', async () => {
    await refused('callout.answer', { id, answer: 'yes', taskId }, WORKER, 'FORBIDDEN')
    await refused('callout.checkin', { id, ...north(0), accuracy: 5 }, COMMITTEE, 'FORBIDDEN')
  })
  test.each([OTHER_COMMITTEE, STREET, NEIGHBOUR, OTHER_COMMUNITY_RESIDENT, UNVERIFIED])('%s → NOT_FOUND', async (as) => {
    await refused('callout.answer', { id, answer: 'yes', taskId }, as, 'NOT_FOUND')
    await refused('callout.checkin', { id, ...north(0), accuracy: 5 }, as, 'NOT_FOUND')
  })
  test('the addressed answer and 报到', async () => {
    await h.ok('callout.answer', { id, answer: 'yes', taskId }, RESIDENT)
    await h.ok('callout.checkin', { id, ...north(0), accuracy: 5 }, RESIDENT)
  })
})

describe('callout.close and callout.extend', () => {
  test.each([WORKER, RESIDENT, DEMO_VOLUNTEER])('%s → FORBIDDEN', async (as) => {
    await refused('callout.extend', { id, endAt: at(3 * HOUR) }, as, 'FORBIDDEN')
    await refused('callout.close', { id, reason: '结束' }, as, 'FORBIDDEN')
  })
  test.each([OTHER_COMMITTEE, STREET, NEIGHBOUR])('%s → NOT_FOUND', async (as) => {
    await refused('callout.extend', { id, endAt: at(3 * HOUR) }, as, 'NOT_FOUND')
    await refused('callout.close', { id, reason: '结束' }, as, 'NOT_FOUND')
  })
  test('the committee extends, then closes', async () => {
    await h.ok('callout.extend', { id, endAt: at(3 * HOUR) }, COMMITTEE)
    await h.ok('callout.close', { id, reason: '结束' }, COMMITTEE)
  })
})
