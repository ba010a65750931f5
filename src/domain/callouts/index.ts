import { z } from 'zod'
import { shiftCheckinSchema } from '../patrols'
import type { CoordSystem } from '../shared/geo'
import { idSchema, isoTime, multilineText, pageSchema, text, type Page } from '../shared/text'
import { MAX_CALLOUT_MS, type CalloutPhase, type CalloutStatus } from './rules'

/** 社会动员 call-outs (issue 18): the schemas of every callout.* action and the views they return. Time rules: ./rules. */

export { CALLOUT_PHASE_LABELS, type CalloutPhase, type CalloutStatus } from './rules'

export const CALLOUT_KINDS = ['floodWatch', 'snowClearing', 'screening', 'other'] as const
export type CalloutKind = (typeof CALLOUT_KINDS)[number]
export const CALLOUT_KIND_LABELS: Record<CalloutKind, string> = {
  floodWatch: '防汛值守',
  snowClearing: '扫雪除冰',
  screening: '集中筛查',
  other: '其他',
}

export const CALLOUT_ANSWERS = ['yes', 'no'] as const
export type CalloutAnswer = (typeof CALLOUT_ANSWERS)[number]
export const CALLOUT_ANSWER_LABELS: Record<CalloutAnswer, string> = { yes: '能来', no: '来不了' }

export const CALLOUT_RADIUS = { min: 50, max: 2000 } as const
export const TASK_CAPACITY = { min: 1, max: 500 } as const
export const MAX_TASKS = 10
export const MAX_GRIDS = 50

const latitude = z.number({ error: '纬度必须是数字' }).min(-90, { message: '纬度超出范围' }).max(90, { message: '纬度超出范围' })
const longitude = z.number({ error: '经度必须是数字' }).min(-180, { message: '经度超出范围' }).max(180, { message: '经度超出范围' })

const taskSchema = z.strictObject(
  {
    name: text(1, 20, '任务名称'),
    capacity: z
      .number({ error: '人数必须是数字' })
      .int({ message: '人数应为整数' })
      .min(TASK_CAPACITY.min, { message: `每项任务至少 ${TASK_CAPACITY.min} 人` })
      .max(TASK_CAPACITY.max, { message: `每项任务最多 ${TASK_CAPACITY.max} 人` }),
  },
  { error: '任务格式不正确' },
)

export const calloutCreateSchema = z
  .strictObject({
    title: text(1, 40, '标题'),
    kind: z.enum(CALLOUT_KINDS, { error: '请选择动员类型' }),
    description: multilineText(1, 500, '说明'),
    place: text(1, 100, '集合地点'),
    /** the 报到 point (GCJ-02) and its radius in metres */
    area: z.strictObject(
      {
        latitude,
        longitude,
        radius: z
          .number({ error: '报到范围必须是数字' })
          .int({ message: '报到范围应为整数米' })
          .min(CALLOUT_RADIUS.min, { message: `报到范围至少 ${CALLOUT_RADIUS.min} 米` })
          .max(CALLOUT_RADIUS.max, { message: `报到范围最多 ${CALLOUT_RADIUS.max} 米` }),
      },
      { error: '请设置报到地点' },
    ),
    startAt: isoTime,
    endAt: isoTime,
    audience: z
      .strictObject(
        { volunteers: z.boolean({ error: '请选择是否通知志愿者' }), residents: z.boolean({ error: '请选择是否通知居民' }) },
        { error: '请选择通知对象' },
      )
      .refine((a) => a.volunteers || a.residents, { message: '请至少选择志愿者或居民之一' }),
    gridIds: z
      .array(idSchema, { error: '请选择网格' })
      .min(1, { message: '请至少选择一个网格' })
      .max(MAX_GRIDS, { message: `最多选择 ${MAX_GRIDS} 个网格` })
      .refine((g) => new Set(g).size === g.length, { message: '网格重复了' }),
    tasks: z
      .array(taskSchema, { error: '请添加任务' })
      .min(1, { message: '请至少添加一项任务' })
      .max(MAX_TASKS, { message: `最多 ${MAX_TASKS} 项任务` })
      .refine((t) => new Set(t.map((x) => x.name)).size === t.length, { message: '任务名称不能重复' }),
  })
  .superRefine((c, ctx) => {
    const span = Date.parse(c.endAt) - Date.parse(c.startAt)
    if (span <= 0) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间应晚于开始时间' })
    else if (span > MAX_CALLOUT_MS) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '一次动员最长 24 小时' })
  })
