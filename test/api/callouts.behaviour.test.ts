/** 社会动员 call-outs through the dispatcher: issue, recipients and messages, answers, 报到, headcount, close, extend, hours. */
import type { CalloutDetail, CalloutListPage, CalloutView } from '@/domain/callouts'
import type { MessagePage } from '@/domain/messages'
import type { VolunteerStats } from '@/domain/volunteers'
import { makeHarness, NOW, type Harness } from './support/harness'
import { COMMITTEE, createCallout, DEMO_VOLUNTEER, north, RESIDENT, taskOf, WORKER } from './support/calloutFixtures'
import { createShift } from './support/shiftFixtures'

const MIN = 60_000
const HOUR = 60 * MIN
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

/** A call-out starting in an hour, two hours long. */
const soon = (over: Parameters<typeof createCallout>[1] = {}) => createCallout(h, { startAt: at(HOUR), endAt: at(3 * HOUR), ...over })
const get = (id: string, as: string) => h.ok<CalloutDetail>('callout.get', { id }, as)
const calloutMessages = async (u: string) => (await h.ok<MessagePage>('message.list', {}, u)).items.filter((m) => m.target?.type === 'callout')

describe('issue', () => {
  test('sent to the verified volunteers and residents of the chosen grids, each with a message; a retry is one call-out', async () => {
    const c = await soon()
    const recipients = (await h.sql.all<{ user_id: string }>('SELECT user_id FROM callout_recipients WHERE callout_id = ? ORDER BY user_id', [c.id])).map((r) => r.user_id)
    expect(recipients).toEqual(expect.arrayContaining([RESIDENT, DEMO_VOLUNTEER]))
    expect(recipients).not.toContain('u_resident_jj2') // 第二网格
    expect(recipients).not.toContain(COMMITTEE)
    expect(c.recipients).toBe(recipients.length)
    expect(c).toMatchObject({ status: 'open', phase: 'upcoming', answers: { yes: 0, no: 0, none: recipients.length } })
    const [m] = await calloutMessages(RESIDENT)
    expect(m).toMatchObject({ title: '社区动员：汛期堤坝值守', target: { type: 'callout', id: c.id } })
    expect(m!.body).toContain('防汛值守')

    const a = await createCallout(h, { startAt: at(HOUR), endAt: at(2 * HOUR) }, 'req-callout-01')
    const b = await createCallout(h, { startAt: at(HOUR), endAt: at(2 * HOUR) }, 'req-callout-01')
    expect(b.id).toBe(a.id)
    expect(Number(await h.sql.value('SELECT count(*) AS n FROM callouts WHERE id = ?', [a.id]))).toBe(1)
    expect(Number(await h.sql.value("SELECT count(*) AS n FROM messages WHERE target_id = ?", [a.id]))).toBe(a.recipients)
  })

  test('volunteers only: residents who are not volunteers get nothing', async () => {
    const c = await soon({ audience: { volunteers: true, residents: false } })
    const ids = (await h.sql.all<{ user_id: string }>('SELECT user_id FROM callout_recipients WHERE callout_id = ?', [c.id])).map((r) => r.user_id)
    expect(ids).toContain(DEMO_VOLUNTEER)
    expect(ids).not.toContain(RESIDENT)
  })
})

