/**
 * overview.map through the dispatcher on the seeded demo plus rows written here: every grid's figures, the points
 * and today's shifts equal what this file computes in plain JS from the rows it reads back; above 300 points the
 * reply clusters them (counts per cell as computed here).
 */
import { POINT_CAP, type OverviewMap } from '@/domain/overview'
import { DEMO_GRID_CENTRES } from '../../cloud/seed/demoData'
import type { NewReport } from '../../cloud/reports/ports'
import { makeHarness, NOW, type Harness } from './support/harness'
import { COMMITTEE, STREET } from './support/demoUsers'

const H = 3600_000
const FEB = { from: '2025-02-01', to: '2025-02-28' }
const START = Date.parse('2025-02-01T00:00:00+08:00')
const END = Date.parse('2025-03-01T00:00:00+08:00')
const t = (s: string) => Date.parse(s)
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null))

interface Row {
  id: string
  community_id: string
  grid_id: string
  category: string
  status: string
  latitude: number | null
  longitude: number | null
  created_at: string
  due_at: string | null
}

let h: Harness
let seq = 0

async function add(createdAt: string, p: Partial<NewReport>, status: string, dueAt: string | null): Promise<string> {
  const id = `mx_${++seq}`
  await h.store.reports.create(
    {
      id, communityId: 'c_jinjiang', streetId: 'st_zhenxing', districtId: 'd_binjiang', cityId: 'ct_jiangcheng', gridId: 'g_jj_1', reporterId: 'u_resident_jj1',
      category: 'environment', description: `报事 ${id}`, latitude: null, longitude: null, address: null, coordSource: null, anonymous: false,
      visibility: 'private', moderation: 'clean', assigneeId: null, acceptBy: new Date(t(createdAt) + 8 * H).toISOString(),
      resolveBy: new Date(t(createdAt) + 72 * H).toISOString(), createdAt, ...p,
    },
    [], [], null,
  )
  await h.sql.run('UPDATE reports SET status = ?, due_at = ? WHERE id = ?', [status, dueAt, id])
  return id
}

async function reportRows(): Promise<Row[]> {
  return (await h.sql.all<Row>('SELECT id, community_id, grid_id, category, status, latitude, longitude, created_at, due_at FROM reports')).map((r) => ({
    ...r,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    created_at: iso(r.created_at)!,
    due_at: iso(r.due_at),
  }))
}

const at = (g: string, dLat = 0, dLng = 0) => ({ latitude: DEMO_GRID_CENTRES[g].latitude + dLat, longitude: DEMO_GRID_CENTRES[g].longitude + dLng, coordSource: 'gcj02' as const })
const OPEN = ['submitted', 'returned', 'accepted']
const inPeriod = (r: Row) => t(r.created_at) >= START && t(r.created_at) < END
const isPoint = (r: Row) => OPEN.includes(r.status) && r.latitude !== null && r.longitude !== null && inPeriod(r)
const overdue = (r: Row) => r.due_at !== null && t(r.due_at) < t(NOW)

