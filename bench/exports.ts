/**
 * `npm run bench:exports` — ledger.export's memory while it streams (issue 19: "an export of a month of a street
 * streaming (constant memory)"), on the generated city of bench/city/generate.ts at BENCH_EXPORT_SIZES reports
 * (default 100,000; "100000,1000000" for both). Per export: rows, bytes, time, and the peak heap, heap + external
 * (Buffers) and RSS above the level before it (after a full GC when run with --expose-gc, as the npm script does),
 * sampled every 5 ms and at each chunk the workbook writes to its file (a chunk is written even when the export
 * never yields to a timer). Exports: last month's 台账 of a street, a district and the city, then the city's 问题清单
 * over periods holding about 1 k, 10 k and 100 k reports — rows ×10 each time; a flat memory column is the
 * streaming. BENCH_ENGINES: "sqlite" (default) or "sqlite,postgres" (BENCH_PG=postgres://…, else a private server).
 * Never asserted.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../cloud/adapters/sqlite/store'
import { diskExports } from '../cloud/adapters/disk/exports'
import { createDeps } from '../cloud/compose/deps'
import type { Store } from '../cloud/compose/store'
import { exportLedger } from '../cloud/ledger/exportLedger'
import type { ExportFiles } from '../cloud/ledger/ports'
import type { UserRecord } from '../cloud/shared/ports'
import type { LedgerExportParsed } from '../src/domain/ledger'
import { chinaDay, chinaMonth } from '../src/domain/shared/chinaTime'
import { postgresBulk, sqliteBulk, type BulkWriter } from './city/bulk'
import { CITY, CITY_ID, districtId, generateOrganisation, generateReports, SPAN_MS, streetId } from './city/generate'
import { fmt } from './support/run'
import { scratchPostgresStore } from './support/scratch'

const SIZES = (process.env.BENCH_EXPORT_SIZES ?? process.env.BENCH_OVERVIEW_SIZES ?? '100000').split(',').map(Number)
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite').split(',')
const DAY = 24 * 3600_000
const MB = 1048576
const delta = (bytes: number) => `${bytes < 0 ? '−' : '+'}${fmt(Math.abs(bytes) / MB, 1)} MB`

interface Engine {
  name: string
  bulk: BulkWriter
  store: Store
  close(): Promise<void>
}

function staffOf(place: Partial<UserRecord>, roles: UserRecord['roles']): UserRecord {
  return {
    id: 'u_bench', name: '测试', phone: null, openid: null, roles, communityId: null, communityName: null, streetId: null, districtId: null,
    cityId: null, gridId: null, gridName: null, householdId: null, verified: true, rosterOnly: false, grids: [], createdAt: new Date(0).toISOString(), ...place,
  }
}

/** Peak heapUsed and RSS since start(), sampled on a timer and by whoever calls sample(). */
class Peaks {
  heap = 0
  /** heapUsed + external (Buffers live outside the heap) */
  all = 0
  rss = 0
  private timer: NodeJS.Timeout | null = null
  sample = () => {
    const m = process.memoryUsage()
    if (m.heapUsed > this.heap) this.heap = m.heapUsed
    if (m.heapUsed + m.external > this.all) this.all = m.heapUsed + m.external
    if (m.rss > this.rss) this.rss = m.rss
  }
  start() {
    this.heap = 0
    this.all = 0
    this.rss = 0
    this.sample()
    this.timer = setInterval(this.sample, 5)
  }
  stop() {
    if (this.timer) clearInterval(this.timer)
    this.sample()
  }
}

/** The disk's export files, with a memory sample at each chunk written. */
function sampled(files: ExportFiles, peaks: Peaks): ExportFiles {
  return {
    ...files,
    async create(id, meta) {
      const sink = await files.create(id, meta)
      const write = sink.stream.write.bind(sink.stream) as (...a: unknown[]) => boolean
      sink.stream.write = ((...a: unknown[]) => {
        peaks.sample()
        return write(...a)
      }) as typeof sink.stream.write
      return sink
    },
  }
}

async function openSqlite(dir: string): Promise<Engine> {
  const store = openSqliteStore(path.join(dir, 'exports.db'))
  return { name: 'SQLite', bulk: sqliteBulk(store.db), store, close: async () => store.close() }
}

