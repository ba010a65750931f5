/**
 * `npm run bench:reports` — 随手拍 at scale: a fresh SQLite file with the demo + REPORTS reports spread over the
 * demo grids and statuses, then load on report.list { scope: "queue" } (as a 网格员) and report.create over HTTP
 * (autocannon, 64 connections, BENCH_SECONDS each, default 10, after BENCH_WARMUP s of the same load, default 3)
 * beside two floors measured in the same run:
 *   - HTTP floor: a bare Fastify route returning a constant (what HTTP + JSON cost on this machine);
 *   - storage floor: the same store method called directly on better-sqlite3 in a loop.
 * Also the time of one list page in the store at that size, per scope (median and p99 over LIST_CALLS calls).
 * Never asserted in tests; figures go to docs/BENCH.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore, type SqliteStore } from '../cloud/adapters/sqlite/store'
import { seedDemo } from '../cloud/seed/seedSqlite'
import type { ReportCursor, ReportListQuery } from '../cloud/reports/ports'
import { DEFAULT_RESOLVE_DAYS, REPORT_CATEGORIES, type ReportCategory, type ReportLevel, type ReportStatus } from '@/domain/reports'
import { acceptDeadline, dueAt, resolveDeadline } from '@/domain/reports/deadlines'
import { insideRing } from '@/domain/shared/geo'
import { child, CONNECTIONS, direct, fmt, freePort, load, machineLine, pct, printLoad, probe, SECONDS, stop, stopAll, tokensFor, type Row } from './support/run'

const REPORTS = Number(process.env.BENCH_REPORTS ?? 100_000)
const USERS = 1000
const LIST_CALLS = 1000
const PAGE = 21 // a page of 20 and one more to know whether there is a next page
const HOUR = 3600_000
const DAY = 24 * HOUR

/** The worker whose queue is measured over HTTP (demo: 孙丽, 第一网格). */
const WORKER = 'u_worker_jj1'

/** A small deterministic generator (mulberry32): the same data every run. */
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

/** Shares of each status among the reports (sums to 100): most are long settled, a quarter still open. */
const STATUS_MIX: [ReportStatus, number][] = [
  ['submitted', 8],
  ['accepted', 14],
  ['returned', 3],
  ['resolved', 5],
  ['closed', 60],
  ['rejected', 5],
  ['withdrawn', 5],
]

interface Place {
  gridId: string
  communityId: string
  streetId: string
  districtId: string | null
  cityId: string | null
  boundary: [number, number][] | null
}

interface Prepared {
  residents: { id: string; communityId: string; gridId: string }[]
  places: Place[]
}

/**
 * Demo data + USERS residents spread over the demo grids + REPORTS reports, straight through SQL in one
 * transaction, with the columns migration 004 defines (deadlines from the domain, due_at as the store keeps it).
 */
