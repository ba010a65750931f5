import { AUDIT_DETAIL_LABELS, AUDIT_TARGET_LABELS, type AuditEntryView } from '@/domain/audit'
import { AUDIT_SHEET, cellText } from '@/domain/ledger'
import { chinaStamp } from '@/domain/shared/chinaTime'
import { ROLE_LABELS } from '@/domain/shared/roles'
import { auditRows, auditViews, type AuditFilter } from '../audit'
import { header, sheetOf, type Book } from './book'
import type { Pace } from './pace'
import type { Column } from './sheets'
import type { UserCtx } from './ports'

export const AUDIT_COLUMNS: Column[] = [
  { header: '时间', width: 17 },
  { header: '操作人', width: 10 },
  { header: '身份', width: 14 },
  { header: '操作', width: 16 },
  { header: '对象类型', width: 10 },
  { header: '对象编号', width: 24 },
  { header: '要点', width: 48 },
]

const detailText = (detail: AuditEntryView['detail']): string =>
  Object.entries(detail ?? {})
    .map(([k, v]) => `${AUDIT_DETAIL_LABELS[k] ?? k}：${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join('；')

export function auditRow(e: AuditEntryView): string[] {
  return [
    chinaStamp(e.at),
    cellText(e.actorName ?? '系统'),
    cellText(e.actorRoles.map((r) => ROLE_LABELS[r]).join('、')),
    cellText(e.actionLabel),
    cellText(AUDIT_TARGET_LABELS[e.targetType] ?? e.targetType),
    cellText(e.targetId),
    cellText(detailText(e.detail)),
  ]
}

/** The 操作日志 within the reader's scope and filter, newest first, as audit.list shows it (masked), page by page. */
export async function writeAudit(book: Book, ctx: UserCtx, filter: AuditFilter, pace: Pace): Promise<number> {
  const sheet = sheetOf(book, AUDIT_SHEET, AUDIT_COLUMNS)
  header(sheet, AUDIT_COLUMNS)
  let n = 0
  for await (const page of auditRows(ctx.deps.store.audit, filter)) {
    for (const e of await auditViews(ctx.deps, page, ctx.user)) {
      sheet.addRow(auditRow(e)).commit()
      n++
    }
    await pace(sheet)
  }
  sheet.commit()
  return n
}
