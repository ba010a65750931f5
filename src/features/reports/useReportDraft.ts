import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ReportCategory, ReportEditInput, ReportView } from '@/domain/reports'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { newRequestId } from '@/services/requestId'
import { photoSrc } from '@/services/upload'
import { detailsToErrors } from '../common/formErrors'
import { emitReportEvent } from './events'
import { EMPTY_REPORT, hasContent, toCreateInput, validateReport, visibilityOf, type ReportErrors, type ReportField, type ReportFormValues } from './reportForm'
import { type PickedPhoto } from '@/features/media'
import { askForStatusMessages } from './subscribe'

export type ReportSubmitResult = { ok: true; report: ReportView } | { ok: false; reason: 'invalid' | 'failed' | 'busy' }

/** The draft keeps the attempt's requestId: a create whose reply was lost, re-sent after the page was
 * closed and the draft restored, is still the same report. */
type ReportDraft = ReportFormValues & { requestId?: string | null }

export function reportDraftKey(userId: string): string {
  return `report.new.${userId}`
}

const FIELDS: readonly ReportField[] = ['category', 'description', 'photos', 'location']

/** A restored photo that never finished uploading cannot resume: it asks to be sent again. */
function resumable(p: PickedPhoto): PickedPhoto {
  return p.fileId ? p : { ...p, progress: 0, error: p.error || '上传中断' }
}

/** How long a restored photo may take to show it still exists before it is kept anyway. */
const PHOTO_CHECK_MS = 3000

/**
 * Whether the picture behind a restored photo still exists on this phone: a browser's blob: address dies with
 * the page, a mini-program's temporary file may be cleaned up. Asked by loading it (getImageInfo on both).
 */