describe('answer and headcount', () => {
  test('能来 takes a seat, changing task moves it, 来不了 frees it; staff see signed up, checked in and who has not answered', async () => {
    const c = await soon()
    const dike = taskOf(c, '堤坝巡查')
    const bags = taskOf(c, '沙袋搬运')
    expect(await h.ok('callout.answer', { id: c.id, answer: 'yes', taskId: dike }, RESIDENT)).toEqual({ answer: 'yes', taskId: dike })
    let d = await get(c.id, COMMITTEE)
    expect(d.tasks.map((t) => [t.name, t.signedUp, t.left])).toEqual([['堤坝巡查', 1, 1], ['沙袋搬运', 0, 1]])
    expect(d.unanswered!.map((p) => p.userId)).toContain(DEMO_VOLUNTEER)
    expect(d.unanswered!.map((p) => p.userId)).not.toContain(RESIDENT)

    await h.ok('callout.answer', { id: c.id, answer: 'yes', taskId: bags }, RESIDENT)
    d = await get(c.id, WORKER)
    expect(d.tasks.map((t) => t.signedUp)).toEqual([0, 1])
    const full = await h.call('callout.answer', { id: c.id, answer: 'yes', taskId: bags }, DEMO_VOLUNTEER)
    expect(full).toMatchObject({ ok: false, error: { code: 'FULL', message: '这项任务的名额已满，请选择其他任务' } })

    await h.ok('callout.answer', { id: c.id, answer: 'no' }, RESIDENT)
    d = await get(c.id, COMMITTEE)
    expect(d.tasks.map((t) => t.signedUp)).toEqual([0, 0])
    expect(d.answers).toMatchObject({ yes: 0, no: 1 })
    const mine = await get(c.id, RESIDENT)
    expect(mine.my).toMatchObject({ answer: 'no', taskId: null })
    expect(mine.unanswered).toBeNull()
    expect(mine.can).toMatchObject({ answer: true, close: false })
  })

  test('能来 overlapping a patrol shift the person signed up for is refused, and the other way round; 来不了 is not', async () => {
    const s = await createShift(h, { startAt: at(2 * HOUR), endAt: at(4 * HOUR) })
    await h.ok('shift.signup', { id: s.id }, DEMO_VOLUNTEER)
    const c = await soon()
    const r = await h.call('callout.answer', { id: c.id, answer: 'yes', taskId: taskOf(c, '堤坝巡查') }, DEMO_VOLUNTEER)
    expect(r).toMatchObject({ ok: false, error: { code: 'SHIFT_OVERLAP', details: { shiftId: s.id } } })
    expect(!r.ok && r.error.message).toContain('时间重叠')
    expect((await get(c.id, COMMITTEE)).tasks[0]!.signedUp).toBe(0)
    await h.ok('callout.answer', { id: c.id, answer: 'no' }, DEMO_VOLUNTEER)
    // after withdrawing from the shift, 能来 is taken
    await h.ok('shift.withdraw', { id: s.id }, DEMO_VOLUNTEER)
    await h.ok('callout.answer', { id: c.id, answer: 'yes', taskId: taskOf(c, '堤坝巡查') }, DEMO_VOLUNTEER)
    // and the other way round: signing up for an overlapping shift is refused while 能来 stands
    const back = await h.call('shift.signup', { id: s.id }, DEMO_VOLUNTEER)
    expect(back).toMatchObject({ ok: false, error: { code: 'SHIFT_OVERLAP', details: { calloutId: c.id } } })
    expect(!back.ok && back.error.message).toContain('与您已回复能来的动员「汛期堤坝值守」')
    await h.ok('callout.answer', { id: c.id, answer: 'no' }, DEMO_VOLUNTEER)
    await h.ok('shift.signup', { id: s.id }, DEMO_VOLUNTEER)
  })

  test('list: staff see the community’s, a recipient those sent to them, open ones first', async () => {
    const old = await soon({ title: '早先的动员' })
    const later = await createCallout(h, { startAt: at(5 * HOUR), endAt: at(6 * HOUR), title: '稍后的动员' })
    await h.ok('callout.close', { id: old.id, reason: '雨停了' }, COMMITTEE)
    const staff = await h.ok<CalloutListPage>('callout.list', {}, COMMITTEE)
    const ours = staff.items.filter((c) => c.id === old.id || c.id === later.id).map((c) => c.id)
    expect(ours).toEqual([later.id, old.id])
    // a page of one at a time, to the end: open ones by latest start (the seeded demo call-out starts in 2 h), then the closed
    const seen: CalloutListPage['items'] = []
    let cursor: string | null | undefined
    do {
      const p: CalloutListPage = await h.ok<CalloutListPage>('callout.list', { limit: 1, ...(cursor ? { cursor } : {}) }, RESIDENT)
      seen.push(...p.items)
      cursor = p.nextCursor
    } while (cursor)
    expect(seen.map((c) => c.id)).toEqual([later.id, 'co_demo_1', old.id])
    expect(seen[0]!.my).toMatchObject({ answer: null })
    expect(seen[1]!.my).toMatchObject({ answer: 'yes' })
    const other = await h.ok<CalloutListPage>('callout.list', {}, 'u_resident_jj2')
    expect(other.items.map((c) => c.id)).not.toContain(later.id)
  })
})

