/**
 * overview.get through the dispatcher on the seeded demo plus reports written here (period edges, rated in and out
 * of the period, late, reopened, escalated): every figure equals what this file computes on its own, in plain
 * JS, from the report rows it reads back (not from the store's SQL).
 */
import type { Overview, OverviewBucket } from '@/domain/overview'
import { REPORT_CATEGORIES } from '@/domain/reports'
import type { NewReport } from '../../cloud/reports/ports'
import { makeHarness, NOW, type Harness } from './support/harness'
import { COMMITTEE, STREET } from './support/demoUsers'

const H = 3600_000

interface Row {
  id: string
  community_id: string
  street_id: string
  district_id: string | null
  grid_id: string
  category: string
  status: string
  max_level: string
  reopen_count: number
  assignee_id: string | null
  rating: number | null
  rating_comment: string | null
  created_at: string
  accepted_at: string | null
  resolved_at: string | null
  rated_at: string | null
  accept_by: string
  resolve_by: string
  due_at: string | null
}

let h: Harness
let rows: Row[]
let names: Map<string, string>
let dispatches: { report_id: string; department_id: string; name: string; status: string; dispatched_at: string; due_at: string; finished_at: string | null }[]

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null))

async function add(id: string, createdAt: string, p: Partial<NewReport>, set: Record<string, unknown>): Promise<void> {
  const place = p.gridId?.startsWith('g_lj') ? { communityId: 'c_linjiang' } : { communityId: 'c_jinjiang' }
  await h.store.reports.create(
    {
      id, ...place, streetId: 'st_zhenxing', districtId: 'd_binjiang', cityId: 'ct_jiangcheng', gridId: 'g_jj_1', reporterId: 'u_resident_jj1',
      category: 'environment', description: `报事 ${id}`, latitude: null, longitude: null, address: null, coordSource: null, anonymous: false,
      visibility: 'private', moderation: 'clean', assigneeId: null, acceptBy: new Date(Date.parse(createdAt) + 8 * H).toISOString(),
      resolveBy: new Date(Date.parse(createdAt) + 72 * H).toISOString(), createdAt, ...p,
    },
    [], [], null,
  )
  const cols = Object.keys(set)
  await h.sql.run(`UPDATE reports SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...cols.map((c) => set[c]), id])
}

const after = (at: string, hours: number) => new Date(Date.parse(at) + hours * H).toISOString()

beforeAll(async () => {
  h = await makeHarness()
  const x1 = '2025-02-03T16:00:00.000Z'
  await add('x1', x1, {}, { status: 'closed', accepted_at: after(x1, 1.5), resolved_at: after(x1, 20), rating: 5, rating_comment: '很满意', rated_at: '2025-02-05T02:00:00.000Z', assignee_id: 'u_worker_jj1', due_at: null })
  const x2 = '2025-01-31T16:00:00.000Z' // 02-01 00:00 in China: the period's first instant
  await add('x2', x2, { gridId: 'g_jj_2', category: 'facility' }, { status: 'closed', accepted_at: after(x2, 3), resolved_at: after(x2, 200), rating: 1, rating_comment: '太慢了', rated_at: '2025-02-12T02:00:00.000Z', assignee_id: 'u_worker_jj2', due_at: null })
  const x3 = '2025-01-31T15:59:59.999Z' // a millisecond before: out of the period, but rated in it
  await add('x3', x3, { gridId: 'g_jj_3', category: 'livelihood' }, { status: 'closed', accepted_at: after(x3, 1), resolved_at: after(x3, 5), rating: 4, rating_comment: '好', rated_at: '2025-02-10T02:00:00.000Z', assignee_id: 'u_worker_jj2', due_at: null })
  const x4 = '2025-02-10T01:00:00.000Z'
  await add('x4', x4, { category: 'dispute' }, { status: 'closed', accepted_at: after(x4, 2), resolved_at: after(x4, 48), max_level: 'community', rating: 3, rating_comment: '', rated_at: after(x4, 60), assignee_id: 'u_worker_jj1', due_at: null })
  const x5 = '2025-02-11T01:00:00.000Z'
  await add('x5', x5, { gridId: 'g_jj_2', category: 'dispute' }, { status: 'accepted', accepted_at: after(x5, 9), max_level: 'street', level: 'street', due_at: after(x5, 72) })
  const x6 = '2025-02-20T01:00:00.000Z'
  await add('x6', x6, {}, { status: 'accepted', accepted_at: after(x6, 4), reopen_count: 1, due_at: after(x6, 72) })
  const x7 = '2025-02-15T01:00:00.000Z'
  await add('x7', x7, { gridId: 'g_lj_2' }, { status: 'closed', accepted_at: after(x7, 5), resolved_at: after(x7, 30), rating: 4, rating_comment: '不错', rated_at: after(x7, 40), due_at: null })
  await add('x8', '2025-02-28T15:59:59.999Z', { gridId: 'g_jj_3' }, { status: 'submitted' })
  rows = (await h.sql.all<Row>('SELECT * FROM reports')).map((r) => {
    const out = { ...r } as Record<string, unknown>
    for (const k of ['created_at', 'accepted_at', 'resolved_at', 'rated_at', 'accept_by', 'resolve_by', 'due_at']) out[k] = iso(out[k])
    out.reopen_count = Number(out.reopen_count)
    out.rating = out.rating === null ? null : Number(out.rating)
    return out as unknown as Row
  })
  await h.sql.run(`INSERT INTO departments (id, seq, name, street_id, district_id, categories, created_by, created_at) VALUES ('dep_b', 90, '供电所', 'st_zhenxing', NULL, '[]', 'u_street', ?)`, [NOW])
  const dispatch = (id: string, report: string, at: string, status: string, dueAt: string, finishedAt: string | null) =>
    h.sql.run(
      `INSERT INTO report_dispatches (id, report_id, department_id, level, dispatched_by, dispatched_at, days, due_at, status, accepted_at, finished_at)
       VALUES (?, ?, 'dep_b', 'community', 'u_street', ?, 3, ?, ?, NULL, ?)`,
      [id, report, at, dueAt, status, finishedAt],
    )
  await dispatch('xd_1', 'x1', after(x1, 2), 'resolved', after(x1, 50), after(x1, 20))
  await dispatch('xd_2', 'x2', after(x2, 4), 'resolved', after(x2, 50), after(x2, 100))
  await dispatch('xd_3', 'x5', after(x5, 10), 'accepted', after(x5, 30), null)
  await dispatch('xd_4', 'x7', after(x7, 10), 'returned', after(x7, 60), after(x7, 12))
  dispatches = (await h.sql.all<Record<string, unknown>>('SELECT x.report_id, x.department_id, d.name, x.status, x.dispatched_at, x.due_at, x.finished_at FROM report_dispatches x JOIN departments d ON d.id = x.department_id')).map(
    (r) => ({ ...r, dispatched_at: iso(r.dispatched_at), due_at: iso(r.due_at), finished_at: iso(r.finished_at) }) as never,
  )
  names = new Map((await h.sql.all<{ id: string; name: string }>('SELECT id, name FROM users')).map((u) => [u.id, u.name]))
})
afterAll(() => h.close())

// ---------- the reference: plain JS over the rows ----------

const t = (s: string) => Date.parse(s)
const chinaDayOf = (s: string) => new Date(t(s) + 8 * H).toISOString().slice(0, 10)
function bucketKey(day: string, bucket: OverviewBucket): string {
  if (bucket === 'month') return day.slice(0, 7)
  if (bucket === 'day') return day
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}
const nearest = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? Math.round(s[Math.ceil(p * s.length) - 1]! * 100) / 100 : null
}
const hours = (rs: Row[], col: 'accepted_at' | 'resolved_at') => {
  const xs = rs.filter((r) => r[col]).map((r) => (t(r[col]!) - t(r.created_at)) / H)
  return { n: xs.length, median: nearest(xs, 0.5), p90: nearest(xs, 0.9) }
}
const rate = (n: number, of: number) => ({ n, of, share: of ? n / of : null })
const OPEN = ['submitted', 'returned', 'accepted']
const speedOf = (rs: Row[]) => ({
  accept: hours(rs, 'accepted_at'),
  resolve: hours(rs, 'resolved_at'),
  acceptOnTime: rate(
    rs.filter((r) => r.accepted_at && t(r.accepted_at) <= t(r.accept_by)).length,
    rs.filter((r) => r.accepted_at || (['submitted', 'returned'].includes(r.status) && t(r.accept_by) < t(NOW))).length,
  ),
  resolveOnTime: rate(
    rs.filter((r) => r.resolved_at && t(r.resolved_at) <= t(r.resolve_by)).length,
    rs.filter((r) => r.resolved_at || (OPEN.includes(r.status) && t(r.resolve_by) < t(NOW))).length,
  ),
})
const ratingOf = (rs: Row[]) => {
  const rated = rs.length
  const good = rs.filter((r) => r.rating! >= 4).length
  const sum = rs.reduce((n, r) => n + r.rating!, 0)
  return { rated, good, goodShare: rated ? good / rated : null, average: rated ? Math.round((sum / rated) * 100) / 100 : null }
}

function reference(inArea: (r: Row) => boolean, unitOf: (r: Row) => string | null, units: { id: string; name: string }[], from: string, to: string, bucket: OverviewBucket) {
  const start = t(`${from}T00:00:00+08:00`)
  const end = t(`${to}T00:00:00+08:00`) + 24 * H
  const area = rows.filter(inArea)
  const period = area.filter((r) => t(r.created_at) >= start && t(r.created_at) < end)
  const rated = area.filter((r) => r.rating !== null && r.rated_at && t(r.rated_at) >= start && t(r.rated_at) < end)
  const ofUnit = (rs: Row[], id: string) => rs.filter((r) => unitOf(r) === id)
  const buckets: { key: string; n: number }[] = []
  for (let d = from; d <= to; d = new Date(t(`${d}T00:00:00Z`) + 24 * H).toISOString().slice(0, 10)) {
    const k = bucketKey(d, bucket)
    if (buckets[buckets.length - 1]?.key !== k) buckets.push({ key: k, n: 0 })
  }
  for (const r of period) buckets.find((b) => b.key === bucketKey(chinaDayOf(r.created_at), bucket))!.n++
  const disputes = period.filter((r) => r.category === 'dispute')
  const local = (r: Row) => ['grid', 'community'].includes(r.max_level)
  const categories = REPORT_CATEGORIES.filter((c) => period.some((r) => r.category === c))
  const handlers = [...new Set(rated.map((r) => r.assignee_id).filter((x): x is string => !!x))]
  const speed = speedOf(period)
  const overdue = (r: Row) => r.due_at !== null && t(r.due_at) < t(NOW)
  const bySubAreaSpeed = units.map((u) => ({ ...u, ...speedOf(ofUnit(period, u.id)) }))
  const bySubAreaRating = units.map((u) => ({ ...u, ...ratingOf(ofUnit(rated, u.id)) }))
  const ours = dispatches.filter((x) => area.some((r) => r.id === x.report_id) && t(x.dispatched_at) >= start && t(x.dispatched_at) < end)
  const departments = [...new Set(ours.map((x) => x.department_id))].sort().map((id) => {
    const xs = ours.filter((x) => x.department_id === id)
    const resolved = xs.filter((x) => x.status === 'resolved')
    const overdue = xs.filter((x) => ['pending', 'accepted'].includes(x.status) && t(x.due_at) < t(NOW)).length
    return {
      departmentId: id,
      name: xs[0]!.name,
      dispatched: xs.length,
      resolved: resolved.length,
      returned: xs.filter((x) => x.status === 'returned').length,
      onTime: rate(resolved.filter((x) => t(x.finished_at!) <= t(x.due_at)).length, resolved.length + overdue),
      overdue,
    }
  })
  return {
    trends: {
      byBucket: buckets,
      byCategory: categories.map((c) => ({ category: c, n: period.filter((r) => r.category === c).length })),
      bySubArea: units.map((u) => ({ ...u, n: ofUnit(period, u.id).length })),
      disputes: {
        total: disputes.length,
        settledLocally: disputes.filter((r) => local(r) && ['resolved', 'closed'].includes(r.status)).length,
        escalated: disputes.filter((r) => !local(r)).length,
        open: disputes.filter((r) => local(r) && OPEN.includes(r.status)).length,
      },
      warnings: 0,
    },
    speed: {
      ...speed,
      byCategory: categories.map((c) => ({ category: c, ...speedOf(period.filter((r) => r.category === c)) })),
      bySubArea: bySubAreaSpeed,
      overdueNow: area.filter(overdue).length,
      departments,
    },
    satisfaction: {
      ...ratingOf(rated),
      reopen: rate(period.filter((r) => r.reopen_count > 0).length, period.filter((r) => r.resolved_at || r.reopen_count > 0).length),
      bySubArea: bySubAreaRating,
      byHandler: handlers
        .map((id) => ({ handlerId: id, handlerName: names.get(id)!, ...ratingOf(rated.filter((r) => r.assignee_id === id)) }))
        .sort((a, b) => b.rated - a.rated || (a.handlerId < b.handlerId ? -1 : 1)),
      comments: rated
        .filter((r) => r.rating_comment)
        .sort((a, b) => t(b.rated_at!) - t(a.rated_at!) || (a.id < b.id ? 1 : -1))
        .slice(0, 20)
        .map((r) => ({ reportId: r.id, score: r.rating, comment: r.rating_comment, at: r.rated_at, category: r.category, subAreaName: units.find((u) => u.id === unitOf(r))?.name ?? '' })),
    },
    comparison: units.map((u, i) => ({
      ...u,
      reports: ofUnit(period, u.id).length,
      open: ofUnit(area, u.id).filter((r) => OPEN.includes(r.status)).length,
      overdue: ofUnit(area, u.id).filter(overdue).length,
      medianResolveHours: bySubAreaSpeed[i]!.resolve.median,
      onTimeShare: bySubAreaSpeed[i]!.resolveOnTime.share,
      goodShare: bySubAreaRating[i]!.goodShare,
      averageRating: bySubAreaRating[i]!.average,
    })),
  }
}

const JJ_GRIDS = [
  { id: 'g_jj_1', name: '第一网格' },
  { id: 'g_jj_2', name: '第二网格' },
  { id: 'g_jj_3', name: '第三网格' },
]

test('the committee’s February by week: every figure equals the rows counted here', async () => {
  const o = await h.ok<Overview>('overview.get', { from: '2025-02-01', to: '2025-02-28', bucket: 'week' }, COMMITTEE)
  const ref = reference((r) => r.community_id === 'c_jinjiang', (r) => r.grid_id, JJ_GRIDS, '2025-02-01', '2025-02-28', 'week')
  expect(o).toMatchObject({ area: { kind: 'community', id: 'c_jinjiang', name: '锦江社区' }, subAreaKind: 'grid', from: '2025-02-01', to: '2025-02-28', bucket: 'week' })
  expect(o.trends).toEqual(ref.trends)
  expect(o.speed).toEqual(ref.speed)
  expect(o.satisfaction).toEqual(ref.satisfaction)
  expect(o.comparison).toEqual(ref.comparison)
  // the edges: x2 (02-01 00:00 China) counts, x3 (a millisecond before) does not, but its February rating does
  expect(o.trends.byBucket[0]).toEqual({ key: '2025-01-27', n: ref.trends.byBucket[0]!.n })
  expect(ref.trends.bySubArea.find((u) => u.id === 'g_jj_3')!.n).toBe(rows.filter((r) => r.grid_id === 'g_jj_3' && r.id === 'x8').length)
  expect(o.satisfaction.comments.map((c) => c.reportId)).toEqual(['x2', 'x3', 'x1'])
  expect(o.satisfaction.rated).toBe(4)
  // resolved in February in 锦江: x1 20 h, x4 48 h, the demo streetlight 54 h, x2 200 h
  expect(o.speed.resolve).toEqual({ n: 4, median: 48, p90: 200 })
  // 供电所: x1 on time, x2 late, x5 open past its due date; x7 is 临江村's
  expect(o.speed.departments.find((d) => d.departmentId === 'dep_b')).toEqual({ departmentId: 'dep_b', name: '供电所', dispatched: 3, resolved: 2, returned: 0, onTime: { n: 1, of: 3, share: 1 / 3 }, overdue: 1 })
})

test('the street by community, by day over the whole period; the same grid figures when the street asks for a community', async () => {
  const communities = [
    { id: 'c_jinjiang', name: '锦江社区' },
    { id: 'c_linjiang', name: '临江村' },
  ]
  const o = await h.ok<Overview>('overview.get', { from: '2025-02-10', to: '2025-03-01', bucket: 'day' }, STREET)
  const ref = reference((r) => r.street_id === 'st_zhenxing', (r) => r.community_id, communities, '2025-02-10', '2025-03-01', 'day')
  expect(o.subAreaKind).toBe('community')
  expect(o.trends).toEqual(ref.trends)
  expect(o.speed).toEqual(ref.speed)
  expect(o.satisfaction).toEqual(ref.satisfaction)
  expect(o.comparison).toEqual(ref.comparison)
  const jj = await h.ok<Overview>('overview.get', { area: { kind: 'community', id: 'c_jinjiang' }, from: '2025-02-10', to: '2025-03-01' }, STREET)
  const jjRef = reference((r) => r.community_id === 'c_jinjiang', (r) => r.grid_id, JJ_GRIDS, '2025-02-10', '2025-03-01', 'day')
  expect(jj.comparison).toEqual(jjRef.comparison)
  expect(jj.speed).toEqual(jjRef.speed)
})

test('default: this China month by day; a grid worker sees their grid only', async () => {
  const o = await h.ok<Overview>('overview.get', {}, 'u_worker_jj2')
  expect([o.from, o.to, o.bucket, o.area]).toEqual(['2025-03-01', '2025-03-01', 'day', { kind: 'grids', id: null, name: '我的网格（2 个）' }])
  const ref = reference((r) => ['g_jj_2', 'g_jj_3'].includes(r.grid_id), (r) => r.grid_id, JJ_GRIDS.slice(1), '2025-03-01', '2025-03-01', 'day')
  expect(o.trends).toEqual(ref.trends)
  expect(o.comparison).toEqual(ref.comparison)
})

test('warnings raised in the period are counted in the area', async () => {
  const insert = (id: string, grid: string, community: string, at: string) =>
    h.sql.run(
      `INSERT INTO warnings (id, community_id, grid_id, level, signal, area_key, category, period, observed, baseline, p_value, report_ids, status, raised_at)
       VALUES (?, ?, ?, 'grid', 'spike', ?, 'environment', '2025-02-03', 5, 1, 0.001, '[]', 'open', ?)`,
      [id, community, grid, id, at],
    )
  await insert('w_a', 'g_jj_1', 'c_jinjiang', '2025-02-05T02:00:00.000Z')
  await insert('w_b', 'g_jj_2', 'c_jinjiang', '2025-01-05T02:00:00.000Z')
  await insert('w_c', 'g_lj_1', 'c_linjiang', '2025-02-06T02:00:00.000Z')
  const month = { from: '2025-02-01', to: '2025-02-28' }
  expect((await h.ok<Overview>('overview.get', month, COMMITTEE)).trends.warnings).toBe(1)
  expect((await h.ok<Overview>('overview.get', month, STREET)).trends.warnings).toBe(2)
  expect((await h.ok<Overview>('overview.get', month, 'u_worker_jj2')).trends.warnings).toBe(0)
  await h.sql.run("DELETE FROM warnings WHERE id IN ('w_a', 'w_b', 'w_c')")
})

test('participation equals the notices, reads, motions, shifts, volunteers and households counted here', async () => {
  const all = async <T>(sql: string) => (await h.sql.all<Record<string, unknown>>(sql)).map((r) => {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(r)) out[k] = v instanceof Date ? v.toISOString() : v
    return out as T
  })
  const from = '2024-12-01'
  const to = '2025-03-01'
  const start = t(`${from}T00:00:00+08:00`)
  const end = t(`${to}T00:00:00+08:00`) + 24 * H
  const within = (s: string | null) => s !== null && t(s) >= start && t(s) < end
  const C = 'c_jinjiang'
  const users = await all<{ id: string; community_id: string | null; grid_id: string | null; household_id: string | null; verified: number }>('SELECT id, community_id, grid_id, household_id, verified FROM users')
  const roles = await all<{ user_id: string; role: string }>('SELECT user_id, role FROM user_roles')
  const has = (u: string, rs: string[]) => roles.some((r) => r.user_id === u && rs.includes(r.role))
  const notices = (await all<{ id: string; community_id: string; important: number; whole_community: number; publish_at: string; withdrawn_at: string | null }>('SELECT * FROM notices'))
    .filter((n) => n.community_id === C && within(n.publish_at) && !n.withdrawn_at)
  const grids = await all<{ notice_id: string; grid_id: string }>('SELECT * FROM notice_grids')
  const reads = await all<{ notice_id: string; user_id: string; confirmed_at: string | null }>('SELECT * FROM notice_reads')
  let audience = 0, read = 0, importantAudience = 0, confirmed = 0
  for (const n of notices) {
    const aud = users.filter((u) => u.community_id === C && u.grid_id && has(u.id, ['resident', 'volunteer']) && (Number(n.whole_community) === 1 || grids.some((g) => g.notice_id === n.id && g.grid_id === u.grid_id)))
    const r = reads.filter((x) => x.notice_id === n.id && aud.some((u) => u.id === x.user_id))
    audience += aud.length
    read += r.length
    if (Number(n.important) === 1) {
      importantAudience += aud.length
      confirmed += r.filter((x) => x.confirmed_at).length
    }
  }
  const motions = (await all<{ id: string; community_id: string; status: string; closed_at: string | null; eligibility: string; base_adults: number; base_households: number }>('SELECT * FROM motions'))
    .filter((m) => m.community_id === C && m.status === 'closed' && within(m.closed_at))
  const voters = await all<{ motion_id: string }>('SELECT motion_id FROM motion_voters')
  const shifts = (await all<{ id: string; community_id: string; status: string; start_at: string }>('SELECT id, community_id, status, start_at FROM shifts'))
    .filter((s) => s.community_id === C && s.status === 'scheduled' && within(s.start_at))
  const signups = (await all<{ shift_id: string; status: string; hours_tenths: number | null }>('SELECT shift_id, status, hours_tenths FROM shift_signups'))
    .filter((x) => shifts.some((s) => s.id === x.shift_id))
  const households = await all<{ id: string; grid_id: string }>("SELECT h.id, h.grid_id FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = 'c_jinjiang'")
  const verified = households.filter((x) => users.some((u) => u.household_id === x.id && Number(u.verified) === 1))
  const expected = signups.filter((x) => ['confirmed', 'checkedIn', 'checkedOut', 'noShow'].includes(x.status)).length
  const attended = signups.filter((x) => ['checkedIn', 'checkedOut'].includes(x.status)).length
  const base = motions.reduce((n, m) => n + Number(m.eligibility === 'adults' ? m.base_adults : m.base_households), 0)
  const voted = voters.filter((v) => motions.some((m) => m.id === v.motion_id)).length

  const o = await h.ok<Overview>('overview.get', { from, to }, COMMITTEE)
  expect(o.participation).toEqual({
    notices: notices.length,
    read: rate(read, audience),
    importantNotices: notices.filter((n) => Number(n.important) === 1).length,
    confirmed: rate(confirmed, importantAudience),
    motions: motions.length,
    turnout: rate(voted, base),
    shifts: shifts.length,
    attendance: rate(attended, expected),
    patrolHours: signups.reduce((n, x) => n + Number(x.hours_tenths ?? 0), 0) / 10,
    volunteers: users.filter((u) => u.community_id === C && has(u.id, ['volunteer'])).length,
    households: rate(verified.length, households.length),
  })
  // the demo has something to count in each
  expect([notices.length, audience, households.length, verified.length].every((n) => n > 0)).toBe(true)
})
