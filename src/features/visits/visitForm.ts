import type { ReportCategory } from '@/domain/reports'
import { REPORTABLE_FINDINGS, visitLogSchema, type FollowUpKind, type VisitFinding, type VisitLogInput } from '@/domain/visits'
import type { FieldErrors } from '../common/formErrors'
import { pendingPhotos, photoIdsOf, type PickedPhoto } from '@/features/media'
import { localToIso } from './format'

/** 记录走访 as the grid worker fills it in. */
export interface VisitFormValues {
  householdId: string
  /** '' = now; else local 'YYYY-MM-DD HH:mm' */
  when: string
  met: string
  finding: VisitFinding | ''
  note: string
  followKind: FollowUpKind | ''
  followReason: string
  followDays: string
  /** 转为随手拍上报 */
  raise: boolean
  category: ReportCategory | ''
  description: string
  photos: PickedPhoto[]
}

export type VisitField =
  | 'householdId'
  | 'visitedAt'
  | 'met'
  | 'finding'
  | 'note'
  | 'followKind'
  | 'followReason'
  | 'followDays'
  | 'category'
  | 'description'
  | 'photos'
export type VisitErrors = FieldErrors<VisitField>

export const emptyVisit = (householdId = ''): VisitFormValues => ({
  householdId,
  when: '',
  met: '',
  finding: '',
  note: '',
  followKind: '',
  followReason: '',
  followDays: '30',
  raise: false,
  category: '',
  description: '',
  photos: [],
})

/** The report category a finding suggests (the worker may pick another). */
export const SUGGESTED_CATEGORY: Partial<Record<VisitFinding, ReportCategory>> = {
  need: 'livelihood',
  dispute: 'dispute',
  hazard: 'safety_hazard',
}

/** Form → visit.log input; the mark only with a vulnerable finding, the report only when asked for one that may. */
export function toVisitInput(f: VisitFormValues, now: Date): Record<string, unknown> {
  const input: Record<string, unknown> = {
    householdId: f.householdId,
    visitedAt: f.when ? (localToIso(f.when) ?? f.when) : now.toISOString(),
    met: f.met,
    finding: f.finding || undefined,
    note: f.note,
  }
  if (f.finding === 'vulnerable') {
    input.followUp = { kind: f.followKind || undefined, reason: f.followReason, everyDays: f.followDays.trim() === '' ? undefined : Number(f.followDays) }
  }
  if (f.raise && f.finding && REPORTABLE_FINDINGS.includes(f.finding)) {
    const ids = photoIdsOf(f.photos)
    input.raiseReport = { category: f.category || undefined, description: f.description, ...(ids.length ? { photoIds: ids } : {}) }
  }
  return input
}

const FIELD_OF: Record<string, VisitField> = { kind: 'followKind', reason: 'followReason', everyDays: 'followDays', photoIds: 'photos' }

/** A schema issue's path as the form's field. */
export function fieldOf(path: readonly PropertyKey[]): VisitField | null {
  const [head, sub] = path.map(String)
  if (head === 'followUp') return sub ? (FIELD_OF[sub] ?? null) : 'followReason'
  if (head === 'raiseReport') return sub ? ((FIELD_OF[sub] ?? sub) as VisitField) : 'category'
  return (head as VisitField) ?? null
}

/** The shared visit.log schema's own Chinese messages per field; photos still uploading hold the form. */
export function validateVisit(f: VisitFormValues, now: Date): { input: VisitLogInput | null; errors: VisitErrors } {
  const errors: VisitErrors = {}
  if (!f.householdId) errors.householdId = '请选择走访的住户'
  const parsed = visitLogSchema.safeParse(toVisitInput(f, now))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path)
      if (field && !errors[field]) errors[field] = issue.message
    }
  }
  if (f.raise) {
    const { uploading, failed } = pendingPhotos(f.photos)
    if (!errors.photos && failed) errors.photos = `有 ${failed} 张照片上传失败，请重试或删除`
    else if (!errors.photos && uploading) errors.photos = '照片还在上传，请稍等'
  }
  if (Object.values(errors).some(Boolean) || !parsed.success) return { input: null, errors }
  return { input: parsed.data as VisitLogInput, errors }
}
