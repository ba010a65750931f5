/** Bad input to the warnings actions: a 4xx with a code and a Chinese message, and nothing written. */
import { DEFAULT_PARAMS } from '@/domain/warnings'
import { countRows, makeHarness, type Harness } from './support/harness'
import { assessInput, COMMITTEE, seededWarning, WARNING_TABLES, WORKER } from './support/warningFixtures'

let h: Harness
let id: string
beforeAll(async () => {
  h = await makeHarness()
  id = await seededWarning(h)
})
afterAll(() => h.close())

const HUGE = '长'.repeat(10 * 1024 * 1024 / 3)

const BAD_ASSESS: [string, (id: string) => unknown, string][] = [
  ['no payload', () => undefined, '「id」'],
  ['judgement missing', (w) => ({ ...assessInput(w), judgement: undefined }), '请选择研判结论'],
  ['judgement unknown', (w) => assessInput(w, { judgement: 'maybe' }), '请选择研判结论'],
  ['close not a boolean', (w) => assessInput(w, { close: 'yes' }), '请选择是否关闭预警'],
  ['participants not a list', (w) => assessInput(w, { participants: '陈秀兰' }), '参与人格式不正确'],
  ['11 participants', (w) => assessInput(w, { participants: Array.from({ length: 11 }, (_, i) => `参与人${i}`) }), '参与人最多 10 位'],
  ['an empty participant', (w) => assessInput(w, { participants: [''] }), '参与人姓名'],
  ['action kind unknown', (w) => assessInput(w, { actions: [{ kind: 'pray', note: '' }] }), '请选择措施类别'],
  ['6 actions', (w) => assessInput(w, { actions: Array.from({ length: 6 }, () => ({ kind: 'other', note: '措施' })) }), '措施最多 5 项'],
  ['note of 10 MB', (w) => assessInput(w, { note: HUGE }), '研判意见最多 500 个字'],
  ['an unknown field', (w) => ({ ...assessInput(w), extra: 1 }), ''],
  ['__proto__ key', (w) => JSON.parse(`{"__proto__": {"close": true}, "id": "${w}"}`), ''],
  ['id with SQL', () => assessInput("w'; DROP TABLE warnings; --"), '编号格式不正确'],
]

test.each(BAD_ASSESS)('warning.assess: %s → INVALID_INPUT, nothing written', async (_n, payload, message) => {
  const before = await countRows(h.sql, WARNING_TABLES)
  const r = await h.call('warning.assess', payload(id), WORKER)
  expect(r.ok).toBe(false)
  if (r.ok) return
  expect(r.error.code).toBe('INVALID_INPUT')
  expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
  if (message) expect(JSON.stringify(r.error)).toContain(message)
  expect(await countRows(h.sql, WARNING_TABLES)).toEqual(before)
  expect(await h.sql.value('SELECT status FROM warnings WHERE id = ?', [id])).toBe('open')
})

test('emoji and HTML in the texts are kept as text', async () => {
  const r = await h.ok<{ assessmentId: string }>('warning.assess', assessInput(id, { note: '<script>alert(1)</script> 已处理 👍', participants: ['王🙂'] }), WORKER)
  expect(await h.sql.value('SELECT note FROM warning_assessments WHERE id = ?', [r.assessmentId])).toBe('<script>alert(1)</script> 已处理 👍')
})

const BAD_RULES: [string, unknown, string][] = [
  ['alpha above the bound', { ...DEFAULT_PARAMS, alpha: 0.2 }, '显著性水平不能大于 0.05'],
  ['alpha of zero', { ...DEFAULT_PARAMS, alpha: 0 }, '显著性水平不能小于 0.001'],
  ['minCount of 1 (one report would alarm)', { ...DEFAULT_PARAMS, minCount: 1 }, '最少件数不能小于 3'],
  ['baselineWeeks not whole', { ...DEFAULT_PARAMS, baselineWeeks: 6.5 }, '基线周数应为整数'],
  ['a parameter missing', { ...DEFAULT_PARAMS, patrolDays: undefined }, '巡逻隐患统计天数必须是数字'],
  ['a string for a number', { ...DEFAULT_PARAMS, repeatCount: '3' }, '同一户/地点重复次数必须是数字'],
  ['an unknown parameter', { ...DEFAULT_PARAMS, threshold: 5 }, ''],
]

test.each(BAD_RULES)('warning.setRules: %s → INVALID_INPUT, nothing written', async (_n, payload, message) => {
  const before = await countRows(h.sql, WARNING_TABLES)
  const r = await h.call('warning.setRules', payload, COMMITTEE)
  expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT')
  if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
  if (message) expect(JSON.stringify(r)).toContain(message)
  expect(await countRows(h.sql, WARNING_TABLES)).toEqual(before)
})

test('warning.list: a forged cursor or status → INVALID_INPUT', async () => {
  for (const payload of [{ cursor: 'not-a-cursor' }, { status: 'pending' }, { limit: 500 }]) {
    const r = await h.call('warning.list', payload, WORKER)
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT')
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
  }
})