async function stillThere(localPath: string): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), PHOTO_CHECK_MS)
  })
  const loaded = Promise.resolve(Taro.getImageInfo({ src: localPath })).then(
    () => true,
    () => false,
  )
  try {
    return await Promise.race([loaded, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** The restored photos whose picture still exists, and how many were dropped (the person is told). */
export async function checkRestoredPhotos(photos: readonly PickedPhoto[]): Promise<{ kept: PickedPhoto[]; lost: number }> {
  const alive = await Promise.all(photos.map((p) => stillThere(p.localPath)))
  const kept = photos.filter((_, i) => alive[i]).map(resumable)
  return { kept, lost: photos.length - kept.length }
}

/**
 * The 随手拍 form: validated with the shared schema, kept as a local draft as it is typed (restored on
 * reopen, cleared on success, kept on failure), one requestId per attempt kept in the draft.
 * `presetCategory` (a tile of the tab) fills the category unless a send was already attempted.
 */
export function useCreateReport(userId: string, presetCategory?: ReportCategory) {
  const draftKey = reportDraftKey(userId)
  // a draft restores only what the person typed or picked; one holding nothing of theirs is no draft
  const [initial] = useState(() => {
    const d = loadDraft<ReportDraft>(draftKey)
    return d && hasContent({ ...EMPTY_REPORT, ...d.value }) ? d : null
  })
  const requestId = useRef<string | null>(initial?.value.requestId ?? null)
  // the restored photos wait for the check that their pictures still exist (below), then join the form
  const [photosToCheck] = useState<PickedPhoto[]>(() => initial?.value.photos ?? [])
  const [checkingPhotos, setCheckingPhotos] = useState(photosToCheck.length > 0)
  const [lostPhotos, setLostPhotos] = useState(0)
  const [form, setForm] = useState<ReportFormValues>(() => {
    const { requestId: _attempt, ...saved } = initial?.value ?? ({} as ReportDraft)
    const restored: ReportFormValues = { ...EMPTY_REPORT, ...saved, photos: [] }
    if (presetCategory && !requestId.current && restored.category !== presetCategory) {
      return { ...restored, category: presetCategory, visibility: null }
    }
    return restored
  })
  const [restoredAt, setRestoredAt] = useState<string | null>(initial?.savedAt ?? null)

  useEffect(() => {
    if (photosToCheck.length === 0) return
    let live = true
    void checkRestoredPhotos(photosToCheck).then(({ kept, lost }) => {
      if (!live) return
      setForm((f) => ({ ...f, photos: [...kept, ...f.photos] }))
      setLostPhotos(lost)
      setCheckingPhotos(false)
    })
    return () => {
      live = false
    }
  }, [photosToCheck])
  const [errors, setErrors] = useState<ReportErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<ApiError | null>(null)
  const submittingRef = useRef(false)

  useEffect(() => {
    if (checkingPhotos) return // the restored draft stays as it was until its photos are back in the form
    if (!hasContent(form)) clearDraft(draftKey)
    else saveDraft<ReportDraft>(draftKey, { ...form, requestId: requestId.current })
  }, [draftKey, form, checkingPhotos])

  const setField = useCallback(<K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]) => {
    if (submittingRef.current) return
    // upload progress is not a change of what is sent; anything else makes a new attempt
    if (key !== 'photos') requestId.current = null
    setForm((f) => {
      const next = { ...f, [key]: value }
      if (key === 'category') next.visibility = null
      // another place is another route: a grid picked to correct the old one no longer applies
      const moved = (a: ReportFormValues['location'], b: ReportFormValues['location']) => a?.latitude !== b?.latitude || a?.longitude !== b?.longitude
      if (key === 'location' && value && moved(f.location, value as ReportFormValues['location'])) next.gridId = ''
      return next
    })
    const field = (key === 'gridId' ? 'location' : key) as ReportField
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }, [])

  const formRef = useRef(form)
  formRef.current = form
  const setPhotos = useCallback((photos: ReportFormValues['photos']) => {
    if (submittingRef.current) return
    const before = JSON.stringify(photoIdsKey(formRef.current.photos))
    if (JSON.stringify(photoIdsKey(photos)) !== before) requestId.current = null
    formRef.current = { ...formRef.current, photos }
    setForm((f) => ({ ...f, photos }))
    setErrors((e) => (e.photos ? { ...e, photos: undefined } : e))
    setLostPhotos(0)
  }, [])
  const submit = useCallback(async (): Promise<ReportSubmitResult> => {
    if (submittingRef.current) return { ok: false, reason: 'busy' }
    const { input, errors: found } = validateReport(form)
    setErrors(found)
    if (!input) return { ok: false, reason: 'invalid' }
    // inside the tap, before anything else awaits (WeChat's rule for the consent dialog)
    const asked = askForStatusMessages()
    requestId.current ??= newRequestId()
    saveDraft<ReportDraft>(draftKey, { ...form, requestId: requestId.current })
    submittingRef.current = true
    setSubmitting(true)
    setSubmitError(null)
    try {
      await asked
      const report = await callApi('report.create', input, { requestId: requestId.current })
      requestId.current = null
      clearDraft(draftKey)
      setForm(EMPTY_REPORT)
      setRestoredAt(null)
      emitReportEvent({ type: 'created', report })
      return { ok: true, report }
    } catch (e) {
      const err = toApiError(e)
      setSubmitError(err)
      if (err.code === 'INVALID_INPUT') {
        const found = detailsToErrors<ReportField | 'photoIds' | 'gridId'>(err.details, [...FIELDS, 'photoIds', 'gridId'])
        setErrors({
          category: found.category,
          description: found.description,
          photos: found.photos ?? found.photoIds,
          location: found.location ?? found.gridId,
        })
      }
      return { ok: false, reason: 'failed' }
    } finally {
      submittingRef.current = false
      setSubmitting(false)
    }
  }, [form, draftKey])

  const discardDraft = useCallback(() => {
    requestId.current = null
    clearDraft(draftKey)
    setForm(EMPTY_REPORT)
    setErrors({})
    setSubmitError(null)
    setRestoredAt(null)
    setLostPhotos(0)
  }, [draftKey])

  return {
    form,
    setField,
    setPhotos,
    errors,
    submit,
    submitting,
    submitError,
    restoredAt,
    /** restored photos whose pictures no longer exist on the phone (dropped; the form says so) */
    lostPhotos,
    discardDraft,
    visibility: visibilityOf(form),
  }
}

function photoIdsKey(photos: ReportFormValues['photos']): string[] {
  return photos.map((p) => p.fileId ?? p.localPath)
}

/** The form filled from the reporter's own report (edit mode): text, category, photos, visibility. */
export function reportToForm(r: ReportView): ReportFormValues {
  return {
    ...EMPTY_REPORT,
    category: r.category,
    description: r.description,
    photos: r.photos.map((p) => ({ fileId: p.id, localPath: photoSrc(p.url), progress: 100 })),
    location: r.location
      ? { latitude: r.location.latitude, longitude: r.location.longitude, address: r.location.address ?? undefined, coordSystem: 'gcj02' }
      : null,
    anonymous: r.anonymous,
    visibility: r.visibility,
  }
}

/** What changed between the report and the edited form, as a report.edit input (null: nothing). */
export function toEditInput(r: ReportView, f: ReportFormValues): ReportEditInput | null {
  const input: ReportEditInput = { id: r.id }
  const sent = toCreateInput(f)
  if (f.category && f.category !== r.category) input.category = f.category
  if (f.description !== r.description) input.description = f.description
  const ids = (sent.photoIds as string[] | undefined) ?? []
  if (JSON.stringify(ids) !== JSON.stringify(r.photos.map((p) => p.id))) input.photoIds = ids
  if (f.anonymous !== r.anonymous) input.anonymous = f.anonymous
  const vis = visibilityOf(f)
  if (vis !== r.visibility) input.visibility = vis
  return Object.keys(input).length > 1 ? input : null
}

/** Edit mode: the reporter's own report loaded into the same form; saved with report.edit. */
export function useEditReport(id: string) {
  const [report, setReport] = useState<ReportView | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [form, setForm] = useState<ReportFormValues>(EMPTY_REPORT)
  const [errors, setErrors] = useState<ReportErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<ApiError | null>(null)
  const [loadSeq, setLoadSeq] = useState(0)
  const busy = useRef(false)

  useEffect(() => {
    let live = true
    setLoadError(null)
    callApi('report.get', { id })
      .then((r) => {
        if (!live) return
        setReport(r)
        setForm(reportToForm(r))
      })
      .catch((e) => live && setLoadError(toApiError(e)))
    return () => {
      live = false
    }
  }, [id, loadSeq])

  const setField = useCallback(<K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]) => {
    if (busy.current) return
    setForm((f) => ({ ...f, [key]: value, ...(key === 'category' ? { visibility: null } : {}) }))
    const field = (key === 'gridId' ? 'location' : key) as ReportField
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }, [])
  const setPhotos = useCallback((photos: ReportFormValues['photos']) => setField('photos', photos), [setField])

  const submit = useCallback(async (): Promise<ReportSubmitResult> => {
    if (busy.current || !report) return { ok: false, reason: 'busy' }
    const { errors: found } = validateReport(form)
    setErrors(found)
    if (Object.values(found).some(Boolean)) return { ok: false, reason: 'invalid' }
    const input = toEditInput(report, form)
    if (!input) return { ok: true, report }
    busy.current = true
    setSubmitting(true)
    setSubmitError(null)
    try {
      const saved = await callApi('report.edit', input)
      setReport(saved)
      emitReportEvent({ type: 'changed', report: saved })
      return { ok: true, report: saved }
    } catch (e) {
      const err = toApiError(e)
      setSubmitError(err)
      if (err.code === 'INVALID_INPUT') setErrors(detailsToErrors(err.details, FIELDS))
      return { ok: false, reason: 'failed' }
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [form, report])

  return {
    report,
    loadError,
    reload: () => setLoadSeq((n) => n + 1),
    form,
    setField,
    setPhotos,
    errors,
    submit,
    submitting,
    submitError,
    visibility: visibilityOf(form),
  }
}
