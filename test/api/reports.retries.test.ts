/**
 * requestId on report.create (issue 4: "submitting on a flaky network retries safely: the same requestId
 * never makes two reports"): a retry after success gets the same report; the same key with another input is
 * a CONFLICT that writes nothing; 20 identical creates at once are one report, in one process (Promise.all:
 * any await between the check and the insert would let two through) and across processes on one file (each
 * its own connection: the check and the insert must be one IMMEDIATE transaction).
 */
import type { ReportView } from '@/domain/reports'
import { makeHarness, type Harness } from './support/harness'
import { race } from './support/race'
import { addPhoto, eventsOf, makeReport, raceJobs, reportRow, WHO } from './support/reportFixtures'

jest.setTimeout(60_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const input = { category: 'facility', description: '2栋电梯按钮失灵，老人上下楼困难' }
const KEY = 'report-retry-0001'
const create = (payload: unknown, as: string = WHO.resident, key: string | undefined = KEY) => h.call<ReportView>('report.create', payload, as, key)

test('requestId: a retry after success returns the same report id; one report, one create event, one idempotency row', async () => {
  const before = await h.counts()
  const first = await create(input)
  expect(first).toMatchObject({ ok: true, data: { status: 'submitted', gridId: 'g_jj_1' } })
  const again = await create(input)
  expect(again.ok && first.ok && again.data.id).toBe(first.ok && first.data.id)
  expect(await h.counts()).toMatchObject({
    reports: before.reports + 1,
    report_events: before.report_events + 1,
    idempotency: before.idempotency + 1,
  })
})

test('requestId: a retry of a create with photos gets the same report, not "photo already used"', async () => {
  const photoIds = [await addPhoto(h, WHO.resident), await addPhoto(h, WHO.resident)]
  const first = await create({ ...input, photoIds })
  expect(first.ok).toBe(true)
  const before = await h.counts()
  const again = await create({ ...input, photoIds })
  expect(again).toMatchObject({ ok: true })
  expect(again.ok && first.ok && again.data.id === first.data.id).toBe(true)
  expect(await h.counts()).toEqual(before)
})

test('requestId: the same key with other input → CONFLICT, nothing written', async () => {
  const first = await create(input)
  expect(first.ok).toBe(true)
  const before = await h.counts()
  for (const other of [
    { ...input, description: '2栋电梯按钮失灵，已经三天了' },
    { ...input, category: 'safety_hazard' },
    { ...input, anonymous: true },
  ]) {
    const r = await create(other)
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
  }
  expect(await h.counts()).toEqual(before)
})

test('requestId: a refused attempt stores nothing, so the corrected retry with the same key goes through', async () => {
  const theirs = await addPhoto(h, WHO.resident2)
  expect(await create({ ...input, photoIds: [theirs] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await create({ ...input, description: '短' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  const before = await h.counts()
  expect(await create(input)).toMatchObject({ ok: true, data: { status: 'submitted' } })
  expect(await h.counts()).toMatchObject({ reports: before.reports + 1, idempotency: before.idempotency + 1 })
})

test('requestId: the same key from another person is their own create, not a replay of the first', async () => {
  const mine = await create(input)
  const theirs = await create(input, WHO.volunteer)
  expect(mine.ok && theirs.ok).toBe(true)
  if (mine.ok && theirs.ok) expect(theirs.data.id).not.toBe(mine.data.id)
})

test('without a requestId two identical submits are two reports (a retry must carry its key)', async () => {
  const before = await h.counts()
  await h.ok('report.create', input, WHO.resident)
  await h.ok('report.create', input, WHO.resident)
  expect((await h.counts()).reports).toBe(before.reports + 2)
})

test('requestId: 20 parallel identical report.create in one process (Promise.all) → one report, one id everywhere', async () => {
  const before = await h.counts()
  const replies = await Promise.all(Array.from({ length: 20 }, () => create(input)))
  expect(replies.filter((r) => !r.ok)).toEqual([])
  const ids = new Set(replies.map((r) => (r.ok ? r.data.id : '')))
  expect(ids.size).toBe(1)
  const after = await h.counts()
  expect(after.reports).toBe(before.reports + 1)
  expect(after.report_events).toBe(before.report_events + 1)
  expect(after.idempotency).toBe(before.idempotency + 1)
})

test('requestId: 20 identical report.create across 4 processes × 5 on one SQLite file → one report, one id everywhere', async () => {
  const photoIds = [await addPhoto(h, WHO.resident)]
  const before = await h.counts()
  const replies = await race({
    location: h.location,
    action: 'report.create',
    payload: { ...input, photoIds },
    userId: WHO.resident,
    requestId: 'report-race-0001',
    processes: 4,
    perProcess: 5,
  })
  expect(replies).toHaveLength(20)
  expect(replies.filter((r) => !r.ok)).toEqual([])
  const ids = new Set(replies.map((r) => (r.ok ? (r.data as { id: string }).id : '')))
  expect(ids.size).toBe(1)
  const after = await h.counts()
  expect(after.reports).toBe(before.reports + 1)
  expect(after.report_events).toBe(before.report_events + 1)
  expect(after.report_photos).toBe(before.report_photos + 1)
  expect(after.idempotency).toBe(before.idempotency + 1)
})

/**
 * The client re-sends a transition, a mediation record, a rating, an edit and 我也遇到 with the requestId of the first attempt
 * (src/features/reports/useReportActions.ts, useMediate.ts, StaffPanel): a reply lost on a flaky network must
 * not add a second note, a second mediation session or a second supervision to the timeline.
 */
describe('requestId on the other report writes (the client sends one on every retry)', () => {
  const accepted = async () => {
    const r = await h.ok<ReportView>('report.create', input, WHO.resident)
    return h.ok<ReportView>('report.transition', { id: r.id, action: 'accept' }, WHO.worker)
  }

  test('a retried note with the same requestId → one note on the timeline, the first reply again', async () => {
    const r = await accepted()
    const note = { id: r.id, action: 'note', note: '已联系电梯维保单位' }
    const first = await h.call<ReportView>('report.transition', note, WHO.worker, 'note-retry-0001')
    expect(first.ok).toBe(true)
    const before = await h.counts()
    const again = await h.call<ReportView>('report.transition', note, WHO.worker, 'note-retry-0001')
    expect(again).toMatchObject({ ok: true })
    expect(await h.counts()).toEqual(before)
    const v = await h.ok<ReportView>('report.get', { id: r.id }, WHO.worker)
    expect(v.timeline.filter((e) => e.action === 'note')).toHaveLength(1)
  })

  test('a retried accept with the same requestId gets the first reply, not CONFLICT 问题当前处理中', async () => {
    const r = await h.ok<ReportView>('report.create', input, WHO.resident)
    const first = await h.call<ReportView>('report.transition', { id: r.id, action: 'accept' }, WHO.worker, 'accept-retry-01')
    expect(first).toMatchObject({ ok: true, data: { status: 'accepted' } })
    const again = await h.call<ReportView>('report.transition', { id: r.id, action: 'accept' }, WHO.worker, 'accept-retry-01')
    expect(again).toMatchObject({ ok: true, data: { status: 'accepted' } })
  })

  test('a retried mediation session with the same requestId → one session', async () => {
    const d = await h.ok<ReportView>('report.create', { category: 'dispute', description: '楼上空调外机漏水到我家阳台' }, WHO.resident)
    await h.ok('report.transition', { id: d.id, action: 'accept' }, WHO.worker)
    const m = {
      id: d.id,
      kind: 'people',
      parties: [{ name: '张三丰' }, { name: '李四光' }],
      session: { date: '2025-02-28', note: '双方到场，约定更换排水管' },
    }
    expect(await h.call('report.mediate', m, WHO.worker, 'mediate-retry-01')).toMatchObject({ ok: true })
    const before = await h.counts()
    expect(await h.call('report.mediate', m, WHO.worker, 'mediate-retry-01')).toMatchObject({ ok: true })
    expect(await h.counts()).toEqual(before)
  })

  test('a retried rating with the same requestId gets the rated report, not CONFLICT 已关闭; one rate step', async () => {
    const r = await makeReport(h, { status: 'resolved' })
    const rate = { id: r.id, score: 4, comment: '处理及时' }
    const first = await h.call<ReportView>('report.rate', rate, WHO.resident, 'rate-retry-0001')
    expect(first).toMatchObject({ ok: true, data: { status: 'closed', rating: { score: 4 } } })
    const before = await h.counts()
    const again = await h.call<ReportView>('report.rate', rate, WHO.resident, 'rate-retry-0001')
    expect(again).toMatchObject({ ok: true, data: { status: 'closed', rating: { score: 4, comment: '处理及时' } } })
    expect(await h.counts()).toEqual(before)
    expect((await eventsOf(h, r.id)).filter((e) => e.action === 'rate')).toHaveLength(1)
  })

  test('a retried edit with the same requestId → one edit step, even after the report was accepted in between', async () => {
    const r = await h.ok<ReportView>('report.create', input, WHO.resident)
    const edit = { id: r.id, description: '2栋电梯按钮失灵，补充：是1号电梯' }
    expect(await h.call('report.edit', edit, WHO.resident, 'edit-retry-0001')).toMatchObject({ ok: true })
    await h.ok('report.transition', { id: r.id, action: 'accept' }, WHO.worker)
    const before = await h.counts()
    const again = await h.call<ReportView>('report.edit', edit, WHO.resident, 'edit-retry-0001')
    expect(again).toMatchObject({ ok: true, data: { status: 'accepted', description: edit.description, mine: true } })
    expect(await h.counts()).toEqual(before)
    expect((await eventsOf(h, r.id)).filter((e) => e.action === 'edit')).toHaveLength(1)
  })

  test('a retried 我也遇到 with the same requestId answers the count even when the report closed in between; one idempotency row', async () => {
    const r = await accepted()
    const before = await h.counts()
    expect(await h.call('report.support', { id: r.id }, WHO.volunteer, 'support-retry-01')).toEqual({ ok: true, data: { supporters: 1 } })
    expect(await h.counts()).toMatchObject({ report_supports: before.report_supports + 1, idempotency: before.idempotency + 1 })
    await h.ok('report.transition', { id: r.id, action: 'resolve', note: '已更换按钮' }, WHO.worker)
    const after = await h.counts()
    expect(await h.call('report.support', { id: r.id }, WHO.volunteer, 'support-retry-01')).toEqual({ ok: true, data: { supporters: 1 } })
    expect(await h.counts()).toEqual(after)
    // a new attempt (another key) is refused: the report is over
    expect(await h.call('report.support', { id: r.id }, WHO.volunteer, 'support-new-0002')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('the same requestId with another input (another note, another report, another action) → CONFLICT, nothing written', async () => {
    const r = await accepted()
    const other = await accepted()
    expect(await h.call('report.transition', { id: r.id, action: 'note', note: '已联系维保' }, WHO.worker, 'reuse-0001')).toMatchObject({ ok: true })
    const before = await h.counts()
    for (const payload of [
      { id: r.id, action: 'note', note: '维保明天上门' },
      { id: other.id, action: 'note', note: '已联系维保' },
      { id: r.id, action: 'resolve', note: '已联系维保' },
    ]) {
      const reply = await h.call('report.transition', payload, WHO.worker, 'reuse-0001')
      expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/请求编号/) } })
    }
    expect(await h.counts()).toEqual(before)
    expect((await reportRow(h, r.id))?.status).toBe('accepted')
  })

  test('a refused attempt (FORBIDDEN, CONFLICT) stores no key: the same requestId then does the allowed write', async () => {
    const r = await h.ok<ReportView>('report.create', input, WHO.resident)
    const before = await h.counts()
    expect(await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.resident, 'refused-0001')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('report.rate', { id: r.id, score: 5 }, WHO.resident, 'refused-0002')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.call('report.support', { id: r.id }, WHO.worker, 'refused-0003')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.counts()).toEqual(before)
    expect(await h.call('report.transition', { id: r.id, action: 'withdraw' }, WHO.resident, 'refused-0001')).toMatchObject({ ok: true, data: { status: 'withdrawn' } })
    expect((await h.counts()).idempotency).toBe(before.idempotency + 1)
  })

  test('a lost race (CONFLICT 刚被其他人处理过) stores no key either', async () => {
    const r = await h.ok<ReportView>('report.create', input, WHO.resident)
    const row = await h.store.reports.get(r.id)
    const out = await h.store.reports.change({
      id: r.id,
      version: row!.version - 1,
      patch: { ...row!, status: 'accepted' },
      at: h.clock.now().toISOString(),
      event: { actorId: WHO.worker, action: 'accept', note: null, toUserId: null },
      eventPhotoIds: [],
      photoOwnerId: WHO.worker,
      messages: [],
      idem: { userId: WHO.worker, action: 'report.transition', requestId: 'lost-race-01', fingerprint: 'x' },
    })
    expect(out).toEqual({ kind: 'conflict' })
    expect(await h.store.reports.keyState({ userId: WHO.worker, action: 'report.transition', requestId: 'lost-race-01', fingerprint: 'x' })).toBe('new')
  })

  test('without a requestId a repeated note is two notes (unchanged: a retry must carry its key)', async () => {
    const r = await accepted()
    const note = { id: r.id, action: 'note', note: '已联系电梯维保单位' }
    await h.ok('report.transition', note, WHO.worker)
    await h.ok('report.transition', note, WHO.worker)
    expect((await eventsOf(h, r.id)).filter((e) => e.action === 'note')).toHaveLength(2)
  })
})

test('requestId: one key, two different inputs racing from 2 processes × 4 → one report; one input wins all its calls, the other gets CONFLICT', async () => {
  const before = await h.counts()
  const job = (description: string) => ({
    action: 'report.create',
    payload: { ...input, description },
    userId: WHO.resident,
    requestId: 'report-race-key-02',
    count: 4,
  })
  const [a, b] = await raceJobs(h.location, [job('2栋电梯按钮失灵，第一种说法'), job('2栋电梯按钮失灵，第二种说法')])
  const aWon = a!.every((r) => r.ok)
  const [won, lost] = aWon ? [a!, b!] : [b!, a!]
  expect(won.every((r) => r.ok)).toBe(true)
  expect(new Set(won.map((r) => (r.ok ? (r.data as { id: string }).id : '')))).toHaveProperty('size', 1)
  expect(lost.every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true)
  expect(await h.counts()).toMatchObject({ reports: before.reports + 1, idempotency: before.idempotency + 1 })
})
