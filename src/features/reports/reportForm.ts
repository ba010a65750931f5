import { defaultVisibility, reportCreateSchema, type ReportCategory, type ReportCreateInput, type ReportVisibility } from '@/domain/reports'
import { issuesToErrors, type FieldErrors } from '../common/formErrors'
import { pendingPhotos, photoIdsOf, type PickedPhoto, type PickedLocation } from '@/features/media'

/** The 随手拍 form as the resident fills it in (kept as a local draft). */
export interface ReportFormValues {
  category: ReportCategory | ''
  description: string
  photos: PickedPhoto[]
  location: PickedLocation | null
  /** the grid picked: without a location, or to correct the one the location fell in */
  gridId: string
  anonymous: boolean
  /** null: the category's default (disputes private) */
  visibility: ReportVisibility | null
}

export type ReportField = 'category' | 'description' | 'photos' | 'location'
export type ReportErrors = FieldErrors<ReportField>


export const EMPTY_REPORT: ReportFormValues = {
  category: '',
  description: '',
  photos: [],
  location: null,
  gridId: '',
  anonymous: false,
  visibility: null,
}

/**
 * Whether the form holds anything the person typed or picked on it — words, photos, a place or grid, 匿名, a
 * chosen 公开范围. A category alone (a tile tapped on the tab) is not a draft worth keeping or announcing.
 */
export function hasContent(f: ReportFormValues): boolean {
  return (
    f.description.trim() !== '' ||
    f.photos.length > 0 ||
    f.location !== null ||
    f.gridId !== '' ||
    f.anonymous ||
    f.visibility !== null
  )
}

export function visibilityOf(f: Pick<ReportFormValues, 'category' | 'visibility'>): ReportVisibility {
  return f.visibility ?? (f.category ? defaultVisibility(f.category) : 'public')
}

/** Form → the API input (before validation). */
export function toCreateInput(f: ReportFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {
    category: f.category || undefined,
    description: f.description,
    visibility: visibilityOf(f),
  }
  const ids = photoIdsOf(f.photos)
  if (ids.length) input.photoIds = ids
  if (f.location) {
    const { latitude, longitude, address, coordSystem } = f.location
    const place = address?.trim()
    input.location = place ? { latitude, longitude, address: place, coordSystem } : { latitude, longitude, coordSystem }
  }
  // with a location, a picked grid is the resident's correction of where it fell
  if (f.gridId) input.gridId = f.gridId
  if (f.anonymous) input.anonymous = true
  return input
}

const FIELDS: readonly ReportField[] = ['category', 'description', 'photos', 'location']

/** The shared schema's own Chinese messages per field; photos still uploading or failed hold the form too. */
export function validateReport(f: ReportFormValues): { input: ReportCreateInput | null; errors: ReportErrors } {
  const parsed = reportCreateSchema.safeParse(toCreateInput(f))
  const errors: ReportErrors = parsed.success
    ? {}
    : issuesToErrors(
        parsed.error.issues.map((i) => ({ ...i, path: i.path[0] === 'photoIds' ? ['photos', ...i.path.slice(1)] : i.path })),
        FIELDS,
      )
  const { uploading, failed } = pendingPhotos(f.photos)
  if (!errors.photos && failed) errors.photos = `有 ${failed} 张照片上传失败，请重试或删除`
  else if (!errors.photos && uploading) errors.photos = '照片还在上传，请稍等'
  if (!parsed.success || errors.photos) return { input: null, errors }
  return { input: parsed.data as ReportCreateInput, errors }
}
