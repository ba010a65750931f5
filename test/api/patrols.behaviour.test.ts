/** Patrol shifts on SQLite with the harness's fixed clock: schedule, list, sign up, withdraw, cancel, check in/out, log, stats. */
import { maskName } from '@/domain/shared/mask'
import type { MessagePage } from '@/domain/messages'
import type { ReportView } from '@/domain/reports'
import type { CheckinResult, CheckoutResult, ShiftDetail, ShiftListPage, ShiftView, SignupResult } from '@/domain/patrols'
import type { VolunteerBoard, VolunteerStats } from '@/domain/volunteers'
import gcoord from 'gcoord'
import { makeHarness, NOW, type Harness } from './support/harness'
import { addVolunteers, CENTRE, COMMITTEE, createShift, DEMO_VOLUNTEER, shiftInput, signupRows, STREET, WORKER } from './support/shiftFixtures'

const MIN = 60_000
const HOUR = 60 * MIN
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()
/** metres north of the centre */
const north = (m: number) => ({ latitude: CENTRE.latitude + m / 111_195.08, longitude: CENTRE.longitude })

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

/** A shift starting in a day (2 h long) unless said otherwise. */
const soon = (over: Parameters<typeof createShift>[1] = {}) => createShift(h, { startAt: at(24 * HOUR), endAt: at(26 * HOUR), ...over })
const get = (id: string, as: string) => h.ok<ShiftDetail>('shift.get', { id }, as)
const messagesOf = async (u: string) => (await h.ok<MessagePage>('message.list', {}, u)).items.filter((m) => m.kind === 'shift')

describe('schedule and list', () => {
  test('weekly for 3 weeks → 3 shifts of one series, listed soonest first with seats and my status', async () => {
    const r = await h.ok<{ shifts: ShiftView[] }>('shift.create', shiftInput({ startAt: at(24 * HOUR), endAt: at(26 * HOUR), repeatWeeks: 3, capacity: 2 }), COMMITTEE)
    expect(r.shifts.map((s) => s.startAt)).toEqual([at(24 * HOUR), at(24 * HOUR + 7 * 24 * HOUR), at(24 * HOUR + 14 * 24 * HOUR)])
    expect(new Set(r.shifts.map((s) => s.seriesId))).toEqual(new Set([r.shifts[0]!.id]))
    await h.ok('shift.signup', { id: r.shifts[1]!.id }, DEMO_VOLUNTEER)
    const page = await h.ok<ShiftListPage>('shift.list', { from: at(20 * HOUR) }, DEMO_VOLUNTEER)
    page.items = page.items.filter((s) => !s.id.startsWith('sh_demo_'))
    expect(page.items.map((s) => [s.seatsLeft, s.waitlistLength, s.myStatus])).toEqual([
      [2, 0, null],
      [1, 0, { status: 'confirmed' }],
      [2, 0, null],
    ])
    expect(page.items[0]).toMatchObject({ phase: 'upcoming', can: { signup: true, withdraw: false, checkin: false, cancel: false } })
    const mine = await h.ok<ShiftListPage>('shift.list', { mine: true }, DEMO_VOLUNTEER)
    expect(mine.items.map((s) => s.id)).toEqual([r.shifts[1]!.id])
    // paging by cursor
    const p1 = await h.ok<ShiftListPage>('shift.list', { from: at(20 * HOUR), limit: 2 }, COMMITTEE)
    const p2 = await h.ok<ShiftListPage>('shift.list', { from: at(20 * HOUR), limit: 2, cursor: p1.nextCursor }, COMMITTEE)
    const p3 = p2.nextCursor ? await h.ok<ShiftListPage>('shift.list', { from: at(20 * HOUR), limit: 2, cursor: p2.nextCursor }, COMMITTEE) : null
    const paged = [...p1.items, ...p2.items, ...(p3?.items ?? [])].map((s) => s.id)
    expect(paged.filter((id) => !id.startsWith('sh_demo_'))).toEqual(r.shifts.map((s) => s.id))
    expect(paged).toHaveLength(5)
    expect(p3?.nextCursor).toBeNull()
  })

  test('ended shifts leave the default list; from earlier brings them back; a retried create makes one', async () => {
    const s = await soon()
    const again = await h.ok<{ shifts: ShiftView[] }>('shift.create', shiftInput({ startAt: at(HOUR), endAt: at(2 * HOUR) }), COMMITTEE, 'req-shift-0001')
    const replay = await h.ok<{ shifts: ShiftView[] }>('shift.create', shiftInput({ startAt: at(HOUR), endAt: at(2 * HOUR) }), COMMITTEE, 'req-shift-0001')
    expect(replay.shifts[0]!.id).toBe(again.shifts[0]!.id)
    h.clock.set(at(3 * HOUR))
    const ours = (p: ShiftListPage) => p.items.map((x) => x.id).filter((id) => id === s.id || id === again.shifts[0]!.id)
    expect(ours(await h.ok<ShiftListPage>('shift.list', {}, WORKER))).toEqual([s.id])
    expect(ours(await h.ok<ShiftListPage>('shift.list', { from: NOW }, WORKER))).toEqual([again.shifts[0]!.id, s.id])
  })
})

