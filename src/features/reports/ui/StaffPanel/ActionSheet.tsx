import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { NOTE_REQUIRED, type ReportView } from '@/domain/reports'
import { ActionButton } from '@/components/ActionButton'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { PhotoPicker, pendingPhotos, photoIdsOf, type PickedPhoto } from '@/features/media'
import type { FieldErrors } from '../../../common/formErrors'
import { QUICK_NOTES, staffActionLabel, type StaffAction, type TransitionField } from '../../useStaffActions'
import { noteDraftKey } from './noteDraft'
import { explain, placeholder } from './sheetTexts'
import { WorkerPicker } from './WorkerPicker'

const WITH_PHOTOS: readonly StaffAction[] = ['note', 'resolve']

interface SheetProps {
  action: StaffAction
  report: ReportView
  sending: boolean
  error: string | null
  onCancel: () => void
  onSubmit: (draft: {
    note: string
    photoIds: string[]
    toUserId: string
  }) => Promise<FieldErrors<TransitionField>>
}

/** One action's sheet: explanation, whom (改派), quick notes, the note (kept as a draft), photos, confirm. */
export function ActionSheet({ action, report, sending, error, onCancel, onSubmit }: SheetProps) {
  const draftKey = noteDraftKey(report.id, action)
  const [note, setNoteState] = useState(() => loadDraft<string>(draftKey)?.value ?? '')
  const setNote = (next: string) => {
    setNoteState(next)
    if (next.trim()) saveDraft(draftKey, next)
    else clearDraft(draftKey)
  }
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [focusNote, setFocusNote] = useState(false)
  const [toUserId, setToUserId] = useState('')
  const [errors, setErrors] = useState<FieldErrors<TransitionField | 'photos'>>({})
  const required = NOTE_REQUIRED.includes(action)
  const label = staffActionLabel(action, report.level)
  const quick = QUICK_NOTES[action] ?? []

  const submit = async () => {
    const pending = pendingPhotos(photos)
    if (pending.uploading > 0) return setErrors({ photos: '照片还在上传，请稍等' })
    if (pending.failed > 0) return setErrors({ photos: '有照片没有传上去，请重试或删除' })
    setErrors(await onSubmit({ note, photoIds: photoIdsOf(photos), toUserId }))
  }

  return (
    <View className='staff-sheet' data-testid='staff-sheet' data-action={action}>
      <Text className='staff-sheet__title'>{label}</Text>
      <Text className='staff-sheet__explain'>{explain(action, report)}</Text>

      {action === 'reassign' ? (
        <WorkerPicker
          gridId={report.gridId}
          currentId={report.assignee?.id ?? null}
          value={toUserId}
          onChange={(id) => {
            setToUserId(id)
            setErrors((e) => ({ ...e, toUserId: undefined }))
          }}
          error={errors.toUserId}
        />
      ) : null}

      {quick.length ? (
        <View className='staff-sheet__quick' data-testid='staff-quick'>
          {quick.map((q) => (
            <View
              key={q}
              className='staff-sheet__chip'
              role='button'
              data-testid='staff-quick-note'
              onClick={() => {
                setNote(note.trim() ? `${note.trim()}；${q}` : q)
                // "重复问题 #": the number is typed next
                setFocusNote(q.endsWith('#'))
                setErrors((e) => ({ ...e, note: undefined }))
              }}
            >
              <Text>{q}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='staff-sheet__label'>
        <Text>{action === 'resolve' ? '办理结果' : '说明'}</Text>
        <Text className='staff-sheet__req'>{required ? '（必填）' : '（选填）'}</Text>
      </View>
      <Textarea
        focus={focusNote}
        onBlur={() => setFocusNote(false)}
        className={`gz-textarea${errors.note ? ' gz-input--error' : ''}`}
        value={note}
        maxlength={1000}
        placeholder={placeholder(action)}
        onInput={(e) => {
          setNote(e.detail.value)
          setErrors((x) => ({ ...x, note: undefined }))
        }}
        data-testid='staff-note'
      />
      {errors.note ? (
        <Text className='staff-sheet__error' data-testid='staff-note-error'>
          {errors.note}
        </Text>
      ) : null}

      {WITH_PHOTOS.includes(action) ? (
        <View className='staff-sheet__photos'>
          <View className='staff-sheet__label'>
            <Text>现场照片</Text>
            <Text className='staff-sheet__req'>（选填）</Text>
          </View>
          <PhotoPicker
            value={photos}
            onChange={(v) => {
              setPhotos(v)
              setErrors((x) => ({ ...x, photos: undefined, photoIds: undefined }))
            }}
          />
          {errors.photos || errors.photoIds ? (
            <Text className='staff-sheet__error' data-testid='staff-photos-error'>
              {errors.photos ?? errors.photoIds}
            </Text>
          ) : null}
        </View>
      ) : null}

      {error ? (
        <View className='gz-banner gz-banner--error' data-testid='staff-error'>
          <Text>{error}</Text>
        </View>
      ) : null}

      <View className='gz-actions'>
        <ActionButton kind='secondary' testid='staff-cancel' disabled={sending} onClick={onCancel}>
          取消
        </ActionButton>
        <ActionButton
          kind={action === 'reject' ? 'destructive' : 'primary'}
          loading={sending}
          loadingText='正在提交…'
          testid='staff-confirm'
          onClick={() => void submit()}
        >
          {`确定${label}`}
        </ActionButton>
      </View>
    </View>
  )
}
