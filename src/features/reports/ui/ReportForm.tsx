import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { ToggleRow } from '@/components/ToggleRow'
import { fromNow } from '@/components/time'
import { DraftRestored } from '@/components/DraftRestored'
import type { Me } from '@/domain/auth'
import {
  MAX_REPORT_PHOTOS,
  REPORT_CATEGORIES,
  REPORT_CATEGORY_HINTS,
  REPORT_CATEGORY_LABELS,
  type NearbyReport,
  type ReportCategory,
  type ReportView,
  type ReportVisibility,
} from '@/domain/reports'
import type { ApiError } from '@/services/apiError'
import { useCommunity } from '@/features/community'
import { LOCATION_FAILURE_TEXT, LocationError, takeLocation, PhotoPicker } from '@/features/media'
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from '@/domain/reports'
import { type ReportErrors, type ReportFormValues as Form } from '../reportForm'
import { useNearby } from '../useNearby'
import { useReportRoute } from '../useReportRoute'
import { useCreateReport, useEditReport } from '../useReportDraft'
import { ReportCategoryTag, ReportStatusTag } from './ReportStatusTag'
import './ReportForm.scss'

const CATEGORY_CHOICES = REPORT_CATEGORIES.map((c) => ({ value: c, label: REPORT_CATEGORY_LABELS[c] }))
const VISIBILITY_CHOICES = [
  { value: 'public', label: '公开' },
  { value: 'private', label: '仅工作人员可见' },
] as const

interface ReportFormProps {
  me: Me
  /** edit mode: the reporter's own report */
  editId?: string
  /** a tile of the tab chose it */
  presetCategory?: ReportCategory
  onSaved: (report: ReportView) => void
  /** 我也遇到 on a nearby report: go to it */
  onOpenReport: (id: string) => void
  onInvalid?: () => void
}

/** 随手拍: what, photos, where, who sees it; nearby reports offered first; a draft that survives anything. */
export function ReportForm(props: ReportFormProps) {
  return props.editId ? <EditForm {...props} editId={props.editId} /> : <CreateForm {...props} />
}

function CreateForm({ me, presetCategory, onSaved, onOpenReport, onInvalid }: ReportFormProps) {
  const f = useCreateReport(me.id, presetCategory)
  const nearby = useNearby(f.form.location, f.form.category)
  const onSubmit = async () => {
    const r = await f.submit()
    if (r.ok) onSaved(r.report)
    else if (r.reason === 'invalid') onInvalid?.()
  }
  const supportOne = async (id: string) => {
    const supporters = await nearby.support(id)
    if (supporters === null) return
    void Promise.resolve(Taro.showToast({ title: `已记录，共 ${supporters} 人遇到`, icon: 'none', duration: 2000 })).catch(() => undefined)
    onOpenReport(id)
  }
  return (
    <View className='gz-page report-form' data-testid='report-form'>
      {f.restoredAt ? <DraftRestored savedAt={f.restoredAt} onDiscard={f.discardDraft} /> : null}
      {f.lostPhotos > 0 ? (
        <View className='gz-banner gz-banner--error' data-testid='photos-lost'>
          <Text>有 {f.lostPhotos} 张照片已失效，请在下面重新添加。</Text>
        </View>
      ) : null}
      <Fields form={f.form} errors={f.errors} visibility={f.visibility} setField={f.setField} setPhotos={f.setPhotos} withLocation />
      {nearby.items.length ? (
        <NearbyOffer items={nearby.items} supporting={nearby.supporting} error={nearby.error} onSupport={supportOne} onOpen={onOpenReport} onDismiss={nearby.dismiss} />
      ) : null}
      <Submit
        submitting={f.submitting}
        submitError={f.submitError}
        label='提交'
        loadingText='正在提交…'
        kept='您填写的内容已保存在本机，网络好了再点“提交”，不会重复上报。'
        onSubmit={() => void onSubmit()}
      />
      <Text className='gz-muted'>草稿会自动保存在本机，提交成功后清除。</Text>
    </View>
  )
}