describe('sign up, waitlist, withdraw', () => {
  test('full → waitlist with position; withdrawing a seat promotes the first waiting at once and tells them', async () => {
    const s = await soon({ capacity: 1, meetingPoint: '东门岗亭' })
    const [a, b, c] = await addVolunteers(h, 3)
    expect(await h.ok<SignupResult>('shift.signup', { id: s.id }, a!.id)).toEqual({ status: 'confirmed' })
    expect(await h.ok<SignupResult>('shift.signup', { id: s.id }, b!.id)).toEqual({ status: 'waitlisted', position: 1 })
    expect(await h.ok<SignupResult>('shift.signup', { id: s.id }, c!.id)).toEqual({ status: 'waitlisted', position: 2 })
    expect((await get(s.id, c!.id)).myStatus).toEqual({ status: 'waitlisted', position: 2 })
    expect(await h.ok('shift.withdraw', { id: s.id }, a!.id)).toEqual({ status: 'withdrawn' })
    expect(await h.ok('shift.withdraw', { id: s.id }, a!.id)).toEqual({ status: 'withdrawn' })
    expect((await get(s.id, b!.id)).myStatus).toEqual({ status: 'confirmed' })
    expect((await get(s.id, c!.id)).myStatus).toEqual({ status: 'waitlisted', position: 1 })
    const told = await messagesOf(b!.id)
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ title: '候补成功，您已获得巡逻名额', target: { type: 'shift', id: s.id } })
    expect(told[0]!.body).toContain('东门岗亭')
    // signing up again after withdrawing: a new arrival at the back
    expect(await h.ok<SignupResult>('shift.signup', { id: s.id }, a!.id)).toEqual({ status: 'waitlisted', position: 2 })
  })

  test('a waitlisted one withdrawing promotes nobody; after the cut-off: CUTOFF_PASSED', async () => {
    const s = await soon({ capacity: 1 })
    const [a, b] = await addVolunteers(h, 2)
    await h.ok('shift.signup', { id: s.id }, a!.id)
    await h.ok('shift.signup', { id: s.id }, b!.id)
    h.clock.set(at(22 * HOUR)) // exactly the cut-off: still allowed
    await h.ok('shift.withdraw', { id: s.id }, b!.id)
    expect((await get(s.id, a!.id)).myStatus).toEqual({ status: 'confirmed' })
    h.clock.set(at(22 * HOUR + 1))
    const r = await h.call('shift.withdraw', { id: s.id }, a!.id)
    expect(r).toMatchObject({ ok: false, error: { code: 'CUTOFF_PASSED' } })
    expect(!r.ok && r.error.message).toContain('开始前 2 小时')
    expect((await get(s.id, a!.id)).can.withdraw).toBe(false)
  })

  test('overlapping shifts: SHIFT_OVERLAP (also when only waitlisted); touching ends are fine', async () => {
    const s1 = await soon({ capacity: 1 })
    const [filler, v] = await addVolunteers(h, 2)
    await h.ok('shift.signup', { id: s1.id }, filler!.id)
    await h.ok('shift.signup', { id: s1.id }, v!.id) // waitlisted
    const s2 = await soon({ startAt: at(25 * HOUR), endAt: at(27 * HOUR) })
    const r = await h.call('shift.signup', { id: s2.id }, v!.id)
    expect(r).toMatchObject({ ok: false, error: { code: 'SHIFT_OVERLAP' } })
    expect(!r.ok && r.error.message).toContain('时间重叠')
    const s3 = await soon({ startAt: at(26 * HOUR), endAt: at(28 * HOUR) })
    expect(await h.ok('shift.signup', { id: s3.id }, v!.id)).toEqual({ status: 'confirmed' })
  })

  test('cancelled, started and ended shifts refuse signups with CONFLICT', async () => {
    const s = await soon()
    const [v] = await addVolunteers(h, 1)
    h.clock.set(at(24 * HOUR))
    expect(await h.call('shift.signup', { id: s.id }, v!.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '巡逻已开始或已结束，不能报名' } })
    h.clock.set(at(27 * HOUR))
    expect(await h.call('shift.signup', { id: s.id }, v!.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    h.clock.set(NOW)
    const c = await soon({ startAt: at(48 * HOUR), endAt: at(49 * HOUR) })
    await h.ok('shift.cancel', { id: c.id, reason: '暴雨预警' }, COMMITTEE)
    expect(await h.call('shift.signup', { id: c.id }, v!.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这个班次已取消，不能报名' } })
  })

  test('cancel tells everyone confirmed or waiting, with the reason; not after the start', async () => {
    const s = await soon({ capacity: 1 })
    const [a, b] = await addVolunteers(h, 2)
    await h.ok('shift.signup', { id: s.id }, a!.id)
    await h.ok('shift.signup', { id: s.id }, b!.id)
    const v = await h.ok<ShiftView>('shift.cancel', { id: s.id, reason: '台风天气，暂停巡逻' }, COMMITTEE)
    expect(v).toMatchObject({ status: 'cancelled', phase: 'cancelled', cancelReason: '台风天气，暂停巡逻' })
    for (const u of [a!.id, b!.id]) {
      const m = await messagesOf(u)
      expect(m).toHaveLength(1)
      expect(m[0]!.title).toBe('巡逻班次已取消')
      expect(m[0]!.body).toContain('台风天气，暂停巡逻')
    }
    expect(await h.call('shift.cancel', { id: s.id, reason: '再取消' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const t = await soon({ startAt: at(HOUR), endAt: at(2 * HOUR) })
    h.clock.set(at(HOUR))
    expect(await h.call('shift.cancel', { id: t.id, reason: '晚了' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '巡逻已开始，不能取消' } })
  })
})

describe('check in, out, log', () => {
  async function confirmedOn(over: Parameters<typeof createShift>[1] = {}) {
    const s = await soon(over)
    const [v] = await addVolunteers(h, 1)
    await h.ok('shift.signup', { id: s.id }, v!.id)
    return { s, v: v!.id }
  }

  test('window: 太早 (with the opening time) before start − 15 min, open at it, 已结束 after the end', async () => {
    const { s, v } = await confirmedOn()
    const here = { id: s.id, ...north(0), accuracy: 10 }
    h.clock.set(at(24 * HOUR - 15 * MIN - 1))
    const early = await h.call('shift.checkin', here, v)
    expect(early).toMatchObject({ ok: false, error: { code: 'OUT_OF_WINDOW', details: { reason: 'early' } } })
    expect(!early.ok && early.error.message).toMatch(/^太早了，签到将于 3月2日 09:45 开放/)
    h.clock.set(at(24 * HOUR - 15 * MIN))
    expect(await h.ok<CheckinResult>('shift.checkin', here, v)).toEqual({ checkedInAt: at(24 * HOUR - 15 * MIN), distance: 0 })
    const { v: late } = await confirmedOn({ startAt: at(30 * HOUR), endAt: at(31 * HOUR) })
    h.clock.set(at(31 * HOUR + 1))
    const ended = await h.call('shift.checkin', { ...here, id: (await h.ok<ShiftListPage>('shift.list', { mine: true, from: NOW }, late)).items[0]!.id }, late)
    expect(ended).toMatchObject({ ok: false, error: { code: 'OUT_OF_WINDOW', details: { reason: 'ended' } } })
    expect(!ended.ok && ended.error.message).toContain('已结束')
  })

  test('area: the distance in the refusal; accuracy counts up to 100 m; a browser (WGS-84) point is converted', async () => {
    const { s, v } = await confirmedOn()
    h.clock.set(at(24 * HOUR))
    const far = await h.call('shift.checkin', { id: s.id, ...north(500), accuracy: 1000 }, v)
    expect(far).toMatchObject({ ok: false, error: { code: 'OUT_OF_AREA', details: { distance: 500, radius: 300 } } })
    expect(!far.ok && far.error.message).toBe('不在巡逻区域，距离约 500 米（范围 300 米内可签到）')
    expect((await signupRows(h, s.id))[0]!.status).toBe('confirmed')
    // the same GCJ-02 spot given as WGS-84 (what a browser reports) lands inside
    const [lng, lat] = gcoord.transform([CENTRE.longitude, CENTRE.latitude], gcoord.GCJ02, gcoord.WGS84) as [number, number]
    const ok = await h.ok<CheckinResult>('shift.checkin', { id: s.id, latitude: lat, longitude: lng, accuracy: 20, coordSystem: 'wgs84' }, v)
    expect(ok.distance).toBeLessThanOrEqual(1)
    const row = await h.sql.get('SELECT checkin_lat, checkin_lng, checkin_coord FROM shift_signups WHERE shift_id = ?', [s.id])
    expect(row).toEqual({ checkin_lat: lat, checkin_lng: lng, checkin_coord: 'wgs84' })
    // a second check-in returns the first
    h.clock.advance(MIN)
    expect((await h.ok<CheckinResult>('shift.checkin', { id: s.id, ...north(0), accuracy: 5 }, v)).checkedInAt).toBe(at(24 * HOUR))
  })

  test('waitlisted or not signed up cannot check in; checkout gives hours within the schedule', async () => {
    const { s, v } = await confirmedOn({ capacity: 1 })
    const [w, stranger] = await addVolunteers(h, 2)
    await h.ok('shift.signup', { id: s.id }, w!.id)
    h.clock.set(at(24 * HOUR - 10 * MIN))
    const here = { id: s.id, ...north(100), accuracy: 30 }
    expect(await h.call('shift.checkin', here, w!.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.call('shift.checkin', here, stranger!.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您没有报名这个班次' } })
    expect(await h.call('shift.checkout', { id: s.id }, v)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您还没有签到，不能签退' } })
    await h.ok('shift.checkin', here, v)
    h.clock.set(at(24 * HOUR + 87 * MIN))
    expect(await h.ok<CheckoutResult>('shift.checkout', { id: s.id }, v)).toEqual({ checkedOutAt: at(24 * HOUR + 87 * MIN), hours: 1.5 })
    h.clock.advance(10 * MIN)
    expect(await h.ok<CheckoutResult>('shift.checkout', { id: s.id }, v)).toEqual({ checkedOutAt: at(24 * HOUR + 87 * MIN), hours: 1.5 })
    expect((await get(s.id, v)).my).toEqual({ checkinAt: at(24 * HOUR - 10 * MIN), checkoutAt: at(24 * HOUR + 87 * MIN), autoCheckout: false, hours: 1.5 })
  })

  test('a forgotten check-out closes at the end; a confirmed one who never came is a no-show; stats count both', async () => {
    const s = await soon()
    const [came, never] = await addVolunteers(h, 2)
    for (const u of [came!, never!]) await h.ok('shift.signup', { id: s.id }, u.id)
    h.clock.set(at(24 * HOUR + 30 * MIN))
    await h.ok('shift.checkin', { id: s.id, ...north(0), accuracy: 5 }, came!.id)
    h.clock.set(at(26 * HOUR))
    const d = await get(s.id, COMMITTEE)
    expect(d.roster.map((e) => [e.name, e.status, e.hours])).toEqual([
      [came!.name, 'checkedOut', 1.5],
      [never!.name, 'noShow', null],
    ])
    expect((await get(s.id, came!.id)).my).toMatchObject({ checkoutAt: at(26 * HOUR), autoCheckout: true, hours: 1.5 })
    expect(await h.ok<VolunteerStats>('volunteer.stats', {}, came!.id)).toEqual({ month: '2025-03', hoursThisMonth: 1.5, hoursTotal: 1.5, shiftsDone: 1, noShows: 0, calloutsDone: 0 })
    expect(await h.ok<VolunteerStats>('volunteer.stats', {}, never!.id)).toEqual({ month: '2025-03', hoursThisMonth: 0, hoursTotal: 0, shiftsDone: 0, noShows: 1, calloutsDone: 0 })
    // checkout after the end is the automatic one
    expect(await h.ok<CheckoutResult>('shift.checkout', { id: s.id }, came!.id)).toEqual({ checkedOutAt: at(26 * HOUR), hours: 1.5 })
  })

  test('发现隐患: the log makes a report routed like any (grid of the point, worker told), linked to the shift', async () => {
    const { s, v } = await confirmedOn()
    expect(await h.call('shift.log', { id: s.id, note: '一切正常' }, v)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '签到后才能记录巡逻情况' } })
    h.clock.set(at(24 * HOUR))
    await h.ok('shift.checkin', { id: s.id, ...north(0), accuracy: 5 }, v)
    const plain = await h.ok<{ logId: string; reportId?: string }>('shift.log', { id: s.id, note: '3栋周边一切正常' }, v)
    expect(plain.reportId).toBeUndefined()
    const r = await h.ok<{ logId: string; reportId: string }>(
      'shift.log',
      { id: s.id, note: '发现消防通道被占', report: { category: 'safety_hazard', description: '2栋消防通道堆满纸箱' } },
      v,
    )
    const report = await h.ok<ReportView>('report.get', { id: r.reportId }, WORKER)
    expect(report).toMatchObject({ category: 'safety_hazard', status: 'submitted', gridId: 'g_jj_1' })
    expect(await h.sql.get('SELECT report_id, note FROM shift_logs WHERE id = ?', [r.logId])).toEqual({ report_id: r.reportId, note: '发现消防通道被占' })
    const toldWorker = (await h.sql.get("SELECT count(*) AS n FROM messages WHERE user_id = ? AND target_id = ?", [WORKER, r.reportId])) as { n: number }
    expect(toldWorker.n).toBe(1)
    // a bad report category: nothing written
    const before = ((await h.sql.get('SELECT count(*) AS n FROM shift_logs')) as { n: number }).n
    expect(await h.call('shift.log', { id: s.id, note: 'x', report: { category: 'ufo', description: '看到不明飞行物' } }, v)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(((await h.sql.get('SELECT count(*) AS n FROM shift_logs')) as { n: number }).n).toBe(before)
  })
})

describe('demo seed', () => {
  test('three upcoming shifts of 锦江社区 near its grid centres; the demo volunteer can sign up for each; the river one has one seat', async () => {
    const page = await h.ok<ShiftListPage>('shift.list', {}, DEMO_VOLUNTEER)
    const demo = page.items.filter((s) => s.id.startsWith('sh_demo_'))
    expect(demo.map((s) => [s.title, s.phase, s.can.signup])).toEqual([
      ['夜间治安巡逻', 'upcoming', true],
      ['校园周边护学岗', 'upcoming', true],
      ['沿河防溺水巡查', 'upcoming', true],
    ])
    for (const s of demo) expect(await h.ok('shift.signup', { id: s.id }, DEMO_VOLUNTEER)).toEqual({ status: 'confirmed' })
    const [late] = await addVolunteers(h, 1)
    expect(await h.ok('shift.signup', { id: 'sh_demo_river' }, late!.id)).toEqual({ status: 'waitlisted', position: 1 })
  })
})

describe('board', () => {
  test('hours by month, most first; names masked for volunteers except their own row, in full for committee and street', async () => {
    const s = await soon({ capacity: 3 })
    const [a, b] = await addVolunteers(h, 2)
    for (const u of [a!, b!]) await h.ok('shift.signup', { id: s.id }, u.id)
    h.clock.set(at(24 * HOUR))
    await h.ok('shift.checkin', { id: s.id, ...north(0), accuracy: 5 }, a!.id)
    h.clock.set(at(25 * HOUR))
    await h.ok('shift.checkin', { id: s.id, ...north(0), accuracy: 5 }, b!.id)
    h.clock.set(at(27 * HOUR))
    const forA = await h.ok<VolunteerBoard>('volunteer.board', { month: '2025-03' }, a!.id)
    expect(forA.rows).toEqual([
      { rank: 1, name: a!.name, hours: 2, shifts: 1, me: true },
      { rank: 2, name: maskName(b!.name), hours: 1, shifts: 1, me: false },
    ])
    for (const staff of [COMMITTEE, STREET]) {
      expect((await h.ok<VolunteerBoard>('volunteer.board', { month: '2025-03' }, staff)).rows.map((r) => r.name)).toEqual([a!.name, b!.name])
    }
    expect((await h.ok<VolunteerBoard>('volunteer.board', { month: '2025-02' }, a!.id)).rows).toEqual([])
  })
})
