/**
 * Who may call what on the visits of a household of 锦江社区 第一网格 (孙丽's grid): each caller × action → ok or the
 * error code. Writes: the household's grid worker and committee only; reads also the street, district and city above.
 * A household out of reach answers as one that does not exist.
 */
import { makeHarness, type Harness } from './support/harness'
import { CITY, COMMITTEE, DISTRICT, H1, OTHER_COMMITTEE, STREET, VERIFIED, visitInput, VOLUNTEER, WORKER, WORKER2 } from './support/visitFixtures'
import { OTHER_COMMUNITY_RESIDENT } from './support/demoUsers'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const WHO: [string, string][] = [
  ['committee', COMMITTEE],
  ['otherCommittee', OTHER_COMMITTEE],
  ['street', STREET],
  ['district', DISTRICT],
  ['city', CITY],
  ['worker', WORKER],
  ['otherGridWorker', WORKER2],
  ['resident', VERIFIED],
  ['volunteer', VOLUNTEER],
  ['otherResident', OTHER_COMMUNITY_RESIDENT],
]

const F = 'FORBIDDEN'
const N = 'NOT_FOUND'
const ok = 'ok'
//                                        committee otherCom street district city worker otherGW resident volunteer otherRes
const EXPECTED: [string, unknown, string[]][] = [
  ['visit.log', visitInput(), [ok, N, N, N, N, ok, N, N, N, N]],
  ['visit.list', { householdId: H1 }, [ok, N, ok, ok, ok, ok, N, N, N, N]],
  ['visit.list', { gridId: 'g_jj_1' }, [ok, F, ok, ok, ok, ok, F, F, F, F]],
  ['visit.list', {}, [ok, ok, 'INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT', ok, ok, F, F, F]],
  ['visit.coverage', { communityId: 'c_jinjiang' }, [ok, F, ok, ok, ok, ok, ok, F, F, F]],
  ['visit.coverage', {}, [ok, ok, 'INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT', ok, ok, F, F, F]],
  ['visit.setPlan', { months: 4 }, [ok, ok, F, F, F, F, F, F, F, F]],
  ['visit.markFollowUp', { householdId: H1, kind: 'watch', reason: '需关注', everyDays: 10 }, [ok, N, N, N, N, ok, N, N, N, N]],
  ['visit.clearFollowUp', { householdId: H1 }, [ok, N, N, N, N, ok, N, N, N, N]],
]

test.each(EXPECTED.map(([a, p, e]) => [`${a} ${JSON.stringify(p)}`, a, p, e] as const))('%s', async (_name, action, payload, expected) => {
  const got: string[] = []
  for (const [, id] of WHO) {
    const r = await h.call(action, payload, id)
    got.push(r.ok ? 'ok' : r.error.code)
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
  }
  expect(Object.fromEntries(WHO.map(([w], i) => [w, got[i]]))).toEqual(Object.fromEntries(WHO.map(([w], i) => [w, expected[i]])))
})

test('nothing of a refused call is written', async () => {
  const before = await h.counts()
  const visits = await h.sql.value('SELECT count(*) FROM visits')
  for (const [, id] of WHO.slice(1, 5)) await h.call('visit.log', visitInput({ note: '越权' }), id)
  for (const [, id] of WHO.slice(6)) await h.call('visit.log', visitInput({ note: '越权' }), id)
  expect(await h.sql.value('SELECT count(*) FROM visits')).toEqual(visits)
  expect(await h.counts()).toEqual(before)
})

test('a signed-out caller is UNAUTHENTICATED on every visit action', async () => {
  for (const action of ['visit.log', 'visit.list', 'visit.coverage', 'visit.setPlan', 'visit.markFollowUp', 'visit.clearFollowUp']) {
    const r = await h.call(action, {}, null)
    expect(r.ok ? 'ok' : r.error.code).toBe('UNAUTHENTICATED')
  }
})
