/**
 * Issue 16, finding 3: shift.log with its 发现隐患 report is ONE transaction. Before, the report (with the grid
 * worker's message) was committed first and the log after: when the log was then refused — a check-out that
 * landed in between, or a note the store refused — the report stayed without its log, and each retry with a new
 * requestId added another.
 */
import { countRows, makeHarness, type Harness } from './support/harness'
import { CENTRE, COMMITTEE, DEMO_VOLUNTEER, shiftInput } from './support/shiftFixtures'

let h: Harness
let shiftId: string
beforeEach(async () => {
  h = await makeHarness()
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
afterEach(() => h.close())

const counts = () => countRows(h.sql, ['shift_logs', 'reports', 'report_events', 'report_photos', 'messages', 'idempotency'])

const hazard = { category: 'safety_hazard', description: '东门消防通道被电动车堵住' }

/** The use case reads the signup as checked in, and the check-out commits before its write. */
function checkOutBehindItsBack() {
  const shifts = h.deps.store.shifts
  const read = shifts.signupsOf.bind(shifts)
  shifts.signupsOf = async (userId, ids) => {
    const rows = await read(userId, ids)
    await h.ok('shift.checkout', { id: shiftId }, DEMO_VOLUNTEER)
    shifts.signupsOf = read
    return rows
  }
}

test('a check-out landing between the read and the write: refused, and no report, message or event is left', async () => {
  checkOutBehindItsBack()
  const before = await counts()
  const r = await h.call('shift.log', { id: shiftId, note: '发现隐患', report: hazard }, DEMO_VOLUNTEER, 'log-atomic-0001')
  expect(r.ok).toBe(false)
  if (!r.ok) expect(r.error).toMatchObject({ code: 'CONFLICT', message: '您已签退，不能再记录' })
  expect(await counts()).toEqual(before)
})

test('a report the store cannot take (photo not the caller’s): no log either', async () => {
  const before = await counts()
  const r = await h.call('shift.log', { id: shiftId, note: '发现隐患', report: { ...hazard, photoIds: ['nosuchphoto'] } }, DEMO_VOLUNTEER)
  expect(r.ok).toBe(false)
  if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT')
  expect(await counts()).toEqual(before)
})

test('on patrol: the log and its report together, the worker told once; a retry is the same pair', async () => {
  const before = await counts()
  const first = await h.ok<{ logId: string; reportId: string }>('shift.log', { id: shiftId, note: '发现隐患', report: hazard }, DEMO_VOLUNTEER, 'log-atomic-0002')
  const again = await h.ok('shift.log', { id: shiftId, note: '发现隐患', report: hazard }, DEMO_VOLUNTEER, 'log-atomic-0002')
  expect(again).toEqual(first)
  const after = await counts()
  expect(after.shift_logs).toBe(before.shift_logs + 1)
  expect(after.reports).toBe(before.reports + 1)
  expect(after.messages).toBe(before.messages + 1)
  const log = (await h.sql.get('SELECT report_id FROM shift_logs WHERE id = ?', [first.logId])) as { report_id: string }
  expect(log.report_id).toBe(first.reportId)
})
