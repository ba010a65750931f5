/** Every bad input to visit.* → INVALID_INPUT with a Chinese message, and nothing written. */
import { countRows, makeHarness, type Harness } from './support/harness'
import { COMMITTEE, H1, hazardVisit, visitInput, VISIT_TABLES, WORKER } from './support/visitFixtures'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const rows = () => countRows(h.sql, VISIT_TABLES)
const follow = { kind: 'livingAlone', reason: '独居', everyDays: 14 }

const cases: [string, string, unknown, string, RegExp][] = [
  ['log: no household', 'visit.log', { ...visitInput(), householdId: undefined }, WORKER, /./],
  ['log: bad household id', 'visit.log', visitInput({ householdId: "h1' OR 1=1 --" }), WORKER, /编号格式不正确/],
  ['log: a visit in the future', 'visit.log', visitInput({ visitedAt: '2025-03-01T03:00:00.000Z' }), WORKER, /走访时间不能晚于现在/],
  ['log: a time that is no time', 'visit.log', visitInput({ visitedAt: '昨天下午' }), WORKER, /时间格式不正确/],
  ['log: unknown finding', 'visit.log', visitInput({ finding: 'fire' }), WORKER, /请选择走访发现/],
  ['log: met over two lines', 'visit.log', visitInput({ met: '王建华\n李秀芳' }), WORKER, /见到的人不能换行/],
  ['log: met of 51', 'visit.log', visitInput({ met: '人'.repeat(51) }), WORKER, /见到的人最多 50 个字/],
  ['log: note of 1001', 'visit.log', visitInput({ note: '记'.repeat(1001) }), WORKER, /走访记录最多 1000 个字/],
  ['log: 10 MB note', 'visit.log', visitInput({ note: 'x'.repeat(10_000_000) }), WORKER, /走访记录太长了|走访记录最多/],
  ['log: a NUL in the note', 'visit.log', visitInput({ note: '正常\u0000' }), WORKER, /特殊字符/],
  ['log: vulnerable without a mark', 'visit.log', visitInput({ finding: 'vulnerable' }), WORKER, /请填写关注类别和原因/],
  ['log: a mark without vulnerable', 'visit.log', visitInput({ followUp: follow }), WORKER, /只有发现需关注人员时才标记关注/],
  ['log: report of a none finding', 'visit.log', hazardVisit({ finding: 'none' }), WORKER, /只有民生诉求、矛盾纠纷、安全隐患可以转为上报/],
  ['log: report without description', 'visit.log', hazardVisit({ raiseReport: { category: 'safety_hazard', description: '' } }), WORKER, /问题描述/],
  ['log: report of an unknown category', 'visit.log', hazardVisit({ raiseReport: { category: 'ufo', description: '楼道堆放大量纸箱' } }), WORKER, /请选择问题类别/],
  ['log: a photo that is not the caller’s', 'visit.log', hazardVisit({ raiseReport: { category: 'safety_hazard', description: '楼道堆放大量纸箱', photoIds: ['nosuchphoto'] } }), WORKER, /照片/],
  ['log: __proto__ key', 'visit.log', JSON.parse(`{"householdId":"${H1}","visitedAt":"2025-03-01T01:00:00.000Z","met":"","finding":"none","note":"","__proto__":{"x":1}}`), WORKER, /./],
  ['log: unknown field', 'visit.log', { ...visitInput(), gps: 1 }, WORKER, /./],
  ['list: bad cursor', 'visit.list', { cursor: 'garbage' }, WORKER, /分页位置无效/],
  ['list: limit 101', 'visit.list', { limit: 101 }, WORKER, /./],
  ['coverage: bad cursor', 'visit.coverage', { cursor: 'garbage' }, COMMITTEE, /分页位置无效/],
  ['setPlan: 0 months', 'visit.setPlan', { months: 0 }, COMMITTEE, /走访周期至少 1 个月/],
  ['setPlan: 13 months', 'visit.setPlan', { months: 13 }, COMMITTEE, /走访周期最多 12 个月/],
  ['setPlan: 1.5 months', 'visit.setPlan', { months: 1.5 }, COMMITTEE, /走访周期应为整数月/],
  ['setPlan: months as text', 'visit.setPlan', { months: '3' }, COMMITTEE, /走访周期必须是数字/],
  ['mark: unknown kind', 'visit.markFollowUp', { householdId: H1, ...follow, kind: 'rich' }, WORKER, /请选择关注类别/],
  ['mark: no reason', 'visit.markFollowUp', { householdId: H1, ...follow, reason: ' ' }, WORKER, /请填写关注原因/],
  ['mark: every 0 days', 'visit.markFollowUp', { householdId: H1, ...follow, everyDays: 0 }, WORKER, /走访频次至少每 1 天/],
  ['mark: every 366 days', 'visit.markFollowUp', { householdId: H1, ...follow, everyDays: 366 }, WORKER, /走访频次最多每 365 天/],
  ['mark: HTML reason of 201', 'visit.markFollowUp', { householdId: H1, ...follow, reason: '<script>'.repeat(26) }, WORKER, /关注原因最多 200 个字/],
  ['clear: no household', 'visit.clearFollowUp', {}, WORKER, /./],
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

test('a household that does not exist is NOT_FOUND, nothing written', async () => {
  const before = await rows()
  const r = await h.call('visit.log', visitInput({ householdId: 'h_nosuch' }), WORKER)
  expect(r.ok ? 'ok' : r.error.code).toBe('NOT_FOUND')
  expect(await rows()).toEqual(before)
})

test('emoji and SQL fragments in a note are kept as written', async () => {
  const note = "一切正常 👍 '); DROP TABLE visits; --"
  const r = await h.ok<{ visitId: string }>('visit.log', visitInput({ note }), WORKER)
  expect(await h.sql.value('SELECT note FROM visits WHERE id = ?', [r.visitId])).toBe(note)
})