function EditForm({ editId, onSaved, onInvalid }: ReportFormProps & { editId: string }) {
  const f = useEditReport(editId)
  if (f.loadError) {
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--error' data-testid='edit-load-error'>
          <Text>没有加载出来：{f.loadError.message}</Text>
        </View>
        <ActionButton kind='secondary' onClick={f.reload}>
          重试
        </ActionButton>
      </View>
    )
  }
  if (!f.report) {
    return (
      <View className='gz-page' aria-busy='true'>
        <Text className='gz-muted'>正在加载…</Text>
      </View>
    )
  }
  if (!f.report.can.includes('edit')) {
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--info' data-testid='edit-not-allowed'>
          <Text>这个问题已受理，不能再修改了。</Text>
        </View>
      </View>
    )
  }
  const onSubmit = async () => {
    const r = await f.submit()
    if (r.ok) onSaved(r.report)
    else if (r.reason === 'invalid') onInvalid?.()
  }
  return (
    <View className='gz-page report-form' data-testid='report-form'>
      {f.report.status === 'returned' ? (
        <View className='gz-banner gz-banner--info'>
          <Text>工作人员请您补充情况，修改后会重新交给工作人员处理。</Text>
        </View>
      ) : null}
      <Fields form={f.form} errors={f.errors} visibility={f.visibility} setField={f.setField} setPhotos={f.setPhotos} />
      <Submit
        submitting={f.submitting}
        submitError={f.submitError}
        label='保存修改'
        loadingText='正在保存…'
        kept='您修改的内容还在，可以直接再点“保存修改”。'
        onSubmit={() => void onSubmit()}
      />
    </View>
  )
}

interface FieldsProps {
  form: Form
  errors: ReportErrors
  visibility: ReportVisibility
  setField: <K extends keyof Form>(key: K, value: Form[K]) => void
  setPhotos: (photos: Form['photos']) => void
  withLocation?: boolean
}

function Fields({ form, errors, visibility, setField, setPhotos, withLocation = false }: FieldsProps) {
  const length = [...form.description].length
  return (
    <>
      <Card>
        <FormField label='问题类别' name='category' required error={errors.category} hint={form.category ? REPORT_CATEGORY_HINTS[form.category] : undefined}>
          <ChoiceChips<ReportCategory> options={CATEGORY_CHOICES} value={form.category} onChange={(v) => setField('category', v)} testidPrefix='category' />
        </FormField>
      </Card>
      <Card>
        <FormField
          label='发生了什么'
          name='description'
          required
          error={errors.description}
          hint={`至少 ${DESCRIPTION_MIN} 个字，已写 ${length}/${DESCRIPTION_MAX} 字`}
        >
          <TextArea
            className='report-form__textarea'
            value={form.description}
            maxLength={DESCRIPTION_MAX}
            rows={6}
            placeholder='例如：3 号楼东侧路灯坏了一个星期，晚上很黑'
            onChange={(v) => setField('description', v)}
            data-testid='input-description'
          />
        </FormField>
        <FormField label='照片' name='photos' error={errors.photos} hint={`最多 ${MAX_REPORT_PHOTOS} 张，选好就开始上传`}>
          <PhotoPicker value={form.photos} onChange={setPhotos} />
        </FormField>
      </Card>
      {withLocation ? (
        <Card>
          <LocationField form={form} error={errors.location} setField={setField} />
        </Card>
      ) : null}
      <Card>
        <FormField
          label='公开范围'
          name='visibility'
          hint={
            form.category === 'dispute'
              ? '矛盾纠纷涉及个人隐私，默认仅工作人员可见'
              : '公开：本社区居民能看到问题和照片，遇到同样问题可以点“我也遇到”'
          }
        >
          <ChoiceChips<ReportVisibility> options={VISIBILITY_CHOICES} value={visibility} onChange={(v) => setField('visibility', v)} testidPrefix='visibility' />
        </FormField>
        <ToggleRow label='匿名' hint='其他居民看不到您的名字，工作人员可以看到' checked={form.anonymous} onChange={(v) => setField('anonymous', v)} testid='toggle-anonymous' />
      </Card>
    </>
  )
}

