import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { HOUR_BINS, type Overview } from '@/domain/overview'
import { hoursChart } from '../splitCharts'
import { OverviewChart } from './charts/OverviewChart'
import { FigureList, Sub } from './FigureList'

const TITLES = { accept: '受理用时分布', resolve: '办结用时分布' } as const
const NONE = { accept: '本期没有已受理的问题', resolve: '本期没有已办结的问题' } as const

function Bins({ o, which }: { o: Overview; which: 'accept' | 'resolve' }) {
  const chart = useMemo(() => hoursChart(o, which), [o, which])
  const bins = o.speedBins[which]
  const total = bins.reduce((n, b) => n + b.n, 0)
  return (
    <View data-testid={`overview-bins-${which}`}>
      <Sub>{`${TITLES[which]}（${total} 件）`}</Sub>
      {total === 0 ? <Text className='overview__muted'>{NONE[which]}</Text> : null}
      <OverviewChart spec={chart} testid={`overview-chart-${which}-bins`} />
      {total > 0 ? (
        <FigureList testid={`overview-bins-${which}-list`} figures={bins.map((b) => ({ key: b.bin, label: HOUR_BINS.find((h) => h.key === b.bin)!.label, value: `${b.n} 件` }))} />
      ) : null}
    </View>
  )
}

/** 办理时效: how many reports took how long to accept and to resolve, in bins, as bars and as words. */
export function HoursBins({ o }: { o: Overview }) {
  return (
    <View data-testid='overview-bins'>
      <Bins o={o} which='accept' />
      <Bins o={o} which='resolve' />
    </View>
  )
}
