/** Bad input to overview.map: a 4xx with a code and a Chinese message, nothing written, the server still answers. */
import { countRows, COUNTED_TABLES, makeHarness, type Harness } from './support/harness'
import { COMMITTEE } from './support/demoUsers'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const HUGE = '长'.repeat(10 * 1024 * 1024 / 3)

const BAD: [string, unknown, string][] = [
  ['only a start date', { from: '2025-02-01' }, '请同时选择开始和结束日期'],
  ['only an end date', { to: '2025-02-01' }, '请同时选择开始和结束日期'],
  ['end before start', { from: '2025-02-02', to: '2025-02-01' }, '结束日期不能早于开始日期'],
  ['367 days', { from: '2024-01-01', to: '2025-01-01' }, '统计时段最长 366 天'],
  ['not a calendar day', { from: '2025-02-30', to: '2025-03-01' }, '日期格式不正确'],
  ['a number as a date', { from: 20250201, to: '2025-03-01' }, '日期格式不正确'],
  ['a 10 MB date', { from: HUGE, to: '2025-03-01' }, '日期格式不正确'],
  ['a bucket (overview.get’s, not the map’s)', { bucket: 'day' }, ''],
  ['area kind unknown', { area: { kind: 'planet', id: 'x' } }, '区域类型不正确'],
  ['area of the city by id', { area: { kind: 'city', id: 'ct_jiangcheng' } }, '区域类型不正确'],
  ['area id with SQL', { area: { kind: 'community', id: "c'; DROP TABLE reports; --" } }, '编号格式不正确'],
  ['area without id', { area: { kind: 'grid' } }, ''],
  ['__proto__ key', JSON.parse('{"__proto__": {"from": "2025-02-01"}}'), ''],
  ['a list', [], ''],
  ['emoji as a date', { from: '📅', to: '2025-03-01' }, '日期格式不正确'],
]

test.each(BAD)('overview.map: %s → INVALID_INPUT with a Chinese message, nothing written', async (_n, payload, message) => {
  const before = await countRows(h.sql, COUNTED_TABLES)
  const r = await h.call('overview.map', payload, COMMITTEE)
  expect(r.ok).toBe(false)
  if (r.ok) return
  expect(r.error.code).toBe('INVALID_INPUT')
  expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
  if (message) expect(JSON.stringify(r.error)).toContain(message)
  expect(await countRows(h.sql, COUNTED_TABLES)).toEqual(before)
})

test('after all that the server still answers', async () => {
  const m = await h.ok<{ area: { name: string } }>('overview.map', {}, COMMITTEE)
  expect(m.area.name).toBe('锦江社区')
  expect(h.errors).toEqual([])
})