function LocationField({ form, error, setField }: { form: Form; error?: string; setField: FieldsProps['setField'] }) {
  const [locating, setLocating] = useState(false)
  const [failure, setFailure] = useState<string>('')
  const [showGrids, setShowGrids] = useState(!!form.gridId)
  const community = useCommunity()
  const route = useReportRoute(form.location)

  const locate = async () => {
    if (locating) return
    setLocating(true)
    setFailure('')
    try {
      setField('location', await takeLocation())
      setShowGrids(false)
      setField('gridId', '')
    } catch (e) {
      const reason = e instanceof LocationError ? e.reason : 'unavailable'
      if (reason !== 'cancelled') {
        setFailure(`${LOCATION_FAILURE_TEXT[reason]}，请选择问题所在的网格`)
        setShowGrids(true)
      }
    } finally {
      setLocating(false)
    }
  }

  const loc = form.location
  const picked = community.data?.grids.find((g) => g.id === form.gridId)
  return (
    <FormField label='问题在哪里' name='location' error={error} hint='有位置能更快交给负责这一片的网格员'>
      {loc ? (
        <View className='report-form__place' data-testid='location-picked'>
          <Text className='report-form__place-text' data-testid='location-place'>
            位置：{loc.address?.trim() || '您现在所在的位置'}
          </Text>
          <RouteLine route={route} picked={picked?.name} />
          <Text className='report-form__label'>位置说明（可不填）</Text>
          <Input
            className='gz-input'
            value={loc.address ?? ''}
            maxlength={100}
            placeholder='如：3栋东侧路口'
            onInput={(e) => setField('location', { ...loc, address: e.detail.value })}
            data-testid='location-note'
          />
          <View className='report-form__place-actions'>
            <ActionButton kind='secondary' testid='location-again' loading={locating} loadingText='正在定位…' onClick={() => void locate()}>
              重新定位
            </ActionButton>
            {!showGrids ? (
              <ActionButton kind='plain' testid='location-correct' onClick={() => setShowGrids(true)}>
                不是这个网格？改选
              </ActionButton>
            ) : null}
            <ActionButton kind='plain' testid='location-clear' onClick={() => setField('location', null)}>
              不用位置
            </ActionButton>
          </View>
        </View>
      ) : (
        <View className='report-form__place-actions'>
          <ActionButton kind='secondary' testid='location-take' loading={locating} loadingText='正在定位…' onClick={() => void locate()}>
            {process.env.TARO_ENV === 'weapp' ? '在地图上选位置' : '获取我的位置'}
          </ActionButton>
          {!showGrids ? (
            <ActionButton kind='plain' testid='location-grid' onClick={() => setShowGrids(true)}>
              不方便定位？选网格
            </ActionButton>
          ) : null}
        </View>
      )}
      {failure ? (
        <Text className='report-form__notice' data-testid='location-failure'>
          {failure}
        </Text>
      ) : null}
      {showGrids ? (
        <View className='report-form__grids' data-testid='grid-picker'>
          <Text className='report-form__label'>
            {loc ? '改交给哪个网格' : '问题所在的网格（不选则交给您所在网格）'}
          </Text>
          {community.status === 'ready' && community.data ? (
            <ChoiceChips<string>
              options={community.data.grids.map((g) => ({ value: g.id, label: g.name }))}
              value={form.gridId}
              onChange={(v) => setField('gridId', v)}
              testidPrefix='grid'
            />
          ) : community.status === 'error' ? (
            <View>
              <Text className='report-form__notice'>网格没有加载出来：{community.error?.message ?? '请稍后重试'}</Text>
              <ActionButton kind='plain' onClick={() => void community.reload()}>
                重试
              </ActionButton>
            </View>
          ) : (
            <Text className='gz-muted'>正在加载网格…</Text>
          )}
        </View>
      ) : null}
    </FormField>
  )
}