describe('报到', () => {
  test('off site refused, on site accepted, twice is the first; only for 能来; early refused', async () => {
    const c = await soon()
    const pos = { ...north(50), accuracy: 10 }
    expect(await h.call('callout.checkin', { id: c.id, ...pos }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await h.ok('callout.answer', { id: c.id, answer: 'yes', taskId: taskOf(c, '堤坝巡查') }, RESIDENT)
    expect(await h.call('callout.checkin', { id: c.id, ...pos }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'OUT_OF_WINDOW' } })
    h.clock.set(at(50 * MIN))
    const far = await h.call('callout.checkin', { id: c.id, ...north(900), accuracy: 10 }, RESIDENT)
    expect(far).toMatchObject({ ok: false, error: { code: 'OUT_OF_AREA', details: { radius: 300 } } })
    expect(!far.ok && far.error.message).toContain('不在报到地点')
    const ok = await h.ok<{ checkedInAt: string; distance: number }>('callout.checkin', { id: c.id, ...pos }, RESIDENT)
    expect(ok).toEqual({ checkedInAt: at(50 * MIN), distance: 50 })
    h.clock.set(at(55 * MIN))
    expect(await h.ok('callout.checkin', { id: c.id, ...pos }, RESIDENT)).toEqual(ok)
    const d = await get(c.id, COMMITTEE)
    expect(d.tasks[0]).toMatchObject({ signedUp: 1, checkedIn: 1 })
    // checked in: the answer cannot change any more
    expect(await h.call('callout.answer', { id: c.id, answer: 'no' }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('积分制: 报到 earns the call-out points once under the community rules; a repeated 报到 grants nothing more', async () => {
    const c = await soon()
    const points = async () =>
      h.sql.all<{ points: number; source_kind: string }>("SELECT points, source_kind FROM points_entries WHERE user_id = ? AND source_id = ?", [RESIDENT, c.id])
    await h.ok('callout.answer', { id: c.id, answer: 'yes', taskId: taskOf(c, '堤坝巡查') }, RESIDENT)
    h.clock.set(at(50 * MIN))
    const pos = { ...north(50), accuracy: 10 }
    await h.ok('callout.checkin', { id: c.id, ...pos }, RESIDENT)
    expect(await points()).toEqual([{ points: 5, source_kind: 'callout_attended' }])
    await h.ok('callout.checkin', { id: c.id, ...pos }, RESIDENT)
    expect(await points()).toHaveLength(1)
    const ledger = await h.ok<{ balance: number; items: { reason: string }[] }>('points.ledger', {}, RESIDENT)
    expect(ledger.items.map((e) => e.reason)).toContain(`响应社会动员并报到：${c.title}`)
  })

  test('hours: from 报到 (not before the start) to the end, in 我的 volunteer stats once over; a close early stops them', async () => {
    const c = await soon()
    await h.ok('callout.answer', { id: c.id, answer: 'yes', taskId: taskOf(c, '堤坝巡查') }, DEMO_VOLUNTEER)
    const before = await h.ok<VolunteerStats>('volunteer.stats', {}, DEMO_VOLUNTEER)
    h.clock.set(at(HOUR + 30 * MIN))
    await h.ok('callout.checkin', { id: c.id, ...north(10), accuracy: 5 }, DEMO_VOLUNTEER)
    expect((await h.ok<VolunteerStats>('volunteer.stats', {}, DEMO_VOLUNTEER)).hoursTotal).toBe(before.hoursTotal)
    h.clock.set(at(2 * HOUR + 30 * MIN))
    const closed = await h.ok<CalloutView>('callout.close', { id: c.id, reason: '险情解除' }, COMMITTEE)
    expect(closed).toMatchObject({ status: 'closed', phase: 'closed', endAt: at(2 * HOUR + 30 * MIN), closeReason: '险情解除' })
    const after = await h.ok<VolunteerStats>('volunteer.stats', {}, DEMO_VOLUNTEER)
    expect(after.hoursTotal).toBeCloseTo(before.hoursTotal + 1, 5)
    expect(after.calloutsDone).toBe(before.calloutsDone + 1)
    expect((await get(c.id, DEMO_VOLUNTEER)).my).toMatchObject({ hours: 1 })
    const told = await calloutMessages(DEMO_VOLUNTEER)
    expect(told.map((m) => m.title)).toContain('动员已提前结束')
    expect((await calloutMessages(RESIDENT)).map((m) => m.title)).not.toContain('动员已提前结束')
  })
})

describe('close and extend', () => {
  test('extend moves the end and tells those signed up; answers after a close are refused', async () => {
    const c = await soon()
    await h.ok('callout.answer', { id: c.id, answer: 'yes', taskId: taskOf(c, '堤坝巡查') }, RESIDENT)
    const ext = await h.ok<CalloutView>('callout.extend', { id: c.id, endAt: at(5 * HOUR) }, COMMITTEE)
    expect(ext.endAt).toBe(at(5 * HOUR))
    expect((await calloutMessages(RESIDENT)).map((m) => m.title)).toContain('动员时间已延长')
    expect(await h.call('callout.extend', { id: c.id, endAt: at(4 * HOUR) }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.call('callout.extend', { id: c.id, endAt: at(40 * HOUR) }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '一次动员最长 24 小时' } })
    await h.ok('callout.close', { id: c.id, reason: '取消' }, COMMITTEE)
    // closed before its start: the end stays as scheduled
    expect((await get(c.id, COMMITTEE)).endAt).toBe(at(5 * HOUR))
    expect(await h.call('callout.answer', { id: c.id, answer: 'no' }, DEMO_VOLUNTEER)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '动员已提前结束，不能再回复' } })
    expect(await h.call('callout.extend', { id: c.id, endAt: at(6 * HOUR) }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // closing again answers it as it is
    expect(await h.ok<CalloutView>('callout.close', { id: c.id, reason: '再次' }, COMMITTEE)).toMatchObject({ status: 'closed', closeReason: '取消' })
  })

  test('after the end: no answers, no close', async () => {
    const c = await soon()
    h.clock.set(at(4 * HOUR))
    expect(await h.call('callout.answer', { id: c.id, answer: 'no' }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '动员已结束，不能再回复' } })
    expect(await h.call('callout.close', { id: c.id, reason: '结束' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await get(c.id, COMMITTEE)).phase).toBe('ended')
  })
})
