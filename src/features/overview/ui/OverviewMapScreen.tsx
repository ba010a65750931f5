import { useMemo, useState, type ComponentType } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { DetailSkeleton, LoadFailed } from '@/components/LoadState'
import { presetPeriod, type OverviewMapInput } from '@/domain/overview'
import { ROUTES, withQuery } from '@/services/routes'
import { mapViewModel, type GridView } from '../mapView'
import { useOverviewMap } from '../useOverviewMap'
import type { MapCanvasProps } from './canvas'
import './overviewMap.scss'

type Preset = 'thisMonth' | 'lastMonth' | 'last3Months'
const PRESETS: { value: Preset; label: string }[] = [
  { value: 'thisMonth', label: '本月' },
  { value: 'lastMonth', label: '上月' },
  { value: 'last3Months', label: '近三个月' },
]

// the H5 build alone carries Leaflet; the weapp build alone the platform <Map> (the other branch is dropped at build time)
/* eslint-disable @typescript-eslint/no-require-imports */
const MapCanvas: ComponentType<MapCanvasProps> =
  process.env.TARO_ENV === 'h5' ? require('./LeafletCanvas').LeafletCanvas : require('./WeappCanvas').WeappCanvas
/* eslint-enable @typescript-eslint/no-require-imports */

/** The grid's report list: a grid worker's queue, or the area list of the staff above (filtered to the grid). */
export function queueUrl(gridId: string, gridWorker: boolean): string {
  return gridWorker ? ROUTES.reportQueue : withQuery(ROUTES.reportArea, { gridId })
}

function GridPanel({ g, gridWorker, onClose }: { g: GridView; gridWorker: boolean; onClose: () => void }) {
  return (
    <View className='overview-map__panel' data-testid='map-panel' role='dialog' aria-label={`${g.name}的情况`}>
      <Text className='overview-map__panel-title'>{g.name}</Text>
      <Text className='overview-map__text' data-testid='map-panel-state'>
        状态：{g.state}
      </Text>
      <Text className='overview-map__text' data-testid='map-panel-figures'>
        {g.figures}
      </Text>
      <ActionButton testid='map-panel-queue' block onClick={() => void Taro.navigateTo({ url: queueUrl(g.id, gridWorker) })}>
        查看该网格的问题
      </ActionButton>
      <ActionButton kind='plain' testid='map-panel-close' block onClick={onClose}>
        关闭
      </ActionButton>
    </View>
  )
}

/** 一张图: the area's grids coloured by open and overdue reports, the reports as points (or clusters), today's patrols. */
export function OverviewMapScreen({ userId, gridWorker, now }: { userId: string; gridWorker: boolean; now?: Date }) {
  const [preset, setPreset] = useState<Preset>('thisMonth')
  const input: OverviewMapInput = presetPeriod(preset, now ?? new Date())
  const map = useOverviewMap(userId, input)
  const vm = useMemo(() => (map.data ? mapViewModel(map.data) : null), [map.data])
  const [selected, setSelected] = useState<string | null>(null)
  if (map.status === 'loading' && !vm) return <DetailSkeleton testid='overview-map' />
  if (map.status === 'error' || !vm || !map.data)
    return <LoadFailed testid='overview-map' error={map.error} notFound='只有网格员和社区、街道、区、市的工作人员可以查看一张图' onRetry={() => void map.reload()} />
  const chosen = vm.grids.find((g) => g.id === selected) ?? null
  return (
    <View className='gz-page overview-map' data-testid='overview-map'>
      <Card title={`${map.data.area.name} · 一张图`}>
        <ChoiceChips<Preset> options={PRESETS} value={preset} onChange={setPreset} testidPrefix='map-period' />
        <Text className='overview-map__muted' data-testid='map-summary'>
          {map.data.from} 至 {map.data.to}：{vm.summary}
        </Text>
      </Card>
      <MapCanvas vm={vm} onGrid={setSelected} />
      <View className='overview-map__legend' data-testid='map-legend'>
        {vm.legend.map((l) => (
          <View key={l.tone} className='overview-map__legend-item'>
            <View className='overview-map__swatch' style={{ background: l.colour }} />
            <Text className='overview-map__text'>{l.label}</Text>
          </View>
        ))}
        <Text className='overview-map__muted'>蓝点：未办结报事；红点：超期；紫色：今日巡逻</Text>
      </View>
      <Card title='各网格情况（点一行查看）' testid='map-grid-list'>
        {vm.grids.length === 0 ? <Text className='overview-map__muted'>这个区域还没有网格</Text> : null}
        {vm.grids.map((g) => (
          <View key={g.id} className='overview-map__row' data-testid={`map-grid-${g.id}`} onClick={() => setSelected(g.id)}>
            <Text className='overview-map__row-title'>
              {g.name} · {g.state}
            </Text>
            <Text className='overview-map__muted'>{g.figures}</Text>
          </View>
        ))}
      </Card>
      <Card title='今日巡逻' testid='map-shifts'>
        {vm.shifts.length === 0 ? <Text className='overview-map__muted'>今天没有巡逻班次</Text> : null}
        {vm.shifts.map((s) => (
          <Text key={s.id} className='overview-map__text' data-testid={`map-shift-${s.id}`}>
            {s.text}
          </Text>
        ))}
      </Card>
      {chosen ? <GridPanel g={chosen} gridWorker={gridWorker} onClose={() => setSelected(null)} /> : null}
    </View>
  )
}
