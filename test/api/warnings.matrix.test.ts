/**
 * Who may call what on the seeded warning of 锦江社区 第一网格 (孙丽's grid): each caller × action → ok or the error
 * code. Staff of the area only: the grid's worker and the committee read and assess; the street, district and city
 * above read; residents and volunteers never see a warning (FORBIDDEN).
 */
import { OTHER_COMMUNITY_RESIDENT } from './support/demoUsers'
import { makeHarness, type Harness } from './support/harness'
import { assessInput, CITY, COMMITTEE, DISTRICT, OTHER_COMMITTEE, seededWarning, STREET, VERIFIED, VOLUNTEER, WORKER, WORKER2 } from './support/warningFixtures'
import { DEFAULT_PARAMS } from '@/domain/warnings'

let h: Harness
let id: string
beforeAll(async () => {
  h = await makeHarness()
  id = await seededWarning(h)
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
const I = 'INVALID_INPUT'
const ok = 'ok'
//                                                         committee otherCom street district city worker otherGW resident volunteer otherRes
const EXPECTED: [string, () => unknown, string[]][] = [
  ['warning.list', () => ({}), [ok, ok, I, I, I, ok, ok, F, F, F]],
  ['warning.list', () => ({ communityId: 'c_jinjiang' }), [ok, F, ok, ok, ok, ok, ok, F, F, F]],
  ['warning.get', () => ({ id }), [ok, F, ok, ok, ok, ok, F, F, F, F]],
  ['warning.get', () => ({ id: 'no_such_warning' }), ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', F, F, F]],
  ['warning.assess', () => assessInput(id), [ok, F, F, F, F, ok, F, F, F, F]],
  ['warning.rules', () => ({}), [ok, ok, I, I, I, ok, ok, F, F, F]],
  ['warning.rules', () => ({ communityId: 'c_jinjiang' }), [ok, F, ok, ok, ok, ok, ok, F, F, F]],
  ['warning.setRules', () => DEFAULT_PARAMS, [ok, ok, F, F, F, F, F, F, F, F]],
]

test.each(EXPECTED.map(([a, p, e]) => [`${a} ${JSON.stringify(p()).slice(0, 60)}`, a, p, e] as const))('%s', async (_name, action, payload, expected) => {
  const got: string[] = []
  for (const [, who] of WHO) {
    const r = await h.call(action, payload(), who)
    got.push(r.ok ? 'ok' : r.error.code)
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
  }
  expect(Object.fromEntries(WHO.map(([w], i) => [w, got[i]]))).toEqual(Object.fromEntries(WHO.map(([w], i) => [w, expected[i]])))
})

test('nothing of a refused call is written', async () => {
  const count = async () => [await h.sql.value('SELECT count(*) FROM warning_assessments'), await h.sql.value('SELECT count(*) FROM warning_rules'), await h.sql.value('SELECT count(*) FROM audit_log')]
  const before = await count()
  for (const [, who] of WHO.slice(1, 5)) await h.call('warning.assess', assessInput(id, { close: true }), who)
  for (const [, who] of WHO.slice(6)) await h.call('warning.assess', assessInput(id, { close: true }), who)
  for (const [, who] of WHO.slice(2)) await h.call('warning.setRules', { ...DEFAULT_PARAMS, minCount: 9 }, who)
  expect(await count()).toEqual(before)
  expect(await h.sql.value('SELECT status FROM warnings WHERE id = ?', [id])).toBe('open')
})
