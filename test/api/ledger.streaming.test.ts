/**
 * ledger.export streams, it does not buffer (issue 19: "an export of a month … streaming (constant memory)"): with
 * a month of many pages, the file's sink has received bytes of the workbook before the 问题清单's last page is read,
 * and more after each page. A writer that held the workbook until the end (or a store whose reads never yield, left
 * unpaced) gives the sink nothing until the last read. The rows read back complete and in order.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { LedgerExport } from '@/domain/ledger'
import { diskExports } from '../../cloud/adapters/disk/exports'
import { PAGE } from '../../cloud/ledger/exportLedger'
import type { ExportFiles } from '../../cloud/ledger/ports'
import { makeHarness, tempDir, type Harness } from './support/harness'
import { WHO } from './support/reportFixtures'

jest.setTimeout(120_000)

const PAGES = 8
const N = PAGES * PAGE + 13
let h: Harness
let dir: string
/** bytes the sink has been given so far (the workbook's zip as it leaves exceljs) */
let received = 0
let file: string | null = null

function counting(files: ExportFiles): ExportFiles {
  return {
    ...files,
    async create(id, meta) {
      const sink = await files.create(id, meta)
      const write = sink.stream.write.bind(sink.stream) as (chunk: Buffer, ...rest: unknown[]) => boolean
      sink.stream.write = ((chunk: Buffer, ...rest: unknown[]) => {
        received += chunk.length
        return write(chunk, ...rest)
      }) as typeof sink.stream.write
      return sink
    },
    async open(id) {
      const found = await files.open(id)
      if (found) file = found.path
      return found
    },
  }
}

beforeAll(async () => {
  dir = tempDir('gongzhi-exports-streaming-')
  h = await makeHarness({ deps: { exportFiles: counting(diskExports(path.join(dir, 'exports'))) } })
  await h.sql.tx(async (sql) => {
    for (let i = 0; i < N; i++) {
      const at = new Date(Date.parse('2025-01-05T02:00:00.000Z') + i * 60_000).toISOString()
      // text that does not compress to nothing: a page is several KB of zip
      const noise = createHash('sha256').update(String(i)).digest('hex').repeat(3)
      await sql.run(
        `INSERT INTO reports (id, community_id, street_id, district_id, city_id, grid_id, reporter_id, category, description, anonymous, visibility, moderation,
           status, level, max_level, accept_by, resolve_by, created_at, updated_at)
         VALUES (?, 'c_jinjiang', 'st_zhenxing', 'd_binjiang', 'ct_jiangcheng', 'g_jj_1', ?, 'environment', ?, ?, 'private', 'clean', 'submitted', 'grid', 'grid', ?, ?, ?, ?)`,
        [`r_flow_${String(i).padStart(5, '0')}`, WHO.resident, `批量问题 ${i} ${noise}`, false, at, at, at, at],
      )
    }
  })
})
afterAll(async () => {
  await h.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test(`a month of ${N} reports: the sink gets bytes page after page, before the last page is read`, async () => {
  const seen: number[] = []
  const reads = h.store.ledger.reports.bind(h.store.ledger)
  const spy = jest.spyOn(h.store.ledger, 'reports').mockImplementation(async (q, after, limit) => {
    // the 问题清单's reads (the 矛盾纠纷 pass reads with a category): what the sink had when each page was asked for
    if (q.category === null) seen.push(received)
    return reads(q, after, limit)
  })
  received = 0
  let out: LedgerExport
  try {
    out = await h.ok<LedgerExport>('ledger.export', { kind: 'month', month: '2025-01' }, WHO.committee)
  } finally {
    spy.mockRestore()
  }
  expect(seen.length).toBe(Math.floor(out.rows / PAGE) + 1)
  expect(out.rows).toBeGreaterThanOrEqual(N)
  // before the last page was read, the sink had bytes, and they grew from page to page (not one flush)
  const last = seen[seen.length - 1]!
  expect(last).toBeGreaterThan(0)
  const grew = seen.slice(1).filter((b, i) => b > seen[i]!).length
  expect(grew).toBeGreaterThanOrEqual(PAGES / 2)
  // and still less than the whole file: the rest came after
  expect(last).toBeLessThan(out.bytes)
  expect(received).toBe(out.bytes)

  await h.deps.exportFiles.open(decodeURIComponent(/^\/exports\/([^?]+)\?/.exec(out.url)![1]!))
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file!)
  const ids: string[] = []
  book.getWorksheet('问题清单')!.eachRow((row, n) => (n > 1 ? ids.push(String(row.getCell(1).value)) : undefined))
  const flow = ids.filter((id) => id.startsWith('r_flow_'))
  expect(flow).toHaveLength(N)
  expect(flow).toEqual([...flow].sort())
})
