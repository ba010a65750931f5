/**
 * Patrol writes under lost replies and races: a retried shift.cancel and shift.log answer with the first result,
 * and the store's check-in and log statements hold their own conditions (window, status, end) whatever the
 * use case read before.
 */
import type { MessagePage } from '@/domain/messages'
import type { ShiftView } from '@/domain/patrols'
import { makeHarness, NOW, type Harness } from './support/harness'
import { addVolunteers, CENTRE, COMMITTEE, createShift } from './support/shiftFixtures'

const MIN = 60_000
const HOUR = 60 * MIN
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const soon = () => createShift(h, { startAt: at(24 * HOUR), endAt: at(26 * HOUR) })
const count = async (sql: string, ...args: unknown[]) => ((await h.sql.get(sql, [...args])) as { n: number }).n
const shiftMessages = async (u: string) => (await h.ok<MessagePage>('message.list', {}, u)).items.filter((m) => m.kind === 'shift')

describe('shift.cancel retried', () => {
  test('the same reason again answers the cancelled shift; nobody is told twice; another reason is CONFLICT', async () => {
    const s = await soon()
    const [v] = await addVolunteers(h, 1)
    await h.ok('shift.signup', { id: s.id }, v!.id)
    const first = await h.ok<ShiftView>('shift.cancel', { id: s.id, reason: '台风天气，暂停巡逻' }, COMMITTEE, 'req-cancel-1')
    h.clock.advance(MIN)
    const again = await h.ok<ShiftView>('shift.cancel', { id: s.id, reason: '台风天气，暂停巡逻' }, COMMITTEE, 'req-cancel-1')
    expect(again).toEqual(first)
    expect(again).toMatchObject({ status: 'cancelled', cancelReason: '台风天气，暂停巡逻' })
    expect(await shiftMessages(v!.id)).toHaveLength(1)
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'shift.cancel' AND target_id = ?", s.id)).toBe(1)
    expect(await h.call('shift.cancel', { id: s.id, reason: '另一个原因' }, COMMITTEE)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这个班次已经取消了' },
    })
  })
})

/** A confirmed volunteer on a shift starting in a day (02:00Z+24 h, 2 h long). */
async function confirmed() {
  const s = await soon()
  const [v] = await addVolunteers(h, 1)
  await h.ok('shift.signup', { id: s.id }, v!.id)
  return { s, v: v!.id }
}

const fix = (atIso: string, inside = true) => ({ at: atIso, ...CENTRE, accuracy: 5, coordSystem: 'gcj02' as const, distance: 0, inside })
const statusOf = async (shiftId: string, userId: string) =>
  ((await h.sql.get("SELECT status FROM shift_signups WHERE shift_id = ? AND user_id = ? AND status <> 'withdrawn'", [shiftId, userId])) as { status: string }).status

describe('the store holds the check-in and log conditions itself', () => {
  test('check-in: the UPDATE writes only inside [start − 15 min, end] and inside the area; else it says why', async () => {
    const { s, v } = await confirmed()
    expect(await h.store.shifts.checkin(s.id, v, fix(at(24 * HOUR - 15 * MIN - 1)))).toEqual({ kind: 'early' })
    expect(await h.store.shifts.checkin(s.id, v, fix(at(26 * HOUR + 1)))).toEqual({ kind: 'ended' })
    expect(await h.store.shifts.checkin(s.id, v, fix(at(24 * HOUR), false))).toEqual({ kind: 'outside' })
    expect(await statusOf(s.id, v)).toBe('confirmed')
    const edge = await h.store.shifts.checkin(s.id, v, fix(at(26 * HOUR)))
    expect(edge).toMatchObject({ kind: 'checkedIn', signup: { checkinAt: at(26 * HOUR) } })
    // a second one, even from elsewhere or later, returns the first
    expect(await h.store.shifts.checkin(s.id, v, fix(at(26 * HOUR + MIN), false))).toMatchObject({ kind: 'already', signup: { checkinAt: at(26 * HOUR) } })
  })

  test('check-in opens at start − 15 min exactly', async () => {
    const { s, v } = await confirmed()
    expect(await h.store.shifts.checkin(s.id, v, fix(at(24 * HOUR - 15 * MIN)))).toMatchObject({ kind: 'checkedIn' })
  })

  test('log: the INSERT writes only while checked in and not past the end; a check-out in between wins', async () => {
    const { s, v } = await confirmed()
    const log = (atIso: string, id: string) => ({ id, shiftId: s.id, userId: v, note: '一切正常', reportId: null, at: atIso })
    expect(await h.store.shifts.addLog(log(at(24 * HOUR), 'l0'), null)).toEqual({ kind: 'refused', reason: 'notCheckedIn' })
    await h.store.shifts.checkin(s.id, v, fix(at(24 * HOUR)))
    expect(await h.store.shifts.addLog(log(at(26 * HOUR + 1), 'l1'), null)).toEqual({ kind: 'refused', reason: 'ended' })
    expect(await h.store.shifts.addLog(log(at(26 * HOUR), 'l2'), null)).toEqual({ kind: 'logged', logId: 'l2', reportId: null, newReport: false })
    // the use case read "checked in", then a check-out landed: the insert refuses
    await h.store.shifts.checkout(s.id, v, at(25 * HOUR))
    expect(await h.store.shifts.addLog(log(at(25 * HOUR), 'l3'), null)).toEqual({ kind: 'refused', reason: 'checkedOut' })
    expect(await count('SELECT count(*) AS n FROM shift_logs WHERE shift_id = ?', s.id)).toBe(1)
  })

  test('through the API: the refusals keep their codes and words', async () => {
    const { s, v } = await confirmed()
    const here = { id: s.id, ...CENTRE, accuracy: 5 }
    h.clock.set(at(23 * HOUR))
    expect(await h.call('shift.checkin', here, v)).toMatchObject({ ok: false, error: { code: 'OUT_OF_WINDOW', details: { reason: 'early' } } })
    // too early and far away: the time is said first (going to the place would not help yet)
    expect(await h.call('shift.checkin', { ...here, latitude: CENTRE.latitude + 0.05 }, v)).toMatchObject({ ok: false, error: { code: 'OUT_OF_WINDOW' } })
    h.clock.set(at(24 * HOUR))
    expect(await h.call('shift.checkin', { ...here, latitude: CENTRE.latitude + 0.05 }, v)).toMatchObject({ ok: false, error: { code: 'OUT_OF_AREA' } })
    expect(await h.call('shift.log', { id: s.id, note: '一切正常' }, v)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '签到后才能记录巡逻情况' } })
    await h.ok('shift.checkin', here, v)
    await h.ok('shift.checkout', { id: s.id }, v)
    expect(await h.call('shift.log', { id: s.id, note: '一切正常' }, v)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已签退，不能再记录' } })
  })
})

