import { z } from 'zod'
import type { Role } from '../shared/roles'
import { hasControl, idSchema, type Page } from '../shared/text'

/**
 * 操作日志 (issue 19): who did what to which object when — staff writes, exports, role changes, reads of
 * sensitive files — read by the committee (its community) and the tiers above (the communities under them; the
 * city also the system-wide entries). Reading it is not audited; exporting it is (ledger.export).
 */

export { AUDIT_ACTION_LABELS, AUDIT_DETAIL_LABELS, AUDIT_FEATURE_LABELS, AUDIT_TARGET_LABELS, auditActionLabel } from './labels'
export { maskAuditDetail, maskIdNumber, maskText } from './mask'

/** Most rows per page, and the longest period one query spans (days). */
export const AUDIT_PAGE_MAX = 50
export const AUDIT_PERIOD_MAX_DAYS = 366

const DAY_MS = 24 * 3600_000
const day = (label: string) =>
  z
    .string({ error: `${label}格式不正确` })
    .max(10, { message: `${label}格式不正确`, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label}格式不正确（应为 年-月-日）` })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      message: `${label}不是有效日期`,
    })

/** An action's name (`report.transition`) or a feature's prefix (`report.`). */
const actionFilter = z
  .string({ error: '操作类型格式不正确' })
  .max(64, { message: '操作类型格式不正确', abort: true })
  .regex(/^[A-Za-z]+\.(?:[A-Za-z]+)?$/, { message: '操作类型格式不正确' })

/** Whether an action filter names a feature (`report.`) rather than one action. */
export const isActionPrefix = (action: string): boolean => action.endsWith('.')

export const auditListSchema = z
  .strictObject({
    /** the person who acted (a user id) */
    actorId: idSchema.optional(),
    action: actionFilter.optional(),
    targetType: z.string({ error: '对象类型格式不正确' }).max(40, { message: '对象类型格式不正确', abort: true }).regex(/^[A-Za-z]+$/, { message: '对象类型格式不正确' }).optional(),
    targetId: idSchema.optional(),
    /** China days, both included */
    from: day('开始日期').optional(),
    to: day('结束日期').optional(),
    /** street, district and city staff: one community under them */
    communityId: idSchema.optional(),
    cursor: z.string({ error: '分页参数不正确' }).max(200, { message: '分页参数不正确', abort: true }).refine((s) => !hasControl(s), { message: '分页参数不正确' }).optional(),
    limit: z
      .number({ error: '每页条数必须是数字' })
      .int({ message: '每页条数应为整数' })
      .min(1, { message: '每页至少 1 条' })
      .max(AUDIT_PAGE_MAX, { message: `每页最多 ${AUDIT_PAGE_MAX} 条` })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.from || !v.to) return
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
    else if ((Date.parse(v.to) - Date.parse(v.from)) / DAY_MS + 1 > AUDIT_PERIOD_MAX_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `查询时段最长 ${AUDIT_PERIOD_MAX_DAYS} 天` })
  })
export type AuditListInput = z.input<typeof auditListSchema>

export const auditActionsSchema = z.strictObject({ communityId: idSchema.optional() })
export type AuditActionsInput = z.input<typeof auditActionsSchema>

// ---------- views ----------

export interface AuditEntryView {
  /** the row's number, as text */
  id: string
  at: string
  actorId: string
  /** null: not a person of the app (an operator's command, a sweep) */
  actorName: string | null
  actorRoles: Role[]
  action: string
  /** the Chinese label, or the raw name when the action has none */
  actionLabel: string
  targetType: string
  targetId: string
  communityId: string | null
  /** phone and ID numbers masked */
  detail: Record<string, unknown> | null
}

export type AuditPage = Page<AuditEntryView>

/** The actions present in the caller's scope, for the filter picker. */
export interface AuditActions {
  actions: { action: string; label: string }[]
}
