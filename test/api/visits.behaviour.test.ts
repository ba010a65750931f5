/**
 * 入户走访 through the dispatcher (issue 17): logging visits (with a report raised in the same transaction, a
 * vulnerable finding's mark), the lists, the household file's audit, coverage for the period and the plan, and the
 * follow-up marks. The demo seed holds 4 visits (3 in 第一网格, 1 in 第二网格) and one overdue 独居老人 mark (1栋1单元302).
 */
import type { VisitCoverage, VisitListPage, FollowUpView } from '@/domain/visits'
import type { MessagePage } from '@/domain/messages'
import type { ReportView } from '@/domain/reports'
import { makeHarness, type Harness } from './support/harness'
import { WHO } from './support/reportFixtures'
import { COMMITTEE, H1, H1B, H2, hazardVisit, VERIFIED, VISITED, visitInput, WORKER, WORKER2 } from './support/visitFixtures'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

test('a grid worker logs a visit; it heads their list and the household file, with who, when and what', async () => {
  const r = await h.ok<{ visitId: string; reportId?: string }>('visit.log', visitInput(), WORKER, 'visit-0001')
  expect(r.reportId).toBeUndefined()
  const list = await h.ok<VisitListPage>('visit.list', {}, WORKER)
  expect(list.items[0]).toMatchObject({
    id: r.visitId,
    household: { id: H1, gridId: 'g_jj_1', gridName: '第一网格', address: '1栋1单元101' },
    visitorName: '孙丽',
    visitedAt: VISITED,
    met: '户主王建华',
    finding: 'none',
    note: '家中一切正常',
    reportId: null,
  })
  expect(list.items.every((v) => v.household.gridId === 'g_jj_1')).toBe(true)
  const file = await h.ok<VisitListPage>('visit.list', { householdId: H1 }, COMMITTEE)
  expect(file.items.map((v) => v.id)).toEqual([r.visitId])
  expect(file.followUp).toBeNull()
})

test('a hazard becomes a report of the household’s grid, linked to the visit, routed and timed like any report', async () => {
  const r = await h.ok<{ visitId: string; reportId: string }>('visit.log', hazardVisit(), COMMITTEE, 'visit-hz-1')
  expect(r.reportId).toEqual(expect.any(String))
  const report = await h.ok<ReportView>('report.get', { id: r.reportId }, WORKER)
  expect(report).toMatchObject({ category: 'safety_hazard', gridId: 'g_jj_1', status: 'submitted' })
  const visit = await h.sql.get<{ report_id: string }>('SELECT report_id FROM visits WHERE id = ?', [r.visitId])
  expect(visit?.report_id).toBe(r.reportId)
  const inbox = await h.ok<MessagePage>('message.list', {}, WORKER)
  expect(inbox.items.filter((m) => m.target?.id === r.reportId).map((m) => m.title)).toEqual(['新的随手拍问题待受理'])
})

test('a retry with the same requestId is the same visit and the same report; nothing more is written', async () => {
  const first = await h.ok('visit.log', hazardVisit(), WORKER, 'visit-retry-1')
  const before = await h.counts()
  const visits = await h.sql.value('SELECT count(*) FROM visits')
  const again = await h.ok('visit.log', hazardVisit(), WORKER, 'visit-retry-1')
  expect(again).toEqual(first)
  expect(await h.counts()).toEqual(before)
  expect(await h.sql.value('SELECT count(*) FROM visits')).toEqual(visits)
  const other = await h.call('visit.log', hazardVisit({ note: '另一份记录' }), WORKER, 'visit-retry-1')
  expect(other.ok).toBe(false)
  if (!other.ok) expect(other.error.code).toBe('CONFLICT')
})

test('a vulnerable finding marks the household; an existing mark is kept', async () => {
  const followUp = { kind: 'hardship', reason: '低保户，家中有病人', everyDays: 30 }
  await h.ok('visit.log', visitInput({ householdId: H1B, finding: 'vulnerable', followUp }), WORKER)
  const file = await h.ok<VisitListPage>('visit.list', { householdId: H1B }, WORKER)
  expect(file.followUp).toMatchObject({ kind: 'hardship', reason: '低保户，家中有病人', everyDays: 30, lastVisitedAt: VISITED, overdue: false })
  await h.ok('visit.log', visitInput({ householdId: H1B, finding: 'vulnerable', followUp: { ...followUp, kind: 'watch', reason: '另一原因' } }), WORKER)
  const again = await h.ok<VisitListPage>('visit.list', { householdId: H1B }, WORKER)
  expect(again.followUp).toMatchObject({ kind: 'hardship', reason: '低保户，家中有病人' })
})