async function prepare(file: string): Promise<Prepared> {
  const store = openSqliteStore(file)
  await seedDemo(store.db)
  const db = store.db
  const now = Date.now()
  const places = db
    .prepare<[], { id: string; community_id: string; street_id: string; district_id: string | null; city_id: string | null; boundary: string | null }>(
      `SELECT g.id, g.community_id, c.street_id, s.district_id, d.city_id, g.boundary FROM grids g
       JOIN communities c ON c.id = g.community_id JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id
       ORDER BY c.seq, g.seq`,
    )
    .all()
    .map((g) => ({
      gridId: g.id,
      communityId: g.community_id,
      streetId: g.street_id,
      districtId: g.district_id,
      cityId: g.city_id,
      boundary: g.boundary ? (JSON.parse(g.boundary) as [number, number][]) : null,
    }))
  const staff = (role: string, communityId: string | null) =>
    db
      .prepare<{ role: string; community: string | null }, { id: string }>(
        `SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = @role
         WHERE (@community IS NULL OR u.community_id = @community) ORDER BY u.id LIMIT 1`,
      )
      .get({ role, community: communityId })?.id ?? null
  const workerOf = (gridId: string) =>
    db
      .prepare<[string], { id: string }>(
        `SELECT ug.user_id AS id FROM user_grids ug JOIN user_roles r ON r.user_id = ug.user_id AND r.role = 'gridWorker'
         WHERE ug.grid_id = ? ORDER BY ug.user_id LIMIT 1`,
      )
      .get(gridId)?.id ?? null

  const residents: Prepared['residents'] = []
  for (let i = 0; i < USERS; i++) {
    const place = places[i % places.length] as Place
    const id = `bench_u_${String(i).padStart(4, '0')}`
    await store.users.create({
      id,
      name: `压测居民${i}`,
      roles: ['resident'],
      communityId: place.communityId,
      gridId: place.gridId,
      householdId: null,
      verified: true,
      workerGridIds: [],
      createdAt: new Date(now - 800 * DAY).toISOString(),
    })
    residents.push({ id, communityId: place.communityId, gridId: place.gridId })
  }

  const rnd = random(42)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T
  const statusOf = (): ReportStatus => {
    let x = rnd() * 100
    for (const [s, share] of STATUS_MIX) if ((x -= share) < 0) return s
    return 'closed'
  }
  // creation times: open reports within the last 30 days (so some are overdue), resolved within the last 6
  // (older ones would have closed themselves), the rest over two years; inserted oldest first, as they came
  const rows = Array.from({ length: REPORTS }, () => {
    const status = statusOf()
    const window = status === 'resolved' ? 6 * DAY : ['submitted', 'accepted', 'returned'].includes(status) ? 30 * DAY : 730 * DAY
    return { status, created: now - 2 * HOUR - Math.floor(rnd() * window) }
  }).sort((a, b) => a.created - b.created)

  const insertReport = db.prepare(`
    INSERT INTO reports (id, community_id, street_id, district_id, city_id, grid_id, reporter_id, category, description, latitude, longitude,
      address, coord_source, anonymous, visibility, moderation, status, level, max_level, assignee_id, accept_by,
      resolve_by, due_at, supporters, reopen_count, accepted_at, resolved_at, closed_at, rating, rating_comment, rated_at,
      created_at, updated_at)
    VALUES (@id, @communityId, @streetId, @districtId, @cityId, @gridId, @reporterId, @category, @description, @latitude, @longitude,
      @address, 'gcj02', @anonymous, @visibility, 'clean', @status, @level, @level, @assigneeId, @acceptBy,
      @resolveBy, @dueAt, @supporters, 0, @acceptedAt, @resolvedAt, @closedAt, @rating, @ratingComment, @ratedAt,
      @createdAt, @updatedAt)`)
  const insertEvent = db.prepare(`
    INSERT INTO report_events (report_id, at, actor_id, action, note, status, level, to_user_id)
    VALUES (?, ?, ?, 'create', NULL, 'submitted', 'grid', NULL)`)
  const committeeOf = new Map(places.map((p) => [p.communityId, staff('committee', p.communityId)]))
  const streetStaff = staff('street', null)
  const workers = new Map(places.map((p) => [p.gridId, workerOf(p.gridId)]))
  const iso = (t: number) => new Date(t).toISOString()

  db.transaction(() => {
    rows.forEach((row, i) => {
      const reporter = pick(residents)
      const place = places.find((p) => p.gridId === reporter.gridId) as Place
      const category = pick(REPORT_CATEGORIES) as ReportCategory
      const created = new Date(row.created)
      const acceptBy = acceptDeadline(created).toISOString()
      const resolveBy = resolveDeadline(created, DEFAULT_RESOLVE_DAYS[category]).toISOString()
      const x = rnd()
      const level: ReportLevel = x < 0.9 ? 'grid' : x < 0.98 ? 'community' : 'street'
      const assigneeId =
        level === 'grid' ? workers.get(place.gridId) ?? null : level === 'community' ? committeeOf.get(place.communityId) ?? null : streetStaff
      const accepted = !['submitted', 'returned', 'withdrawn', 'rejected'].includes(row.status)
      const settled = ['resolved', 'closed'].includes(row.status)
      const resolvedAt = settled ? Math.min(now - HOUR, row.created + 2 * DAY) : null
      // closed: rated by the reporter (about half) or closed by itself after 7 days
      const rated = row.status === 'closed' && rnd() < 0.55
      insertReport.run({
        id: `bench_r_${String(i).padStart(6, '0')}`,
        communityId: place.communityId,
        streetId: place.streetId,
        districtId: place.districtId,
        cityId: place.cityId,
        gridId: place.gridId,
        reporterId: reporter.id,
        category,
        description: `压测问题 ${i}：${'楼道堆放杂物，影响通行，请尽快处理。'.repeat(3)}`,
        latitude: 30.6571 + (rnd() - 0.5) * 0.02,
        longitude: 104.0806 + (rnd() - 0.5) * 0.02,
        address: `${place.gridId} ${1 + (i % 30)}栋`,
        anonymous: rnd() < 0.2 ? 1 : 0,
        visibility: category === 'dispute' ? 'private' : 'public',
        status: row.status,
        level,
        assigneeId,
        acceptBy,
        resolveBy,
        dueAt: dueAt(row.status, acceptBy, resolveBy),
        supporters: Math.floor(rnd() * 3),
        acceptedAt: accepted ? iso(Math.min(now - HOUR, row.created + HOUR)) : null,
        resolvedAt: resolvedAt === null ? null : iso(resolvedAt),
        closedAt: row.status === 'closed' ? iso(Math.min(now, row.created + 9 * DAY)) : null,
        rating: rated ? 1 + Math.floor(rnd() * 5) : null,
        ratingComment: rated ? '处理及时' : null,
        ratedAt: rated ? iso(Math.min(now, row.created + 3 * DAY)) : null,
        createdAt: iso(row.created),
        updatedAt: iso(Math.min(now, row.created + 3 * DAY)),
      })
      insertEvent.run(`bench_r_${String(i).padStart(6, '0')}`, iso(row.created), reporter.id)
    })
  })()
  db.exec('ANALYZE')
  store.close()
  return { residents, places }
}

