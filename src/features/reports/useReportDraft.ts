import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ReportCategory, ReportCreateInput, ReportEditInput, ReportView } from '@/domain/reports'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { photoSrc } from '@/services/upload'
import { detailsToErrors } from '../common/formErrors'
import { useDraftSubmit } from '../common/useDraftSubmit'
import { emitReportEvent } from './events'
import { EMPTY_REPORT, hasContent, toCreateInput, validateReport, visibilityOf, type ReportErrors, type ReportField, type ReportFormValues } from './reportForm'
import { type PickedPhoto } from '@/features/media'
import { askForStatusMessages } from './subscribe'

export type ReportSubmitResult = { ok: true; report: ReportView } | { ok: false; reason: 'invalid' | 'failed' | 'busy' }

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

const emptyReport = (): ReportFormValues => EMPTY_REPORT
/** a draft restores only what the person typed or picked; one holding nothing of theirs is no draft */
const isEmptyReport = (f: ReportFormValues) => !hasContent(f)

/**
 * The 随手拍 form: validated with the shared schema, kept as a local draft as it is typed (restored on
 * reopen, cleared on success, kept on failure), one requestId per attempt kept in the draft.
 * `presetCategory` (a tile of the tab) fills the category unless the draft is a send to be repeated as it was.
 */
export function useCreateReport(userId: string, presetCategory?: ReportCategory) {
  // the restored draft stays as it was until its photos are checked and back in the form (below)
  const [checkingPhotos, setCheckingPhotos] = useState(true)
  const [lostPhotos, setLostPhotos] = useState(0)
  const asked = useRef<Promise<void>>(Promise.resolve())
  const draft = useDraftSubmit<ReportFormValues, ReportCreateInput, ReportView>({
    key: reportDraftKey(userId),
    empty: emptyReport,
    isEmpty: isEmptyReport,
    inputOf: (form) => validateReport(form).input,
    send: async (input, requestId) => {
      await asked.current
      return callApi('report.create', input, { requestId })
    },
    initialForm: (opened, attempt) => {
      // the draft is what was sent last: it is sent again as it was
      const resending = attempt !== null && JSON.stringify(validateReport(opened).input) === JSON.stringify(attempt.input)
      const form: ReportFormValues = { ...opened, photos: [] }
      if (!presetCategory || resending || form.category === presetCategory) return form
      return { ...form, category: presetCategory, visibility: null }
    },
    paused: checkingPhotos,
  })
  const { form, setForm, restored, isBusy, submit: send, submitting, error, clearError, restoredAt, discard } = draft
  const [errors, setErrors] = useState<ReportErrors>({})

  // the restored photos wait for the check that their pictures still exist, then join the form
  const [photosToCheck] = useState<PickedPhoto[]>(() => restored?.photos ?? [])
  useEffect(() => {
    if (photosToCheck.length === 0) {
      setCheckingPhotos(false)
      return
    }
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
  }, [photosToCheck, setForm])

  const setField = useCallback(<K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]) => {
    if (isBusy()) return
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
  }, [isBusy, setForm])

  const setPhotos = useCallback((photos: ReportFormValues['photos']) => {
    if (isBusy()) return
    setForm((f) => ({ ...f, photos }))
    setErrors((e) => (e.photos ? { ...e, photos: undefined } : e))
    setLostPhotos(0)
  }, [isBusy, setForm])

  const submit = useCallback(async (): Promise<ReportSubmitResult> => {
    if (isBusy()) return { ok: false, reason: 'busy' }
    const { input, errors: found } = validateReport(form)
    setErrors(found)
    if (!input) return { ok: false, reason: 'invalid' }
    // inside the tap, before anything else awaits (WeChat's rule for the consent dialog)
    asked.current = askForStatusMessages()
    const sent = await send(input)
    if (!sent.ok) {
      if (sent.error?.code === 'INVALID_INPUT') {
        const found = detailsToErrors<ReportField | 'photoIds' | 'gridId'>(sent.error.details, [...FIELDS, 'photoIds', 'gridId'])
        setErrors({
          category: found.category,
          description: found.description,
          photos: found.photos ?? found.photoIds,
          location: found.location ?? found.gridId,
        })
      }
      return { ok: false, reason: sent.error ? 'failed' : 'busy' }
    }
    setForm(EMPTY_REPORT)
    emitReportEvent({ type: 'created', report: sent.data })
    return { ok: true, report: sent.data }
  }, [isBusy, form, send, setForm])

  const discardDraft = useCallback(() => {
    discard()
    setErrors({})
    clearError()
    setLostPhotos(0)
  }, [discard, clearError])

  return {
    form,
    setField,
    setPhotos,
    errors,
    submit,
    submitting,
    submitError: error,
    restoredAt,
    /** restored photos whose pictures no longer exist on the phone (dropped; the form says so) */
    lostPhotos,
    discardDraft,
    visibility: visibilityOf(form),
  }
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
