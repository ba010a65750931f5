/**
 * Concurrency of the report writes (issue 4, DESIGN §5), in one process (Promise.all: catches an await between
 * a read and the write that depends on it) and across processes, each with its own better-sqlite3 connection
 * to the same file (catches a read-then-write gap in the adapter: the writers really contend for the lock).
 *
 * - report.support: 50 calls by one person → one row, supporters 1; 50 people → 50.
 * - two staff racing on one report (reject vs return, resolve vs reject, accept vs accept, withdraw vs
 *   accept) → exactly one wins, the others
 *   get CONFLICT, the timeline has one entry for it.
 * - one retried write (same requestId) racing itself across processes → every call ok, written once.
 */
import type { ApiReply } from '@/domain/shared/envelope'
import type { ReportView } from '@/domain/reports'
import { makeHarness, type Harness } from './support/harness'
import { race } from './support/race'
import { addPhoto, eventsOf, makeReport, raceJobs, reportRow, WHO } from './support/reportFixtures'

jest.setTimeout(120_000)

let h: Harness
let workerB: string
beforeAll(async () => {
  h = await makeHarness()
  // a second 网格员 of 第一网格: two handlers of the same report
  workerB = await h.devLogin({ role: 'gridWorker', gridId: 'g_jj_1', name: '第二位网格员' })
})
afterAll(() => h.close())

const supports = async (id: string) =>
  ((await h.sql.get('SELECT count(*) AS n FROM report_supports WHERE report_id = ?', [id])) as { n: number }).n

const winners = (replies: ApiReply[]) => replies.filter((r) => r.ok)
const codes = (replies: ApiReply[]) => [...new Set(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code)))]

describe('report.support', () => {
  test('50 parallel report.support by one user in one process → supporters 1, one row', async () => {
    const r = await makeReport(h)
    const replies = await Promise.all(Array.from({ length: 50 }, () => h.call<{ supporters: number }>('report.support', { id: r.id }, WHO.volunteer)))
    expect(replies.filter((x) => !x.ok)).toEqual([])
    expect(new Set(replies.map((x) => (x.ok ? x.data.supporters : -1)))).toEqual(new Set([1]))
    expect(await supports(r.id)).toBe(1)
    expect((await reportRow(h, r.id))?.supporters).toBe(1)
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.volunteer)).supportedByMe).toBe(true)
  })

  test('50 report.support by one user across 5 processes × 10 → supporters 1, one row', async () => {
    const r = await makeReport(h)
    const replies = await race({ location: h.location, action: 'report.support', payload: { id: r.id }, userId: WHO.resident2, processes: 5, perProcess: 10 })
    expect(replies).toHaveLength(50)
    expect(replies.filter((x) => !x.ok)).toEqual([])
    expect(new Set(replies.map((x) => (x.ok ? (x.data as { supporters: number }).supporters : -1)))).toEqual(new Set([1]))
    expect(await supports(r.id)).toBe(1)
    expect((await reportRow(h, r.id))?.supporters).toBe(1)
  })

  test('50 different users supporting in parallel → supporters 50, 50 rows', async () => {
    const r = await makeReport(h)
    const people: string[] = []
    for (let i = 0; i < 50; i++) people.push(await h.devLogin({ role: 'resident', gridId: i % 2 ? 'g_jj_1' : 'g_jj_2' }))
    const replies = await Promise.all(people.map((p) => h.call<{ supporters: number }>('report.support', { id: r.id }, p)))
    expect(replies.filter((x) => !x.ok)).toEqual([])
    expect(Math.max(...replies.map((x) => (x.ok ? x.data.supporters : -1)))).toBe(50)
    expect(await supports(r.id)).toBe(50)
    expect((await reportRow(h, r.id))?.supporters).toBe(50)
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident)).supporters).toBe(50)
  })

  test('different users across processes (5 people × 10 calls each) → supporters 5', async () => {
    const r = await makeReport(h)
    const people: string[] = []
    for (let i = 0; i < 5; i++) people.push(await h.devLogin({ role: 'resident', gridId: 'g_jj_3' }))
    const replies = await race({ location: h.location, action: 'report.support', payload: { id: r.id }, userId: people, processes: 5, perProcess: 10 })
    expect(replies.filter((x) => !x.ok)).toEqual([])
    expect(await supports(r.id)).toBe(5)
    expect((await reportRow(h, r.id))?.supporters).toBe(5)
  })
})

