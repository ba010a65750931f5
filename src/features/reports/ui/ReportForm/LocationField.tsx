import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { useCommunity } from '@/features/community'
import { LOCATION_FAILURE_TEXT, LocationError, takeLocation } from '@/features/media'
import type { ReportFormValues as Form } from '../../reportForm'
import { useReportRoute } from '../../useReportRoute'
import { RouteLine } from './RouteLine'
import type { SetField } from './types'

/** Where: the device's place (or a map pick on weapp) with a note, or a grid picked by hand. */
export function LocationField({ form, error, setField }: { form: Form; error?: string; setField: SetField }) {
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