beforeAll(async () => {
  h = await makeHarness()
  const overdueAt = new Date(t(NOW) - 2 * H).toISOString()
  const later = new Date(t(NOW) + 48 * H).toISOString()
  // points: open located reports of February, private and public, overdue or not; and what is not a point
  await add('2025-02-03T02:00:00.000Z', { ...at('g_jj_1', 0.0004) }, 'submitted', overdueAt)
  await add('2025-02-10T02:00:00.000Z', { gridId: 'g_jj_2', ...at('g_jj_2'), visibility: 'public' }, 'accepted', later)
  await add('2025-01-31T16:00:00.000Z', { gridId: 'g_jj_3', ...at('g_jj_3') }, 'submitted', overdueAt) // 02-01 00:00 China: in
  await add('2025-01-31T15:59:59.999Z', { ...at('g_jj_1') }, 'accepted', overdueAt) // a millisecond before: open, not a point
  await add('2025-02-12T02:00:00.000Z', { ...at('g_jj_1') }, 'closed', null)
  await add('2025-02-13T02:00:00.000Z', {}, 'submitted', later) // no location
  await add('2025-02-14T02:00:00.000Z', { communityId: 'c_linjiang', gridId: 'g_lj_1', ...at('g_lj_1') }, 'submitted', overdueAt)
  // today's shifts (NOW is 03-01 10:00 in China): one in 第二网格's boundary, one cancelled, one tomorrow
  const shift = (id: string, start: string, status: string, g: string) =>
    h.sql.run(
      `INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, status, cancel_reason, cancelled_at, created_by, created_at)
       VALUES (?, 'c_jinjiang', '晚间巡逻', ?, ?, 300, ?, ?, 4, ?, ?, ?, 'u_committee_jj', ?)`,
      [id, DEMO_GRID_CENTRES[g].latitude, DEMO_GRID_CENTRES[g].longitude, start, new Date(t(start) + 2 * H).toISOString(), status,
        status === 'cancelled' ? '下雨' : null, status === 'cancelled' ? start : null, NOW],
    )
  await shift('sh_map_today', '2025-03-01T11:00:00.000Z', 'scheduled', 'g_jj_2')
  await shift('sh_map_cancelled', '2025-03-01T12:00:00.000Z', 'cancelled', 'g_jj_2')
  await shift('sh_map_tomorrow', '2025-03-01T16:00:00.000Z', 'scheduled', 'g_jj_2')
  await h.sql.run(`INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at) VALUES ('ss_map_1', 'sh_map_today', 'u_volunteer_jj1', 'confirmed', ?, ?)`, [NOW, NOW])
})
afterAll(() => h.close())

/** Whether a point lies in a ring: the sum of the angles the ring's edges subtend (winding number), not the app's ray cast. */
function inside(lat: number, lng: number, ring: [number, number][]): boolean {
  let sum = 0
  for (let i = 0; i < ring.length; i++) {
    const [a, b] = [ring[i], ring[(i + 1) % ring.length]]
    let d = Math.atan2(b[0] - lat, b[1] - lng) - Math.atan2(a[0] - lat, a[1] - lng)
    while (d > Math.PI) d -= 2 * Math.PI
    while (d < -Math.PI) d += 2 * Math.PI
    sum += d
  }
  return Math.abs(sum) > Math.PI
}

test('a committee’s map: each grid’s figures and boundary, the points and today’s shifts equal the rows', async () => {
  const m = await h.ok<OverviewMap>('overview.map', FEB, COMMITTEE)
  const todays = (await h.sql.all<{ id: string; latitude: number; longitude: number }>(
    `SELECT id, latitude, longitude FROM shifts WHERE community_id = 'c_jinjiang' AND status = 'scheduled' AND start_at >= ? AND start_at < ? ORDER BY start_at, id`,
    ['2025-02-28T16:00:00.000Z', '2025-03-01T16:00:00.000Z'],
  ))
  const rows = (await reportRows()).filter((r) => r.community_id === 'c_jinjiang')
  const grids = await h.sql.all<{ id: string; name: string; boundary: string | null }>(`SELECT id, name, boundary FROM grids WHERE community_id = 'c_jinjiang' ORDER BY seq`)
  expect(m.area).toEqual({ kind: 'community', id: 'c_jinjiang', name: '锦江社区' })
  expect([m.from, m.to, m.today]).toEqual(['2025-02-01', '2025-02-28', '2025-03-01'])
  expect(m.grids).toEqual(
    grids.map((g) => {
      const mine = rows.filter((r) => r.grid_id === g.id)
      return {
        id: g.id,
        name: g.name,
        boundary: g.boundary ? JSON.parse(g.boundary) : null,
        open: mine.filter((r) => OPEN.includes(r.status)).length,
        overdue: mine.filter(overdue).length,
        reports: mine.filter(inPeriod).length,
        patrolsToday: g.boundary ? todays.filter((x) => inside(Number(x.latitude), Number(x.longitude), JSON.parse(g.boundary!))).length : 0,
      }
    }),
  )
  expect(m.grids.every((g) => g.boundary !== null)).toBe(true)
  const points = rows.filter(isPoint).sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? -1 : 1))
  expect(points.length).toBeGreaterThanOrEqual(3)
  expect(m.points).toEqual({
    total: points.length,
    clustered: false,
    cellDegrees: null,
    clusters: [],
    items: points.map((r) => ({ id: r.id, category: r.category, gridId: r.grid_id, latitude: r.latitude, longitude: r.longitude, overdue: overdue(r) })),
  })
  expect(m.shifts.map((x) => x.id)).toEqual(todays.map((x) => x.id))
  expect(m.grids.find((g) => g.id === 'g_jj_2')!.patrolsToday).toBeGreaterThanOrEqual(1)
  expect(m.shifts.find((s) => s.id === 'sh_map_today')).toMatchObject({ title: '晚间巡逻', communityName: '锦江社区', capacity: 4, filled: 1, startAt: '2025-03-01T11:00:00.000Z' })
})

