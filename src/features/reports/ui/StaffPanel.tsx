import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { NOTE_REQUIRED, REPORT_LEVEL_LABELS, type ReportView } from '@/domain/reports'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { ROUTES, withQuery } from '@/services/routes'
import type { FieldErrors } from '../../common/formErrors'
import {
  QUICK_NOTES,
  escalateTarget,
  staffActionLabel,
  useGridWorkers,
  useStaffActions,
  type StaffAction,
  type TransitionField,
} from '../useStaffActions'
import { PhotoPicker, pendingPhotos, photoIdsOf, type PickedPhoto } from '@/features/media'
import './StaffPanel.scss'

const WITH_PHOTOS: readonly StaffAction[] = ['note', 'resolve']

/** The toast after each action (short: WeChat's success toast shows 7 characters). */
const DONE_TEXT: Record<StaffAction, string> = {
  accept: '已受理',
  note: '进展已记录',
  resolve: '已办结',
  reject: '已不予受理',
  return: '已退回补充',
  escalate: '已上报',
  supervise: '已督办',
  reassign: '已改派',
}

/** A note being written is kept per report and action until it is sent. */
export function noteDraftKey(reportId: string, action: StaffAction): string {
  return `staff-note:${reportId}:${action}`
}

function explain(action: StaffAction, report: ReportView): string {
  switch (action) {
    case 'accept':
      return '受理后问题进入“处理中”，请在办结期限内处理完毕。'
    case 'note':
      return '记录处理进展，上报人会在时间线上看到。'
    case 'resolve':
      return '写明办理结果，上报人会收到通知，可以评价或在 7 天内重新打开。'
    case 'reject':
      return '写明不予受理的理由，上报人会看到。'
    case 'return':
      return '写明需要补充什么，上报人补充后会重新提交给您。'
    case 'escalate': {
      const to = escalateTarget(report.level)
      return `上报后由${to ? REPORT_LEVEL_LABELS[to] : '上级'}重新受理，请写明原因。`
    }
    case 'supervise':
      return '督办意见会通知办理人，请写明要求。'
    case 'reassign':
      return '选择改派给哪位网格员，问题回到网格办理，对方会收到通知。'
  }
}

function placeholder(action: StaffAction): string {
  switch (action) {
    case 'accept':
      return '可填写受理说明（选填）'
    case 'reassign':
      return '可填写改派说明（选填）'
    case 'reject':
      return '例如：重复问题 #123'
    case 'resolve':
      return '例如：已清理堆放垃圾，恢复通道畅通'
    default:
      return '请填写说明'
  }
}

/** Staff actions on one report: the ones in `report.can`, each with its own sheet (note, photos, whom). */
export function StaffPanel({
  report,
  onChanged,
}: {
  report: ReportView
  onChanged: (r: ReportView) => void
}) {
  const staff = useStaffActions(report, onChanged)
  const [open, setOpen] = useState<StaffAction | null>(null)
  const canMediate = report.can.includes('mediate')
  if (staff.actions.length === 0 && !canMediate) return null

  const choose = (a: StaffAction) => {
    staff.clearError()
    setOpen(a)
  }

  return (
    <Card title='办理' testid='staff-panel'>
      {report.overdue ? (
        <Text className='staff-panel__overdue' data-testid='staff-overdue'>
          ⚠ 已逾期，请尽快办理
        </Text>
      ) : null}
      {open ? null : (
        <View className='staff-panel__actions'>
          {staff.actions.map((a) => (
            <ActionButton
              key={a}
              kind={a === 'reject' ? 'danger' : a === 'accept' || a === 'resolve' ? 'primary' : 'secondary'}
              testid={`staff-action-${a}`}
              onClick={() => choose(a)}
            >
              {staffActionLabel(a, report.level)}
            </ActionButton>
          ))}
          {canMediate ? (
            <ActionButton
              kind='secondary'
              testid='staff-mediate'
              onClick={() =>
                void Taro.navigateTo({ url: withQuery(ROUTES.reportMediate, { id: report.id }) })
              }
            >
              记录调解
            </ActionButton>
          ) : null}
        </View>
      )}
      {open ? (
        <ActionSheet
          key={open}
          action={open}
          report={report}
          sending={staff.sending === open}
          error={staff.error?.message ?? null}
          onCancel={() => {
            staff.clearError()
            setOpen(null)
          }}
          onSubmit={async (draft) => {
            const res = await staff.run(open, draft)
            if (res.ok) {
              clearDraft(noteDraftKey(report.id, open))
              setOpen(null)
              try {
                Promise.resolve(Taro.showToast({ title: DONE_TEXT[open], icon: 'success' })).catch(
                  () => undefined,
                )
              } catch {
                // no toast outside a page
              }
            }
            return res.errors
          }}
        />
      ) : null}
    </Card>
  )
}

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

function ActionSheet({ action, report, sending, error, onCancel, onSubmit }: SheetProps) {
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

interface PickerProps {
  gridId: string
  currentId: string | null
  value: string
  onChange: (id: string) => void
  error?: string
}

/** 改派给: the community's 网格员 as big radio rows, with the grids each covers. */
function WorkerPicker({ gridId, currentId, value, onChange, error }: PickerProps) {
  const { workers, status, error: loadError, reload } = useGridWorkers(gridId, true)
  const choices = workers.filter((w) => w.id !== currentId)
  return (
    <View className='staff-sheet__workers' data-testid='staff-workers'>
      <View className='staff-sheet__label'>
        <Text>改派给</Text>
        <Text className='staff-sheet__req'>（必选）</Text>
      </View>
      {status === 'loading' ? <Text className='gz-muted'>正在加载网格员…</Text> : null}
      {status === 'error' ? (
        <View className='gz-banner gz-banner--error' data-testid='staff-workers-error'>
          <Text>网格员名单没有加载出来：{loadError?.message}</Text>
          <ActionButton kind='plain' testid='staff-workers-retry' onClick={() => void reload()}>
            重试
          </ActionButton>
        </View>
      ) : null}
      {status === 'ready' && choices.length === 0 ? (
        <Text className='gz-muted'>社区没有其他网格员可以改派。</Text>
      ) : null}
      <View role='radiogroup'>
        {choices.map((w) => {
          const on = w.id === value
          return (
            <View
              key={w.id}
              className={`staff-sheet__worker${on ? ' staff-sheet__worker--on' : ''}`}
              role='radio'
              aria-checked={on ? 'true' : 'false'}
              data-testid={`staff-worker-${w.id}`}
              onClick={() => onChange(w.id)}
            >
              <Text className='staff-sheet__worker-name'>{on ? `✓ ${w.name}` : w.name}</Text>
              <Text className='staff-sheet__worker-grids'>
                {w.grids.length ? `负责 ${w.grids.map((g) => g.name).join('、')}` : '尚未分配网格'}
              </Text>
            </View>
          )
        })}
      </View>
      {error ? (
        <Text className='staff-sheet__error' data-testid='staff-worker-error'>
          {error}
        </Text>
      ) : null}
    </View>
  )
}
