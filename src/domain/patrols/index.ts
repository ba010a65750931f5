import { z } from 'zod'
import { reportCreateSchema } from '../reports'
import { COORD_SYSTEMS, type CoordSystem } from '../shared/geo'
import { MAX_SHIFT_MS } from './rules'
import { idSchema, isoTime, multilineText, pageSchema, text, type Page } from '../shared/text'

/**
 * 群防群治 patrol shifts (issue 6): statuses and the signup machine as data, the schemas of every shift.*
 * and action and the views they return. Time and place rules: ./rules.
 */

/** What the committee sets; the phase is derived from the time (shiftPhase). */
export const SHIFT_STATUSES = ['scheduled', 'cancelled'] as const
export type ShiftStatus = (typeof SHIFT_STATUSES)[number]

export const SHIFT_PHASES = ['upcoming', 'ongoing', 'ended', 'cancelled'] as const
export type ShiftPhase = (typeof SHIFT_PHASES)[number]
export const SHIFT_PHASE_LABELS: Record<ShiftPhase, string> = {
  upcoming: '未开始',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
}

export function shiftPhase(s: { status: ShiftStatus; startAt: string; endAt: string }, now: string): ShiftPhase {
  if (s.status === 'cancelled') return 'cancelled'
  const t = Date.parse(now)
  if (t < Date.parse(s.startAt)) return 'upcoming'
  if (t < Date.parse(s.endAt)) return 'ongoing'
  return 'ended'
}

/** One volunteer's signup on one shift. `withdrawn` frees the place; signing up again is a new arrival. */
export const SIGNUP_STATUSES = ['waitlisted', 'confirmed', 'checkedIn', 'checkedOut', 'noShow', 'withdrawn'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  waitlisted: '候补中',
  confirmed: '已报名',
  checkedIn: '已签到',
  checkedOut: '已签退',
  noShow: '未到岗',
  withdrawn: '已退出',
}

export type SignupEvent = 'promote' | 'withdraw' | 'checkin' | 'checkout' | 'autoCheckout' | 'markNoShow'

/**
 * The signup machine: from each status, the events allowed and where they lead. Promotion happens when a
 * confirmed volunteer withdraws (the earliest waitlisted takes the seat, in the same transaction);
 * autoCheckout and markNoShow are the time rule at endAt.
 */
export const SIGNUP_FLOW: Record<SignupStatus, Partial<Record<SignupEvent, SignupStatus>>> = {
  waitlisted: { promote: 'confirmed', withdraw: 'withdrawn' },
  confirmed: { withdraw: 'withdrawn', checkin: 'checkedIn', markNoShow: 'noShow' },
  checkedIn: { checkout: 'checkedOut', autoCheckout: 'checkedOut' },
  checkedOut: {},
  noShow: {},
  withdrawn: {},
}

export function nextSignupStatus(from: SignupStatus, event: SignupEvent): SignupStatus | null {
  return SIGNUP_FLOW[from][event] ?? null
}

/** Statuses that hold a seat (count against capacity). */
export const SEAT_STATUSES: readonly SignupStatus[] = ['confirmed', 'checkedIn', 'checkedOut', 'noShow']
/** Statuses that are the volunteer's place on the shift (everything but withdrawn); used for "once" and overlap. */
export const ACTIVE_STATUSES: readonly SignupStatus[] = ['waitlisted', ...SEAT_STATUSES]

// ---------- inputs ----------

const latitude = z.number({ error: '纬度必须是数字' }).min(-90, { message: '纬度超出范围' }).max(90, { message: '纬度超出范围' })
const longitude = z.number({ error: '经度必须是数字' }).min(-180, { message: '经度超出范围' }).max(180, { message: '经度超出范围' })
const coordSystem = z.enum(COORD_SYSTEMS, { error: '坐标系只能是 gcj02 或 wgs84' })

export const SHIFT_RADIUS = { min: 50, max: 2000 } as const
export const SHIFT_CAPACITY = { min: 1, max: 200 } as const
export const SHIFT_REPEAT_WEEKS = { min: 1, max: 12 } as const

/** The area is a centre in GCJ-02 (what weapp and the demo grids use) and a radius in metres. */
const areaSchema = z.strictObject(
  {
    latitude,
    longitude,
    radius: z
      .number({ error: '巡逻半径必须是数字' })
      .int({ message: '巡逻半径应为整数米' })
      .min(SHIFT_RADIUS.min, { message: `巡逻半径至少 ${SHIFT_RADIUS.min} 米` })
      .max(SHIFT_RADIUS.max, { message: `巡逻半径最多 ${SHIFT_RADIUS.max} 米` }),
  },
  { error: '请设置巡逻区域' },
)

export const shiftCreateSchema = z
  .strictObject({
    title: text(1, 40, '标题'),
    area: areaSchema,
    meetingPoint: text(0, 100, '集合地点').optional(),
    startAt: isoTime,
    endAt: isoTime,
    capacity: z
      .number({ error: '人数上限必须是数字' })
      .int({ message: '人数上限应为整数' })
      .min(SHIFT_CAPACITY.min, { message: `人数上限至少 ${SHIFT_CAPACITY.min} 人` })
      .max(SHIFT_CAPACITY.max, { message: `人数上限最多 ${SHIFT_CAPACITY.max} 人` }),
    note: multilineText(0, 500, '备注').optional(),
    /** how many weekly occurrences, the first included (1 or absent = one-off) */
    repeatWeeks: z
      .number({ error: '重复周数必须是数字' })
      .int({ message: '重复周数应为整数' })
      .min(SHIFT_REPEAT_WEEKS.min, { message: `重复周数为 ${SHIFT_REPEAT_WEEKS.min}—${SHIFT_REPEAT_WEEKS.max}` })
      .max(SHIFT_REPEAT_WEEKS.max, { message: `每周重复最多 ${SHIFT_REPEAT_WEEKS.max} 周` })
      .optional(),
  })
  .superRefine((s, ctx) => {
    const span = Date.parse(s.endAt) - Date.parse(s.startAt)
    if (span <= 0) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间应晚于开始时间' })
    else if (span > MAX_SHIFT_MS) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '一个班次最长 12 小时' })
  })
