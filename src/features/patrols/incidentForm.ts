import { shiftLogSchema, type ShiftLogInput } from '@/domain/patrols'
import type { ReportCategory } from '@/domain/reports'
import type { FieldErrors } from '../common/formErrors'
import { pendingPhotos, photoIdsOf, type PickedPhoto, type DevicePosition } from '@/features/media'

/** 发现隐患 as the volunteer fills it in. */
export interface IncidentFormValues {
  category: ReportCategory | ''
  description: string
  photos: PickedPhoto[]
  /** null: the server uses where I checked in */
  position: DevicePosition | null
}

export type IncidentField = 'category' | 'description' | 'photos' | 'location'
export type IncidentErrors = FieldErrors<IncidentField>

export const EMPTY_INCIDENT: IncidentFormValues = { category: '', description: '', photos: [], position: null }

const NOTE_MAX = 500

/** Form → shift.log input: the log's note is the observation itself (cut to the note's length). */
export function toLogInput(shiftId: string, f: IncidentFormValues): Record<string, unknown> {
  const description = f.description.trim()
  const report: Record<string, unknown> = { category: f.category || undefined, description }
  const ids = photoIdsOf(f.photos)
  if (ids.length) report.photoIds = ids
  if (f.position) report.location = { latitude: f.position.latitude, longitude: f.position.longitude, coordSystem: f.position.coordSystem }
  return { id: shiftId, note: [...`发现隐患：${description}`].slice(0, NOTE_MAX).join(''), report }
}

const FIELDS: readonly IncidentField[] = ['category', 'description', 'photos', 'location']

/** The shared shift.log schema's own Chinese messages per field; photos still uploading hold the form. */
export function validateIncident(shiftId: string, f: IncidentFormValues): { input: ShiftLogInput | null; errors: IncidentErrors } {
  const parsed = shiftLogSchema.safeParse(toLogInput(shiftId, f))
  const errors: IncidentErrors = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, sub] = issue.path
      const field = (head === 'report' ? (sub === 'photoIds' ? 'photos' : sub) : head === 'note' ? 'description' : head) as IncidentField
      if (FIELDS.includes(field) && !errors[field]) errors[field] = issue.message
    }
  }
  const { uploading, failed } = pendingPhotos(f.photos)
  if (!errors.photos && failed) errors.photos = `有 ${failed} 张照片上传失败，请重试或删除`
  else if (!errors.photos && uploading) errors.photos = '照片还在上传，请稍等'
  if (!parsed.success || errors.photos) return { input: null, errors }
  return { input: parsed.data as ShiftLogInput, errors }
}
