import type { z } from 'zod'
import type { IssueDetail } from '@/domain/shared/envelope'

export type FieldErrors<F extends string> = Partial<Record<F, string>>

/** The first Chinese message of a schema per field (the schema is the server's own). */
export function issuesToErrors<F extends string>(issues: readonly z.core.$ZodIssue[], fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '') as F
    if (fields.includes(field) && !errors[field]) errors[field] = issue.message
  }
  return errors
}

/** Field messages from an INVALID_INPUT reply's details (src/domain/envelope.ts IssueDetail[]). */
export function detailsToErrors<F extends string>(details: unknown, fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {}
  if (!Array.isArray(details)) return errors
  for (const issue of details as Partial<IssueDetail>[]) {
    const field = String(issue?.path ?? '').split('.')[0] as F
    if (fields.includes(field) && typeof issue.message === 'string' && !errors[field]) errors[field] = issue.message
  }
  return errors
}