describe('shift.log retried (same requestId)', () => {
  async function onPatrol() {
    const c = await confirmed()
    h.clock.set(at(24 * HOUR))
    await h.ok('shift.checkin', { id: c.s.id, ...CENTRE, accuracy: 5 }, c.v)
    return c
  }

  test('a note: the first log comes back, one row — even when the retry arrives after the check-out', async () => {
    const { s, v } = await onPatrol()
    const first = await h.ok<{ logId: string }>('shift.log', { id: s.id, note: '东门路灯不亮' }, v, 'req-log-1')
    h.clock.advance(MIN)
    expect(await h.ok('shift.log', { id: s.id, note: '东门路灯不亮' }, v, 'req-log-1')).toEqual(first)
    await h.ok('shift.checkout', { id: s.id }, v)
    expect(await h.ok('shift.log', { id: s.id, note: '东门路灯不亮' }, v, 'req-log-1')).toEqual(first)
    expect(await count('SELECT count(*) AS n FROM shift_logs WHERE shift_id = ?', s.id)).toBe(1)
    // a new requestId after the check-out is a new note, refused
    expect(await h.call('shift.log', { id: s.id, note: '东门路灯不亮' }, v, 'req-log-2')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('the same requestId with another note is refused; another requestId is a second note', async () => {
    const { s, v } = await onPatrol()
    await h.ok('shift.log', { id: s.id, note: '一切正常' }, v, 'req-log-a')
    expect(await h.call('shift.log', { id: s.id, note: '别的内容' }, v, 'req-log-a')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /请求编号/ } })
    await h.ok('shift.log', { id: s.id, note: '一切正常' }, v, 'req-log-b')
    expect(await count('SELECT count(*) AS n FROM shift_logs WHERE shift_id = ?', s.id)).toBe(2)
  })

  test('with a report: one report, one log, the first answer again (also after the check-out)', async () => {
    const { s, v } = await onPatrol()
    const input = { id: s.id, note: '发现消防通道被占', report: { category: 'safety_hazard', description: '2栋消防通道堆满纸箱' } }
    const first = await h.ok<{ logId: string; reportId: string }>('shift.log', input, v, 'req-log-r')
    expect(first.reportId).toBeTruthy()
    expect(await h.ok('shift.log', input, v, 'req-log-r')).toEqual(first)
    await h.ok('shift.checkout', { id: s.id }, v)
    expect(await h.ok('shift.log', input, v, 'req-log-r')).toEqual(first)
    expect(await count('SELECT count(*) AS n FROM shift_logs WHERE shift_id = ?', s.id)).toBe(1)
    expect(await count('SELECT count(*) AS n FROM reports WHERE reporter_id = ?', v)).toBe(1)
  })

  test('parallel retries of one note write one row', async () => {
    const { s, v } = await onPatrol()
    const replies = await Promise.all(Array.from({ length: 5 }, () => h.call<{ logId: string }>('shift.log', { id: s.id, note: '巡逻中' }, v, 'req-log-p')))
    const ids = new Set(replies.map((r) => (r.ok ? r.data.logId : r.error.code)))
    expect([...ids]).toHaveLength(1)
    expect(await count('SELECT count(*) AS n FROM shift_logs WHERE shift_id = ?', s.id)).toBe(1)
  })
})
