import dayjs from 'dayjs'
import { shiftCreateSchema, type ShiftCreateInput } from '@/domain/patrols'
import type { FieldErrors } from '../common/formErrors'
import { type AreaCentre } from '@/features/media'

/** The committee's 安排巡逻 form as typed (kept as a local draft). Numbers stay text until sent. */
export interface ScheduleFormValues {
  title: string
  centre: AreaCentre | null
  radius: string
  meetingPoint: string
  /** local 'YYYY-MM-DD HH:mm' */
  start: string
  end: string
  capacity: string
  note: string
  repeat: boolean
  weeks: string
}

export type ScheduleField = 'title' | 'centre' | 'radius' | 'meetingPoint' | 'start' | 'end' | 'capacity' | 'note' | 'weeks'
export type ScheduleErrors = FieldErrors<ScheduleField>

export const DEFAULT_RADIUS = 300

export const EMPTY_SCHEDULE: ScheduleFormValues = {
  title: '',
  centre: null,
  radius: String(DEFAULT_RADIUS),
  meetingPoint: '',
  start: '',
  end: '',
  capacity: '',
  note: '',
  repeat: false,
  weeks: '4',
}

export function isEmptySchedule(f: ScheduleFormValues): boolean {
  return JSON.stringify(f) === JSON.stringify(EMPTY_SCHEDULE)
}

export function localToIso(local: string): string | undefined {
  if (!local) return undefined
  const d = dayjs(local.replace(' ', 'T'))
  return d.isValid() ? d.format('YYYY-MM-DDTHH:mm:ssZ') : undefined
}

/** Start + 2 hours, the usual length: offered as the end once a start is picked. */
export function defaultEnd(start: string): string {
  const d = dayjs(start.replace(' ', 'T'))
  return d.isValid() ? d.add(2, 'hour').format('YYYY-MM-DD HH:mm') : ''
}

/** Typed text as a number for the schema ('' stays missing so the schema says 必须是数字). */
function asNumber(s: string): number | undefined {
  const t = s.trim()
  if (!t) return undefined
  const n = Number(t)
  return Number.isFinite(n) ? n : NaN
}

/** Form → the shift.create input (before validation). */
export function toCreateInput(f: ScheduleFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {
    title: f.title,
    area: f.centre ? { latitude: f.centre.latitude, longitude: f.centre.longitude, radius: asNumber(f.radius) } : undefined,
    startAt: localToIso(f.start),
    endAt: localToIso(f.end),
    capacity: asNumber(f.capacity),
  }
  if (f.meetingPoint.trim()) input.meetingPoint = f.meetingPoint
  if (f.note.trim()) input.note = f.note
  if (f.repeat) input.repeatWeeks = asNumber(f.weeks)
  return input
}

const PATHS: Record<string, ScheduleField> = {
  title: 'title',
  area: 'centre',
  'area.latitude': 'centre',
  'area.longitude': 'centre',
  'area.radius': 'radius',
  meetingPoint: 'meetingPoint',
  startAt: 'start',
  endAt: 'end',
  capacity: 'capacity',
  note: 'note',
  repeatWeeks: 'weeks',
}

/** A schema path ('area.radius', ['endAt']) as the form field it belongs to. */
export function fieldOf(path: readonly PropertyKey[] | string): ScheduleField | undefined {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String)
  return PATHS[parts.slice(0, 2).join('.')] ?? PATHS[parts[0] ?? '']
}

/** Checks with shift.create's own schema; its Chinese messages, plus the pickers left empty and a start in the past. */
export function validateSchedule(f: ScheduleFormValues, now: Date = new Date()): { input: ShiftCreateInput | null; errors: ScheduleErrors } {
  const errors: ScheduleErrors = {}
  if (!f.centre) errors.centre = '请设置巡逻区域的中心（集合点）'
  if (!f.start) errors.start = '请选择开始时间'
  if (!f.end) errors.end = '请选择结束时间'
  const parsed = shiftCreateSchema.safeParse(toCreateInput(f))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path)
      if (field && !errors[field]) errors[field] = issue.message
    }
  }
  const startIso = localToIso(f.start)
  if (!errors.start && startIso && Date.parse(startIso) <= now.getTime()) errors.start = '开始时间应晚于现在'
  if (!parsed.success || Object.keys(errors).some((k) => errors[k as ScheduleField])) return { input: null, errors }
  return { input: parsed.data as ShiftCreateInput, errors }
}

/** Field messages from an INVALID_INPUT reply (paths like 'area.radius'). */
export function scheduleErrorsFromDetails(details: unknown): ScheduleErrors {
  const errors: ScheduleErrors = {}
  if (!Array.isArray(details)) return errors
  for (const d of details as { path?: unknown; message?: unknown }[]) {
    const field = fieldOf(String(d?.path ?? ''))
    if (field && typeof d.message === 'string' && !errors[field]) errors[field] = d.message
  }
  return errors
}
