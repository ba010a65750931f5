import { meetingRecordSchema, type MeetingOutcome, type MeetingRecordInput } from '@/domain/meetings'
import { detailsToErrors, issuesToErrors, type FieldErrors } from '../common/formErrors'

/** The 联席会议 form as typed: departments as one line, blank rows allowed until sent. */
export interface MeetingForm {
  heldOn: string
  place: string
  /** 参会部门, separated by 、，, or spaces */
  departments: string
  attendees: { name: string; role: string }[]
  decision: string
  outcome: MeetingOutcome | ''
  tasks: { ownerId: string; task: string; dueOn: string }[]
}

export type MeetingField = 'heldOn' | 'place' | 'departments' | 'attendees' | 'decision' | 'outcome' | 'tasks'
export type MeetingErrors = FieldErrors<MeetingField>

/** Today as 'YYYY-MM-DD' on the device's calendar. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

export function emptyMeetingForm(now?: Date): MeetingForm {
  return {
    heldOn: today(now),
    place: '',
    departments: '',
    attendees: [
      { name: '', role: '' },
      { name: '', role: '' },
    ],
    decision: '',
    outcome: '',
    tasks: [],
  }
}

export const splitDepartments = (line: string): string[] =>
  line
    .split(/[、，,;；\s]+/)
    .map((d) => d.trim())
    .filter(Boolean)

/** The form as the API's payload: blank attendee rows and blank tasks are left out. */
export function toMeetingPayload(reportId: string, f: MeetingForm): Record<string, unknown> {
  return {
    reportId,
    heldOn: f.heldOn,
    place: f.place.trim(),
    departments: splitDepartments(f.departments),
    attendees: f.attendees
      .filter((a) => a.name.trim() || a.role.trim())
      .map((a) => (a.role.trim() ? { name: a.name.trim(), role: a.role.trim() } : { name: a.name.trim() })),
    decision: f.decision.trim(),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    tasks: f.tasks.filter((t) => t.task.trim() || t.ownerId).map((t) => ({ ownerId: t.ownerId, task: t.task.trim(), dueOn: t.dueOn })),
  }
}

const MEETING_FIELDS: readonly MeetingField[] = ['heldOn', 'place', 'departments', 'attendees', 'decision', 'outcome', 'tasks']

const TASK_OWNER_MISSING = '请为每项任务选择负责人'

export function validateMeeting(reportId: string, f: MeetingForm): { input: MeetingRecordInput | null; errors: MeetingErrors } {
  const parsed = meetingRecordSchema.safeParse(toMeetingPayload(reportId, f))
  if (parsed.success) return { input: parsed.data, errors: {} }
  const errors = issuesToErrors(parsed.error.issues, MEETING_FIELDS)
  // a task without its owner: say what to do, not the id schema's words
  if (parsed.error.issues.find((i) => i.path[0] === 'tasks')?.path[2] === 'ownerId') errors.tasks = TASK_OWNER_MISSING
  return { input: null, errors }
}

/** The server's INVALID_INPUT details on the form's fields. */
export const meetingErrorsFrom = (details: unknown): MeetingErrors => detailsToErrors(details, MEETING_FIELDS)