test('reading a household’s file writes an audit entry each time; the lists of a grid do not', async () => {
  const audits = () => h.sql.value<number>("SELECT count(*) FROM audit_log WHERE action = 'visit.readFile' AND target_id = ?", [H1])
  await h.ok('visit.list', {}, WORKER)
  expect(Number(await audits())).toBe(0)
  await h.ok('visit.list', { householdId: H1 }, WORKER)
  await h.ok('visit.list', { householdId: H1 }, COMMITTEE)
  expect(Number(await audits())).toBe(2)
  const who = await h.sql.all<{ actor_id: string }>("SELECT actor_id FROM audit_log WHERE action = 'visit.readFile' ORDER BY id")
  expect(who.map((a) => a.actor_id)).toEqual([WORKER, COMMITTEE])
})

test('lists page newest first by cursor, without repeats', async () => {
  for (let i = 0; i < 5; i++) {
    await h.ok('visit.log', visitInput({ visitedAt: new Date(Date.parse(VISITED) - i * 60_000).toISOString(), note: `第${i}次` }), WORKER)
  }
  const seen: string[] = []
  let cursor: string | null | undefined
  do {
    const page: VisitListPage = await h.ok<VisitListPage>('visit.list', { limit: 2, ...(cursor ? { cursor } : {}) }, WORKER)
    seen.push(...page.items.map((v) => v.visitedAt))
    cursor = page.nextCursor
  } while (cursor)
  expect(seen).toHaveLength(8) // 5 new + the seed's 3 in 第一网格
  expect([...seen].sort().reverse()).toEqual(seen)
})

test('coverage: per grid and worker for the quarter, overdue follow-ups, the not-visited list never-visited first', async () => {
  const before = await h.ok<VisitCoverage>('visit.coverage', {}, COMMITTEE)
  expect(before.period).toEqual({ months: 3, from: '2024-12-31T16:00:00.000Z', to: '2025-03-31T16:00:00.000Z' })
  expect(before.grids.map((g) => [g.gridName, g.households, g.visited, g.notVisited, g.followUps, g.followUpsOverdue])).toEqual([
    ['第一网格', 10, 3, 7, 1, 1],
    ['第二网格', 10, 1, 9, 0, 0],
    ['第三网格', 10, 0, 10, 0, 0],
  ])
  expect(before.workers).toEqual([
    { userId: WORKER, name: '孙丽', visits: 3, households: 3 },
    { userId: WORKER2, name: '周强', visits: 1, households: 1 },
  ])
  expect(before.followUpsDue.map((f) => [f.household.address, f.kind, f.overdue])).toEqual([['1栋1单元302', 'livingAlone', true]])

  await h.ok('visit.log', visitInput(), WORKER)
  const mine = await h.ok<VisitCoverage>('visit.coverage', { limit: 100 }, WORKER)
  expect(mine.grids.map((g) => [g.gridId, g.visited])).toEqual([['g_jj_1', 4]])
  expect(mine.pending.items).toHaveLength(6)
  expect(mine.pending.items.map((p) => p.household.id)).not.toContain(H1)
  expect(mine.pending.items.every((p) => p.lastVisitedAt === null)).toBe(true)
  // the overdue mark goes when its household is visited
  await h.ok('visit.log', visitInput({ householdId: 'h_jj_1_06' }), WORKER)
  expect((await h.ok<VisitCoverage>('visit.coverage', {}, WORKER)).followUpsDue).toEqual([])
})

