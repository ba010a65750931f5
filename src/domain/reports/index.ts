import { z } from 'zod'
import { checkDayRange, dayRangeFields } from '../shared/days'
import { COORD_SYSTEMS } from '../shared/geo'
import { idSchema, multilineText, pageSchema, text, type Page } from '../shared/text'

/** 随手拍 reports (issue 4): categories, the form/call/server schema and the views. */

export const REPORT_CATEGORIES = ['dispute', 'public_security', 'safety_hazard', 'environment', 'facility', 'livelihood', 'other'] as const
export type ReportCategory = (typeof REPORT_CATEGORIES)[number]

export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  dispute: '矛盾纠纷',
  public_security: '治安隐患',
  safety_hazard: '安全隐患',
  environment: '环境卫生',
  facility: '设施损坏',
  livelihood: '民生诉求',
  other: '其他',
}

export const REPORT_CATEGORY_HINTS: Record<ReportCategory, string> = {
  dispute: '邻里、家庭、物业等纠纷，默认仅工作人员可见',
  public_security: '可疑人员、盗窃、诈骗等',
  safety_hazard: '消防通道堵塞、电线老化、高空坠物等',
  environment: '垃圾堆放、污水、噪音等',
  facility: '路灯、井盖、健身器材、电梯等损坏',
  livelihood: '养老、就业、办事等诉求',
  other: '其他需要反映的问题',
}

/** Disputes are private by default: only the reporter and staff see them. */
export function defaultVisibility(category: ReportCategory): ReportVisibility {
  return category === 'dispute' ? 'private' : 'public'
}

export const REPORT_VISIBILITIES = ['public', 'private'] as const
export type ReportVisibility = (typeof REPORT_VISIBILITIES)[number]

export const MAX_REPORT_PHOTOS = 6
/** "我也遇到": open public reports of the same category within this distance are offered before submitting. */
export const NEARBY_METRES = 200


const latitude = z.number({ error: '纬度必须是数字' }).min(-90, { message: '纬度超出范围' }).max(90, { message: '纬度超出范围' })
const longitude = z.number({ error: '经度必须是数字' }).min(-180, { message: '经度超出范围' }).max(180, { message: '经度超出范围' })

export const locationSchema = z.strictObject({
  latitude,
  longitude,
  address: text(0, 100, '地址').optional(),
  /** defaults to gcj02 (what weapp gives); the server stores every point in GCJ-02 */
  coordSystem: z.enum(COORD_SYSTEMS).optional(),
})
export type LocationInput = z.input<typeof locationSchema>

const photoIds = z
  .array(idSchema, { error: '照片格式不正确' })
  .max(MAX_REPORT_PHOTOS, { message: `最多 ${MAX_REPORT_PHOTOS} 张照片` })
  .refine((ids) => new Set(ids).size === ids.length, { message: '照片重复了' })

const category = z.enum(REPORT_CATEGORIES, { message: '请选择问题类别' })
/** How long a report's description may be (the form's hint and counter say the same). */
export const DESCRIPTION_MIN = 5
export const DESCRIPTION_MAX = 1000
const description = multilineText(DESCRIPTION_MIN, DESCRIPTION_MAX, '问题描述')

export const reportCreateSchema = z.strictObject({
  category,
  description,
  photoIds: photoIds.optional(),
  location: locationSchema.optional(),
  /** H5 without geolocation: the grid the resident picked. Used when there is no location. */
  gridId: idSchema.optional(),
  anonymous: z.boolean().optional(),
  visibility: z.enum(REPORT_VISIBILITIES, { message: '请选择公开范围' }).optional(),
})
export type ReportCreateInput = z.input<typeof reportCreateSchema>

export const reportNearbySchema = z.strictObject({
  latitude,
  longitude,
  coordSystem: z.enum(COORD_SYSTEMS).optional(),
  category,
})
export type ReportNearbyInput = z.input<typeof reportNearbySchema>

/** report.route: where a report made at this point would go, before it is sent. */
export const reportRouteSchema = z.strictObject({ latitude, longitude, coordSystem: z.enum(COORD_SYSTEMS).optional() })
export type ReportRouteInput = z.input<typeof reportRouteSchema>

