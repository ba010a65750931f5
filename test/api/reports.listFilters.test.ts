/**
 * The report lists give the same rows whichever SQL shape the filters build (issue 4, the fast area list):
 * a few hundred generated reports, every combination of the area filters (status × grid × category ×
 * overdue) for each community and the street, plus the public and queue lists, paged with the keyset cursor
 * and compared with a plain filter of all rows in the test (same ids, same order, nothing skipped or repeated).
 */
import { REPORT_CATEGORIES, REPORT_STATUSES, type ReportCategory, type ReportListPage, type ReportStatus } from '@/domain/reports'
import type { ReportCursor, ReportListQuery } from '../../cloud/reports/ports'
import { makeHarness, NOW, type Harness } from './support/harness'
import { WHO } from './support/reportFixtures'
import type { TestSql } from './support/sql'

interface Row {
  seq: number
  id: string
  community_id: string
  street_id: string
  grid_id: string
  reporter_id: string
  category: ReportCategory
  status: ReportStatus
  level: 'grid' | 'community' | 'street'
  visibility: 'public' | 'private'
  moderation: 'clean' | 'review'
  due_at: string | null
}

const GENERATED = 320
const PAGE = 7

/** mulberry32: the same reports every run */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let h: Harness
let all: Row[]
let grids: { id: string; community_id: string }[]
let streetId: string
const communities = ['c_jinjiang', 'c_linjiang']
const hour = (n: number) => new Date(Date.parse(NOW) + n * 3600_000).toISOString()

