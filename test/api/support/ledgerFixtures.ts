/** Fixtures for the 台账导出 tests (issue 19): reports at a month's edges, and reading an export back with exceljs. */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { LedgerExport } from '@/domain/ledger'
import { diskExports } from '../../../cloud/adapters/disk/exports'
import { makeHarness, NOW, tempDir, type Harness } from './harness'

/**
 * A harness whose exports go to a folder of its own (on PostgreSQL the default is one folder per machine, and a
 * suite's sweep must not remove another suite's files).
 */
export async function ledgerHarness(): Promise<Harness> {
  const dir = tempDir('gongzhi-exports-test-')
  const h = await makeHarness({ deps: { exportFiles: diskExports(path.join(dir, 'exports')) } })
  return {
    ...h,
    async close() {
      await h.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** February 2025 in China: 2025-01-31T16:00Z … 2025-02-28T16:00Z. */
export const FEB = { month: '2025-02', from: '2025-01-31T16:00:00.000Z', to: '2025-02-28T16:00:00.000Z' }

/** A report created at `at` (the clock set there, then back to NOW); its id. */
export async function reportAt(h: Harness, as: string, at: string, body: { category?: string; description: string; gridId?: string }): Promise<string> {
  h.clock.set(at)
  try {
    const r = await h.ok<{ id: string }>('report.create', { category: body.category ?? 'environment', description: body.description, visibility: 'private', ...(body.gridId ? { gridId: body.gridId } : {}) }, as)
    return r.id
  } finally {
    h.clock.set(NOW)
  }
}

export const exportIdOf = (e: LedgerExport): string => decodeURIComponent(/^\/exports\/([^?]+)\?/.exec(e.url)![1]!)

/** The workbook of an export, read back from the export files. */
export async function readBack(h: Harness, e: LedgerExport): Promise<ExcelJS.Workbook> {
  const file = await h.deps.exportFiles.open(exportIdOf(e))
  if (!file) throw new Error(`no export file for ${e.url}`)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file.path)
  return book
}

/** A sheet's rows as arrays of cell values (exceljs rows are 1-based with an empty slot 0). */
export function rowsOf(book: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = book.getWorksheet(name)
  if (!sheet) throw new Error(`no sheet ${name}`)
  const out: unknown[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => out.push((row.values as unknown[]).slice(1)))
  return out
}

/** The 汇总 sheet as { 项目: 数值 }. */
export function summaryOf(book: ExcelJS.Workbook): Record<string, unknown> {
  return Object.fromEntries(rowsOf(book, '汇总').filter((r) => r.length > 1).map((r) => [String(r[0]), r[1]]))
}
