/**
 * `tsx bench/overviewParts.ts` — which of 总览's queries costs most (issue 19): the generated city of
 * bench/city/generate.ts at BENCH_OVERVIEW_SIZES[0] reports (default 100,000) on SQLite, each query of
 * OverviewRepo.figures timed on its own for the city and a district over the last three months (median of CALLS).
 * Never asserted; a tool for finding what to maintain.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../cloud/adapters/sqlite/store'
import * as rowsSql from '../cloud/adapters/rows/overview'
import type { OverviewQuery } from '../cloud/overview/ports'
import { periodOf, presetPeriod } from '../src/domain/overview'
import { sqliteBulk } from './city/bulk'
import { CITY, CITY_ID, districtId, generateOrganisation, generateReports } from './city/generate'
import { fmt, pct } from './support/run'

const SIZE = Number((process.env.BENCH_OVERVIEW_SIZES ?? '100000').split(',')[0])
const CALLS = Number(process.env.BENCH_OVERVIEW_CALLS ?? 10)
const D: rowsSql.Dialect = { hours: (l, e) => `(julianday(${l}) - julianday(${e})) * 24.0`, chinaDay: (i) => `date(${i}, '+8 hours')`, collate: '' }

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-overview-parts-'))
  // BENCH_PARTS_DB: keep the generated store there (for EXPLAIN QUERY PLAN afterwards)
  const store = openSqliteStore(process.env.BENCH_PARTS_DB ?? path.join(dir, 'parts.db'))
  try {
    const now = Date.now()
    const t = Date.now()
    const bulk = sqliteBulk(store.db)
    await generateOrganisation(bulk, CITY, now)
    await generateReports(bulk, CITY, 0, SIZE, SIZE, now)
    await bulk.analyze()
    console.log(`${fmt(SIZE)} reports generated in ${fmt((Date.now() - t) / 1000, 1)} s`)
    if (process.env.BENCH_PARTS_DB) return
    const p = periodOf(presetPeriod('last3Months', new Date(now)), new Date(now))
    const parts: [string, (q: OverviewQuery) => rowsSql.Sql][] = [
      ['byDay', (q) => rowsSql.byDaySql(D, q)],
      ['tallies', rowsSql.talliesSql],
      ['accept percentiles', (q) => rowsSql.percentilesSql(D, q, 'accepted_at')],
      ['resolve percentiles', (q) => rowsSql.percentilesSql(D, q, 'resolved_at')],
      ['open now', rowsSql.openNowSql],
      ['overdue now', rowsSql.overdueNowSql],
      ['ratings', rowsSql.ratingsSql],
      ['comments', (q) => rowsSql.commentsSql(D, q)],
      ['warnings', rowsSql.warningsSql],
      ['notices', rowsSql.noticesSql],
      ['motions', rowsSql.motionsSql],
      ['shifts', rowsSql.shiftsSql],
      ['people', rowsSql.peopleSql],
      ['departments', rowsSql.departmentsSql],
    ]
    if (process.env.BENCH_PARTS_SQL) store.db.exec(process.env.BENCH_PARTS_SQL)
    for (const scope of [{ kind: 'city', id: CITY_ID }, { kind: 'district', id: districtId(0) }] as const) {
      const q: OverviewQuery = { scope, start: p.start, end: p.end, now: new Date(now).toISOString() }
      for (const [name, sql] of parts) {
        const s = sql(q)
        const st = store.db.prepare(s.text)
        const lat: number[] = []
        for (let i = 0; i < CALLS + 2; i++) {
          const t0 = process.hrtime.bigint()
          st.all(...s.values)
          if (i >= 2) lat.push(Number(process.hrtime.bigint() - t0) / 1e6)
        }
        lat.sort((a, b) => a - b)
        console.log(`${scope.kind}\t${name}\t${fmt(pct(lat, 50), 1)} ms`)
      }
    }
  } finally {
    store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
