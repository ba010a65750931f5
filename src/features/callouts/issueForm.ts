import { calloutCreateSchema, type CalloutCreateInput, type CalloutKind } from '@/domain/callouts'
import { issuesToErrors, type FieldErrors } from '../common/formErrors'
import { localToIso as iso } from './localTime'

/** The committee's 发起动员 form as typed (kept as a local draft). Numbers stay text until sent. */
export interface IssueFormValues {
  title: string
  kind: CalloutKind | ''
  description: string
  place: string
  centre: { latitude: number; longitude: number } | null
  radius: string
  /** local 'YYYY-MM-DD HH:mm' */
  start: string
  end: string
  volunteers: boolean
  residents: boolean
  gridIds: string[]
  tasks: { name: string; capacity: string }[]
}

export const ISSUE_FIELDS = ['title', 'kind', 'description', 'place', 'area', 'startAt', 'endAt', 'audience', 'gridIds', 'tasks'] as const
export type IssueField = (typeof ISSUE_FIELDS)[number]
export type IssueErrors = FieldErrors<IssueField>

export const EMPTY_ISSUE: IssueFormValues = {
  title: '',
  kind: '',
  description: '',
  place: '',
  centre: null,
  radius: '300',
  start: '',
  end: '',
  volunteers: true,
  residents: false,
  gridIds: [],
  tasks: [{ name: '', capacity: '' }],
}

export const isEmptyIssue = (f: IssueFormValues) => JSON.stringify(f) === JSON.stringify(EMPTY_ISSUE)

const num = (s: string) => (s.trim() ? Number(s) : undefined)

/** Form → callout.create's input (before validation). */
export function toIssueInput(f: IssueFormValues): Record<string, unknown> {
  return {
    title: f.title,
    kind: f.kind || undefined,
    description: f.description,
    place: f.place,
    area: f.centre ? { ...f.centre, radius: num(f.radius) } : undefined,
    startAt: iso(f.start),
    endAt: iso(f.end),
    audience: { volunteers: f.volunteers, residents: f.residents },
    gridIds: f.gridIds,
    tasks: f.tasks.map((t) => ({ name: t.name, capacity: num(t.capacity) })),
  }
}

/** The same schema as the server's: the input, or the first message per field. */
export function validateIssue(f: IssueFormValues): { input: CalloutCreateInput | null; errors: IssueErrors } {
  const r = calloutCreateSchema.safeParse(toIssueInput(f))
  if (r.success) return { input: r.data, errors: {} }
  return { input: null, errors: issuesToErrors(r.error.issues, ISSUE_FIELDS) }
}
