import dayjs from 'dayjs'
import { noticePublishSchema, type NoticeCategory, type NoticePublish } from '@/domain/notices'
import type { IssueDetail } from '@/domain/shared/envelope'

/** The publish form as the person fills it in (kept as a local draft). */
export interface PublishForm {
  title: string
  body: string
  category: NoticeCategory | ''
  scope: 'all' | 'grids'
  gridIds: string[]
  pinned: boolean
  important: boolean
  scheduled: boolean
  /** local time 'YYYY-MM-DD HH:mm' */
  publishAt: string
  expires: boolean
  /** local time 'YYYY-MM-DD HH:mm' */
  expireAt: string
}

export type PublishField = 'title' | 'body' | 'category' | 'gridIds' | 'publishAt' | 'expireAt'
export type FieldErrors = Partial<Record<PublishField, string>>

export const TITLE_MAX = 60
export const BODY_MAX = 5000

export const EMPTY_FORM: PublishForm = {
  title: '',
  body: '',
  category: '',
  scope: 'all',
  gridIds: [],
  pinned: false,
  important: false,
  scheduled: false,
  publishAt: '',
  expires: false,
  expireAt: '',
}

export function isEmptyForm(f: PublishForm): boolean {
  return JSON.stringify(f) === JSON.stringify(EMPTY_FORM)
}

const FIELDS: readonly PublishField[] = ['title', 'body', 'category', 'gridIds', 'publishAt', 'expireAt']

function localToIso(local: string): string | undefined {
  const d = dayjs(local.replace(' ', 'T'))
  return d.isValid() ? d.format('YYYY-MM-DDTHH:mm:ssZ') : undefined
}

/** Form → the API input (before validation). */
export function toPublishInput(f: PublishForm): Record<string, unknown> {
  const input: Record<string, unknown> = { title: f.title, body: f.body, category: f.category || undefined }
  if (f.scope === 'grids') input.gridIds = f.gridIds
  if (f.pinned) input.pinned = true
  if (f.important) input.important = true
  if (f.scheduled && f.publishAt) input.publishAt = localToIso(f.publishAt)
  if (f.expires && f.expireAt) input.expireAt = localToIso(f.expireAt)
  return input
}

/** Checks the form with the server's own schema; messages are the schema's Chinese ones. */
export function validatePublishForm(
  f: PublishForm,
  now: Date = new Date(),
): { input: NoticePublish; errors: FieldErrors } | { input: null; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const parsed = noticePublishSchema.safeParse(toPublishInput(f))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as PublishField
      if (FIELDS.includes(field) && !errors[field]) errors[field] = issue.message
    }
  }
  if (f.scheduled && !f.publishAt) errors.publishAt = '请选择发布时间'
  if (f.expires && !f.expireAt) errors.expireAt = '请选择失效时间'
  if (f.expires && f.expireAt && !errors.expireAt && dayjs(f.expireAt.replace(' ', 'T')).valueOf() <= now.getTime()) {
    errors.expireAt = '失效时间必须晚于现在'
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { input: null, errors }
  return { input: parsed.data, errors }
}

/** Field messages from an INVALID_INPUT reply's details (src/domain/envelope.ts IssueDetail[]). */
export function fieldErrorsFromDetails(details: unknown): FieldErrors {
  const errors: FieldErrors = {}
  if (!Array.isArray(details)) return errors
  for (const issue of details as Partial<IssueDetail>[]) {
    const field = String(issue?.path ?? '').split('.')[0] as PublishField
    if (FIELDS.includes(field) && typeof issue.message === 'string' && !errors[field]) errors[field] = issue.message
  }
  return errors
}
