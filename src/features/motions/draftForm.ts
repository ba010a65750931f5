import dayjs from 'dayjs'
import { motionCreateSchema, type MotionCreateInput, type MotionKind, type Eligibility, type MotionView } from '@/domain/motions'
import type { IssueDetail } from '@/domain/shared/envelope'
import { isoToLocal, localToIso } from './format'

/** The drafting form as the committee fills it in (kept as a local draft while creating). */
export interface DraftFormValues {
  title: string
  preamble: string
  articles: string[]
  kind: MotionKind
  options: string[]
  eligibility: Eligibility
  /** 重大事项: voting waits for a 稳评 */
  major: boolean
  consult: boolean
  /** local 'YYYY-MM-DD HH:mm' */
  consultUntil: string
  voteFrom: string
  voteUntil: string
}

/** Field keys: a top-level field, or one article / option by index ("articles.2"). */
export type DraftErrors = Record<string, string>

/**
 * A new form: the times pre-filled with a usual schedule (a week of 征求意见, then three days of voting),
 * which the committee changes as it needs.
 */
export function newDraft(now: Date = new Date()): DraftFormValues {
  const day = dayjs(now).startOf('day')
  const at = (days: number, hm: string) => `${day.add(days, 'day').format('YYYY-MM-DD')} ${hm}`
  return {
    title: '',
    preamble: '',
    articles: [''],
    kind: 'rules',
    options: ['', ''],
    eligibility: 'adults',
    major: false,
    consult: true,
    consultUntil: at(7, '18:00'),
    voteFrom: at(8, '09:00'),
    voteUntil: at(10, '18:00'),
  }
}

export const MAX_ARTICLES = 50
export const MAX_OPTIONS = 6

/** Nothing typed yet (the pre-filled times and choices do not make a draft worth keeping). */
export function isEmptyDraft(f: DraftFormValues): boolean {
  return !f.title.trim() && !f.preamble.trim() && f.articles.every((a) => !a.trim()) && f.options.every((o) => !o.trim())
}

export function formOfMotion(m: MotionView): DraftFormValues {
  return {
    title: m.title,
    preamble: m.preamble ?? '',
    articles: m.articles.map((a) => a.text),
    kind: m.kind,
    options: m.options ?? ['', ''],
    eligibility: m.eligibility,
    major: m.major,
    consult: m.consultUntil !== null,
    consultUntil: isoToLocal(m.consultUntil),
    voteFrom: isoToLocal(m.voteFrom),
    voteUntil: isoToLocal(m.voteUntil),
  }
}

/** Form → the motion.create input (before validation). */
export function toCreateInput(f: DraftFormValues): Record<string, unknown> {
  return {
    title: f.title,
    ...(f.preamble.trim() ? { preamble: f.preamble } : {}),
    articles: f.articles.map((text) => ({ text })),
    kind: f.kind,
    ...(f.kind === 'matter' ? { options: f.options } : {}),
    eligibility: f.eligibility,
    major: f.major,
    ...(f.consult && f.consultUntil ? { consultUntil: localToIso(f.consultUntil) } : {}),
    voteFrom: localToIso(f.voteFrom),
    voteUntil: localToIso(f.voteUntil),
  }
}

function keyOf(path: readonly PropertyKey[]): string {
  const [head, index] = path
  if ((head === 'articles' || head === 'options') && typeof index === 'number') return `${String(head)}.${index}`
  return String(head ?? '')
}

/**
 * Checks the form with the server's own schema (its Chinese messages, per field and per article/option),
 * plus what a form can say better: a missing time, a vote that would start in the past.
 */
export function validateDraft(f: DraftFormValues, opts: { creating: boolean; now?: Date }): { input: MotionCreateInput | null; errors: DraftErrors } {
  const errors: DraftErrors = {}
  const parsed = motionCreateSchema.safeParse(toCreateInput(f))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = keyOf(issue.path)
      if (!errors[key]) errors[key] = issue.message
    }
  }
  if (!f.voteFrom) errors.voteFrom = '请选择表决开始时间'
  if (!f.voteUntil) errors.voteUntil = '请选择表决结束时间'
  if (f.consult && !f.consultUntil) errors.consultUntil = '请选择征求意见截止时间，或关掉“征求意见截止时间”'
  const now = (opts.now ?? new Date()).getTime()
  if (opts.creating && f.voteFrom && !errors.voteFrom && Date.parse(localToIso(f.voteFrom) ?? '') <= now) errors.voteFrom = '表决开始时间应晚于现在'
  if (!parsed.success || Object.keys(errors).length > 0) return { input: null, errors }
  return { input: parsed.data, errors }
}

/** Field messages from an INVALID_INPUT reply's details. */
export function draftErrorsFromDetails(details: unknown): DraftErrors {
  const errors: DraftErrors = {}
  if (!Array.isArray(details)) return errors
  for (const d of details as Partial<IssueDetail>[]) {
    const parts = String(d?.path ?? '').split('.')
    const key = (parts[0] === 'articles' || parts[0] === 'options') && /^\d+$/.test(parts[1] ?? '') ? `${parts[0]}.${parts[1]}` : (parts[0] ?? '')
    if (typeof d.message === 'string' && !errors[key]) errors[key] = d.message
  }
  return errors
}