/** 将交给：第一网格（网格员 孙丽）— where the report goes from this place, or the grid the resident picked instead. */
function RouteLine({ route, picked }: { route: ReturnType<typeof useReportRoute>; picked?: string }) {
  if (picked) {
    return (
      <Text className='report-form__route' data-testid='location-route'>
        将交给：{picked}（您改选的网格）
      </Text>
    )
  }
  if (route.status === 'loading') return <Text className='gz-muted'>正在确认交给哪个网格…</Text>
  if (route.status === 'error' || !route.data) {
    return <Text className='gz-muted' data-testid='location-route'>提交后按位置交给所在网格的网格员</Text>
  }
  const r = route.data
  return (
    <View className='report-form__route-box'>
      <Text className='report-form__route' data-testid='location-route'>
        将交给：{r.gridName}（{r.handler}）
      </Text>
      {r.inside ? null : (
        <Text className='report-form__notice' data-testid='location-outside'>
          这个位置不在本社区的网格里，先交给您所在的网格；如果不对，请改选网格。
        </Text>
      )}
    </View>
  )
}

function NearbyOffer({
  items,
  supporting,
  error,
  onSupport,
  onOpen,
  onDismiss,
}: {
  items: NearbyReport[]
  supporting: string | null
  error: ApiError | null
  onSupport: (id: string) => void
  onOpen: (id: string) => void
  onDismiss: () => void
}) {
  return (
    <Card title='附近已有人反映' testid='nearby-offer'>
      <Text className='report-form__nearby-intro'>
        附近 200 米内已有同类问题在处理。如果是同一件事，点“我也遇到”，工作人员会知道更多人关心，比重新上报更快。
      </Text>
      {items.map((r) => (
        <View key={r.id} className='report-form__nearby' data-testid='nearby-item'>
          <View className='report-form__nearby-tags'>
            <ReportCategoryTag category={r.category} />
            <ReportStatusTag status={r.status} />
            <Text className='gz-muted'>约 {Math.max(1, Math.round(r.distance))} 米</Text>
          </View>
          <Text className='report-form__nearby-text' onClick={() => onOpen(r.id)}>
            {r.excerpt}
          </Text>
          <Text className='gz-muted'>
            {fromNow(r.createdAt)}
            {r.supporters > 0 ? ` · ${r.supporters} 人也遇到` : ''}
          </Text>
          <ActionButton
            kind='primary'
            block
            testid={`nearby-support-${r.id}`}
            loading={supporting === r.id}
            loadingText='正在记录…'
            disabled={!!supporting && supporting !== r.id}
            onClick={() => onSupport(r.id)}
          >
            我也遇到，是同一件事
          </ActionButton>
        </View>
      ))}
      {error ? (
        <View className='gz-banner gz-banner--error' data-testid='nearby-error'>
          <Text>{error.message}</Text>
        </View>
      ) : null}
      <ActionButton kind='secondary' block testid='nearby-dismiss' onClick={onDismiss}>
        不是同一件事，仍要提交新问题
      </ActionButton>
    </Card>
  )
}

function Submit({
  submitting,
  submitError,
  label,
  loadingText,
  kept,
  onSubmit,
}: {
  submitting: boolean
  submitError: ApiError | null
  label: string
  loadingText: string
  kept: string
  onSubmit: () => void
}) {
  return (
    <View className='report-form__submit'>
      {submitError ? (
        <View className='gz-banner gz-banner--error' data-testid='submit-error'>
          <Text>没有提交成功：{submitError.message}</Text>
          <Text className='report-form__kept'>{kept}</Text>
        </View>
      ) : null}
      <ActionButton kind='primary' size='large' block loading={submitting} loadingText={loadingText} testid='report-submit' onClick={onSubmit}>
        {label}
      </ActionButton>
    </View>
  )
}