test('a longer plan brings older visits into the period; the oldest visited come after the never visited', async () => {
  await h.ok('visit.log', visitInput({ householdId: H2, visitedAt: '2024-11-20T02:00:00.000Z' }), WORKER2)
  const q = await h.ok<VisitCoverage>('visit.coverage', { gridId: 'g_jj_2', limit: 100 }, COMMITTEE)
  const last = q.pending.items[q.pending.items.length - 1]
  expect(last).toMatchObject({ household: { id: H2 }, lastVisitedAt: '2024-11-20T02:00:00.000Z' })
  expect(q.pending.items.slice(0, -1).every((p) => p.lastVisitedAt === null)).toBe(true)
  expect(await h.ok('visit.setPlan', { months: 6 }, COMMITTEE)).toEqual({ months: 6 })
  const half = await h.ok<VisitCoverage>('visit.coverage', { gridId: 'g_jj_2' }, COMMITTEE)
  expect(half.period).toEqual({ months: 6, from: '2024-12-31T16:00:00.000Z', to: '2025-06-30T16:00:00.000Z' })
  expect(await h.ok('visit.setPlan', { months: 12 }, COMMITTEE)).toEqual({ months: 12 })
  const year = await h.ok<VisitCoverage>('visit.coverage', { gridId: 'g_jj_2' }, COMMITTEE)
  expect(year.pending.items.map((p) => p.household.id)).toContain(H2)
  const audit = await h.sql.all<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'visit.setPlan' ORDER BY id")
  expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ months: 6 }, { months: 12 }])
})

test('the not-visited list pages by cursor through every household once', async () => {
  const ids: string[] = []
  let cursor: string | null | undefined
  do {
    const page: VisitCoverage = await h.ok<VisitCoverage>('visit.coverage', { limit: 4, ...(cursor ? { cursor } : {}) }, COMMITTEE)
    ids.push(...page.pending.items.map((p) => p.household.id))
    cursor = page.pending.nextCursor
  } while (cursor)
  expect(ids).toHaveLength(26)
  expect(new Set(ids).size).toBe(26)
})

test('marks: set, replaced, cleared, each audited; the reason reaches staff only', async () => {
  const mark = await h.ok<FollowUpView>('visit.markFollowUp', { householdId: H1, kind: 'watch', reason: '近期家庭矛盾', everyDays: 7 }, WORKER)
  expect(mark).toMatchObject({ householdId: H1, kind: 'watch', reason: '近期家庭矛盾', everyDays: 7, lastVisitedAt: null, overdue: false })
  const again = await h.ok<FollowUpView>('visit.markFollowUp', { householdId: H1, kind: 'livingAlone', reason: '独居', everyDays: 14 }, COMMITTEE)
  expect(again).toMatchObject({ kind: 'livingAlone', everyDays: 14 })
  expect(await h.ok('visit.clearFollowUp', { householdId: H1 }, WORKER)).toEqual({ cleared: true })
  expect(await h.ok('visit.clearFollowUp', { householdId: H1 }, WORKER)).toEqual({ cleared: false })
  const actions = await h.sql.all<{ action: string }>("SELECT action FROM audit_log WHERE target_id = ? ORDER BY id", [H1])
  expect(actions.map((a) => a.action)).toEqual(['visit.markFollowUp', 'visit.markFollowUp', 'visit.clearFollowUp'])
  // nothing of the visits or marks in what a resident of the household reads about it
  const me = JSON.stringify(await h.ok('me.get', {}, VERIFIED))
  expect(me).not.toContain('近期家庭矛盾')
})

test('the street reads a household’s file with the 户主 name masked; the grid’s worker and committee in full', async () => {
  await h.ok('visit.log', visitInput(), WORKER)
  const name = (p: VisitListPage) => p.items[0]?.household.headName
  expect(name(await h.ok<VisitListPage>('visit.list', { householdId: H1 }, WORKER))).toBe('王建华')
  expect(name(await h.ok<VisitListPage>('visit.list', { householdId: H1 }, COMMITTEE))).toBe('王建华')
  const street = name(await h.ok<VisitListPage>('visit.list', { householdId: H1 }, 'u_street'))
  expect(street).not.toBe('王建华')
  expect(street).toMatch(/^王/)
})

test('a report a 网格员 raised on a visit names them as the official they are, to neighbours too (not 居民 孙*)', async () => {
  const out = await h.ok<{ visitId: string; reportId?: string }>(
    'visit.log',
    {
      householdId: 'h_jj_1_01',
      visitedAt: '2025-03-01T01:00:00.000Z',
      met: '户主',
      finding: 'hazard',
      note: '门前井盖缺失',
      raiseReport: { category: 'facility', description: '1栋门前人行道的井盖缺失，夜里容易踩空' },
    },
    WHO.worker,
  )
  const seen = await h.ok<ReportView>('report.get', { id: out.reportId! }, WHO.volunteer)
  expect(seen.reporterName).toBe('网格员 孙丽')
  expect(seen.timeline[0]!.actor).toBe('网格员 孙丽')
})
