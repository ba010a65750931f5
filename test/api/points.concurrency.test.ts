/**
 * Redemptions under real contention: worker processes with their own connections to the same store (support/race.ts),
 * released at once. Two people racing for the last item → one gets it; one person spending their last points
 * many times at once → one redemption; a retried redemption is one; a reversal sent many times is one.
 */
import type { ApiReply } from '@/domain/shared/envelope'
import { makeHarness, type Harness } from './support/harness'
import { codes, race } from './support/race'
import { COMMITTEE, givePoints, rewardInput, VERIFIED, VOLUNTEER } from './support/pointsFixtures'

jest.setTimeout(120_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const balance = async (u: string) => Number((await h.sql.value('SELECT balance FROM points_balances WHERE user_id = ?', [u])) ?? 0)
const ledgerSum = async (u: string) => Number((await h.sql.value('SELECT coalesce(sum(points), 0) FROM points_entries WHERE user_id = ?', [u])) ?? 0)

test('two people redeem the last item, 6 times each at once → one redemption, stock 0, the loser keeps their points', async () => {
  await givePoints(h, VERIFIED, 100, 'race-a')
  await givePoints(h, VOLUNTEER, 100, 'race-b')
  const before = { a: await balance(VERIFIED), b: await balance(VOLUNTEER) }
  const w = await h.ok<{ id: string }>('reward.create', rewardInput({ cost: 30, stock: 1 }), COMMITTEE)
  const replies: ApiReply[] = await race({ location: h.location, action: 'points.redeem', payload: { rewardId: w.id }, userId: [VERIFIED, VOLUNTEER], processes: 2, perProcess: 6 })
  expect(codes(replies)).toEqual({ ok: 1, CONFLICT: 11 })
  expect(Number(await h.sql.value('SELECT stock FROM rewards WHERE id = ?', [w.id]))).toBe(0)
  expect(Number(await h.sql.value('SELECT count(*) FROM redemptions WHERE reward_id = ?', [w.id]))).toBe(1)
  const spent = (before.a - (await balance(VERIFIED))) + (before.b - (await balance(VOLUNTEER)))
  expect(spent).toBe(30)
  expect(await balance(VERIFIED)).toBe(await ledgerSum(VERIFIED))
  expect(await balance(VOLUNTEER)).toBe(await ledgerSum(VOLUNTEER))
})

test('one person with points for one item redeems from 4 processes at once → one redemption, balance never below 0', async () => {
  await givePoints(h, VERIFIED, 10_000, 'race-c')
  const w = await h.ok<{ id: string }>('reward.create', rewardInput({ cost: (await balance(VERIFIED)) - 1, stock: 50 }), COMMITTEE)
  const replies = await race({ location: h.location, action: 'points.redeem', payload: { rewardId: w.id }, userId: VERIFIED, processes: 4, perProcess: 3 })
  expect(codes(replies)).toEqual({ ok: 1, CONFLICT: 11 })
  expect(await balance(VERIFIED)).toBe(1)
  expect(await ledgerSum(VERIFIED)).toBe(1)
  expect(Number(await h.sql.value('SELECT stock FROM rewards WHERE id = ?', [w.id]))).toBe(49)
})

test('a redemption retried 12 times at once with one requestId → one redemption, every reply the same', async () => {
  await givePoints(h, VERIFIED, 100, 'race-d')
  const w = await h.ok<{ id: string }>('reward.create', rewardInput({ cost: 10, stock: 20 }), COMMITTEE)
  const replies = await race({ location: h.location, action: 'points.redeem', payload: { rewardId: w.id }, userId: VERIFIED, requestId: 'race-redeem-1', processes: 4, perProcess: 3 })
  expect(replies.every((r) => r.ok)).toBe(true)
  expect(new Set(replies.map((r) => (r.ok ? (r.data as { redemption: { id: string } }).redemption.id : '')))).toHaveProperty('size', 1)
  expect(Number(await h.sql.value('SELECT count(*) FROM redemptions WHERE reward_id = ?', [w.id]))).toBe(1)
})

test('one entry reversed 8 times at once → one reversal, the rest CONFLICT', async () => {
  const entryId = await givePoints(h, VERIFIED, 40, 'race-e')
  const replies = await race({ location: h.location, action: 'points.reverse', payload: { entryId, reason: '重复计分' }, userId: COMMITTEE, processes: 4, perProcess: 2 })
  expect(codes(replies)).toEqual({ ok: 1, CONFLICT: 7 })
  expect(Number(await h.sql.value("SELECT count(*) FROM points_entries WHERE source_kind = 'reversal' AND source_id = ?", [entryId]))).toBe(1)
})