/** The grid a report goes to and who handles it there, in words the resident knows. */
export interface ReportRoute {
  gridId: string
  gridName: string
  /** the point lies inside this grid (false: outside every grid of the community, so the resident's own is used) */
  inside: boolean
  /** 网格员 孙丽, or 第一网格网格员 when none is assigned yet */
  handler: string
}

export const reportIdSchema = z.strictObject({ id: idSchema })
export type ReportIdInput = z.infer<typeof reportIdSchema>

export const REPORT_SCOPES = ['mine', 'public', 'queue', 'area'] as const
export type ReportScope = (typeof REPORT_SCOPES)[number]

export const REPORT_STATUSES = ['submitted', 'accepted', 'returned', 'resolved', 'closed', 'rejected', 'withdrawn'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const reportListSchema = z
  .strictObject({
    scope: z.enum(REPORT_SCOPES, { message: '请选择列表范围' }),
    status: z.enum(REPORT_STATUSES).optional(),
    gridId: idSchema.optional(),
    category: category.optional(),
    overdue: z.boolean().optional(),
    /** the area list only: one community of the caller's area */
    communityId: idSchema.optional(),
    /** the area list only: created on these China days (both included), as 总览's period counts them */
    ...dayRangeFields,
    ...pageSchema,
  })
  .superRefine(checkDayRange)
export type ReportListInput = z.input<typeof reportListSchema>

export const REPORT_ACTIONS = [
  'accept',
  'note',
  'resolve',
  'reject',
  'return',
  'escalate',
  'supervise',
  'reassign',
  'reopen',
  'withdraw',
  'sendBack',
] as const
export type ReportAction = (typeof REPORT_ACTIONS)[number]

/** Actions whose note is required (the reason the person on the other side will read). */
export const NOTE_REQUIRED: readonly ReportAction[] = ['note', 'resolve', 'reject', 'return', 'escalate', 'supervise', 'reopen', 'sendBack']

export const reportTransitionSchema = z
  .strictObject({
    id: idSchema,
    action: z.enum(REPORT_ACTIONS, { message: '不支持的操作' }),
    note: multilineText(1, 1000, '说明').optional(),
    photoIds: photoIds.optional(),
    toUserId: idSchema.optional(),
  })
  .refine((t) => !NOTE_REQUIRED.includes(t.action) || !!t.note, { message: '请填写说明', path: ['note'] })
  .refine((t) => t.action !== 'reassign' || !!t.toUserId, { message: '请选择改派给谁', path: ['toUserId'] })
export type ReportTransitionInput = z.input<typeof reportTransitionSchema>

export const reportRateSchema = z.strictObject({
  id: idSchema,
  score: z.number({ error: '请选择评分' }).int({ message: '评分是 1 到 5 的整数' }).min(1, { message: '评分是 1 到 5 的整数' }).max(5, { message: '评分是 1 到 5 的整数' }),
  comment: multilineText(0, 500, '评价').optional(),
})
export type ReportRateInput = z.input<typeof reportRateSchema>

/**
 * The reporter edits their own report: text, category, photos and visibility before it is accepted (or
 * while it is returned to them, which resubmits it); `anonymous: true` at any time.
 */
export const reportEditSchema = z
  .strictObject({
    id: idSchema,
    category: category.optional(),
    description: description.optional(),
    photoIds: photoIds.optional(),
    anonymous: z.boolean().optional(),
    visibility: z.enum(REPORT_VISIBILITIES).optional(),
  })
  .refine((e) => Object.keys(e).length > 1, { message: '没有要修改的内容' })
export type ReportEditInput = z.input<typeof reportEditSchema>

export const MEDIATION_KINDS = ['people', 'administrative', 'judicial'] as const
export type MediationKind = (typeof MEDIATION_KINDS)[number]
export const MEDIATION_KIND_LABELS: Record<MediationKind, string> = {
  people: '人民调解',
  administrative: '行政调解',
  judicial: '司法调解',
}
export const MEDIATION_OUTCOMES = ['agreed', 'failed'] as const
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number]
export const MEDIATION_OUTCOME_LABELS: Record<MediationOutcome, string> = { agreed: '调解成功', failed: '未化解' }