describe('two staff racing on one transition', () => {
  const ROUNDS = 3

  // pairs that exclude each other: after either, the other's rule no longer allows it (accept then reject
  // would both be right: reject is allowed from 处理中 too)
  const PAIRS = [
    { status: 'submitted', a: { action: 'reject', note: '重复上报' }, aTo: 'rejected', b: { action: 'return', note: '请补充位置' }, bTo: 'returned' },
    { status: 'accepted', a: { action: 'resolve', note: '已清运' }, aTo: 'resolved', b: { action: 'reject', note: '不属于受理范围' }, bTo: 'rejected' },
  ] as const

  test.each(PAIRS)(`$a.action vs $b.action on a $status report in one process (Promise.all), ${ROUNDS * 3} rounds → one wins, the other CONFLICT, one timeline entry`, async (pair) => {
    for (let round = 0; round < ROUNDS * 3; round++) {
      const r = await makeReport(h, { status: pair.status })
      const before = (await eventsOf(h, r.id)).length
      const replies = await Promise.all([
        h.call<ReportView>('report.transition', { id: r.id, ...pair.a }, WHO.worker),
        h.call<ReportView>('report.transition', { id: r.id, ...pair.b }, workerB),
      ])
      expect(winners(replies)).toHaveLength(1)
      expect(codes(replies)).toEqual(['CONFLICT'])
      const events = await eventsOf(h, r.id)
      expect(await events).toHaveLength(before + 1)
      const won = winners(replies)[0] as { data: ReportView }
      expect((await reportRow(h, r.id))?.status).toBe(won.data.status)
      expect(events.at(-1)?.action).toBe(won.data.status === pair.aTo ? pair.a.action : pair.b.action)
    }
  })

  test.each(PAIRS)(`$a.action vs $b.action on a $status report across 2 processes × 3 calls, ${ROUNDS} rounds → exactly one wins, the rest CONFLICT, one timeline entry`, async (pair) => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await makeReport(h, { status: pair.status })
      const before = (await eventsOf(h, r.id)).length
      const messagesBefore = (await h.counts()).messages
      const [as, bs] = await raceJobs(h.location, [
        { action: 'report.transition', payload: { id: r.id, ...pair.a }, userId: WHO.worker, count: 3 },
        { action: 'report.transition', payload: { id: r.id, ...pair.b }, userId: workerB, count: 3 },
      ])
      const replies = [...as!, ...bs!]
      expect(replies).toHaveLength(6)
      expect(winners(replies)).toHaveLength(1)
      expect(codes(replies)).toEqual(['CONFLICT'])
      const events = await eventsOf(h, r.id)
      expect(await events).toHaveLength(before + 1)
      const aWon = winners(as!).length === 1
      expect((await reportRow(h, r.id))?.status).toBe(aWon ? pair.aTo : pair.bTo)
      expect(events.at(-1)).toMatchObject({ action: aWon ? pair.a.action : pair.b.action, actor_id: aWon ? WHO.worker : workerB })
      // one status change: one message to the reporter about it
      expect((await h.counts()).messages - messagesBefore).toBe(1)
    }
  })

  test(`accept vs reject across 2 processes × 3, ${ROUNDS} rounds → serialised: each at most once, never accept after reject, the timeline matches the winners`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await makeReport(h)
      const [accepts, rejects] = await raceJobs(h.location, [
        { action: 'report.transition', payload: { id: r.id, action: 'accept' }, userId: WHO.worker, count: 3 },
        { action: 'report.transition', payload: { id: r.id, action: 'reject', note: '重复上报' }, userId: workerB, count: 3 },
      ])
      const accepted = winners(accepts!).length
      const rejected = winners(rejects!).length
      expect(accepted).toBeLessThanOrEqual(1)
      expect(rejected).toBeLessThanOrEqual(1)
      expect(accepted + rejected).toBeGreaterThanOrEqual(1)
      expect(codes([...accepts!, ...rejects!])).toEqual(['CONFLICT'])
      // a reject that read the report before the accept landed is a CONFLICT (stale); one that read it after
      // may succeed (reject is allowed from 处理中): accept-then-reject is valid, reject-then-accept is not
      const steps = (await eventsOf(h, r.id)).map((e) => e.action).filter((a) => a === 'accept' || a === 'reject')
      expect(steps).toEqual([...(accepted ? ['accept'] : []), ...(rejected ? ['reject'] : [])])
      expect((await reportRow(h, r.id))?.status).toBe(rejected ? 'rejected' : 'accepted')
    }
  })

  test('two handlers accepting the same report from 2 processes × 5 → one accept event, the rest CONFLICT', async () => {
    const r = await makeReport(h)
    const replies = await race({
      location: h.location,
      action: 'report.transition',
      payload: { id: r.id, action: 'accept' },
      userId: [WHO.worker, workerB],
      processes: 2,
      perProcess: 5,
    })
    expect(winners(replies)).toHaveLength(1)
    expect(codes(replies)).toEqual(['CONFLICT'])
    expect((await eventsOf(h, r.id)).filter((e) => e.action === 'accept')).toHaveLength(1)
  })

  test('the reporter withdrawing while the 网格员 accepts (2 processes × 3) → one of them, never both', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await makeReport(h)
      const [withdraws, accepts] = await raceJobs(h.location, [
        { action: 'report.transition', payload: { id: r.id, action: 'withdraw' }, userId: WHO.resident, count: 3 },
        { action: 'report.transition', payload: { id: r.id, action: 'accept' }, userId: WHO.worker, count: 3 },
      ])
      const replies = [...withdraws!, ...accepts!]
      expect(winners(replies)).toHaveLength(1)
      expect(codes(replies)).toEqual(['CONFLICT'])
      expect((await eventsOf(h, r.id)).filter((e) => e.action === 'withdraw' || e.action === 'accept')).toHaveLength(1)
    }
  })

  test('the reporter rating 20 times at once → one rating, the rest CONFLICT', async () => {
    const r = await makeReport(h, { status: 'resolved' })
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => h.call('report.rate', { id: r.id, score: (i % 5) + 1 }, WHO.resident)))
    expect(winners(replies)).toHaveLength(1)
    expect(codes(replies)).toEqual(['CONFLICT'])
    expect((await eventsOf(h, r.id)).filter((e) => e.action === 'rate')).toHaveLength(1)
    expect((await reportRow(h, r.id))?.status).toBe('closed')
  })

  test(`the reporter editing while the 网格员 accepts (2 processes × 3), ${ROUNDS} rounds → never an edit after the accept`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await makeReport(h)
      const [edits, accepts] = await raceJobs(h.location, [
        { action: 'report.edit', payload: { id: r.id, description: '3栋楼下垃圾堆了四天，越来越多' }, userId: WHO.resident, count: 3 },
        { action: 'report.transition', payload: { id: r.id, action: 'accept' }, userId: WHO.worker, count: 3 },
      ])
      const accepted = winners(accepts!).length
      expect(accepted).toBeLessThanOrEqual(1)
      expect(winners([...edits!, ...accepts!]).length).toBeGreaterThanOrEqual(1)
      expect(codes([...edits!, ...accepts!])).toEqual(['CONFLICT'])
      // an accept that read the report before an edit landed is stale (CONFLICT); an edit after the accept is refused
      const steps = (await eventsOf(h, r.id)).map((e) => e.action).filter((a) => a === 'edit' || a === 'accept')
      expect(steps).toHaveLength(winners(edits!).length + accepted)
      if (accepted) expect(steps.at(-1)).toBe('accept')
      expect((await reportRow(h, r.id))?.status).toBe(accepted ? 'accepted' : 'submitted')
    }
  })
})

