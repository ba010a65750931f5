import { chinaDayRange, EXPORT_KEEP_MS, isFutureMonth, ledgerFileName, monthLabel, monthRange, AUDIT_SHEET, MONTH_SHEETS, REPORTS_SHEET, type LedgerExport, type LedgerExportParsed } from '@/domain/ledger'
import { chinaDay } from '@/domain/shared/chinaTime'
import { AppError } from '@/domain/shared/errors'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { auditScopeOf, filterOf } from '../audit'
import { assertGrid, scopeOf, type LedgerScope } from './access'
import { writeAudit } from './auditSheet'
import { header, holdFirstTab, sheetOf, type Book, type Sheet } from './book'
import { DISPUTE_COLUMNS, disputeRow, REPORT_COLUMNS, reportRow, SHIFT_COLUMNS, shiftRow } from './sheets'
import { pacer, type Pace } from './pace'
import { MonthTally } from './summary'
import type { ExportRecord, LedgerEventRecord, LedgerReportQuery, UserCtx } from './ports'

/** Rows read from the store per query: the workbook streams (paced, ./pace.ts), so memory holds about one page. */
export const PAGE = 200

/**
 * ledger.export — a month's 台账 (汇总, 问题清单 with timelines, 矛盾纠纷, 巡逻) or the report list with its filters,
 * streamed into an xlsx file (exceljs WorkbookWriter: each row committed as its page arrives), kept for the exporter
 * behind a signed address, with an audit entry. Files older than an hour are removed first.
 */
