/** audit.list and audit.actions refuse bad input with INVALID_INPUT and a Chinese message, and write nothing. */
import { makeHarness, type Harness } from './support/harness'
import { CITY, COMMITTEE } from './support/warningFixtures'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const BAD: [string, string, Record<string, unknown>, RegExp][] = [
  ['a cursor that is not one', 'audit.list', { cursor: 'not-a-cursor' }, /分页位置无效/],
  ['a cursor of another list', 'audit.list', { cursor: Buffer.from(JSON.stringify(12)).toString('base64url') }, /分页位置无效/],
  ['from after to', 'audit.list', { from: '2025-03-05', to: '2025-03-01' }, /结束日期不能早于开始日期/],
  ['a period over 366 days', 'audit.list', { from: '2024-01-01', to: '2025-01-01' }, /最长 366 天/],
  ['a day that does not exist', 'audit.list', { from: '2025-02-30' }, /不是有效日期/],
  ['a day in another format', 'audit.list', { to: '2025/03/01' }, /格式不正确/],
  ['limit 0', 'audit.list', { limit: 0 }, /每页至少 1 条/],
  ['limit 51', 'audit.list', { limit: 51 }, /每页最多 50 条/],
  ['limit not an integer', 'audit.list', { limit: 2.5 }, /整数/],
  ['an action with SQL', 'audit.list', { action: "report.'; DROP TABLE audit_log; --" }, /操作类型格式不正确/],
  ['a target type with spaces', 'audit.list', { targetType: 'a b' }, /对象类型格式不正确/],
  ['an actor id with a quote', 'audit.list', { actorId: "u'1" }, /编号格式不正确/],
  ['an unknown field', 'audit.list', { page: 2 }, /[\u4e00-\u9fa5]/],
  ['a 10 MB cursor', 'audit.list', { cursor: 'x'.repeat(10_000_000) }, /分页参数不正确/],
  ['a long target type', 'audit.list', { targetType: 'a'.repeat(41) }, /对象类型格式不正确/],
  ['a number for a day', 'audit.list', { from: 20250301 }, /开始日期格式不正确/],
  ['an unknown field', 'audit.actions', { action: 'x' }, /[\u4e00-\u9fa5]/],
]

test.each(BAD)('%s → INVALID_INPUT (%s)', async (_name, action, payload, message) => {
  const before = await h.counts()
  for (const who of [COMMITTEE, CITY]) {
    const r = await h.call(action, payload, who)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!r.ok) expect(r.error.message).toMatch(message)
  }
  expect(await h.counts()).toEqual(before)
})

test('366 days is the longest period allowed', async () => {
  expect((await h.call('audit.list', { from: '2024-01-01', to: '2024-12-31' }, COMMITTEE)).ok).toBe(true)
})
