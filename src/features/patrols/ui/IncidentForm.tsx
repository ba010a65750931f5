import { Text, View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { MAX_REPORT_PHOTOS, REPORT_CATEGORIES, REPORT_CATEGORY_HINTS, REPORT_CATEGORY_LABELS, type ReportCategory } from '@/domain/reports'
import { LOCATION_FAILURE_TEXT, PhotoPicker } from '@/features/media'
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from '@/domain/reports'
import { useIncident } from '../useIncident'
import './IncidentForm.scss'

const CATEGORY_CHOICES = REPORT_CATEGORIES.map((c) => ({ value: c, label: REPORT_CATEGORY_LABELS[c] }))

interface Props {
  shiftId: string
  onOpenReport: (id: string) => void
  onBack: () => void
  onInvalid?: () => void
}

/** 发现隐患: what was seen on patrol becomes a 随手拍 report (category, text, photos, where), linked to the shift. */
export function IncidentForm({ shiftId, onOpenReport, onBack, onInvalid }: Props) {
  const f = useIncident(shiftId)
  if (f.reportId) {
    return (
      <View className='gz-page incident-form' data-testid='incident-done'>
        <View className='gz-banner gz-banner--ok'>
          <Text className='incident-form__done-title'>已生成随手拍</Text>
          <Text>已记入本次巡逻，并交给负责这一片的网格员处理，处理进展会发消息告诉您。</Text>
        </View>
        <ActionButton kind='primary' size='large' block testid='incident-open-report' onClick={() => onOpenReport(f.reportId as string)}>
          查看上报的问题
        </ActionButton>
        <ActionButton kind='secondary' block testid='incident-back' onClick={onBack}>
          回到巡逻
        </ActionButton>
      </View>
    )
  }
  const length = [...f.form.description].length
  const submit = async () => {
    const ok = await f.submit()
    if (!ok && !f.submitError) onInvalid?.()
  }
  const failure = f.locationFailure && f.locationFailure !== 'cancelled' ? LOCATION_FAILURE_TEXT[f.locationFailure] : ''
  return (
    <View className='gz-page incident-form' data-testid='incident-form'>
      <View className='gz-banner gz-banner--info'>
        <Text>巡逻中发现的问题会生成一条随手拍，像居民上报一样交给网格员处理，并记入本次巡逻。</Text>
      </View>
      <Card>
        <FormField label='问题类别' name='category' required error={f.errors.category} hint={f.form.category ? REPORT_CATEGORY_HINTS[f.form.category] : undefined}>
          <ChoiceChips<ReportCategory> options={CATEGORY_CHOICES} value={f.form.category} onChange={(v) => f.setField('category', v)} testidPrefix='category' />
        </FormField>
      </Card>
      <Card>
        <FormField label='看到了什么' name='description' required error={f.errors.description} hint={`至少 ${DESCRIPTION_MIN} 个字，已写 ${length}/${DESCRIPTION_MAX} 字`}>
          <TextArea
            className='incident-form__textarea'
            value={f.form.description}
            maxLength={DESCRIPTION_MAX}
            rows={5}
            placeholder='例如：5 号楼消防通道被电动车堵住了'
            onChange={(v) => f.setField('description', v)}
            data-testid='incident-description'
          />
        </FormField>
        <FormField label='照片' name='photos' error={f.errors.photos} hint={`最多 ${MAX_REPORT_PHOTOS} 张，选好就开始上传`}>
          <PhotoPicker value={f.form.photos} onChange={(p) => f.setField('photos', p)} />
        </FormField>
      </Card>
      <Card>
        <FormField label='问题在哪里' name='location' error={f.errors.location} hint='不重新定位时，用您签到时的位置'>
          {f.form.position ? (
            <Text className='incident-form__place' data-testid='incident-located'>
              已获取您现在的位置（精度约 {Math.round(f.form.position.accuracy)} 米）
            </Text>
          ) : (
            <Text className='incident-form__place' data-testid='incident-checkin-place'>
              用签到时的位置
            </Text>
          )}
          <ActionButton kind='secondary' testid='incident-locate' loading={f.locating} loadingText='正在定位…' onClick={() => void f.locate()}>
            {f.form.position ? '重新定位' : '用我现在的位置'}
          </ActionButton>
          {failure ? (
            <Text className='incident-form__notice' data-testid='incident-location-failure'>
              {failure}，将用您签到时的位置。
            </Text>
          ) : null}
        </FormField>
      </Card>
      {f.submitError ? (
        <View className='gz-banner gz-banner--error' data-testid='incident-error'>
          <Text>没有提交成功：{f.submitError.message}</Text>
          <Text>填写的内容还在，网络好了再点“提交”，不会重复上报。</Text>
        </View>
      ) : null}
      <ActionButton kind='primary' size='large' block testid='incident-submit' loading={f.submitting} loadingText='正在提交…' onClick={() => void submit()}>
        提交
      </ActionButton>
    </View>
  )
}
