import { z } from 'zod'
import { auditFilterFields, checkAuditPeriod } from '../audit'
import { REPORT_CATEGORIES, REPORT_STATUSES } from '../reports'
import { dayRangeFields } from '../shared/days'
import { idSchema } from '../shared/text'

/**
 * 台账导出 (issue 19): staff export a month's 台账 of their area (summary, reports with timelines, disputes,
 * patrols) or the report list they see with its filters, as an Excel file. Rules: ./rules.
 */

export { chinaDayRange } from '../shared/days'
export {
  cellText,
  isFutureMonth,
  ledgerFileName,
  monthLabel,
  monthRange,
  timelinessOf,
  TIMELINESS_LABELS,
  type Timeliness,
} from './rules'

export const LEDGER_KINDS = ['month', 'reports', 'audit'] as const
export type LedgerKind = (typeof LEDGER_KINDS)[number]
export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = { month: '月度台账', reports: '问题清单', audit: '操作日志' }

/** The sheets of a month's 台账, in order. */
export const MONTH_SHEETS = ['汇总', '问题清单', '矛盾纠纷', '巡逻'] as const
/** The one sheet of a report list export. */
export const REPORTS_SHEET = '问题清单'
/** The one sheet of an export of the audit log. */
export const AUDIT_SHEET = '操作日志'

const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/

export const monthSchema = z
  .string({ error: '请选择月份' })
  .max(7, { message: '月份格式不正确（如 2025-03）', abort: true })
  .regex(MONTH, { message: '月份格式不正确（如 2025-03）' })

/** month: 台账 of the month; a tier names one community under it, or none for its whole area. */
export const ledgerMonthSchema = z.strictObject({
  kind: z.literal('month'),
  month: monthSchema,
  communityId: idSchema.optional(),
})

/** reports: the list staff see with its filters; the period is China calendar days, both ends included. */
export const ledgerReportsSchema = z.strictObject({
  kind: z.literal('reports'),
  communityId: idSchema.optional(),
  status: z.enum(REPORT_STATUSES, { message: '请选择问题状态' }).optional(),
  category: z.enum(REPORT_CATEGORIES, { message: '请选择问题类别' }).optional(),
  gridId: idSchema.optional(),
  ...dayRangeFields,
})

/** audit: the 操作日志 with audit.list's filters (committee and above; the export itself is audited). */
export const ledgerAuditSchema = z.strictObject({ kind: z.literal('audit'), ...auditFilterFields })

export const ledgerExportSchema = z
  .discriminatedUnion('kind', [ledgerMonthSchema, ledgerReportsSchema, ledgerAuditSchema], { error: '请选择导出内容（月度台账、问题清单或操作日志）' })
  .superRefine((v, ctx) => {
    if (v.kind === 'reports' && v.from && v.to && v.from > v.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
    }
    if (v.kind === 'audit') checkAuditPeriod(v, ctx)
  })
export type LedgerExportInput = z.input<typeof ledgerExportSchema>
export type LedgerExportParsed = z.output<typeof ledgerExportSchema>

/** What an export returns: the file's Chinese name and its signed, short-lived address. */
export interface LedgerExport {
  fileName: string
  /**
   * given to the exporter only, valid for EXPORT_URL_TTL_MS: the server's signed `/exports/<id>?e=&s=` (fetched with the
   * session's token), or on the cloud function an https temporary URL of cloud storage (needs no token)
   */
  url: string
  /** data rows written (the 问题清单's reports) */
  rows: number
  bytes: number
}

/** An export's address lives this long; the file itself is removed after EXPORT_KEEP_MS. */
export const EXPORT_URL_TTL_MS = 10 * 60 * 1000
export const EXPORT_KEEP_MS = 60 * 60 * 1000