export type CalloutCreateInput = z.input<typeof calloutCreateSchema>

export const calloutIdSchema = z.strictObject({ id: idSchema })
export type CalloutIdInput = z.input<typeof calloutIdSchema>

export const calloutListSchema = z.strictObject({ ...pageSchema })
export type CalloutListInput = z.input<typeof calloutListSchema>

/** 能来 with the task chosen, or 来不了 (no task). */
export const calloutAnswerSchema = z
  .strictObject({
    id: idSchema,
    answer: z.enum(CALLOUT_ANSWERS, { error: '请选择能来或来不了' }),
    taskId: idSchema.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.answer === 'yes' && !a.taskId) ctx.addIssue({ code: 'custom', path: ['taskId'], message: '请选择要参加的任务' })
    if (a.answer === 'no' && a.taskId) ctx.addIssue({ code: 'custom', path: ['taskId'], message: '来不了时不用选择任务' })
  })
export type CalloutAnswerInput = z.input<typeof calloutAnswerSchema>

/** 报到: the same position fields as a patrol check-in (weapp's GCJ-02 by default). */
export const calloutCheckinSchema = shiftCheckinSchema
export type CalloutCheckinInput = z.input<typeof calloutCheckinSchema>

export const calloutCloseSchema = z.strictObject({ id: idSchema, reason: multilineText(1, 200, '提前结束的原因') })
export type CalloutCloseInput = z.input<typeof calloutCloseSchema>

export const calloutExtendSchema = z.strictObject({ id: idSchema, endAt: isoTime })
export type CalloutExtendInput = z.input<typeof calloutExtendSchema>

// ---------- views ----------

export interface CalloutTaskView {
  id: string
  name: string
  capacity: number
  /** answered 能来 for this task */
  signedUp: number
  /** of those, 报到 on site */
  checkedIn: number
  left: number
}

export interface MyCalloutAnswer {
  answer: CalloutAnswer | null
  taskId: string | null
  answeredAt: string | null
  checkinAt: string | null
  /** once the call-out is over and I checked in */
  hours: number | null
}

export interface CalloutView {
  id: string
  title: string
  kind: CalloutKind
  description: string
  place: string
  area: { latitude: number; longitude: number; radius: number; coordSystem: CoordSystem }
  startAt: string
  /** the end as it stands: extended, or the closing time when closed early */
  endAt: string
  status: CalloutStatus
  phase: CalloutPhase
  closedAt: string | null
  closeReason: string | null
  audience: { volunteers: boolean; residents: boolean }
  gridIds: string[]
  tasks: CalloutTaskView[]
  /** how many people it was sent to */
  recipients: number
  /** answers so far: 能来, 来不了, not yet */
  answers: { yes: number; no: number; none: number }
  /** the caller's own answer when addressed, else null */
  my: MyCalloutAnswer | null
  checkinOpensAt: string
  can: { answer: boolean; checkin: boolean; close: boolean; extend: boolean }
  createdAt: string
}

export interface CalloutPerson {
  userId: string
  name: string
}

export interface CalloutDetail extends CalloutView {
  /** staff only (null for a recipient): who has not answered yet, by name (the first 200) */
  unanswered: CalloutPerson[] | null
}

export type CalloutListPage = Page<CalloutView>

export interface CalloutAnswerResult {
  answer: CalloutAnswer
  taskId: string | null
}

export interface CalloutCheckinResult {
  checkedInAt: string
  /** metres from the 报到 point */
  distance: number
}
