/**
 * Figures that tell the truth (issue 11): every count beside a link — the 随手拍 tab's cards, 我的, the desks —
 * is the number of rows the list it opens holds, for the same viewer. report.counts against report.list paged
 * to its end, for a resident, a 网格员 (one grid and two), the committee and the street, with reports overdue and
 * not, open and settled, at every level.
 */
import type { ReportFigures, ReportListInput, ReportListPage, ReportSummary } from '@/domain/reports'
import { OPEN_STATUSES } from '@/domain/reports/flow'
import { makeHarness, type Harness } from './support/harness'
import { makeReport, WHO } from './support/reportFixtures'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
  // the seed's reports, and more in every state: some made a month ago, so their deadlines have passed
  await makeReport(h, { status: 'submitted', overdue: true })
  await makeReport(h, { status: 'accepted', overdue: true })
  await makeReport(h, { status: 'accepted' })
  await makeReport(h, { status: 'submitted' })
  await makeReport(h, { status: 'returned' })
  await makeReport(h, { status: 'resolved' })
  await makeReport(h, { status: 'closed' })
  await makeReport(h, { status: 'submitted', gridId: 'g_jj_2', reporter: WHO.resident2 })
  await makeReport(h, { status: 'accepted', gridId: 'g_jj_3', reporter: WHO.resident2, overdue: true })
  await makeReport(h, { status: 'submitted', level: 'community', overdue: true })
  await makeReport(h, { status: 'accepted', level: 'community' })
  await makeReport(h, { status: 'submitted', level: 'street', overdue: true })
  await makeReport(h, { status: 'accepted', level: 'street' })
})
afterAll(() => h.close())

/** Every row of a list, following its cursor in small pages. */
async function listAll(payload: ReportListInput, as: string): Promise<ReportSummary[]> {
  const items: ReportSummary[] = []
  let cursor: string | null = null
  do {
    const page: ReportListPage = await h.ok<ReportListPage>('report.list', { ...payload, limit: 3, ...(cursor ? { cursor } : {}) }, as)
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return items
}

const VIEWERS = [
  ['a resident', WHO.resident],
  ['the 网格员 of 第一网格', WHO.worker],
  ['the 网格员 of 第二、三网格', WHO.worker2],
  ['the committee', WHO.committee],
  ['the street', WHO.street],
] as const

test.each(VIEWERS)('%s: 我的上报 figures are the rows of report.list { scope: "mine" }', async (_who, as) => {
  const figures = await h.ok<ReportFigures>('report.counts', {}, as)
  const mine = await listAll({ scope: 'mine' }, as)
  expect(figures.mine.total).toBe(mine.length)
  expect(figures.mine.open).toBe(mine.filter((r) => OPEN_STATUSES.includes(r.status)).length)
})

test('a resident has no queue', async () => {
  const figures = await h.ok<ReportFigures>('report.counts', {}, WHO.resident)
  expect(figures.mine.total).toBeGreaterThan(0)
  expect(figures.queue).toBeNull()
})

test.each(VIEWERS.slice(1))('%s: 待办 / 待受理 / 处理中 / 逾期 are the rows of the queue the card opens', async (_who, as) => {
  const figures = await h.ok<ReportFigures>('report.counts', {}, as)
  const queue = await listAll({ scope: 'queue' }, as)
  expect(figures.queue).toEqual({
    total: queue.length,
    submitted: queue.filter((r) => r.status === 'submitted').length,
    accepted: queue.filter((r) => r.status === 'accepted').length,
    overdue: queue.filter((r) => r.overdue).length,
  })
  // the narrowed lists hold exactly those rows
  expect((await listAll({ scope: 'queue', overdue: true }, as)).map((r) => r.id)).toEqual(queue.filter((r) => r.overdue).map((r) => r.id))
  expect((await listAll({ scope: 'queue', status: 'accepted' }, as)).map((r) => r.id)).toEqual(
    queue.filter((r) => r.status === 'accepted').map((r) => r.id),
  )
  // the data has both sides, so an overdue figure equal to the total would show
  expect(figures.queue!.total).toBeGreaterThan(figures.queue!.overdue)
  expect(figures.queue!.overdue).toBeGreaterThan(0)
})

test('问题总览: report.summary’s overdue and per-status figures are the rows of the area list with that filter', async () => {
  for (const as of [WHO.committee, WHO.street]) {
    const summary = await h.ok<{ overdue: number; total: number; byStatus: Record<string, number> }>('report.summary', {}, as)
    expect(summary.total).toBe((await listAll({ scope: 'area' }, as)).length)
    expect(summary.overdue).toBe((await listAll({ scope: 'area', overdue: true }, as)).length)
    for (const [status, n] of Object.entries(summary.byStatus)) {
      expect({ status, n: (await listAll({ scope: 'area', status: status as ReportSummary['status'] }, as)).length }).toEqual({ status, n })
    }
  }
})

test('a filter a list does not apply is refused, not ignored (a figure counted with it would lie)', async () => {
  for (const [payload, field] of [
    [{ scope: 'mine', status: 'closed' }, 'status'],
    [{ scope: 'public', overdue: true }, 'overdue'],
    [{ scope: 'queue', category: 'environment' }, 'category'],
  ] as const) {
    const r = await h.call('report.list', payload, WHO.worker)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: field }] } })
  }
})