export const daySchema = z
  .string({ error: '日期格式不正确' })
  .max(10, { message: '日期格式不正确', abort: true })
  .regex(/^20\d{2}-\d{2}-\d{2}$/, { message: '日期格式不正确' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: '日期不存在',
  })

export const reportMediateSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(MEDIATION_KINDS, { message: '请选择调解方式' }),
    parties: z
      .array(z.strictObject({ name: text(1, 20, '当事人姓名'), role: text(0, 20, '当事人身份').optional() }))
      .min(2, { message: '请填写至少两方当事人' })
      .max(10, { message: '当事人最多 10 位' }),
    session: z.strictObject({ date: daySchema, note: multilineText(1, 2000, '调解记录') }).optional(),
    outcome: z.enum(MEDIATION_OUTCOMES).optional(),
    agreement: multilineText(1, 2000, '调解协议').optional(),
  })
  .refine((m) => m.outcome !== 'agreed' || !!m.agreement, { message: '调解成功请填写协议内容', path: ['agreement'] })
  .refine((m) => m.outcome === 'agreed' || m.agreement === undefined, { message: '只有调解成功才有协议', path: ['agreement'] })
export type ReportMediateInput = z.input<typeof reportMediateSchema>

/** Working days to 办结 by category (issue 4's defaults); a community may change them. */
export const DEFAULT_RESOLVE_DAYS: Record<ReportCategory, number> = {
  safety_hazard: 2,
  public_security: 3,
  environment: 5,
  facility: 5,
  livelihood: 5,
  other: 5,
  dispute: 10,
}
export const resolveDaysSchema = z.number().int({ message: '天数须为整数' }).min(1, { message: '至少 1 个工作日' }).max(30, { message: '最多 30 个工作日' })
export const reportSetDeadlinesSchema = z.strictObject({
  days: z.strictObject(
    Object.fromEntries(REPORT_CATEGORIES.map((c) => [c, resolveDaysSchema.optional()])) as Record<
      ReportCategory,
      z.ZodOptional<typeof resolveDaysSchema>
    >,
  ),
})
export type ReportSetDeadlinesInput = z.input<typeof reportSetDeadlinesSchema>

export const reportSummarySchema = z.strictObject({ gridId: idSchema.optional() })
export type ReportSummaryInput = z.input<typeof reportSummarySchema>

// ---------- views ----------

/** Where a report is handled, lowest first: escalation (上报) moves it one step up, as far as the city (市域). */
export const REPORT_LEVELS = ['grid', 'community', 'street', 'district', 'city'] as const
export type ReportLevel = (typeof REPORT_LEVELS)[number]
export const REPORT_LEVEL_LABELS: Record<ReportLevel, string> = { grid: '网格', community: '社区', street: '街道', district: '区', city: '市' }
/** Who handles a report at each level, as people name them (the 综治中心 of a district or the city). */
export const REPORT_LEVEL_OFFICES: Record<ReportLevel, string> = { grid: '网格', community: '社区', street: '街道', district: '区综治中心', city: '市综治中心' }

export interface PhotoView {
  id: string
  /** a signed, short-lived address the caller may load (photos of private reports only for who may see them) */
  url: string
}

export interface ReportSummary {
  id: string
  category: ReportCategory
  excerpt: string
  status: ReportStatus
  level: ReportLevel
  gridId: string
  gridName: string
  visibility: ReportVisibility
  anonymous: boolean
  /** '居民' when anonymous to the caller, a masked name to other residents, the full name to staff and the reporter */
  reporterName: string
  createdAt: string
  acceptBy: string
  resolveBy: string
  /** the deadline that runs now: acceptBy while 待受理, resolveBy while 处理中, else null */
  dueAt: string | null
  overdue: boolean
  supporters: number
  /** the reporter's rating (1–5) once given: a closed report with stars is 已评价, without 已关闭 */
  stars: number | null
  /** the first photo, for the list's thumbnail */
  cover: PhotoView | null
  address: string | null
}

