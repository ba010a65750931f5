/** Every bad input to points.*, reward.*, redemption.* → INVALID_INPUT with a Chinese message, and nothing written. */
import { countRows, makeHarness, type Harness } from './support/harness'
import { COMMITTEE, POINTS_TABLES, rewardInput, VERIFIED } from './support/pointsFixtures'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const rows = () => countRows(h.sql, POINTS_TABLES)
const RULES = { report_accepted: 5, patrol_hours: 2, callout_attended: 5, comment_answered: 2 }

const cases: [string, string, unknown, string, RegExp][] = [
  ['setRules: over 50', 'points.setRules', { ...RULES, patrol_hours: 51 }, COMMITTEE, /巡逻每小时的积分不能超过 50/],
  ['setRules: negative', 'points.setRules', { ...RULES, report_accepted: -1 }, COMMITTEE, /问题被受理的积分不能小于 0/],
  ['setRules: a fraction', 'points.setRules', { ...RULES, comment_answered: 1.5 }, COMMITTEE, /意见被答复的积分应为整数/],
  ['setRules: as text', 'points.setRules', { ...RULES, callout_attended: '5' }, COMMITTEE, /动员报到的积分必须是数字/],
  ['setRules: a kind missing', 'points.setRules', { report_accepted: 5, patrol_hours: 2, callout_attended: 5 }, COMMITTEE, /./],
  ['setRules: points for voting', 'points.setRules', { ...RULES, vote_cast: 10 }, COMMITTEE, /./],
  ['setRules: __proto__ key', 'points.setRules', JSON.parse('{"report_accepted":5,"patrol_hours":2,"callout_attended":5,"comment_answered":2,"__proto__":{"x":1}}'), COMMITTEE, /./],
  ['ledger: bad cursor', 'points.ledger', { cursor: 'garbage' }, VERIFIED, /分页位置无效/],
  ['ledger: limit 101', 'points.ledger', { limit: 101 }, VERIFIED, /./],
  ['ledger: bad user id', 'points.ledger', { userId: "u1' OR 1=1 --" }, COMMITTEE, /编号格式不正确/],
  ['reverse: no reason', 'points.reverse', { entryId: 'pe_x', reason: ' ' }, COMMITTEE, /冲正原因/],
  ['reverse: reason of 201', 'points.reverse', { entryId: 'pe_x', reason: '<b>'.repeat(67) }, COMMITTEE, /冲正原因最多 200 个字/],
  ['reward: no name', 'reward.create', rewardInput({ name: '' }), COMMITTEE, /奖品名称/],
  ['reward: cost 0', 'reward.create', rewardInput({ cost: 0 }), COMMITTEE, /所需积分至少 1/],
  ['reward: negative stock', 'reward.create', rewardInput({ stock: -1 }), COMMITTEE, /库存不能为负数/],
  ['reward: 10 MB description', 'reward.create', rewardInput({ description: 'x'.repeat(10_000_000) }), COMMITTEE, /奖品说明/],
  ['reward: a NUL in the name', 'reward.create', rewardInput({ name: '洗衣液\u0000' }), COMMITTEE, /特殊字符/],
  ['reward: unknown field', 'reward.create', { ...rewardInput(), price: 1 }, COMMITTEE, /./],
  ['redeem: no reward', 'points.redeem', {}, VERIFIED, /./],
  ['redeem: bad reward id', 'points.redeem', { rewardId: '../etc' }, VERIFIED, /编号格式不正确/],
  ['redemptions: unknown status', 'redemption.list', { status: 'lost' }, COMMITTEE, /请选择兑换状态/],
  ['handOver: no redemption', 'redemption.handOver', {}, COMMITTEE, /./],
]

test.each(cases)('%s', async (_name, action, payload, as, message) => {
  const before = await rows()
  const r = await h.call(action, payload, as, 'bad-input-1')
  expect(r.ok).toBe(false)
  if (!r.ok) {
    expect(r.error.code).toBe('INVALID_INPUT')
    expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(`${r.error.message} ${JSON.stringify(r.error.details ?? '')}`).toMatch(message)
  }
  expect(await rows()).toEqual(before)
})

test('things that do not exist are NOT_FOUND, nothing written', async () => {
  const before = await rows()
  for (const [action, payload] of [
    ['points.redeem', { rewardId: 'w_nosuch' }],
    ['points.reverse', { entryId: 'pe_nosuch', reason: '不存在' }],
    ['redemption.handOver', { redemptionId: 'rd_nosuch' }],
  ] as const) {
    const r = await h.call(action, payload, action === 'points.redeem' ? VERIFIED : COMMITTEE)
    expect(r.ok ? 'ok' : r.error.code).toBe('NOT_FOUND')
  }
  expect(await rows()).toEqual(before)
})

test('emoji and SQL fragments in a reward are kept as written', async () => {
  const name = "大米 🍚 '); DROP TABLE rewards; --"
  const r = await h.ok<{ id: string }>('reward.create', rewardInput({ name }), COMMITTEE)
  expect(await h.sql.value('SELECT name FROM rewards WHERE id = ?', [r.id])).toBe(name)
})
