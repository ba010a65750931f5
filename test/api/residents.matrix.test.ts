/**
 * Authorization matrix of every issue-3 action (DESIGN §5): who × action, code asserted, and every
 * refusal leaves every table as it was (h.counts()). Targets are fresh per cell (a new pending
 * application, a new person), so no cell depends on another.
 */
import type { ResidentApplyResult } from '@/domain/residents'
import type { VolunteerApplicationView } from '@/domain/volunteers'
import { makeHarness, type Harness } from './support/harness'

type Actor =
  | 'unverified'
  | 'resident'
  | 'volunteer'
  | 'gridWorker'
  | 'gridWorkerOther'
  | 'committee'
  | 'committeeOther'
  | 'street'
  | 'anonymous'
type Outcome = 'ok' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHENTICATED'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

/** fresh people where a cell changes its caller's state */
const ACTOR: Record<Actor, () => Promise<string | null>> = {
  unverified: () => h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_1' }),
  resident: () => h.devLogin({ role: 'resident', gridId: 'g_jj_1' }),
  volunteer: async () => 'u_volunteer_jj1',
  gridWorker: async () => 'u_worker_jj1', // 第一网格
  gridWorkerOther: async () => 'u_worker_jj2', // 第二、三网格
  committee: async () => 'u_committee_jj',
  committeeOther: async () => 'u_committee_lj', // 临江村
  street: async () => 'u_street',
  anonymous: async () => null,
}

let seq = 0
async function pendingResidentApplication(): Promise<string> {
  const who = await h.devLogin({ role: 'resident', verified: false })
  const r = await h.ok<ResidentApplyResult>('resident.apply', { gridId: 'g_jj_2', building: '2栋', unit: '1单元', room: '101', name: `申请人${++seq}`, relation: 'member' }, who)
  expect(r.status).toBe('pending')
  return r.applicationId
}
async function pendingVolunteerApplication(): Promise<string> {
  const who = await h.devLogin({ role: 'resident', gridId: 'g_jj_2' })
  return (await h.ok<VolunteerApplicationView>('volunteer.apply', { skills: '修理' }, who)).id
}

interface Cell {
  payload: () => Promise<unknown>
  expect: Record<Actor, Outcome>
}

const onlyCommittee = (committeeOther: Outcome = 'FORBIDDEN'): Record<Actor, Outcome> => ({
  unverified: 'FORBIDDEN',
  resident: 'FORBIDDEN',
  volunteer: 'FORBIDDEN',
  gridWorker: 'FORBIDDEN',
  gridWorkerOther: 'FORBIDDEN',
  committee: 'ok',
  committeeOther,
  street: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
})
const everyoneSignedIn: Record<Actor, Outcome> = {
  unverified: 'ok', resident: 'ok', volunteer: 'ok', gridWorker: 'ok', gridWorkerOther: 'ok',
  committee: 'ok', committeeOther: 'ok', street: 'ok', anonymous: 'UNAUTHENTICATED',
}

