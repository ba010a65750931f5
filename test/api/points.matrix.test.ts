/**
 * Who may call what on points: each caller × action → ok or the error code. Everyone of the community reads the
 * rules, the board, the rewards and their own ledger and redeems; only its committee sets rules, reverses, lists
 * rewards for sale, reads another person's ledger and hands rewards out. Another community's things do not exist.
 */
import { makeHarness, type Harness } from './support/harness'
import { COMMITTEE, givePoints, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT, POINTS_TABLES, rewardInput, STREET, VERIFIED, VOLUNTEER, WORKER } from './support/pointsFixtures'
import { countRows } from './support/harness'

let h: Harness
let entryId = ''
let rewardId = ''
let redemptionId = ''
beforeAll(async () => {
  h = await makeHarness()
  entryId = await givePoints(h, VERIFIED, 500, 'matrix')
  rewardId = (await h.ok<{ id: string }>('reward.create', rewardInput({ stock: 100, cost: 1 }), COMMITTEE)).id
  redemptionId = (await h.ok<{ redemption: { id: string } }>('points.redeem', { rewardId }, VERIFIED)).redemption.id
})
afterAll(() => h.close())

const WHO: [string, string][] = [
  ['committee', COMMITTEE],
  ['otherCommittee', OTHER_COMMITTEE],
  ['street', STREET],
  ['worker', WORKER],
  ['resident', VERIFIED],
  ['volunteer', VOLUNTEER],
  ['otherResident', OTHER_COMMUNITY_RESIDENT],
]

const F = 'FORBIDDEN'
const N = 'NOT_FOUND'
const C = 'CONFLICT'
const ok = 'ok'
const RULES = { report_accepted: 5, patrol_hours: 2, callout_attended: 5, comment_answered: 2 }
// prettier-ignore
const EXPECTED: [string, () => unknown, string[]][] = [
  //                                                                 committee otherCom street worker resident volunteer otherRes
  ['points.rules', () => ({}),                                          [ok, ok, ok, ok, ok, ok, ok]],
  ['points.setRules', () => RULES,                                      [ok, ok, F, F, F, F, F]],
  ['points.ledger', () => ({}),                                         [ok, ok, ok, ok, ok, ok, ok]],
  ['points.ledger', () => ({ userId: VERIFIED }),                       [ok, N, F, F, ok, F, F]],
  ['points.board', () => ({}),                                          [ok, ok, ok, ok, ok, ok, ok]],
  ['reward.list', () => ({}),                                           [ok, ok, ok, ok, ok, ok, ok]],
  ['reward.create', () => rewardInput({ name: '矩阵奖品' }),             [ok, ok, F, F, F, F, F]],
  ['points.redeem', () => ({ rewardId }),                               [C, N, C, C, ok, C, N]],
  ['redemption.list', () => ({ status: 'pending' }),                    [ok, ok, ok, ok, ok, ok, ok]],
  ['redemption.handOver', () => ({ redemptionId }),                     [ok, N, F, F, F, F, F]],
  ['points.reverse', () => ({ entryId, reason: '矩阵冲正' }),            [ok, N, F, F, F, F, F]],
]

test.each(EXPECTED.map(([a, p, e]) => [`${a} ${JSON.stringify(p())}`, a, p, e] as const))('%s', async (_name, action, payload, expected) => {
  const got: string[] = []
  for (const [, id] of WHO) {
    const r = await h.call(action, payload(), id)
    got.push(r.ok ? 'ok' : r.error.code)
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
  }
  expect(Object.fromEntries(WHO.map(([w], i) => [w, got[i]]))).toEqual(Object.fromEntries(WHO.map(([w], i) => [w, expected[i]])))
})

test('nothing of a refused call is written', async () => {
  const before = await countRows(h.sql, POINTS_TABLES)
  for (const [, id] of WHO.slice(1)) {
    await h.call('points.reverse', { entryId, reason: '越权冲正' }, id)
    if (id !== OTHER_COMMITTEE) await h.call('reward.create', rewardInput({ name: '越权' }), id)
    if (id !== OTHER_COMMITTEE) await h.call('points.setRules', RULES, id)
  }
  await h.call('points.redeem', { rewardId }, OTHER_COMMUNITY_RESIDENT)
  expect(await countRows(h.sql, POINTS_TABLES)).toEqual(before)
})

test('a signed-out caller is UNAUTHENTICATED on every points action', async () => {
  for (const action of ['points.rules', 'points.setRules', 'points.ledger', 'points.board', 'points.reverse', 'reward.create', 'reward.list', 'points.redeem', 'redemption.list', 'redemption.handOver']) {
    const r = await h.call(action, {}, null)
    expect(r.ok ? 'ok' : r.error.code).toBe('UNAUTHENTICATED')
  }
})
