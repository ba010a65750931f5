/**
 * Issue 16, finding 3: a NUL in a text field was a 500 from the store's CHECK (SQLite's length() stops at
 * NUL), and in shift.log with a 发现隐患 report a half-written step (the report and the worker's message
 * without the log). Refused at the schema now: INVALID_INPUT, nothing written, nothing logged as unexpected.
 */
import { countRows, makeHarness, type Harness } from './support/harness'
import { CENTRE, COMMITTEE, DEMO_VOLUNTEER, shiftInput } from './support/shiftFixtures'

let h: Harness
let shiftId: string
beforeAll(async () => {
  h = await makeHarness()
  // starts in 10 minutes: check-in is open, so shift.log would reach the store
  const start = new Date(h.clock.now().getTime() + 10 * 60_000)
  const s = await h.ok<{ shifts: { id: string }[] }>(
    'shift.create',
    shiftInput({ startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3600_000).toISOString() }),
    COMMITTEE,
  )
  shiftId = s.shifts[0]!.id
  await h.ok('shift.signup', { id: shiftId }, DEMO_VOLUNTEER)
  await h.ok('shift.checkin', { id: shiftId, latitude: CENTRE.latitude, longitude: CENTRE.longitude, accuracy: 10 }, DEMO_VOLUNTEER)
})
afterAll(() => h.close())

const written = async () =>
  Object.values(await countRows(h.sql, ['shifts', 'shift_logs', 'reports', 'report_events', 'messages', 'households', 'idempotency']))

const cases: [string, string, () => unknown, string][] = [
  ['shift.create with a title "\\u0000巡逻"', 'shift.create', () => shiftInput({ title: '\u0000巡逻' }), COMMITTEE],
  ['shift.create with a BEL in the meeting point', 'shift.create', () => shiftInput({ meetingPoint: '东门\u0007口' }), COMMITTEE],
  ['shift.log with a note starting with NUL', 'shift.log', () => ({ id: shiftId, note: '\u0000路灯不亮' }), DEMO_VOLUNTEER],
  [
    'shift.log with a NUL note and a 发现隐患 report',
    'shift.log',
    () => ({ id: shiftId, note: '\u0000路灯不亮', report: { category: 'facility', description: '东门路灯不亮已经三天' } }),
    DEMO_VOLUNTEER,
  ],
  [
    'shift.log with a report whose description holds an ESC',
    'shift.log',
    () => ({ id: shiftId, note: '路灯不亮', report: { category: 'facility', description: '东门路灯\u001b[2J不亮已经三天' } }),
    DEMO_VOLUNTEER,
  ],
  ['notice.publish with a C1 control in the body', 'notice.publish', () => ({ title: '通知', body: '停水\u0085通知', category: 'notice' }), COMMITTEE],
  ['notice.publish with a newline in the title', 'notice.publish', () => ({ title: '停水\n通知', body: '明天停水', category: 'notice' }), COMMITTEE],
  ['report.create with a NUL in the address', 'report.create', () => ({ category: 'other', description: '楼道堆放杂物', location: { latitude: CENTRE.latitude, longitude: CENTRE.longitude, address: '3栋\u0000' } }), DEMO_VOLUNTEER],
  ['household.import with a NUL in the file', 'household.import', () => ({ csv: '网格,楼栋/组,单元,房号,户主姓名,成年人数\n第一网格,9栋,1单元,101,王\u0000五,2\n' }), COMMITTEE],
]

test.each(cases)('%s → INVALID_INPUT, nothing written', async (_name, action, payload, as) => {
  const before = await written()
  const r = await h.call(action, payload(), as, `ctl-${action}-${Math.random().toString(36).slice(2, 10)}`)
  expect(r.ok).toBe(false)
  if (r.ok) return
  expect(r.error.code).toBe('INVALID_INPUT')
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
  expect(await written()).toEqual(before)
  expect(h.errors).toEqual([])
})

test('a roster cell with a tab inside quotes is a rejected line, the others import', async () => {
  const csv = '网格,楼栋/组,单元,房号,户主姓名,成年人数\n第一网格,9栋,1单元,101,"王\t五",2\n第一网格,9栋,1单元,102,赵六,2\n'
  const r = await h.ok<{ added: number; rejected: { line: number; reason: string }[] }>('household.import', { csv }, COMMITTEE)
  expect(r.added).toBe(1)
  expect(r.rejected).toEqual([{ line: 2, reason: '户主姓名含有换行或无法识别的特殊字符' }])
})

test('multi-line text keeps its line breaks', async () => {
  const r = await h.ok<{ logId: string }>('shift.log', { id: shiftId, note: '东门路灯不亮\r\n已拍照' }, DEMO_VOLUNTEER)
  const row = (await h.sql.get('SELECT note FROM shift_logs WHERE id = ?', [r.logId])) as { note: string }
  expect(row.note).toBe('东门路灯不亮\n已拍照')
})
