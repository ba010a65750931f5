import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { bucketLabel, bucketSpan, type Overview } from '@/domain/overview'
import type { ReportCategory } from '@/domain/reports'
import { ChoiceChips } from '@/components/ChoiceChips'
import { SPLIT_LABELS, splitBuckets, splitChart, type SplitBy } from '../splitCharts'
import { OverviewChart } from './charts/OverviewChart'
import { FigureList } from './FigureList'
import type { ListLinks } from '../listLinks'

const BY: SplitBy[] = ['category', 'subArea']

/**
 * 趋势 per bucket, stacked 按类别 or 按区域: the chart, then every bucket's total and its parts in words (each part
 * opens the reports it counts: the bucket's days, with its category or sub-area, where the list has that filter).
 */
export function TrendSplit({ o, links }: { o: Overview; links?: ListLinks }) {
  const [by, setBy] = useState<SplitBy>('category')
  const chart = useMemo(() => splitChart(o, by), [o, by])
  const { buckets } = useMemo(() => splitBuckets(o, by), [o, by])
  const open = (key: string, id: string) => {
    const slice = links?.slice
    if (!slice) return undefined
    const span = bucketSpan(key, o.bucket, o)
    return by === 'category' ? () => slice({ ...span, category: id as ReportCategory }) : links.grid ? () => slice({ ...span, subAreaId: id }) : undefined
  }
  return (
    <View className='overview-split' data-testid='overview-split'>
      <ChoiceChips options={BY.map((b) => ({ value: b, label: SPLIT_LABELS[b] }))} value={by} onChange={setBy} testidPrefix='overview-split-by' />
      <OverviewChart spec={chart} testid='overview-chart-trend' />
      <View className='overview-figures' data-testid='overview-trends-bucket'>
        {o.trends.byBucket.map((b, i) => (
          <View key={b.key} className='overview-split__bucket'>
            <View className='overview-figures__row' data-testid={`overview-trends-bucket-${b.key}`}>
              <Text className='overview-figures__label'>{bucketLabel(b.key, o.bucket)}</Text>
              <Text className='overview-figures__value'>{`共 ${b.n} 件`}</Text>
            </View>
            {buckets[i]!.parts.length > 0 ? (
              <View className='overview-split__parts'>
                <FigureList
                  testid={`overview-split-${b.key}`}
                  figures={buckets[i]!.parts.map((p) => ({ key: p.id, label: p.name, value: `${p.n} 件`, onOpen: open(b.key, p.id) }))}
                />
              </View>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  )
}
