/**
 * `npm run bench:city` — 市域 scale in the store, on both engines: a generated city (bench/city/generate.ts: 10
 * districts, 100 streets, 1,000 communities, 5,000 grids, 200,000 residents) and its reports, measured at 100,000 reports and
 * again at 1,000,000 (BENCH_CITY_SIZES, e.g. "100000,1000000"), so that the growth shows:
 *   - one list page (20 items + 1) per scope: median and p99 over CALLS calls;
 *   - the figures a card or an overview shows: count(), and counts() of a community, a street, a district and the city.
 * BENCH_ENGINES: "sqlite,postgres" (default both). PostgreSQL: BENCH_PG=postgres://… (a role that may CREATE
 * DATABASE), else a private server from Debian's binaries (as the tests start one). Never asserted in tests.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../cloud/adapters/sqlite/store'
import { motionMessages, type MotionRepo } from '../cloud/motions'
import type { ReportArea, ReportListQuery, ReportRepo } from '../cloud/reports/ports'
import { generateVotedMotion } from './city/ballots'
import { postgresBulk, sqliteBulk, type BulkWriter } from './city/bulk'
import {
  CITY,
  CITY_ID,
  committeeId,
  communityId,
  districtId,
  generateOrganisation,
  generateReports,
  gridId,
  residentId,
  sizes,
  streetId,
  workerId,
} from './city/generate'
import { fmt, latencies, pct } from './support/run'
import { scratchPostgresStore } from './support/scratch'

const SIZES = (process.env.BENCH_CITY_SIZES ?? '100000,1000000').split(',').map(Number)
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
const CALLS = Number(process.env.BENCH_CITY_CALLS ?? 200)
const BALLOTS = [1_000, 100_000]
const PAGE = 21

interface Engine {
  name: string
  bulk: BulkWriter
  reports: ReportRepo
  motions: MotionRepo
  close(): Promise<void>
}

async function openSqlite(dir: string): Promise<Engine> {
  const store = openSqliteStore(path.join(dir, 'city.db'))
  return { name: 'SQLite', bulk: sqliteBulk(store.db), reports: store.reports, motions: store.motions, close: async () => store.close() }
}

async function openPostgres(): Promise<Engine & { stopServer(): void }> {
  const { store, stopServer } = await scratchPostgresStore('city', 4)
  return {
    name: 'PostgreSQL',
    bulk: postgresBulk(store.pool),
    reports: store.reports,
    motions: store.motions,
    close: () => store.close(),
    stopServer,
  }
}

/** A query's page times and the rows it gave. */
async function times(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const lat = await latencies(fn, CALLS, 10)
  return { p50: pct(lat, 50), p99: pct(lat, 99) }
}

/** The scopes a person of each level opens, on the busiest-looking ids of the generated city. */
function scopes(now: string): { name: string; query: ReportListQuery }[] {
  const c = communityId(17)
  const s = streetId(3)
  const d = districtId(0)
  return [
    { name: 'mine · one resident', query: { kind: 'mine', reporterId: residentId(4242) } },
    { name: 'public · 社区', query: { kind: 'public', communityId: c } },
    { name: 'queue · 网格员 (1 grid)', query: { kind: 'queue', level: 'grid', gridIds: [gridId(85)] } },
    { name: 'queue · 社区', query: { kind: 'queue', level: 'community', communityId: c } },
    { name: 'queue · 街道', query: { kind: 'queue', level: 'street', streetId: s } },
    { name: 'area · 社区, no filter', query: { kind: 'area', communityId: c } },
    { name: 'area · 社区, overdue', query: { kind: 'area', communityId: c, overdueAt: now } },
    { name: 'area · 社区, accepted + safety_hazard', query: { kind: 'area', communityId: c, status: 'accepted', category: 'safety_hazard' } },
    { name: 'area · 街道, no filter', query: { kind: 'area', streetId: s } },
    { name: 'area · 街道, overdue', query: { kind: 'area', streetId: s, overdueAt: now } },
    { name: 'area · 街道, rare: rejected + dispute', query: { kind: 'area', streetId: s, status: 'rejected', category: 'dispute' } },
    { name: 'queue · 区', query: { kind: 'queue', level: 'district', districtId: d } },
    { name: 'area · 区, no filter', query: { kind: 'area', districtId: d } },
    { name: 'area · 区, overdue', query: { kind: 'area', districtId: d, overdueAt: now } },
    { name: 'queue · 市', query: { kind: 'queue', level: 'city', cityId: CITY_ID } },
    { name: 'area · 市, no filter', query: { kind: 'area', cityId: CITY_ID } },
    { name: 'area · 市, overdue', query: { kind: 'area', cityId: CITY_ID, overdueAt: now } },
    { name: 'area · 市, one grid', query: { kind: 'area', cityId: CITY_ID, gridId: gridId(85) } },
  ]
}

