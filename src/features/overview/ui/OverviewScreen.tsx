import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { AREA_KIND_LABELS, type Overview } from '@/domain/overview'
import { ActionButton } from '@/components/ActionButton'
import type { ApiError } from '@/services/apiError'
import type { OverviewChoice } from '../useOverview'
import { ComparisonTable } from './ComparisonTable'
import { ParticipationCard, SatisfactionCard, SpeedCard, TrendsCard, type ListLinks } from './OverviewCards'
import { PeriodPicker } from './PeriodPicker'
import './overview.scss'

export interface OverviewScreenProps {
  data: Overview | null | undefined
  status: 'loading' | 'ready' | 'error'
  error?: ApiError | null
  choice: OverviewChoice
  onChoice: (c: OverviewChoice) => void
  waitingForDates: boolean
  onRetry: () => void
  links?: ListLinks
  /** opens 一张图 of the same area */
  onOpenMap?: () => void
  /** below the figures (the 导出台账 card) */
  footer?: ReactNode
}

const dayText = (d: string) => d.replace(/^(\d+)-(\d+)-(\d+)$/, (_, y, m, n) => `${y}年${+m}月${+n}日`)

/** 总览: the period picker, then trends, speed, satisfaction, participation and the sub-areas side by side, all as text. */
export function OverviewScreen({ data, status, error, choice, onChoice, waitingForDates, onRetry, links, onOpenMap, footer }: OverviewScreenProps) {
  return (
    <View className='gz-page overview' data-testid='overview'>
      <PeriodPicker choice={choice} onChange={onChoice} />
      {waitingForDates ? (
        <Text className='overview__muted' data-testid='overview-pick-dates'>
          请选择开始和结束日期（最长 366 天）
        </Text>
      ) : status === 'error' && !data ? (
        <View className='gz-banner gz-banner--error' data-testid='overview-error'>
          <Text>{`没有加载出来：${error?.message ?? '请稍后重试'}`}</Text>
          <ActionButton kind='secondary' testid='overview-retry' onClick={onRetry}>
            重试
          </ActionButton>
        </View>
      ) : !data ? (
        <View data-testid='overview-loading' aria-busy='true'>
          <View className='gz-skeleton'>
            <View className='gz-skeleton__line' />
            <View className='gz-skeleton__line gz-skeleton__line--short' />
          </View>
        </View>
      ) : (
        <View>
          <Text className='overview__title' data-testid='overview-heading'>
            {`${data.area.name}${data.area.kind === 'grids' ? '' : `（${AREA_KIND_LABELS[data.area.kind]}）`} · ${dayText(data.from)}至${dayText(data.to)}`}
          </Text>
          {onOpenMap ? (
            <ActionButton kind='plain' block testid='overview-open-map' onClick={onOpenMap}>
              在地图上看各网格（一张图）
            </ActionButton>
          ) : null}
          <TrendsCard o={data} links={links} />
          <SpeedCard o={data} links={links} />
          <SatisfactionCard o={data} />
          <ParticipationCard o={data} />
          <ComparisonTable o={data} onOpen={links?.grid} />
        </View>
      )}
      {footer}
    </View>
  )
}