describe('a retried write racing itself (one requestId)', () => {
  test('the same retried note from 2 processes × 3 at once, 3 rounds → every call answers ok, one note, one idempotency row', async () => {
    for (let round = 0; round < 3; round++) {
      const r = await makeReport(h, { status: 'accepted' })
      const before = await h.counts()
      const job = { action: 'report.transition', payload: { id: r.id, action: 'note', note: '已联系物业' }, userId: WHO.worker, requestId: `note-race-${round}`, count: 3 }
      const replies = (await raceJobs(h.location, [job, job])).flat()
      expect(replies).toHaveLength(6)
      expect(replies.filter((x) => !x.ok)).toEqual([])
      expect((await eventsOf(h, r.id)).filter((e) => e.action === 'note')).toHaveLength(1)
      expect(await h.counts()).toMatchObject({ report_events: before.report_events + 1, idempotency: before.idempotency + 1 })
    }
  })

  test('the same retried accept from 2 processes × 3 at once → all ok and 处理中, one accept, one message to the reporter', async () => {
    const r = await makeReport(h)
    const before = await h.counts()
    const job = { action: 'report.transition', payload: { id: r.id, action: 'accept' }, userId: WHO.worker, requestId: 'accept-race-01', count: 3 }
    const replies = (await raceJobs(h.location, [job, job])).flat()
    expect(replies.filter((x) => !x.ok)).toEqual([])
    expect(new Set(replies.map((x) => (x.ok ? (x.data as ReportView).status : '')))).toEqual(new Set(['accepted']))
    expect((await eventsOf(h, r.id)).filter((e) => e.action === 'accept')).toHaveLength(1)
    expect(await h.counts()).toMatchObject({ messages: before.messages + 1, idempotency: before.idempotency + 1 })
  })
})

describe('one photo, one report', () => {
  test('12 creates racing with the same photo (4 processes × 3, no requestId) → one report has it, the rest INVALID_INPUT', async () => {
    const photo = await addPhoto(h, WHO.resident)
    const before = await h.counts()
    const replies = await race({
      location: h.location,
      action: 'report.create',
      payload: { category: 'environment', description: '同一张照片被并发提交', photoIds: [photo] },
      userId: WHO.resident,
      processes: 4,
      perProcess: 3,
    })
    expect(winners(replies)).toHaveLength(1)
    expect(codes(replies)).toEqual(['INVALID_INPUT'])
    const after = await h.counts()
    expect(after.reports).toBe(before.reports + 1)
    expect(after.report_photos).toBe(before.report_photos + 1)
  })
})

