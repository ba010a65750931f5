/**
 * overview.get's trend split (per bucket by category and by sub-area) and hour bins (to accept, to resolve), through
 * the dispatcher on the seeded demo plus reports written here: period edges, an empty bucket, a category with no
 * reports, bin edges to the second. The reference is plain JS over the report rows read back.
 */
import { HOUR_BINS, type Overview, type OverviewBucket } from '@/domain/overview'
import { REPORT_CATEGORIES } from '@/domain/reports'
import type { NewReport } from '../../cloud/reports/ports'
import { makeHarness, type Harness } from './support/harness'
import { COMMITTEE, STREET } from './support/demoUsers'

const H = 3600_000
const S = 1000

interface Row {
  id: string
  community_id: string
  street_id: string
  grid_id: string
  category: string
  created_at: string
  accepted_at: string | null
  resolved_at: string | null
}

let h: Harness
let rows: Row[]
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null))
const after = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString()

async function add(id: string, createdAt: string, p: Partial<NewReport>, set: Record<string, unknown>): Promise<void> {
  const place = p.gridId?.startsWith('g_lj') ? { communityId: 'c_linjiang' } : { communityId: 'c_jinjiang' }
  await h.store.reports.create(
    {
      id, ...place, streetId: 'st_zhenxing', districtId: 'd_binjiang', cityId: 'ct_jiangcheng', gridId: 'g_jj_1', reporterId: 'u_resident_jj1',
      category: 'environment', description: `报事 ${id}`, latitude: null, longitude: null, address: null, coordSource: null, anonymous: false,
      visibility: 'private', moderation: 'clean', assigneeId: null, acceptBy: after(createdAt, 8 * H), resolveBy: after(createdAt, 72 * H), createdAt, ...p,
    },
    [], [], null,
  )
  const cols = Object.keys(set)
  if (cols.length) await h.sql.run(`UPDATE reports SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...cols.map((c) => set[c]), id])
}

beforeAll(async () => {
  h = await makeHarness()
  const y1 = '2025-01-31T16:00:00.000Z' // 02-01 00:00 in China: the period's first instant
  await add('y1', y1, { category: 'facility' }, { status: 'closed', accepted_at: after(y1, 4 * H), resolved_at: after(y1, 168 * H) })
  const y2 = '2025-01-31T15:59:59.999Z' // a millisecond before: out of the period
  await add('y2', y2, { gridId: 'g_jj_2' }, { status: 'closed', accepted_at: after(y2, H), resolved_at: after(y2, 2 * H) })
  const y3 = '2025-02-03T02:00:00.000Z'
  await add('y3', y3, { gridId: 'g_jj_2', category: 'dispute' }, { status: 'closed', accepted_at: after(y3, 4 * H - S), resolved_at: after(y3, 168 * H - S) })
  const y4 = '2025-02-04T02:00:00.000Z'
  await add('y4', y4, {}, { status: 'closed', accepted_at: after(y4, 8 * H), resolved_at: after(y4, 24 * H) })
  const y5 = '2025-02-05T02:00:00.000Z'
  await add('y5', y5, { gridId: 'g_lj_1' }, { status: 'closed', accepted_at: after(y5, 30 * H), resolved_at: after(y5, 72 * H) })
  const y6 = '2025-02-26T02:00:00.000Z'
  await add('y6', y6, { category: 'dispute' }, { status: 'accepted', accepted_at: after(y6, 23 * H) })
  await add('y7', '2025-02-28T15:59:59.999Z', { gridId: 'g_jj_3' }, {}) // the period's last millisecond, not accepted
  rows = (await h.sql.all<Row>('SELECT id, community_id, street_id, grid_id, category, created_at, accepted_at, resolved_at FROM reports')).map((r) => ({
    ...r,
    created_at: iso(r.created_at)!,
    accepted_at: iso(r.accepted_at),
    resolved_at: iso(r.resolved_at),
  }))
})
afterAll(() => h.close())

// ---------- the reference ----------

const t = (s: string) => Date.parse(s)
const nextDay = (d: string) => new Date(t(`${d}T00:00:00Z`) + 24 * H).toISOString().slice(0, 10)
const chinaDayOf = (s: string) => new Date(t(s) + 8 * H).toISOString().slice(0, 10)
function bucketKey(day: string, bucket: OverviewBucket): string {
  if (bucket === 'month') return day.slice(0, 7)
  if (bucket === 'day') return day
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}
const LIMITS = [4, 8, 24, 72, 168]

function reference(inArea: (r: Row) => boolean, unitOf: (r: Row) => string, units: string[], from: string, to: string, bucket: OverviewBucket) {
  const start = t(`${from}T00:00:00+08:00`)
  const end = t(`${to}T00:00:00+08:00`) + 24 * H
  const period = rows.filter((r) => inArea(r) && t(r.created_at) >= start && t(r.created_at) < end)
  const keys: string[] = []
  for (let d = from; d <= to; d = nextDay(d)) if (keys[keys.length - 1] !== bucketKey(d, bucket)) keys.push(bucketKey(d, bucket))
  const inBucket = (key: string) => period.filter((r) => bucketKey(chinaDayOf(r.created_at), bucket) === key)
  const categories = REPORT_CATEGORIES.filter((c) => period.some((r) => r.category === c))
  const binsOf = (col: 'accepted_at' | 'resolved_at') => {
    const hours = period.filter((r) => r[col]).map((r) => (t(r[col]!) - t(r.created_at)) / H)
    return HOUR_BINS.map((b, i) => ({ bin: b.key, n: hours.filter((x) => (i === 0 || x >= LIMITS[i - 1]!) && (i === LIMITS.length || x < LIMITS[i]!)).length }))
  }
  return {
    trendSplit: {
      byCategory: keys.flatMap((key) => categories.map((category) => ({ key, category, n: inBucket(key).filter((r) => r.category === category).length }))),
      bySubArea: keys.flatMap((key) => units.map((id) => ({ key, id, n: inBucket(key).filter((r) => unitOf(r) === id).length }))),
    },
    speedBins: { accept: binsOf('accepted_at'), resolve: binsOf('resolved_at') },
  }
}

const JJ = ['g_jj_1', 'g_jj_2', 'g_jj_3']

test('the committee’s February by week: the split and the bins equal the rows counted here', async () => {
  const o = await h.ok<Overview>('overview.get', { from: '2025-02-01', to: '2025-02-28', bucket: 'week' }, COMMITTEE)
  const ref = reference((r) => r.community_id === 'c_jinjiang', (r) => r.grid_id, JJ, '2025-02-01', '2025-02-28', 'week')
  expect(o.trendSplit).toEqual(ref.trendSplit)
  expect(o.speedBins).toEqual(ref.speedBins)
  // every bucket's split adds up to its total, and the split by sub-area too
  for (const b of o.trends.byBucket) {
    expect(o.trendSplit.byCategory.filter((x) => x.key === b.key).reduce((n, x) => n + x.n, 0)).toBe(b.n)
    expect(o.trendSplit.bySubArea.filter((x) => x.key === b.key).reduce((n, x) => n + x.n, 0)).toBe(b.n)
  }
  // the edges: y1 (02-01 00:00 China) counts in the first week, y2 (a millisecond before) does not; y7 (the last millisecond) does
  expect(o.trendSplit.byCategory.find((x) => x.key === '2025-01-27' && x.category === 'facility')?.n).toBe(1)
  expect(o.trendSplit.bySubArea.find((x) => x.key === '2025-01-27' && x.id === 'g_jj_2')?.n).toBe(0)
  expect(o.trendSplit.bySubArea.find((x) => x.key === '2025-02-24' && x.id === 'g_jj_3')?.n).toBeGreaterThanOrEqual(1)
  // a category with no report in the period is not listed; an empty bucket lists zeros
  expect(o.trendSplit.byCategory.some((x) => x.category === 'public_security')).toBe(false)
  expect(ref.trendSplit.byCategory.some((x) => x.category === 'public_security')).toBe(false)
  const empty = o.trends.byBucket.find((b) => b.n === 0)
  expect(empty).toBeDefined()
  expect(o.trendSplit.byCategory.filter((x) => x.key === empty!.key).every((x) => x.n === 0)).toBe(true)
  // the bin edges to the second: exactly 4 h is 4–8 小时, a second less is 4 小时内; exactly 168 h is 7 天以上
  const accept = Object.fromEntries(o.speedBins.accept.map((b) => [b.bin, b.n]))
  const resolve = Object.fromEntries(o.speedBins.resolve.map((b) => [b.bin, b.n]))
  expect(accept.h4).toBeGreaterThanOrEqual(1)
  expect(accept.h8).toBeGreaterThanOrEqual(1)
  expect(resolve.more).toBeGreaterThanOrEqual(1)
  expect(resolve.d7).toBeGreaterThanOrEqual(1)
  expect(o.speedBins.accept.reduce((n, b) => n + b.n, 0)).toBe(o.speed.accept.n)
  expect(o.speedBins.resolve.reduce((n, b) => n + b.n, 0)).toBe(o.speed.resolve.n)
})

test('the street by community, by day and by month (partial months at both ends)', async () => {
  const inStreet = (r: Row) => r.street_id === 'st_zhenxing'
  const communities = ['c_jinjiang', 'c_linjiang']
  const byDay = await h.ok<Overview>('overview.get', { from: '2025-02-01', to: '2025-03-01', bucket: 'day' }, STREET)
  expect(byDay).toMatchObject(reference(inStreet, (r) => r.community_id, communities, '2025-02-01', '2025-03-01', 'day'))
  const byMonth = await h.ok<Overview>('overview.get', { from: '2025-01-15', to: '2025-03-01', bucket: 'month' }, STREET)
  const ref = reference(inStreet, (r) => r.community_id, communities, '2025-01-15', '2025-03-01', 'month')
  expect(byMonth.trendSplit).toEqual(ref.trendSplit)
  expect(byMonth.speedBins).toEqual(ref.speedBins)
  expect(byMonth.trendSplit.bySubArea.map((x) => x.key)).toEqual(['2025-01', '2025-01', '2025-02', '2025-02', '2025-03', '2025-03'])
  expect(byMonth.trendSplit.bySubArea.find((x) => x.key === '2025-02' && x.id === 'c_linjiang')!.n).toBeGreaterThanOrEqual(1)
})

test('scope unchanged: a grid worker’s split holds their grids only; the committee never counts 临江村', async () => {
  const o = await h.ok<Overview>('overview.get', { from: '2025-02-01', to: '2025-02-28', bucket: 'month' }, 'u_worker_jj2')
  const ref = reference((r) => ['g_jj_2', 'g_jj_3'].includes(r.grid_id), (r) => r.grid_id, ['g_jj_2', 'g_jj_3'], '2025-02-01', '2025-02-28', 'month')
  expect(o.trendSplit).toEqual(ref.trendSplit)
  expect(o.speedBins).toEqual(ref.speedBins)
  const c = await h.ok<Overview>('overview.get', { from: '2025-02-01', to: '2025-02-28', bucket: 'month' }, COMMITTEE)
  expect(c.trendSplit.bySubArea.every((x) => x.id.startsWith('g_jj_'))).toBe(true)
  expect(c.speedBins.accept.reduce((n, b) => n + b.n, 0)).toBe(rows.filter((r) => r.community_id === 'c_jinjiang' && r.accepted_at && r.created_at >= '2025-01-31T16:00:00.000Z' && r.created_at < '2025-02-28T16:00:00.000Z').length)
})