export interface NearbyReport extends ReportSummary {
  /** metres from the asked point */
  distance: number
}

export interface TimelineEntry {
  id: string
  at: string
  /** a transition, or 'create' | 'edit' | 'rate' | 'mediate' | 'meeting' (联席会议) | 'responsible' (包保) | 'autoClose' | 'dispatch' (交办) */
  action: ReportAction | 'create' | 'edit' | 'rate' | 'mediate' | 'meeting' | 'responsible' | 'autoClose' | 'dispatch'
  /** who, as the caller may see them: '居民', '网格员 李明', '社区 王芳', '系统' */
  actor: string
  note: string | null
  photos: PhotoView[]
  status: ReportStatus
  level: ReportLevel
}

export interface MediationView {
  kind: MediationKind
  /** names masked outside staff */
  parties: { name: string; role: string | null }[]
  sessions: { date: string; note: string; recordedBy: string }[]
  outcome: MediationOutcome | null
  agreement: string | null
  updatedAt: string
}

/**
 * Who is looking, for the words a screen says: the person who reported it, the staff who handle it at its
 * level now, other staff above or beside it (社区, 街道, another 网格员), or a neighbour reading a public report.
 */
export type ReportViewer = 'reporter' | 'handler' | 'staff' | 'resident'

/** A report's live dispatch (交办) to a functional department, with the department's own deadline. */
export interface ReportDispatchView {
  departmentName: string
  /** the department has accepted it (受理); false: waiting for it */
  accepted: boolean
  /** working days to 办结 the dispatcher gave */
  days: number
  dueAt: string
}

export interface ReportView extends ReportSummary {
  viewer: ReportViewer
  /** dispatched to a functional department now (absent in older replies) */
  dispatch?: ReportDispatchView | null
  description: string
  photos: PhotoView[]
  location: { latitude: number; longitude: number; address: string | null } | null
  /** the reporter's phone, for the staff who handle it; null for everyone else */
  reporterPhone: string | null
  assignee: { id: string; name: string } | null
  /**
   * Who handles it now, as a resident recognises them (网格员 孙丽 / 社区工作人员 / 街道工作人员), and the
   * phone the committee published for its grid (网格服务电话) — to its reporter only; never a private number.
   */
  handler: { who: string; phone: string | null }
  timeline: TimelineEntry[]
  mediation: MediationView | null
  rating: { score: number; comment: string | null; at: string } | null
  reopenCount: number
  resolvedAt: string | null
  mine: boolean
  supportedByMe: boolean
  /** what the caller may do now (transitions, and 'edit' | 'rate' | 'mediate' | 'meet' (联席会议) | 'responsible' (包保) | 'support' | 'dispatch' (交办)) */
  can: (ReportAction | 'edit' | 'rate' | 'mediate' | 'meet' | 'responsible' | 'support' | 'dispatch')[]
}

export interface ReportSummaryCounts {
  total: number
  byStatus: Partial<Record<ReportStatus, number>>
  byCategory: Partial<Record<ReportCategory, number>>
  /** a community's or a street's grids (empty above the street) */
  byGrid: { gridId: string; gridName: string; total: number; open: number; overdue: number }[]
  /** a district's streets or a city's districts (empty for a community or a street) */
  byArea: { id: string; name: string; total: number; open: number; overdue: number }[]
  overdue: number
  /** 矛盾不上交: disputes settled (resolved, rated or closed) at grid or community level, of all settled disputes */
  disputes: { settled: number; settledLocally: number; share: number | null }
}

/**
 * report.counts — the figures beside the links to the caller's report lists. Each is the number of rows that
 * list holds (all its pages), counted with the list's own query.
 */
export interface ReportFigures {
  /** 我的上报: report.list { scope: 'mine' }; `open`: those of them 待受理 / 退回补充 / 处理中 */
  mine: { total: number; open: number }
  /** staff: report.list { scope: 'queue' }, and the same with { status } / { overdue: true }; null for residents */
  queue: { total: number; submitted: number; accepted: number; overdue: number } | null
}

export interface ReportDeadlines {
  days: Record<ReportCategory, number>
}

export type ReportListPage = Page<ReportSummary>