export type ShiftCreateInput = z.input<typeof shiftCreateSchema>

export const shiftIdSchema = z.strictObject({ id: idSchema })
export type ShiftIdInput = z.input<typeof shiftIdSchema>

export const shiftCancelSchema = z.strictObject({ id: idSchema, reason: multilineText(1, 200, '取消原因') })
export type ShiftCancelInput = z.input<typeof shiftCancelSchema>

/**
 * Default: from = now (shifts not yet ended), ascending by start. `mine`: only shifts I signed up for.
 * `order: 'desc'`: most recent start first (past shifts: give `from` and `to`); pages follow the order.
 */
export const shiftListSchema = z
  .strictObject({
    from: isoTime.optional(),
    to: isoTime.optional(),
    mine: z.boolean({ error: 'mine 只能是 true 或 false' }).optional(),
    order: z.enum(['asc', 'desc'], { error: '排序只能是 asc 或 desc' }).optional(),
    ...pageSchema,
  })
  .refine((l) => !l.from || !l.to || Date.parse(l.from) < Date.parse(l.to), { message: '结束日期应晚于开始日期', path: ['to'] })
export type ShiftListInput = z.input<typeof shiftListSchema>

/** weapp's getLocation gives GCJ-02 (default); a browser's geolocation gives WGS-84. */
export const shiftCheckinSchema = z.strictObject({
  id: idSchema,
  latitude,
  longitude,
  accuracy: z.number({ error: '定位精度必须是数字' }).min(0, { message: '定位精度不正确' }).max(100_000, { message: '定位精度不正确' }),
  coordSystem: coordSystem.optional(),
})
export type ShiftCheckinInput = z.input<typeof shiftCheckinSchema>

const reportPieces = reportCreateSchema.shape

/** 发现隐患: the observation becomes a 随手拍 report (routed like any report); without a location, the check-in position. */
export const shiftLogSchema = z.strictObject({
  id: idSchema,
  note: multilineText(1, 500, '巡逻记录'),
  report: z
    .strictObject({
      category: reportPieces.category,
      description: reportPieces.description,
      photoIds: reportPieces.photoIds,
      location: z.strictObject({ latitude, longitude, coordSystem: coordSystem.optional() }).optional(),
    })
    .optional(),
})
export type ShiftLogInput = z.input<typeof shiftLogSchema>

// ---------- views ----------

export interface ShiftArea {
  latitude: number
  longitude: number
  radius: number
  /** always gcj02 */
  coordSystem: CoordSystem
}

/** My place on the shift; position (1-based) only while waitlisted. Null: not signed up (or withdrawn). */
export interface MyShiftStatus {
  status: Exclude<SignupStatus, 'withdrawn'>
  position?: number
}

export interface MyAttendance {
  checkinAt: string | null
  checkoutAt: string | null
  /** true when the check-out was closed at the scheduled end */
  autoCheckout: boolean
  /** set once closed */
  hours: number | null
}

export interface ShiftView {
  id: string
  /** the weekly series it belongs to (the first shift's id), null for a one-off */
  seriesId: string | null
  title: string
  area: ShiftArea
  meetingPoint: string | null
  note: string | null
  startAt: string
  endAt: string
  capacity: number
  status: ShiftStatus
  phase: ShiftPhase
  cancelReason: string | null
  cancelledAt: string | null
  confirmed: number
  seatsLeft: number
  waitlistLength: number
  myStatus: MyShiftStatus | null
  my: MyAttendance | null
  checkinOpensAt: string
  withdrawCutoffAt: string
  /** what the caller may do now */
  can: { signup: boolean; withdraw: boolean; checkin: boolean; checkout: boolean; log: boolean; cancel: boolean }
  createdAt: string
}

export interface ShiftRosterEntry {
  /** full for staff, masked (张*明) for volunteers except their own row */
  name: string
  status: Exclude<SignupStatus, 'withdrawn'>
  position?: number
  /** staff only (null for volunteers) */
  checkinAt: string | null
  checkoutAt: string | null
  hours: number | null
  me: boolean
}

/** One patrol note (巡逻记录) as the caller sees it. */
export interface ShiftLogEntry {
  id: string
  note: string
  at: string
  /** full for staff, masked (张*明) for others except their own */
  authorName: string
  mine: boolean
  /** the 随手拍 report made with it (发现隐患), else null */
  reportId: string | null
}

export interface ShiftDetail extends ShiftView {
  /** seat holders in arrival order, then the waitlist in order */
  roster: ShiftRosterEntry[]
  /** newest first: every volunteer's for staff, only the caller's own for anyone else */
  logs: ShiftLogEntry[]
}

export type ShiftListPage = Page<ShiftView>

export interface ShiftLogView {
  id: string
  note: string
  reportId: string | null
  at: string
}

export type SignupResult = { status: 'confirmed' } | { status: 'waitlisted'; position: number }

export interface CheckinResult {
  checkedInAt: string
  /** metres from the area's centre */
  distance: number
}

export interface CheckoutResult {
  checkedOutAt: string
  hours: number
}