export async function exportLedger(input: LedgerExportParsed, ctx: UserCtx): Promise<LedgerExport> {
  const { deps, user } = ctx
  const now = deps.clock.now()
  const scope = await scopeOf(deps, user, input.communityId)
  // the 操作日志 is for the committee and the tiers above (grid workers export their 台账, not the log)
  const auditFilter = input.kind === 'audit' ? filterOf(input, await auditScopeOf(deps, user, input.communityId)) : null
  if (input.kind === 'month' && isFutureMonth(input.month, now)) {
    throw new AppError('INVALID_INPUT', '不能导出尚未到来的月份', [{ path: 'month', message: '不能导出尚未到来的月份' }])
  }
  if (input.kind === 'reports' && input.gridId) await assertGrid(deps, scope, input.gridId)
  // a retried request (the same requestId) gets the export it made, its address signed anew; nothing is made again
  const key = idempotencyKey(ctx, 'ledger.export', input)
  const prior = key ? await deps.store.ledger.keyState(key) : ({ kind: 'new' } as const)
  if (prior.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (prior.kind === 'replayed') return await signed(ctx, prior.export)
  await deps.exportFiles.sweep(new Date(now.getTime() - EXPORT_KEEP_MS).toISOString())

  const id = deps.ids.newId()
  const fileName = ledgerFileName(
    scope.areaName,
    input.kind === 'month' ? { month: input.month } : { day: chinaDay(now), ...(input.kind === 'audit' ? { list: AUDIT_SHEET } : {}) },
  )
  const sink = await deps.exportFiles.create(id, { ownerId: user.id, fileName, createdAt: now.toISOString() })
  let rows: number
  let bytes: number
  try {
    // loaded on first use: the cloud function's cold start does not pay for the xlsx writer
    const { default: excel } = await import('exceljs')
    const book = new excel.stream.xlsx.WorkbookWriter({ stream: sink.stream as never, useStyles: true, useSharedStrings: false })
    book.creator = '共治'
    const pace = pacer(sink.stream)
    rows =
      input.kind === 'month'
        ? await writeMonth(book, ctx, scope, input.month, pace)
        : auditFilter
          ? await writeAudit(book, ctx, auditFilter, pace)
          : await writeList(book, ctx, scope, input as Extract<LedgerExportParsed, { kind: 'reports' }>, pace)
    await book.commit()
    bytes = await sink.finish()
  } catch (e) {
    await sink.abort()
    throw e
  }
  const period = input.kind === 'month' ? input.month : { from: input.from ?? null, to: input.to ?? null }
  const auditOf = input.kind === 'audit' ? { filter: { actorId: input.actorId, action: input.action, targetType: input.targetType, targetId: input.targetId } } : {}
  const made = { id, fileName, rows, bytes }
  const outcome = await deps.store.ledger.recordExport({
    at: now.toISOString(),
    actorId: user.id,
    action: 'ledger.export',
    targetType: 'ledger',
    targetId: id,
    communityId: scope.communityId,
    detail: { kind: input.kind, area: scope.area, ...(scope.gridIds ? { gridIds: scope.gridIds } : {}), period, rows, fileName, ...auditOf },
  }, key, made)
  // two retries raced: the one that recorded first is the export (this file is left to the sweep)
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  return await signed(ctx, outcome.kind === 'replayed' ? outcome.export : made)
}

/** The reply: the file's address — cloud storage's temporary URL where the files give one, else the signed route. */
async function signed(ctx: UserCtx, e: ExportRecord): Promise<LedgerExport> {
  const { exportFiles, exportUrls } = ctx.deps
  const url = exportFiles.link ? await exportFiles.link(e.id) : exportUrls.sign(e.id, ctx.user.id)
  if (url === null) throw new AppError('NOT_FOUND', '文件不存在或已清理，请重新导出')
  return { fileName: e.fileName, url, rows: e.rows, bytes: e.bytes }
}

/** Streams the query's reports page by page into `sheet`; `each` gets a page with its timelines, then the writer is paced. */
async function eachPage(
  ctx: UserCtx,
  q: LedgerReportQuery,
  each: (page: Awaited<ReturnType<UserCtx['deps']['store']['ledger']['reports']>>, events: Map<string, LedgerEventRecord[]>) => void,
  withEvents: boolean,
  sheet: Sheet,
  pace: Pace,
): Promise<void> {
  let after: number | null = null
  for (;;) {
    const page = await ctx.deps.store.ledger.reports(q, after, PAGE)
    if (page.length === 0) return
    const events = new Map<string, LedgerEventRecord[]>()
    if (withEvents) {
      for (const e of await ctx.deps.store.ledger.events(page.map((r) => r.id))) {
        const list = events.get(e.reportId)
        if (list) list.push(e)
        else events.set(e.reportId, [e])
      }
    }
    each(page, events)
    if (page.length < PAGE) return
    await pace(sheet)
    after = page[page.length - 1]!.seq
  }
}

async function writeReports(sheet: Sheet, ctx: UserCtx, q: LedgerReportQuery, tally: MonthTally | null, pace: Pace): Promise<number> {
  const now = ctx.deps.clock.now()
  header(sheet, REPORT_COLUMNS)
  let n = 0
  await eachPage(
    ctx,
    q,
    (page, events) => {
      for (const r of page) {
        sheet.addRow(reportRow(r, events.get(r.id) ?? [], ctx.user, now)).commit()
        tally?.addReport(r, now)
        n++
      }
    },
    true,
    sheet,
    pace,
  )
  sheet.commit()
  return n
}

async function writeMonth(book: Book, ctx: UserCtx, scope: LedgerScope, month: string, pace: Pace): Promise<number> {
  const { from, to } = monthRange(month)
  const [summaryName, reportsName, disputesName, shiftsName] = MONTH_SHEETS
  // each sheet is created when its turn comes (its zip entry opens then) and committed before the next; 汇总 comes
  // last, from the tally, into the first tab held for it
  const held = holdFirstTab(book)
  const tally = new MonthTally()
  const q: LedgerReportQuery = { area: scope.area, gridIds: scope.gridIds, from, to, status: null, category: null }
  const rows = await writeReports(sheetOf(book, reportsName, REPORT_COLUMNS), ctx, q, tally, pace)

  const disputes = sheetOf(book, disputesName, DISPUTE_COLUMNS)
  header(disputes, DISPUTE_COLUMNS)
  await eachPage(
    ctx,
    { ...q, category: 'dispute' },
    (page) => {
      for (const r of page) {
        disputes.addRow(disputeRow(r)).commit()
        tally.addDispute(r)
      }
    },
    false,
    disputes,
    pace,
  )
  disputes.commit()

  const shifts = sheetOf(book, shiftsName, SHIFT_COLUMNS)
  header(shifts, SHIFT_COLUMNS)
  // patrols belong to a community, not a grid: a grid worker's 台账 lists their community's
  let after: number | null = null
  for (;;) {
    const page = await ctx.deps.store.ledger.shifts(scope.area, from, to, after, PAGE)
    for (const s of page) {
      shifts.addRow(shiftRow(s)).commit()
      tally.addShift(s)
    }
    if (page.length < PAGE) break
    after = page[page.length - 1]!.seq
    await pace(shifts)
  }
  shifts.commit()

  const summary = held.first(summaryName, [{ header: '项目', width: 26 }, { header: '数值', width: 14 }])
  for (const [i, r] of tally.rows(`${scope.areaName} ${monthLabel(month)}台账`).entries()) {
    const row = summary.addRow(r)
    if (i === 0 || r[1] === null) row.font = { bold: true }
    row.commit()
  }
  summary.commit()
  return rows
}

async function writeList(
  book: Book,
  ctx: UserCtx,
  scope: LedgerScope,
  input: Extract<LedgerExportParsed, { kind: 'reports' }>,
  pace: Pace,
): Promise<number> {
  const { from, to } = chinaDayRange(input.from, input.to)
  const sheet = sheetOf(book, REPORTS_SHEET, REPORT_COLUMNS)
  const gridIds = input.gridId ? [input.gridId] : scope.gridIds
  return writeReports(sheet, ctx, { area: scope.area, gridIds, from, to, status: input.status ?? null, category: input.category ?? null }, null, pace)
}
