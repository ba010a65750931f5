import { z } from 'zod'
import { idSchema, multilineText, pageSchema, plainString, text } from '../shared/text'

/** 住户认证, the household roster and the committee's people work (issue 3). */

export const RELATIONS = ['head', 'member', 'tenant'] as const
export type Relation = (typeof RELATIONS)[number]
export const RELATION_LABELS: Record<Relation, string> = { head: '户主', member: '家庭成员', tenant: '租户' }

export const APPLICATION_STATUSES = ['pending', 'verified', 'rejected'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
}

/** Mainland mobile numbers, typed or from WeChat's phone-number button. */
export const phoneSchema = z
  .string({ error: '手机号必须是文字' })
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine((s) => /^1[3-9]\d{9}$/.test(s), { message: '请填写 11 位手机号' })

/** The roster's columns, in the order of the template (联系电话 may be left out). */
export const ROSTER_COLUMNS = ['网格', '楼栋/组', '单元', '房号', '户主姓名', '成年人数', '联系电话'] as const
export const ROSTER_REQUIRED_COLUMNS = ROSTER_COLUMNS.slice(0, 6)
/** A community's roster fits well within this; larger files are refused whole. */
export const ROSTER_MAX_ROWS = 10_000

export const householdImportSchema = z.strictObject({
  csv: z
    .string({ error: '请粘贴或选择花名册文件' })
    .min(1, { message: '花名册是空的' })
    .max(1_000_000, { message: '花名册文件太大（最多约 1 MB）', abort: true })
    // tabs and line breaks are the file's structure; other control characters (a NUL …) are not text
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
      message: '花名册中有无法识别的特殊字符（如空字符），请检查文件后重新导入',
    }),
})
export type HouseholdImportInput = z.infer<typeof householdImportSchema>

export interface RejectedLine {
  /** 1-based line number in the file, the header being line 1 */
  line: number
  reason: string
}

export interface HouseholdImportResult {
  added: number
  updated: number
  unchanged: number
  rejected: RejectedLine[]
}

export const householdListSchema = z.strictObject({ gridId: idSchema.optional(), ...pageSchema })
export type HouseholdListInput = z.infer<typeof householdListSchema>

export const householdExportSchema = z.strictObject({ gridId: idSchema.optional() })
export type HouseholdExportInput = z.infer<typeof householdExportSchema>

export interface HouseholdView {
  id: string
  gridId: string
  gridName: string
  building: string
  unit: string | null
  room: string
  /** full for staff who need it, masked (张*明) elsewhere */
  headName: string
  adults: number
  phone: string | null
  /** verified residents bound to this household, roster-only ones included */
  members: number
}

export const residentApplySchema = z.strictObject({
  gridId: idSchema,
  building: text(1, 20, '楼栋/组'),
  unit: text(0, 10, '单元').optional(),
  room: text(1, 20, '房号'),
  name: text(1, 20, '姓名'),
  relation: z.enum(RELATIONS, { message: '请选择与户主的关系' }),
})
export type ResidentApplyInput = z.input<typeof residentApplySchema>

export interface ResidentApplyResult {
  status: 'verified' | 'pending'
  applicationId: string
}

/** approve, or reject with a reason the applicant will read */
export const applicationReviewSchema = z
  .strictObject({
    applicationId: idSchema,
    approve: z.boolean({ message: '请选择通过或不通过' }),
    reason: multilineText(1, 200, '理由').optional(),
  })
  .refine((r) => r.approve || !!r.reason, { message: '不通过时请写明理由', path: ['reason'] })

export const residentReviewSchema = applicationReviewSchema
export type ResidentReviewInput = z.input<typeof residentReviewSchema>

export const applicationListSchema = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  ...pageSchema,
})
export type ApplicationListInput = z.infer<typeof applicationListSchema>

export interface ResidentApplicationView {
  id: string
  status: ApplicationStatus
  gridId: string
  gridName: string
  building: string
  unit: string | null
  room: string
  name: string
  relation: Relation
  /** the household it was matched to (verified), or the roster's household of that room if any */
  householdId: string | null
  /** the roster has this room and its 户主 has this name */
  matchesRoster: boolean
  reason: string | null
  createdAt: string
  reviewedAt: string | null
  /** the applicant (masked for anyone but staff of the community and the applicant) */
  applicantId: string
}

export const residentRegisterSchema = z.strictObject({
  householdId: idSchema,
  name: text(1, 20, '姓名'),
  phone: phoneSchema.optional(),
})
export type ResidentRegisterInput = z.input<typeof residentRegisterSchema>

export const setPhoneSchema = z.union(
  [z.strictObject({ phone: phoneSchema }), z.strictObject({ phoneCode: plainString(128, '手机号授权码').refine((s) => s.length > 0, { message: '缺少手机号授权码' }) })],
  { error: '请填写手机号' },
)
export type SetPhoneInput = z.input<typeof setPhoneSchema>

/** The caller's household as 我的 shows it. */
export interface MyHousehold {
  id: string
  gridName: string
  building: string
  unit: string | null
  room: string
  /** full when the caller is the 户主, masked otherwise */
  headName: string
  relation: Relation | null
}
