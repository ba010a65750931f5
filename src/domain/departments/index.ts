import { z } from 'zod'
import { REPORT_CATEGORIES, type ReportCategory } from '../reports'
import { nextWorkday } from '../shared/workdays'
import { chinaDay } from '../shared/chinaTime'
import { idSchema, multilineText, pageSchema, text } from '../shared/text'

/**
 * 联动 (issue 17): functional departments (派出所, 城管, 消防, 供电/供水, 市场监管, 司法所 …) configured per street or
 * district with the report categories they take and their staff (role `department`), and 交办: a community,
 * street, district or city dispatches an open report to one of them with a deadline in working days.
 */

/** Names the form offers (any other name may be typed). */
export const DEPARTMENT_SUGGESTIONS = ['派出所', '城管', '消防', '供电', '供水', '市场监管', '司法所'] as const

/** Working days a dispatcher may give a department to 办结. */
export const DISPATCH_DAYS_MIN = 1
export const DISPATCH_DAYS_MAX = 30

const categories = z
  .array(z.enum(REPORT_CATEGORIES, { message: '不支持的问题类别' }), { error: '请选择承接的问题类别' })
  .min(1, { message: '请至少选择一个承接的问题类别' })
  .max(REPORT_CATEGORIES.length, { message: '问题类别重复了' })
  .refine((c) => new Set(c).size === c.length, { message: '问题类别重复了' })

/**
 * department.create: by street, district or city staff over their area. A street's staff create for their street,
 * a district's for their district (or a street of it, with streetId); a city's name the street or district.
 */
export const departmentCreateSchema = z
  .strictObject({
    name: text(2, 20, '部门名称'),
    categories,
    streetId: idSchema.optional(),
    districtId: idSchema.optional(),
  })
  .refine((d) => !(d.streetId && d.districtId), { message: '街道和区只能选一个', path: ['districtId'] })
export type DepartmentCreateInput = z.input<typeof departmentCreateSchema>

/** department.list: the departments serving the caller's area (a category narrows it to those taking it). */
export const departmentListSchema = z.strictObject({
  category: z.enum(REPORT_CATEGORIES, { message: '不支持的问题类别' }).optional(),
})
export type DepartmentListInput = z.input<typeof departmentListSchema>

/** department.addMember / department.removeMember: a person of the department's area as its staff. */
export const departmentMemberSchema = z.strictObject({ departmentId: idSchema, userId: idSchema })
export type DepartmentMemberInput = z.input<typeof departmentMemberSchema>

/** department.candidates: the people department.addMember would take, found by a name part or phone digits. */
export const departmentCandidatesSchema = z.strictObject({ departmentId: idSchema, query: text(1, 20, '姓名或手机号') })
export type DepartmentCandidatesInput = z.input<typeof departmentCandidatesSchema>

/** At most this many candidates answer one search (type more to narrow it). */
export const DEPARTMENT_CANDIDATES_MAX = 20

/** department.queue: the caller's department's live dispatches, by its deadline. */
export const departmentQueueSchema = z.strictObject({ ...pageSchema })
export type DepartmentQueueInput = z.input<typeof departmentQueueSchema>

/** report.dispatch (交办). */
export const reportDispatchSchema = z.strictObject({
  id: idSchema,
  departmentId: idSchema,
  days: z
    .number({ error: '请填写办理期限' })
    .int({ message: '办理期限须为整数个工作日' })
    .min(DISPATCH_DAYS_MIN, { message: `办理期限至少 ${DISPATCH_DAYS_MIN} 个工作日` })
    .max(DISPATCH_DAYS_MAX, { message: `办理期限最多 ${DISPATCH_DAYS_MAX} 个工作日` }),
  note: multilineText(1, 500, '交办说明').optional(),
})
export type ReportDispatchInput = z.input<typeof reportDispatchSchema>

// ---------- views ----------

export interface DepartmentStats {
  /** dispatches ever made to it */
  dispatched: number
  /** 办结 on or before its deadline */
  onTime: number
  /** 办结 after its deadline */
  late: number
  /** sent back (退回交办) */
  returned: number
  /** live (pending or accepted) and past their deadline now */
  overdueNow: number
  /** live now */
  open: number
  /** average working days from 交办 to 办结 (null: none resolved yet) */
  averageWorkdays: number | null
}

export interface DepartmentView {
  id: string
  name: string
  /** the area it serves: a street or a district */
  area: { tier: 'street' | 'district'; id: string; name: string }
  categories: ReportCategory[]
  /** its staff: names for the staff who manage it, [] for others */
  members: { id: string; name: string }[]
  stats: DepartmentStats
}

/** A person the department's managers may add: the full name (they are the area's staff), the phone's last 4 digits. */
export interface DepartmentCandidateView {
  id: string
  name: string
  /** the last 4 digits of the phone; null when none is on file */
  phoneTail: string | null
  communityName: string
}

/** Working days from one instant to another on China's calendar: the working days after `from`'s day up to `to`'s. */
export function workdaysBetween(from: string, to: string): number {
  const end = chinaDay(to)
  let n = 0
  // bounded: a dispatch lives weeks, not years
  for (let day = nextWorkday(chinaDay(from)); day <= end && n < 3660; day = nextWorkday(day)) n++
  return n
}
