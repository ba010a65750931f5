import { useState } from 'react'
import dayjs from 'dayjs'
import { Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { DateTimeField } from '@/components/DateTimeField'
import { FormField } from '@/components/FormField'
import { ToggleRow } from '@/components/ToggleRow'
import { DraftRestored } from '@/components/DraftRestored'
import { SHIFT_CAPACITY, SHIFT_RADIUS, SHIFT_REPEAT_WEEKS, type ShiftView } from '@/domain/patrols'
import { useScheduleShift } from '../useScheduleShift'
import './ScheduleForm.scss'

interface Props {
  userId: string
  onScheduled: (shifts: ShiftView[]) => void
  onInvalid?: () => void
}

const weapp = process.env.TARO_ENV === 'weapp'

/** 安排巡逻: what, where (centre + radius), when, how many; once or weekly; a draft that survives anything. */
export function ScheduleForm({ userId, onScheduled, onInvalid }: Props) {
  const f = useScheduleShift(userId)
  const { form, errors, setField } = f
  const today = dayjs().format('YYYY-MM-DD')
  const submit = async () => {
    const r = await f.submit()
    if (r.ok) onScheduled(r.shifts)
    else if (r.reason === 'invalid') onInvalid?.()
  }
  return (
    <View className='gz-page schedule-form' data-testid='schedule-form'>
      {f.restoredAt ? <DraftRestored savedAt={f.restoredAt} onDiscard={f.discardDraft} /> : null}
      <Card title='巡逻内容'>
        <FormField label='标题' name='title' required error={errors.title} hint='最多 40 字'>
          <Input className='schedule-form__input' value={form.title} placeholder='例如：夜间治安巡逻' onChange={(v) => setField('title', v)} data-testid='input-title' />
        </FormField>
        <FormField label='集合地点' name='meetingPoint' error={errors.meetingPoint} hint='写大家都认得的地方'>
          <Input className='schedule-form__input' value={form.meetingPoint} placeholder='例如：社区服务中心门口' onChange={(v) => setField('meetingPoint', v)} data-testid='input-meeting' />
        </FormField>
        <FormField label='备注' name='note' error={errors.note} hint='带什么、谁带队、注意什么（最多 500 字）'>
          <TextArea className='schedule-form__textarea' value={form.note} maxLength={500} rows={3} placeholder='例如：穿红马甲，带手电；王队长带队' onChange={(v) => setField('note', v)} data-testid='input-note' />
        </FormField>
      </Card>

      <Card title='巡逻区域'>
        <CentreField f={f} />
        <FormField label='半径（米）' name='radius' required error={errors.radius} hint={`志愿者要在这个范围内才能签到，${SHIFT_RADIUS.min}—${SHIFT_RADIUS.max} 米，一般 300 米`}>
          <Input className='schedule-form__input' type='number' value={form.radius} onChange={(v) => setField('radius', v)} data-testid='input-radius' />
        </FormField>
      </Card>

      <Card title='时间和人数'>
        <FormField label='开始时间' name='start' required error={errors.start}>
          <DateTimeField value={form.start} start={today} onChange={(v) => setField('start', v)} testid='start-at' />
        </FormField>
        <FormField label='结束时间' name='end' required error={errors.end} hint='一个班次最长 12 小时'>
          <DateTimeField value={form.end} start={today} onChange={(v) => setField('end', v)} testid='end-at' />
        </FormField>
        <FormField label='人数上限' name='capacity' required error={errors.capacity} hint={`报满后可以候补，${SHIFT_CAPACITY.min}—${SHIFT_CAPACITY.max} 人`}>
          <Input className='schedule-form__input' type='number' value={form.capacity} placeholder='例如：6' onChange={(v) => setField('capacity', v)} data-testid='input-capacity' />
        </FormField>
        <ToggleRow label='每周重复' hint='同一时间每周巡逻一次，每次单独报名' checked={form.repeat} onChange={(v) => setField('repeat', v)} testid='toggle-repeat'>
          <FormField label='一共几周（含第一次）' name='weeks' error={errors.weeks} hint={`最多 ${SHIFT_REPEAT_WEEKS.max} 周`}>
            <Input className='schedule-form__input' type='number' value={form.weeks} onChange={(v) => setField('weeks', v)} data-testid='input-weeks' />
          </FormField>
        </ToggleRow>
      </Card>

      {f.submitError ? (
        <View className='gz-banner gz-banner--error' data-testid='submit-error'>
          <Text>没有安排成功：{f.submitError.message}</Text>
          <Text className='schedule-form__kept'>您填写的内容已保存在本机，可以直接再点“安排巡逻”，不会重复安排。</Text>
        </View>
      ) : null}
      <ActionButton kind='primary' size='large' block loading={f.submitting} loadingText='正在安排…' testid='schedule-submit' onClick={() => void submit()}>
        {form.repeat ? `安排巡逻（每周一次，共 ${form.weeks || '?'} 周）` : '安排巡逻'}
      </ActionButton>
      <Text className='gz-muted'>草稿会自动保存在本机，安排成功后清除。</Text>
    </View>
  )
}

function CentreField({ f }: { f: ReturnType<typeof useScheduleShift> }) {
  const { form, errors, setField } = f
  const [manual, setManual] = useState(false)
  const failed = f.locationFailure && f.locationFailure !== 'cancelled'
  return (
    <FormField label='区域中心（集合点）' name='centre' required error={errors.centre} hint={weapp ? '在地图上选集合点' : '站在集合点上点“用我现在的位置”'}>
      {form.centre ? (
        <Text className='schedule-form__place' data-testid='centre-picked'>
          {form.centre.address ? `已选：${form.centre.address}` : `已设置（${form.centre.latitude.toFixed(5)}, ${form.centre.longitude.toFixed(5)}）`}
        </Text>
      ) : null}
      <View className='schedule-form__place-actions'>
        <ActionButton kind='secondary' testid='centre-take' loading={f.locating} loadingText='正在定位…' onClick={() => void f.locate()}>
          {weapp ? (form.centre ? '重新选择' : '在地图上选') : form.centre ? '重新定位' : '用我现在的位置'}
        </ActionButton>
        {!manual ? (
          <ActionButton kind='plain' testid='centre-manual' onClick={() => setManual(true)}>
            填写坐标
          </ActionButton>
        ) : null}
      </View>
      {failed ? (
        <Text className='schedule-form__notice' data-testid='centre-failure'>
          {f.locationFailure === 'denied' ? '没有获得位置权限。' : '暂时无法定位。'}可以点“填写坐标”，输入地图上查到的经纬度。
        </Text>
      ) : null}
      {manual ? <ManualCentre onChange={(c) => setField('centre', c)} /> : null}
    </FormField>
  )
}

/** 经纬度 typed in (GCJ-02, as 高德/腾讯地图 show them); set once both are numbers. */
function ManualCentre({ onChange }: { onChange: (c: { latitude: number; longitude: number }) => void }) {
  const [lat, setLat] = useState('')
  const [lng, setLng] = useState('')
  const apply = (a: string, b: string) => {
    const latitude = Number(a)
    const longitude = Number(b)
    if (a.trim() && b.trim() && Number.isFinite(latitude) && Number.isFinite(longitude)) onChange({ latitude, longitude })
  }
  return (
    <View className='schedule-form__manual' data-testid='centre-manual-fields'>
      <Text className='gz-muted'>在高德或腾讯地图上长按集合点可以查到经纬度</Text>
      <Input className='schedule-form__input' type='digit' value={lat} placeholder='纬度，例如 39.1234' onChange={(v) => { setLat(v); apply(v, lng) }} data-testid='input-lat' />
      <Input className='schedule-form__input' type='digit' value={lng} placeholder='经度，例如 116.1234' onChange={(v) => { setLng(v); apply(lat, v) }} data-testid='input-lng' />
    </View>
  )
}