beforeAll(async () => {
  h = await makeHarness()
  const db = h.sql
  grids = await db.all<{ id: string; community_id: string }>('SELECT id, community_id FROM grids ORDER BY id')
  streetId = ((await db.value('SELECT street_id FROM communities WHERE id = ?', ['c_jinjiang'])) as string) ?? ''
  expect(grids.map((g) => g.community_id).sort()).toEqual(expect.arrayContaining(communities))
  const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T
  const r = random(4)
  const insert = (tx: TestSql, v: Record<string, string | null>) =>
    tx.run(
      `INSERT INTO reports (id, community_id, street_id, grid_id, reporter_id, category, description, anonymous, visibility,
         moderation, status, level, max_level, accept_by, resolve_by, due_at, resolved_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '生成的随手拍问题', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        v.id, v.community, v.street, v.grid, v.reporter, v.category, 0, v.visibility, v.moderation, v.status,
        v.level, v.level, v.acceptBy, v.resolveBy, v.dueAt, v.resolvedAt, v.createdAt, v.createdAt,
      ],
    )
  await db.tx(async (tx) => {
    for (let i = 0; i < GENERATED; i++) {
      // a few statuses and categories rare on purpose, so that some filters match one or no report
      const drawn = r() < 0.04 ? 'rejected' : pick(r, REPORT_STATUSES.filter((s) => s !== 'rejected'))
      const status = i === 7 ? 'submitted' : drawn
      const category = r() < 0.05 ? 'public_security' : pick(r, REPORT_CATEGORIES.filter((c) => c !== 'public_security'))
      const grid = pick(r, grids)
      const open = status === 'submitted' || status === 'accepted'
      // running deadlines on either side of NOW (overdue or not); one exactly at NOW (not overdue: strictly before)
      const dueAt = !open ? null : i === 7 ? NOW : hour(Math.floor(r() * 200) - 100)
      await insert(tx, {
        id: `gen_${String(i).padStart(3, '0')}`,
        community: grid.community_id,
        street: streetId,
        grid: grid.id,
        reporter: pick(r, [WHO.resident, WHO.resident2, WHO.residentOther]),
        category,
        visibility: r() < 0.7 ? 'public' : 'private',
        moderation: r() < 0.9 ? 'clean' : 'review',
        status,
        level: pick(r, ['grid', 'grid', 'grid', 'community', 'street']),
        acceptBy: hour(24),
        resolveBy: hour(120),
        dueAt,
        resolvedAt: status === 'resolved' ? NOW : null,
        createdAt: hour(-i),
      })
    }
  })
  all = await db.all<Row>('SELECT * FROM reports')
  expect(all.length).toBeGreaterThanOrEqual(GENERATED)
})
afterAll(() => h.close())

const newest = (rows: Row[]) => [...rows].sort((a, b) => b.seq - a.seq)
const byDue = (rows: Row[]) =>
  [...rows].sort((a, b) => (a.due_at! < b.due_at! ? -1 : a.due_at! > b.due_at! ? 1 : a.seq - b.seq))

/** Every page of a store list, following the keyset cursor as report.list does. */
async function pages(q: ReportListQuery, due: boolean): Promise<string[]> {
  const ids: string[] = []
  let after: ReportCursor | null = null
  for (let n = 0; n < 200; n++) {
    const rows = await h.store.reports.list(q, { limit: PAGE + 1, after })
    const page = rows.slice(0, PAGE)
    ids.push(...page.map((x) => x.id))
    const last = page[page.length - 1]
    if (rows.length <= PAGE || !last) return ids
    after = due ? { dueAt: last.dueAt ?? '', seq: last.seq } : { seq: last.seq }
  }
  throw new Error('the list never ends')
}

describe('area lists: every combination of filters gives the rows of a plain filter, in order, across pages', () => {
  const statuses = [undefined, ...REPORT_STATUSES]
  const categories = [undefined, ...REPORT_CATEGORIES]
  const overdues = [undefined, NOW, '2000-01-01T00:00:00.000Z']

  test.each([
    ...communities.map((c) => ({ name: c, area: { communityId: c } })),
    { name: 'street', area: { streetId: 'street' } },
  ])('$name', async ({ area }) => {
    const inArea = (x: Row) =>
      'communityId' in area ? x.community_id === area.communityId : x.street_id === streetId
    const scope = 'communityId' in area ? area : { streetId }
    // the area's grids, another community's grid (matches nothing in a community) and none
    const gridIds = [undefined, ...grids.map((g) => g.id)]
    let combos = 0
    let empty = 0
    let rare = 0
    for (const status of statuses)
      for (const gridId of gridIds)
        for (const category of categories)
          for (const overdueAt of overdues) {
            const q: ReportListQuery = {
              kind: 'area',
              ...scope,
              ...(status ? { status } : {}),
              ...(gridId ? { gridId } : {}),
              ...(category ? { category } : {}),
              ...(overdueAt ? { overdueAt } : {}),
            }
            const expected = newest(
              all.filter(
                (x) =>
                  inArea(x) &&
                  (!status || x.status === status) &&
                  (!gridId || x.grid_id === gridId) &&
                  (!category || x.category === category) &&
                  (!overdueAt || (x.due_at !== null && x.due_at < overdueAt)),
              ),
            ).map((x) => x.id)
            const got = await pages(q, false)
            if (got.join() !== expected.join()) expect({ q, got }).toEqual({ q, got: expected })
            combos++
            if (expected.length === 0) empty++
            else if (expected.length <= 2) rare++
          }
    // the generated data covers the interesting cases: empty, rare and multi-page results
    expect(combos).toBe(statuses.length * gridIds.length * categories.length * overdues.length)
    expect(empty).toBeGreaterThan(100)
    expect(rare).toBeGreaterThan(20)
  })

  test('the no-filter list of a community spans many pages and holds every report of it once', async () => {
    const got = await pages({ kind: 'area', communityId: 'c_jinjiang' }, false)
    expect(got.length).toBeGreaterThan(PAGE * 10)
    expect(new Set(got).size).toBe(got.length)
    expect(got).toEqual(newest(all.filter((x) => x.community_id === 'c_jinjiang')).map((x) => x.id))
  })
})

test('public lists: each community, with and without each category', async () => {
  for (const communityId of communities)
    for (const category of [undefined, ...REPORT_CATEGORIES]) {
      const expected = newest(
        all.filter(
          (x) =>
            x.community_id === communityId &&
            x.visibility === 'public' &&
            x.moderation === 'clean' &&
            x.status !== 'withdrawn' &&
            x.status !== 'rejected' &&
            (!category || x.category === category),
        ),
      ).map((x) => x.id)
      expect(await pages({ kind: 'public', communityId, ...(category ? { category } : {}) }, false)).toEqual(expected)
    }
})

test('mine: each reporter’s reports newest first', async () => {
  for (const reporterId of [WHO.resident, WHO.resident2, WHO.residentOther]) {
    const expected = newest(all.filter((x) => x.reporter_id === reporterId)).map((x) => x.id)
    expect(expected.length).toBeGreaterThan(PAGE)
    expect(await pages({ kind: 'mine', reporterId }, false)).toEqual(expected)
  }
})

test('queues: grid (one and several grids), community and street level, with and without a grid, by deadline', async () => {
  const running = all.filter((x) => x.due_at !== null)
  const queues: [ReportListQuery, Row[]][] = []
  for (const g of grids) {
    queues.push([{ kind: 'queue', level: 'grid', gridIds: [g.id] }, running.filter((x) => x.level === 'grid' && x.grid_id === g.id)])
  }
  const several = grids.slice(0, 3).map((g) => g.id)
  queues.push([
    { kind: 'queue', level: 'grid', gridIds: several },
    running.filter((x) => x.level === 'grid' && several.includes(x.grid_id)),
  ])
  for (const gridId of [undefined, ...grids.map((g) => g.id)]) {
    for (const communityId of communities) {
      queues.push([
        { kind: 'queue', level: 'community', communityId, ...(gridId ? { gridId } : {}) },
        running.filter((x) => x.level === 'community' && x.community_id === communityId && (!gridId || x.grid_id === gridId)),
      ])
    }
    queues.push([
      { kind: 'queue', level: 'street', streetId, ...(gridId ? { gridId } : {}) },
      running.filter((x) => x.level === 'street' && x.street_id === streetId && (!gridId || x.grid_id === gridId)),
    ])
  }
  expect(queues.some(([, rows]) => rows.length > PAGE * 2)).toBe(true)
  for (const [q, rows] of queues) expect({ q, ids: await pages(q, true) }).toEqual({ q, ids: byDue(rows).map((x) => x.id) })
})

test('report.list { scope: "area" } over the API: a committee’s and the street’s filtered pages follow the same rows', async () => {
  const cases: [string, Record<string, unknown>, (x: Row) => boolean][] = [
    [WHO.committee, { status: 'submitted', overdue: true }, (x) => x.community_id === 'c_jinjiang' && x.status === 'submitted' && x.due_at !== null && x.due_at < NOW],
    [WHO.committee, { category: 'public_security' }, (x) => x.community_id === 'c_jinjiang' && x.category === 'public_security'],
    [WHO.street, { status: 'rejected' }, (x) => x.street_id === streetId && x.status === 'rejected'],
    [WHO.street, { overdue: true }, (x) => x.street_id === streetId && x.due_at !== null && x.due_at < NOW],
    [WHO.street, { gridId: grids[0]!.id, category: 'environment' }, (x) => x.grid_id === grids[0]!.id && x.category === 'environment'],
  ]
  for (const [as, filters, keep] of cases) {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const page: ReportListPage = await h.ok<ReportListPage>(
        'report.list',
        { scope: 'area', limit: 5, ...filters, ...(cursor ? { cursor } : {}) },
        as,
      )
      ids.push(...page.items.map((x) => x.id))
      cursor = page.nextCursor
    } while (cursor)
    const expected = newest(all.filter(keep)).map((x) => x.id)
    expect(expected.length).toBeGreaterThan(0)
    expect({ filters, ids }).toEqual({ filters, ids: expected })
  }
})