async function openPostgres(): Promise<Engine & { stopServer(): void }> {
  const { store, stopServer } = await scratchPostgresStore('exports', 8)
  return { name: 'PostgreSQL', bulk: postgresBulk(store.pool), store, close: () => store.close(), stopServer }
}

/** The exports of one size: last month of a street, a district and the city; the city's list over ~1 k, 10 k, 100 k. */
function exportsAt(size: number, now: Date): [string, UserRecord, LedgerExportParsed][] {
  const last = chinaMonth(new Date(Date.parse(`${chinaMonth(now)}-01T00:00:00+08:00`) - DAY))
  const city = staffOf({ cityId: CITY_ID }, ['city'])
  const list = [1_000, 10_000, 100_000]
    .filter((n) => n <= size)
    .map((n): [string, UserRecord, LedgerExportParsed] => {
      const days = Math.max(1, Math.round((n / size) * (SPAN_MS / DAY)))
      const from = chinaDay(new Date(now.getTime() - days * DAY))
      return [`问题清单 · 市 · ${days} 天`, city, { kind: 'reports', from, to: chinaDay(now) } as LedgerExportParsed]
    })
  return [
    [`月度台账 · 街道 · ${last}`, staffOf({ streetId: streetId(3) }, ['street']), { kind: 'month', month: last } as LedgerExportParsed],
    [`月度台账 · 区 · ${last}`, staffOf({ districtId: districtId(0) }, ['district']), { kind: 'month', month: last } as LedgerExportParsed],
    [`月度台账 · 市 · ${last}`, city, { kind: 'month', month: last } as LedgerExportParsed],
    ...list,
  ]
}

async function run(e: Engine): Promise<string[]> {
  const now = Date.now()
  await generateOrganisation(e.bulk, CITY, now)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-exports-'))
  const peaks = new Peaks()
  const deps = await createDeps(e.store, { devLogin: false, wechat: null, secret: 'bench-secret-bench-secret-bench-secret' }, { exportFiles: sampled(diskExports(dir), peaks) })
  const rows: string[] = []
  let written = 0
  try {
    for (const size of [...SIZES].sort((a, b) => a - b)) {
      const t = Date.now()
      await generateReports(e.bulk, CITY, written, size, Math.max(...SIZES), now)
      written = size
      await e.bulk.analyze()
      console.log(`${e.name}: ${fmt(size)} reports written (${fmt((Date.now() - t) / 1000, 1)} s)`)
      const exports = exportsAt(size, new Date(now))
      // one unrecorded export first: the first row would otherwise time loading exceljs and the cold statements
      const [, warmUser, warmInput] = exports[0]!
      await exportLedger(warmInput, { deps, user: warmUser } as never)
      fs.rmSync(dir, { recursive: true, force: true })
      for (const [label, user, input] of exports) {
        global.gc?.()
        const base = process.memoryUsage()
        peaks.start()
        const t0 = process.hrtime.bigint()
        const out = await exportLedger(input, { deps, user } as never)
        const ms = Number(process.hrtime.bigint() - t0) / 1e6
        peaks.stop()
        const row = `| ${e.name} | ${fmt(size)} | ${label} | ${fmt(out.rows)} | ${fmt(out.bytes / MB, 1)} MB | ${fmt(ms / 1000, 1)} s | ${delta(peaks.heap - base.heapUsed)} | ${delta(peaks.all - base.heapUsed - base.external)} | ${delta(peaks.rss - base.rss)} (${fmt(peaks.rss / MB)} MB) |`
        console.log(row)
        rows.push(row)
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return rows
}

async function main() {
  console.log(`bench:exports — ${os.cpus().length} cores; sizes ${SIZES.map((n) => fmt(n)).join(', ')}; gc ${global.gc ? 'exposed' : 'not exposed'}`)
  const rows: string[] = []
  for (const engine of ENGINES) {
    if (engine === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-exports-'))
      const e = await openSqlite(dir)
      try {
        rows.push(...(await run(e)))
      } finally {
        await e.close()
        fs.rmSync(dir, { recursive: true, force: true })
      }
    } else if (engine === 'postgres') {
      const e = await openPostgres()
      try {
        rows.push(...(await run(e)))
      } finally {
        await e.close()
        e.stopServer()
      }
    } else throw new Error(`BENCH_ENGINES: unknown engine ${engine}`)
  }
  console.log(`| engine | reports | export | rows | file | time | peak heap | peak heap + external | peak RSS (absolute) |\n|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
