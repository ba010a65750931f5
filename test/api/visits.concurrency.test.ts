/**
 * Visits under real contention: worker processes with their own connections to the same store (support/race.ts),
 * released at once. One visit logged many times with one requestId is one visit and one report; two people logging
 * at once both land; racing marks leave one mark; and a report the store cannot take leaves no visit (atomicity).
 */
import type { ApiReply } from '@/domain/shared/envelope'
import { countRows, makeHarness, type Harness } from './support/harness'
import { race } from './support/race'
import { COMMITTEE, H1, hazardVisit, visitInput, VISIT_TABLES, WORKER } from './support/visitFixtures'

jest.setTimeout(180_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const okData = (rs: ApiReply[]) => rs.map((r) => (r.ok ? JSON.stringify(r.data) : r.error.code))

test('one visit with its hazard report sent 12 times at once with one requestId → one visit, one report, one message', async () => {
  const reports = Number(await h.sql.value('SELECT count(*) FROM reports'))
  const replies = await race({ location: h.location, action: 'visit.log', payload: hazardVisit(), userId: WORKER, requestId: 'race-visit-1', processes: 4, perProcess: 3 })
  const answers = new Set(okData(replies))
  expect(answers.size).toBe(1)
  const [answer] = [...answers]
  const { visitId, reportId } = JSON.parse(answer!) as { visitId: string; reportId: string }
  expect(Number(await h.sql.value("SELECT count(*) FROM visits WHERE note = '楼道堆放纸箱'"))).toBe(1)
  expect(await h.sql.value('SELECT report_id FROM visits WHERE id = ?', [visitId])).toBe(reportId)
  expect(Number(await h.sql.value('SELECT count(*) FROM reports'))).toBe(reports + 1)
  expect(Number(await h.sql.value('SELECT count(*) FROM messages WHERE target_id = ?', [reportId]))).toBe(1)
})

test('the grid worker and the committee log visits to one household at once → both are kept', async () => {
  const replies = await race({ location: h.location, action: 'visit.log', payload: visitInput({ note: '同时走访' }), userId: [WORKER, COMMITTEE], processes: 2, perProcess: 4 })
  expect(replies.every((r) => r.ok)).toBe(true)
  expect(Number(await h.sql.value("SELECT count(*) FROM visits WHERE note = '同时走访'"))).toBe(8)
})

test('racing marks on one household → one mark, the audit holds each', async () => {
  const replies = await race({
    location: h.location,
    action: 'visit.markFollowUp',
    payload: { householdId: H1, kind: 'watch', reason: '需关注', everyDays: 10 },
    userId: [WORKER, COMMITTEE],
    processes: 2,
    perProcess: 5,
  })
  expect(replies.every((r) => r.ok)).toBe(true)
  expect(Number(await h.sql.value('SELECT count(*) FROM household_follow_ups WHERE household_id = ?', [H1]))).toBe(1)
  expect(Number(await h.sql.value("SELECT count(*) FROM audit_log WHERE action = 'visit.markFollowUp'"))).toBe(10)
})

test('a report the store refuses (a photo not the caller’s) leaves no visit, no mark, no key: a retry can succeed', async () => {
  const before = await countRows(h.sql, VISIT_TABLES)
  const bad = hazardVisit({ raiseReport: { category: 'safety_hazard', description: '楼道堆放大量纸箱', photoIds: ['nosuchphoto'] } })
  const r = await h.call('visit.log', bad, WORKER, 'atomic-1')
  expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT')
  expect(await countRows(h.sql, VISIT_TABLES)).toEqual(before)
})

test('a report the store refuses after the use case prepared it (its key reused) rolls the visit back too', async () => {
  // report.create under the same requestId with another input first: the visit's report then finds its key taken
  await h.ok('report.create', { category: 'environment', description: '垃圾桶满了没人清运' }, WORKER, 'atomic-2')
  const before = await countRows(h.sql, VISIT_TABLES)
  const r = await h.call('visit.log', hazardVisit(), WORKER, 'atomic-2')
  expect(r.ok ? 'ok' : r.error.code).toBe('CONFLICT')
  expect(await countRows(h.sql, VISIT_TABLES)).toEqual(before)
})
