import { z } from 'zod'
import { daySchema, type ReportStatus } from '../reports'
import { chinaDay } from '../shared/chinaTime'
import { idSchema, multilineText, text } from '../shared/text'

/**
 * 联席会议: a dispute that needs several parties (departments, the parties, the committee) gets a joint meeting.
 * Staff record it on the report: date, place, who was there, the decision and follow-up tasks with owners and
 * deadlines. The resident sees on the timeline that a meeting took place and its outcome, not the minutes.
 */

export const MEETING_OUTCOMES = ['agreed', 'partly', 'notAgreed'] as const
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number]

export const MEETING_OUTCOME_LABELS: Record<MeetingOutcome, string> = {
  agreed: '达成一致',
  partly: '部分达成一致',
  notAgreed: '未达成一致',
}

export const MEETING_LIMITS = { departments: 10, attendees: 30, tasks: 10 } as const

const taskSchema = z.strictObject({
  ownerId: idSchema,
  task: text(1, 200, '任务内容'),
  dueOn: daySchema,
})

export const meetingRecordSchema = z.strictObject({
  reportId: idSchema,
  heldOn: daySchema,
  place: text(1, 60, '会议地点'),
  departments: z
    .array(text(1, 30, '参会部门'))
    .max(MEETING_LIMITS.departments, { message: `参会部门最多 ${MEETING_LIMITS.departments} 个` })
    .default([]),
  attendees: z
    .array(z.strictObject({ name: text(1, 20, '参会人姓名'), role: text(0, 20, '参会人身份').optional() }))
    .min(2, { message: '请填写至少两位参会人' })
    .max(MEETING_LIMITS.attendees, { message: `参会人最多 ${MEETING_LIMITS.attendees} 位` }),
  decision: multilineText(1, 2000, '会议决定'),
  outcome: z.enum(MEETING_OUTCOMES, { message: '请选择会议结果' }),
  tasks: z
    .array(taskSchema)
    .max(MEETING_LIMITS.tasks, { message: `后续任务最多 ${MEETING_LIMITS.tasks} 项` })
    .default([]),
})
export type MeetingRecordInput = z.input<typeof meetingRecordSchema>

export const meetingListSchema = z.strictObject({ reportId: idSchema })
export const meetingTasksSchema = z.strictObject({})
export const meetingCompleteTaskSchema = z.strictObject({
  taskId: idSchema,
  note: multilineText(1, 500, '完成情况').optional(),
})
export type MeetingCompleteTaskInput = z.input<typeof meetingCompleteTaskSchema>

// ---------- views ----------

export interface MeetingTaskView {
  id: string
  meetingId: string
  reportId: string
  task: string
  /** the owner, as staff see them: '社区 王芳' */
  owner: string
  ownerId: string
  dueOn: string
  doneAt: string | null
  doneNote: string | null
  /** not done and its day has passed (China time) */
  overdue: boolean
}

/** A meeting's minutes: staff only (the parties' names are personal data). */
export interface MeetingView {
  id: string
  reportId: string
  heldOn: string
  place: string
  departments: string[]
  attendees: { name: string; role: string | null }[]
  decision: string
  outcome: MeetingOutcome
  recordedBy: string
  recordedAt: string
  tasks: MeetingTaskView[]
}

/** A task in its owner's 待办, with what the report is about. */
export interface MyMeetingTask extends MeetingTaskView {
  /** 矛盾纠纷「…」 */
  subject: string
}

/** The line the report's timeline shows everyone: that a meeting took place (12月7日), and its outcome. */
export function meetingTimelineNote(m: { heldOn: string; outcome: MeetingOutcome; departments: readonly string[] }): string {
  const [, month, day] = m.heldOn.split('-').map(Number)
  const depts = m.departments.length > 0 ? `，${m.departments.length} 个部门参加` : ''
  return `${month}月${day}日召开联席会议${depts}：${MEETING_OUTCOME_LABELS[m.outcome]}`
}

/** A task's deadline has passed when its day is over in China (UTC+8). */
export function isTaskOverdue(dueOn: string, doneAt: string | null, now: Date): boolean {
  return !doneAt && dueOn < chinaDay(now)
}

export const meetingOwnersSchema = z.strictObject({ reportId: idSchema })

/** 包保责任制: the staff member answerable for a dispute until it is closed (one per dispute; assigning again replaces). */
export const meetingAssignResponsibleSchema = z.strictObject({ reportId: idSchema, userId: idSchema })
export type MeetingAssignResponsibleInput = z.input<typeof meetingAssignResponsibleSchema>

export interface ResponsibleView {
  id: string
  /** '社区 陈秀兰' */
  label: string
  assignedAt: string
}

/** A dispute the viewer is answerable for (包保) and that is not settled yet, for their 待办. */
export interface MyDispute {
  reportId: string
  /** 矛盾纠纷「…」 */
  subject: string
  status: ReportStatus
  assignedAt: string
}

/** The timeline step everyone sees when a 包保 responsible is named. */
export const responsibleTimelineNote = (label: string): string => `包保责任人：${label}`

/** Someone a meeting's task can be given to, as the form lists them: '社区 陈秀兰'. */
export interface MeetingOwnerOption {
  id: string
  label: string
}

export const meetingSummarySchema = z.strictObject({})

/** 问题总览's dispute figures of the viewer's area (community, street, district or city). */
export interface DisputeFigures {
  /** disputes 待受理, 退回补充 or 处理中 */
  open: number
  /** of those, under a named 包保 responsible */
  withResponsible: number
  /** 联席会议 held in the last 30 days */
  meetingsLast30Days: number
  /** follow-up tasks not done, and of those past their day */
  openTasks: number
  overdueTasks: number
}