test('a street’s map holds both communities’ grids and points; 临江村’s report is not the committee’s', async () => {
  const street = await h.ok<OverviewMap>('overview.map', FEB, STREET)
  const rows = (await reportRows()).filter((r) => ['c_jinjiang', 'c_linjiang'].includes(r.community_id))
  expect(street.points.total).toBe(rows.filter(isPoint).length)
  expect(street.points.items.some((p) => p.gridId === 'g_lj_1')).toBe(true)
  const committee = await h.ok<OverviewMap>('overview.map', FEB, COMMITTEE)
  expect(committee.points.items.some((p) => p.gridId === 'g_lj_1')).toBe(false)
})

test(`above ${POINT_CAP} points the reply clusters them: count and mean per cell as computed here`, async () => {
  for (let i = 0; i < POINT_CAP + 20; i++) {
    const g = ['g_jj_1', 'g_jj_2', 'g_jj_3'][i % 3]
    await add(new Date(START + (i + 1) * 60_000).toISOString(), { gridId: g, ...at(g, (i % 7) * 0.0003, (i % 5) * 0.0003) }, 'submitted', null)
  }
  const m = await h.ok<OverviewMap>('overview.map', FEB, COMMITTEE)
  const points = (await reportRows()).filter((r) => r.community_id === 'c_jinjiang' && isPoint(r))
  expect(points.length).toBeGreaterThan(POINT_CAP)
  const lats = points.map((p) => p.latitude!)
  const lngs = points.map((p) => p.longitude!)
  const span = Math.max(Math.max(...lats) - Math.min(...lats), Math.max(...lngs) - Math.min(...lngs))
  // the cell: the smallest step of 0.001 … 30° with at most 16 cells across the larger side
  const cell = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30].find((c) => c >= span / 16)!
  const cells = new Map<string, { n: number; lat: number; lng: number; overdue: number }>()
  for (const p of points) {
    const k = `${Math.floor((p.latitude! + 90) / cell)}|${Math.floor((p.longitude! + 180) / cell)}`
    const c = cells.get(k) ?? { n: 0, lat: 0, lng: 0, overdue: 0 }
    cells.set(k, { n: c.n + 1, lat: c.lat + p.latitude!, lng: c.lng + p.longitude!, overdue: c.overdue + (overdue(p) ? 1 : 0) })
  }
  expect(m.points).toMatchObject({ total: points.length, clustered: true, cellDegrees: cell, items: [] })
  expect(m.points.clusters.length).toBeLessThanOrEqual(POINT_CAP)
  const got = m.points.clusters.map((c) => [c.count, c.overdue, c.latitude.toFixed(5), c.longitude.toFixed(5)]).sort()
  const want = [...cells.values()].map((c) => [c.n, c.overdue, (c.lat / c.n).toFixed(5), (c.lng / c.n).toFixed(5)]).sort()
  expect(got).toEqual(want)
  expect(m.points.clusters.reduce((n, c) => n + c.count, 0)).toBe(points.length)
})
