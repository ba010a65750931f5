import { residentApplySchema, type Relation, type ResidentApplyInput } from '@/domain/residents'
import { issuesToErrors, type FieldErrors } from '../common/formErrors'

/** The 住户认证 form as the resident fills it in (kept as a local draft). */
export interface ApplyForm {
  gridId: string
  building: string
  unit: string
  room: string
  name: string
  relation: Relation | ''
}

export type ApplyField = keyof ApplyForm
export const APPLY_FIELDS: readonly ApplyField[] = ['gridId', 'building', 'unit', 'room', 'name', 'relation']
export type ApplyErrors = FieldErrors<ApplyField>

export const EMPTY_APPLY: ApplyForm = { gridId: '', building: '', unit: '', room: '', name: '', relation: '' }

export function isEmptyApply(f: ApplyForm): boolean {
  return APPLY_FIELDS.every((k) => f[k] === '')
}

/** Form → API input; an empty 单元 is left out. */
export function toApplyInput(f: ApplyForm): Record<string, unknown> {
  const input: Record<string, unknown> = {
    gridId: f.gridId,
    building: f.building,
    room: f.room,
    name: f.name,
    relation: f.relation || undefined,
  }
  if (f.unit.trim()) input.unit = f.unit
  return input
}

/** Checked with the server's own schema; a missing grid gets a plain request instead of 编号格式不正确. */
export function validateApply(f: ApplyForm): { input: ResidentApplyInput | null; errors: ApplyErrors } {
  const parsed = residentApplySchema.safeParse(toApplyInput(f))
  const errors: ApplyErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues, APPLY_FIELDS)
  if (!f.gridId) errors.gridId = '请选择所在网格'
  if (!parsed.success || Object.keys(errors).length > 0) return { input: null, errors }
  return { input: parsed.data, errors }
}