/** A point inside the grid's boundary (the mean of its corners when that is inside), else a fixed demo point. */
function pointIn(place: Place): { latitude: number; longitude: number } {
  const ring = place.boundary
  if (ring && ring.length >= 3) {
    const mean = {
      latitude: ring.reduce((s, p) => s + p[0], 0) / ring.length,
      longitude: ring.reduce((s, p) => s + p[1], 0) / ring.length,
    }
    if (insideRing(mean, ring)) return mean
  }
  return { latitude: 30.6571, longitude: 104.0806 }
}

/** One list page LIST_CALLS times (after a few warm-up calls): median and p99 in ms, and the rows of a page. */
async function pageTimes(store: SqliteStore, query: ReportListQuery, after: ReportCursor | null = null) {
  for (let i = 0; i < 20; i++) await store.reports.list(query, { limit: PAGE, after })
  const lat: number[] = []
  let rows = 0
  for (let i = 0; i < LIST_CALLS; i++) {
    const t = process.hrtime.bigint()
    rows = (await store.reports.list(query, { limit: PAGE, after })).length
    lat.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  lat.sort((a, b) => a - b)
  return { p50: pct(lat, 50), p99: pct(lat, 99), rows }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-reports-'))
  const seedStarted = Date.now()
  // two identical databases: one behind the server, one for the store timings and the storage floor
  const { residents, places } = await prepare(path.join(dir, 'http.db'))
  fs.copyFileSync(path.join(dir, 'http.db'), path.join(dir, 'direct.db'))
  const seedSecs = (Date.now() - seedStarted) / 1000
  const store = openSqliteStore(path.join(dir, 'direct.db'))
  const db = store.db
  const scalar = (sql: string, ...args: unknown[]) => (db.prepare(sql).pluck().get(...args) as number) ?? 0

  const jinjiang = residents.filter((r) => r.communityId === 'c_jinjiang')
  const tokens = await tokensFor(jinjiang.map((u) => u.id))
  const [workerToken] = await tokensFor([WORKER])
  const workerGrids = db.prepare<[string], { grid_id: string }>('SELECT grid_id FROM user_grids WHERE user_id = ? ORDER BY grid_id').all(WORKER).map((g) => g.grid_id)
  const placeOf = new Map(places.map((p) => [p.gridId, p]))
  const bounded = places.filter((p) => p.boundary !== null).length

  const mineOf = jinjiang[0]?.id as string
  const inQueue = scalar(
    `SELECT count(*) FROM reports WHERE grid_id IN (SELECT value FROM json_each(?)) AND level = 'grid' AND due_at IS NOT NULL`,
    JSON.stringify(workerGrids),
  )
  console.log(
    `bench: ${os.cpus().length} cores, ${CONNECTIONS} connections, ${SECONDS}s per run, ${fmt(scalar('SELECT count(*) FROM reports'))} reports ` +
      `(${fmt(scalar(`SELECT count(*) FROM reports WHERE due_at IS NOT NULL`))} with a running deadline, ${fmt(inQueue)} in ${WORKER}'s queue), ` +
      `${USERS} residents, ${places.length} grids (${bounded} with a boundary); seeded in ${fmt(seedSecs, 1)} s`,
  )

  // ---------- one list page in the store, per scope ----------
  const nowIso = new Date().toISOString()
  const queueFirst = await store.reports.list({ kind: 'queue', level: 'grid', gridIds: workerGrids }, { limit: PAGE, after: null })
  const last = queueFirst[PAGE - 2]
  const pageRows: { name: string; inScope: number; t: { p50: number; p99: number; rows: number } }[] = []
  const time = async (name: string, inScope: number, q: ReportListQuery, after: ReportCursor | null = null) =>
    pageRows.push({ name, inScope, t: await pageTimes(store, q, after) })
  await time(`queue · 网格员, 1 grid (${workerGrids.join(', ')})`, inQueue, { kind: 'queue', level: 'grid', gridIds: workerGrids })
  if (last?.dueAt) {
    await time('queue · 网格员, 2nd page (cursor)', inQueue, { kind: 'queue', level: 'grid', gridIds: workerGrids }, { dueAt: last.dueAt, seq: last.seq })
  }
  await time(
    'queue · 网格员, 2 grids (g_jj_2, g_jj_3)',
    scalar(`SELECT count(*) FROM reports WHERE grid_id IN ('g_jj_2', 'g_jj_3') AND level = 'grid' AND due_at IS NOT NULL`),
    { kind: 'queue', level: 'grid', gridIds: ['g_jj_2', 'g_jj_3'] },
  )
  await time(
    'queue · 社区 (c_jinjiang, level community)',
    scalar(`SELECT count(*) FROM reports WHERE community_id = 'c_jinjiang' AND level = 'community' AND due_at IS NOT NULL`),
    { kind: 'queue', level: 'community', communityId: 'c_jinjiang' },
  )
  const streetId = places[0]?.streetId as string
  await time(
    'queue · 街道 (level street)',
    scalar(`SELECT count(*) FROM reports WHERE street_id = ? AND level = 'street' AND due_at IS NOT NULL`, streetId),
    { kind: 'queue', level: 'street', streetId },
  )
  const inCommunity = scalar(`SELECT count(*) FROM reports WHERE community_id = 'c_jinjiang'`)
  await time('area · 社区, no filter', inCommunity, { kind: 'area', communityId: 'c_jinjiang' })
  await time(
    'area · 社区, overdue',
    scalar(`SELECT count(*) FROM reports WHERE community_id = 'c_jinjiang' AND due_at < ?`, nowIso),
    { kind: 'area', communityId: 'c_jinjiang', overdueAt: nowIso },
  )
  await time(
    'area · 社区, status accepted + category safety_hazard',
    scalar(`SELECT count(*) FROM reports WHERE community_id = 'c_jinjiang' AND status = 'accepted' AND category = 'safety_hazard'`),
    { kind: 'area', communityId: 'c_jinjiang', status: 'accepted', category: 'safety_hazard' },
  )
  await time(
    'area · 社区, one grid + status submitted',
    scalar(`SELECT count(*) FROM reports WHERE community_id = 'c_jinjiang' AND grid_id = 'g_jj_2' AND status = 'submitted'`),
    { kind: 'area', communityId: 'c_jinjiang', gridId: 'g_jj_2', status: 'submitted' },
  )
  // filters that match few reports: the newest-first walk of the community's reports reads far before it fills a page
  await time(
    'area · 社区, rare: grid g_jj_3 + status rejected + category dispute',
    scalar(`SELECT count(*) FROM reports WHERE community_id = 'c_jinjiang' AND grid_id = 'g_jj_3' AND status = 'rejected' AND category = 'dispute'`),
    { kind: 'area', communityId: 'c_jinjiang', gridId: 'g_jj_3', status: 'rejected', category: 'dispute' },
  )
  await time('area · 社区, status rejected + overdue (matches nothing)', 0, {
    kind: 'area',
    communityId: 'c_jinjiang',
    status: 'rejected',
    overdueAt: nowIso,
  })
  // a community where nothing is overdue: the same query with a time before every deadline
  await time('area · 社区, overdue when nothing is (overdueAt 2000-01-01)', 0, {
    kind: 'area',
    communityId: 'c_jinjiang',
    overdueAt: '2000-01-01T00:00:00.000Z',
  })
  await time('area · 街道, no filter', scalar('SELECT count(*) FROM reports WHERE street_id = ?', streetId), { kind: 'area', streetId })
  await time(
    'area · 社区, category public_security',
    scalar(`SELECT count(*) FROM reports WHERE community_id = 'c_jinjiang' AND category = 'public_security'`),
    { kind: 'area', communityId: 'c_jinjiang', category: 'public_security' },
  )
  await time(
    'area · 街道, overdue',
    scalar('SELECT count(*) FROM reports WHERE street_id = ? AND due_at < ?', streetId, nowIso),
    { kind: 'area', streetId, overdueAt: nowIso },
  )
  await time(
    'area · 街道, rare: status rejected + category dispute',
    scalar(`SELECT count(*) FROM reports WHERE street_id = ? AND status = 'rejected' AND category = 'dispute'`, streetId),
    { kind: 'area', streetId, status: 'rejected', category: 'dispute' },
  )
  await time('area · 街道, status rejected + overdue (matches nothing)', 0, { kind: 'area', streetId, status: 'rejected', overdueAt: nowIso })
  await time('area · 街道, overdue when nothing is (overdueAt 2000-01-01)', 0, {
    kind: 'area',
    streetId,
    overdueAt: '2000-01-01T00:00:00.000Z',
  })
  await time('mine · one resident', scalar('SELECT count(*) FROM reports WHERE reporter_id = ?', mineOf), { kind: 'mine', reporterId: mineOf })
  await time(
    'public · 社区',
    scalar(`SELECT count(*) FROM reports WHERE community_id = 'c_jinjiang' AND visibility = 'public' AND status NOT IN ('withdrawn', 'rejected')`),
    { kind: 'public', communityId: 'c_jinjiang' },
  )
  await time(
    'public · 社区, category facility',
    scalar(
      `SELECT count(*) FROM reports WHERE community_id = 'c_jinjiang' AND visibility = 'public' AND category = 'facility' AND status NOT IN ('withdrawn', 'rejected')`,
    ),
    { kind: 'public', communityId: 'c_jinjiang', category: 'facility' },
  )

  // ---------- HTTP ----------
  const rows: Row[] = []
  const floorPort = await freePort()
  const floor = await child(['floor', String(floorPort)])
  const queueBody = JSON.stringify({ action: 'report.list', payload: { scope: 'queue' } })
  rows.push(await load('HTTP floor (bare Fastify route, constant reply)', `http://127.0.0.1:${floorPort}`, () => ({ body: queueBody })))
  await stop(floor)

  const runId = `${process.pid}_${Date.now()}`
  const createBody = (k: number) => {
    const who = jinjiang[k % jinjiang.length] as (typeof jinjiang)[number]
    return JSON.stringify({
      action: 'report.create',
      payload: {
        category: REPORT_CATEGORIES[k % REPORT_CATEGORIES.length],
        description: `压测上报 ${k}：路灯不亮，晚上行人看不清路。`,
        location: { ...pointIn(placeOf.get(who.gridId) as Place), address: '压测地址' },
      },
      requestId: `bench_${runId}_${k}`,
    })
  }
  const apiPort = await freePort()
  const api = await child(['api', path.join(dir, 'http.db'), String(apiPort)])
  const url = `http://127.0.0.1:${apiPort}`
  const firstPage = (await probe(url, workerToken, queueBody)) as { items: { gridId: string }[] }
  if (firstPage.items.length !== PAGE - 1) throw new Error(`the queue's first page has ${firstPage.items.length} items`)
  const made = (await probe(url, tokens[0] as string, createBody(1_000_000_000))) as { status: string; gridId: string }
  if (made.status !== 'submitted') throw new Error(`report.create gave ${made.status}`)
  rows.push(await load(`report.list { scope: "queue" } over HTTP, as ${WORKER}`, url, () => ({ token: workerToken, body: queueBody })))
  rows.push(await load('report.create over HTTP (a new requestId each, write + fsync)', url, (k) => ({ token: tokens[k % tokens.length], body: createBody(k) })))
  await stop(api)

  // ---------- storage floor ----------
  rows.push(
    await direct('storage floor: store.reports.list (queue, first page)', () =>
      store.reports.list({ kind: 'queue', level: 'grid', gridIds: workerGrids }, { limit: PAGE, after: null }),
    ),
  )
  rows.push(
    await direct('storage floor: store.reports.create', (i) => {
      const who = jinjiang[i % jinjiang.length] as (typeof jinjiang)[number]
      const place = placeOf.get(who.gridId) as Place
      const created = new Date()
      const at = created.toISOString()
      const id = `bench_d_${runId}_${i}`
      const point = pointIn(place)
      return store.reports.create(
        {
          id,
          communityId: place.communityId,
          streetId: place.streetId,
          districtId: place.districtId,
          cityId: place.cityId,
          gridId: place.gridId,
          reporterId: who.id,
          category: 'facility',
          description: `压测上报 ${i}：路灯不亮，晚上行人看不清路。`,
          latitude: point.latitude,
          longitude: point.longitude,
          address: '压测地址',
          coordSource: 'gcj02',
          anonymous: false,
          visibility: 'public',
          moderation: 'clean',
          assigneeId: WORKER,
          acceptBy: acceptDeadline(created).toISOString(),
          resolveBy: resolveDeadline(created, DEFAULT_RESOLVE_DAYS.facility).toISOString(),
          createdAt: at,
        },
        [],
        [
          {
            id: `bench_m_${runId}_${i}`,
            userId: WORKER,
            kind: 'report',
            title: '新的随手拍问题待受理',
            body: '请尽快受理',
            target: { type: 'report', id },
            createdAt: at,
          },
        ],
        { userId: who.id, action: 'report.create', requestId: `bench_${runId}_${i}`, fingerprint: 'bench' },
      )
    }),
  )
  store.close()
  // BENCH_KEEP=1 keeps the two database files (to read query plans on them)
  if (process.env.BENCH_KEEP === '1') console.log(`kept: ${dir}`)
  else fs.rmSync(dir, { recursive: true, force: true })

  console.log(`\n${machineLine()}`)
  console.log(`\nOne list page in the store (store.reports.list, limit ${PAGE}), ${LIST_CALLS} calls each, ${fmt(REPORTS)} reports:\n`)
  console.log(
    [
      '| scope | reports in scope | rows | median ms | p99 ms |',
      '|---|---:|---:|---:|---:|',
      ...pageRows.map((r) => `| ${r.name} | ${fmt(r.inScope)} | ${r.t.rows} | ${fmt(r.t.p50, 3)} | ${fmt(r.t.p99, 3)} |`),
    ].join('\n'),
  )
  printLoad(rows)
}

main().catch((e) => {
  console.error(e)
  stopAll()
  process.exit(1)
})
