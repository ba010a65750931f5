/**
 * `npm run bench:overview` — 总览's figures (overview.get's store reads: OverviewRepo.figures, subAreas, trendSplit and hourBins), 一张图
 * (overview.map's use case) and a month's 台账 export (ledger.export's use case: time, rows, bytes, and the highest
 * heap growth while it streams, sampled every 10 ms) on the
 * generated city of bench/city/generate.ts (10 districts, 100 streets, 1,000 communities, 5,000 grids), at
 * BENCH_OVERVIEW_SIZES reports (default 100,000; "100000,1000000" for both — the 1 M run takes long), for a community,
 * a street, a district and the city, over this month and the last three months: median and p99 over CALLS calls.
 * BENCH_ENGINES: "sqlite" (default) or "sqlite,postgres" (BENCH_PG=postgres://…, else a private server). Never asserted.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../cloud/adapters/sqlite/store'
import type { OverviewRepo, OverviewScope } from '../cloud/overview/ports'
import { periodOf, presetPeriod } from '../src/domain/overview'
import { postgresBulk, sqliteBulk, type BulkWriter } from './city/bulk'
import { CITY, CITY_ID, communityId, districtId, generateOrganisation, generateReports, streetId } from './city/generate'
import { fmt, latencies, pct } from './support/run'
import { scratchPostgresStore } from './support/scratch'
import { createDeps } from '../cloud/compose/deps'
import type { Store } from '../cloud/compose/store'
import { diskExports } from '../cloud/adapters/disk/exports'
import { viewMap } from '../cloud/overview/viewMap'
import { exportLedger } from '../cloud/ledger/exportLedger'
import type { UserRecord } from '../cloud/shared/ports'
import { chinaMonth } from '../src/domain/shared/chinaTime'

const SIZES = (process.env.BENCH_OVERVIEW_SIZES ?? '100000').split(',').map(Number)
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite').split(',')
const CALLS = Number(process.env.BENCH_OVERVIEW_CALLS ?? 30)

interface Engine {
  name: string
  bulk: BulkWriter
  store: Store
  overview: OverviewRepo
  close(): Promise<void>
}

async function openSqlite(dir: string): Promise<Engine> {
  const store = openSqliteStore(path.join(dir, 'overview.db'))
  return { name: 'SQLite', bulk: sqliteBulk(store.db), store, overview: store.overview, close: async () => store.close() }
}

async function openPostgres(): Promise<Engine & { stopServer(): void }> {
  const { store, stopServer } = await scratchPostgresStore('overview', 8)
  return { name: 'PostgreSQL', bulk: postgresBulk(store.pool), store, overview: store.overview, close: () => store.close(), stopServer }
}

async function times(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const lat = await latencies(fn, CALLS, 3)
  return { p50: pct(lat, 50), p99: pct(lat, 99) }
}

const AREAS: [string, OverviewScope][] = [
  ['社区', { kind: 'community', id: communityId(17) }],
  ['街道', { kind: 'street', id: streetId(3) }],
  ['区', { kind: 'district', id: districtId(0) }],
  ['市', { kind: 'city', id: CITY_ID }],
]

async function run(e: Engine): Promise<void> {
  const now = Date.now()
  const nowDate = new Date(now)
  await generateOrganisation(e.bulk, CITY, now)
  const periods = [
    ['本月', periodOf(presetPeriod('thisMonth', nowDate), nowDate)],
    ['近三月', periodOf(presetPeriod('last3Months', nowDate), nowDate)],
  ] as const
  const rows: string[] = []
  let written = 0
  for (const size of [...SIZES].sort((a, b) => a - b)) {
    const t = Date.now()
    await generateReports(e.bulk, CITY, written, size, Math.max(...SIZES), now)
    written = size
    await e.bulk.analyze()
    console.log(`${e.name}: ${fmt(size)} reports written (${fmt((Date.now() - t) / 1000, 1)} s)`)
    for (const [area, scope] of AREAS)
      for (const [label, p] of periods) {
        const q = { scope, start: p.start, end: p.end, now: nowDate.toISOString() }
        const r = await times(() =>
          Promise.all([e.overview.figures(q), e.overview.subAreas(scope), e.overview.trendSplit(q), e.overview.hourBins(q)]),
        )
        rows.push(`| ${e.name} | ${fmt(size)} | ${area} · ${label} | ${fmt(r.p50, 1)} / ${fmt(r.p99, 1)} |`)
      }
    rows.push(...(await mapAndExport(e, size, nowDate)))
  }
  console.log(`| engine | reports | area · period | p50 / p99 ms |\n|---|---|---|---|\n${rows.join('\n')}`)
}

/** Staff of an area, as the use cases receive them (the generated city has no users). */
function staffOf(place: Partial<UserRecord>, roles: UserRecord['roles']): UserRecord {
  return {
    id: 'u_bench', name: '测试', phone: null, openid: null, roles, communityId: null, communityName: null, streetId: null, districtId: null,
    cityId: null, gridId: null, gridName: null, householdId: null, verified: true, rosterOnly: false, grids: [], createdAt: new Date(0).toISOString(), ...place,
  }
}

const STAFF: [string, UserRecord][] = [
  ['社区', staffOf({ communityId: communityId(17) }, ['committee'])],
  ['街道', staffOf({ streetId: streetId(3) }, ['street'])],
  ['区', staffOf({ districtId: districtId(0) }, ['district'])],
  ['市', staffOf({ cityId: CITY_ID }, ['city'])],
]

/** 一张图 of this month per area; this month's 台账 of a community, a street and a district (one export each). */
async function mapAndExport(e: Engine, size: number, now: Date): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-exports-'))
  const deps = await createDeps(e.store, { devLogin: false, wechat: null, secret: 'bench-secret-bench-secret-bench-secret' }, { exportFiles: diskExports(dir) })
  const rows: string[] = []
  try {
    for (const [area, user] of STAFF) {
      const r = await times(() => viewMap({}, { deps, user } as never))
      rows.push(`| ${e.name} | ${fmt(size)} | 一张图 · ${area} · 本月 | ${fmt(r.p50, 1)} / ${fmt(r.p99, 1)} |`)
    }
    for (const [area, user] of STAFF.slice(0, 3)) {
      global.gc?.()
      const base = process.memoryUsage().heapUsed
      let peak = base
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10)
      const t = process.hrtime.bigint()
      const out = await exportLedger({ kind: 'month', month: chinaMonth(now) }, { deps, user } as never)
      const ms = Number(process.hrtime.bigint() - t) / 1e6
      clearInterval(sampler)
      rows.push(
        `| ${e.name} | ${fmt(size)} | 台账导出 · ${area} · 本月: ${fmt(out.rows)} 条, ${fmt(out.bytes / 1024)} KB, heap +${fmt((peak - base) / 1048576, 1)} MB | ${fmt(ms, 0)} (once) |`,
      )
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return rows
}

async function main() {
  console.log(`bench:overview — ${os.cpus().length} cores; sizes ${SIZES.map((n) => fmt(n)).join(', ')}; ${CALLS} calls per figure`)
  for (const engine of ENGINES) {
    if (engine === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-overview-'))
      const e = await openSqlite(dir)
      try {
        await run(e)
      } finally {
        await e.close()
        fs.rmSync(dir, { recursive: true, force: true })
      }
    } else if (engine === 'postgres') {
      const e = await openPostgres()
      try {
        await run(e)
      } finally {
        await e.close()
        e.stopServer()
      }
    } else throw new Error(`BENCH_ENGINES: unknown engine ${engine}`)
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