const MATRIX: Record<string, Cell> = {
  // the other community's committee imports into ITS community (grids matched by name there): allowed
  'household.import': { payload: async () => ({ csv: `网格,楼栋/组,单元,房号,户主姓名,成年人数\n第一网格,矩阵${++seq}栋,,1,赵某,1` }), expect: onlyCommittee('ok') },
  'household.list (第一网格)': {
    payload: async () => ({ gridId: 'g_jj_1' }),
    expect: { ...onlyCommittee(), gridWorker: 'ok' },
  },
  'household.list (no grid)': { payload: async () => ({}), expect: { ...onlyCommittee('ok'), gridWorker: 'ok', gridWorkerOther: 'ok' } },
  'household.export (第一网格)': { payload: async () => ({ gridId: 'g_jj_1' }), expect: onlyCommittee() },
  'resident.apply (锦江 第一网格)': {
    payload: async () => ({ gridId: 'g_jj_1', building: '1栋', unit: '1单元', room: '201', name: '矩阵申请', relation: 'tenant' }),
    expect: {
      unverified: 'ok', resident: 'CONFLICT', volunteer: 'CONFLICT', gridWorker: 'FORBIDDEN', gridWorkerOther: 'FORBIDDEN',
      committee: 'FORBIDDEN', committeeOther: 'FORBIDDEN', street: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED',
    },
  },
  'resident.apply (a grid of 临江村)': {
    payload: async () => ({ gridId: 'g_lj_1', building: '1组', room: '101', name: '矩阵申请', relation: 'head' }),
    expect: {
      unverified: 'FORBIDDEN', resident: 'FORBIDDEN', volunteer: 'FORBIDDEN', gridWorker: 'FORBIDDEN', gridWorkerOther: 'FORBIDDEN',
      committee: 'FORBIDDEN', committeeOther: 'FORBIDDEN', street: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED',
    },
  },
  'resident.myApplication': { payload: async () => ({}), expect: everyoneSignedIn },
  'resident.applications': { payload: async () => ({}), expect: onlyCommittee('ok') },
  'resident.review': { payload: async () => ({ applicationId: await pendingResidentApplication(), approve: false, reason: '信息不符' }), expect: onlyCommittee() },
  'resident.register': { payload: async () => ({ householdId: 'h_jj_1_05', name: '代登记' }), expect: onlyCommittee() },
  'member.list': { payload: async () => ({}), expect: onlyCommittee('ok') },
  'member.assignGrids': {
    payload: async () => ({ userId: await h.devLogin({ role: 'resident', gridId: 'g_jj_3' }), gridIds: ['g_jj_1'] }),
    expect: onlyCommittee(),
  },
  'volunteer.apply': {
    payload: async () => ({ skills: '跑腿', availability: '周末' }),
    expect: {
      unverified: 'FORBIDDEN', resident: 'ok', volunteer: 'CONFLICT', gridWorker: 'FORBIDDEN', gridWorkerOther: 'FORBIDDEN',
      committee: 'FORBIDDEN', committeeOther: 'FORBIDDEN', street: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED',
    },
  },
  'volunteer.myApplication': { payload: async () => ({}), expect: everyoneSignedIn },
  'volunteer.applications': { payload: async () => ({}), expect: onlyCommittee('ok') },
  'volunteer.review': { payload: async () => ({ applicationId: await pendingVolunteerApplication(), approve: true }), expect: onlyCommittee() },
  'me.setPhone': { payload: async () => ({ phone: '13712345678' }), expect: everyoneSignedIn },
}

const cells = Object.entries(MATRIX).flatMap(([label, cell]) =>
  (Object.keys(cell.expect) as Actor[]).map((actor) => [label, actor, cell.expect[actor], cell] as const),
)

test.each(cells)('%s × %s → %s', async (label, actor, outcome, cell) => {
  const action = label.split(' ')[0] as string
  const payload = await cell.payload()
  const as = await ACTOR[actor]()
  const before = await h.counts()
  const r = await h.call(action, payload, as)
  if (outcome === 'ok') {
    if (!r.ok) throw new Error(`${label} as ${actor}: ${JSON.stringify(r.error)}`)
  } else {
    expect(r).toMatchObject({ ok: false, error: { code: outcome } })
    expect(await h.counts()).toEqual(before)
  }
})

test('the matrix covers every issue-3 action', () => {
  const actions = new Set(Object.keys(MATRIX).map((l) => l.split(' ')[0]))
  expect([...actions].sort()).toEqual(
    [
      'household.import', 'household.list', 'household.export', 'resident.apply', 'resident.myApplication',
      'resident.applications', 'resident.review', 'resident.register', 'member.list', 'member.assignGrids',
      'volunteer.apply', 'volunteer.myApplication', 'volunteer.applications', 'volunteer.review', 'me.setPhone',
    ].sort(),
  )
})

test('a grid worker asking for a grid that is not theirs is FORBIDDEN, and their own grid lists only it', async () => {
  const before = await h.counts()
  expect(await h.call('household.list', { gridId: 'g_jj_2' }, 'u_worker_jj1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await h.call('household.list', { gridId: 'g_lj_1' }, 'u_worker_jj1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await h.counts()).toEqual(before)
  const mine = await h.ok<{ items: { gridId: string }[] }>('household.list', { limit: 100 }, 'u_worker_jj1')
  expect(new Set(mine.items.map((x) => x.gridId))).toEqual(new Set(['g_jj_1']))
})

test('committee of another community: foreign user, grid or household → FORBIDDEN, nothing written', async () => {
  const before = await h.counts()
  const jjResident = 'u_resident_jj3'
  for (const [action, payload] of [
    ['member.assignGrids', { userId: jjResident, gridIds: [] }],
    ['member.assignGrids', { userId: 'u_resident_lj1', gridIds: ['g_jj_1'] }],
    ['household.export', { gridId: 'g_jj_1' }],
    ['household.list', { gridId: 'g_jj_1' }],
    ['resident.register', { householdId: 'h_jj_1_03', name: '外社区' }],
  ] as const) {
    expect(await h.call(action, payload, 'u_committee_lj')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
  expect(await h.counts()).toEqual(before)
})