type Figures = Map<string, { p50: number; p99: number; n?: number }>

async function measure(e: Engine, now: string): Promise<Figures> {
  const out: Figures = new Map()
  for (const { name, query } of scopes(now)) {
    out.set(`page ${name}`, await times(() => e.reports.list(query, { limit: PAGE, after: null })))
    const n = await e.reports.count(query)
    out.set(`count ${name}`, { ...(await times(() => e.reports.count(query))), n })
  }
  const areas: [string, ReportArea][] = [
    ['overview · 社区 (counts)', { communityId: communityId(17) }],
    ['overview · 街道 (counts)', { streetId: streetId(3) }],
    ['overview · 区 (counts)', { districtId: districtId(0) }],
    ['overview · 市 (counts)', { cityId: CITY_ID }],
  ]
  for (const [name, area] of areas) out.set(name, await times(() => e.reports.counts(area, { now })))
  return out
}

/** A motion's close counts its ballots once; reading its result afterwards is one row, whatever the ballots. */
async function ballots(e: Engine, now: number): Promise<void> {
  const nowIso = new Date(now).toISOString()
  let seq = 0
  const ids = { newId: () => `m_bench_${++seq}` }
  const lines: string[] = []
  for (const n of BALLOTS) {
    const id = `mo_bench_${n}`
    await generateVotedMotion(e.bulk, id, communityId(17), committeeId(17), n, now)
    const t = process.hrtime.bigint()
    await e.motions.settle({ motionId: id }, nowIso, motionMessages({ ids }, nowIso))
    const closeMs = Number(process.hrtime.bigint() - t) / 1e6
    const m = await e.motions.get(id)
    if (m?.status !== 'closed' || m.result?.cast.total !== n) throw new Error(`motion ${id}: ${m?.status}, cast ${m?.result?.cast.total}`)
    const read = await times(() => e.motions.get(id))
    lines.push(`| ${fmt(n)} ballots | close (tally counted once) ${fmt(closeMs, 1)} ms | read the result: p50 ${fmt(read.p50, 2)} / p99 ${fmt(read.p99, 2)} ms |`)
  }
  console.log(lines.join('\n'))
}

async function run(e: Engine): Promise<void> {
  const now = Date.now()
  const nowIso = new Date(now).toISOString()
  const total = Math.max(...SIZES)
  const t0 = Date.now()
  await generateOrganisation(e.bulk, CITY, now)
  const org = sizes(CITY)
  console.log(`\n## ${e.name}: ${CITY.districts} districts, ${CITY.streets} streets, ${fmt(org.communities)} communities, ${fmt(org.grids)} grids, ${fmt(org.residents)} residents (${fmt((Date.now() - t0) / 1000, 1)} s); worker ${workerId(85)}`)
  const results: [number, Figures][] = []
  let written = 0
  for (const size of [...SIZES].sort((a, b) => a - b)) {
    const t = Date.now()
    await generateReports(e.bulk, CITY, written, size, total, now)
    written = size
    await e.bulk.analyze()
    console.log(`${fmt(size)} reports written (${fmt((Date.now() - t) / 1000, 1)} s)`)
    results.push([size, await measure(e, nowIso)])
  }
  await ballots(e, now)
  const header = ['what', ...results.map(([n]) => `${fmt(n)}: p50 / p99 ms (rows)`)]
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`)
  for (const key of results[0]![1].keys()) {
    const cells = results.map(([, f]) => {
      const x = f.get(key)!
      return `${fmt(x.p50, 2)} / ${fmt(x.p99, 2)}${x.n === undefined ? '' : ` (${fmt(x.n)})`}`
    })
    console.log(`| ${key} | ${cells.join(' | ')} |`)
  }
}

async function main() {
  console.log(`bench:city — ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; sizes ${SIZES.map((n) => fmt(n)).join(', ')}; ${CALLS} calls per figure`)
  for (const engine of ENGINES) {
    if (engine === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-city-'))
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
    } else {
      throw new Error(`BENCH_ENGINES: unknown engine ${engine}`)
    }
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
