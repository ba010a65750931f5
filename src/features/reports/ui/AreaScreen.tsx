import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import {
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  type ReportCategory,
  type ReportStatus,
  type ReportSummaryCounts,
} from '@/domain/reports'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { LinkRow } from '@/components/LinkRow'
import { PagedList } from '@/components/PagedList'
import { StatBar } from '@/components/StatBar'
import { ToggleRow } from '@/components/ToggleRow'
import { categoryLabel, statusLabel } from '../format'
import { shareText } from '../staffFormat'
import type { AreaFilters, useAreaReports } from '../useReportQueue'
import type { useReportSummary } from '../useReportSummary'
import { ReportRow } from './ReportRow'
import './StaffScreens.scss'

const ALL = 'all'

interface Props {
  summary: ReturnType<typeof useReportSummary>
  list: ReturnType<typeof useAreaReports>
  filters: AreaFilters
  onFilters: (f: AreaFilters) => void
  /** every grid of the area, for the grid filter (none above the street) */
  grids: { id: string; name: string }[]
  /** what the figures go by above the street: 街道 (a district), 区 (the city) */
  areaUnit?: string | null
  onOpen: (id: string) => void
  /** what other features add after the figures (the page composes: 矛盾纠纷的包保与联席会议) */
  extra?: ReactNode
}

/** 问题总览: the area's figures as bars, then its reports by status, grid and category; overdue ones lead to 督办. */
export function AreaScreen({ summary, list, filters, onFilters, grids, areaUnit = null, onOpen, extra }: Props) {
  const set = (change: Partial<AreaFilters>) => onFilters({ ...filters, ...change })
  const [showFilters, setShowFilters] = useState(false)
  const byGrid = grids.length > 0
  const gridName = grids.find((g) => g.id === filters.gridId)?.name
  const chosen = [
    filters.status ? statusLabel(filters.status) : '全部状态',
    byGrid ? (gridName ?? '全部网格') : null,
    filters.category ? categoryLabel(filters.category) : '全部类别',
  ]
    .filter(Boolean)
    .join(' · ')
  const fromOverview = [
    filters.communityName ?? (filters.communityId ? '所选社区' : null),
    filters.from || filters.to ? `${filters.from ?? '最早'} 至 ${filters.to ?? '今天'}新发` : null,
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <View className='gz-page staff-screen' data-testid='area-screen'>
      <SummaryCard summary={summary} areaUnit={areaUnit} />
      {extra}

      <Card title='筛选'>
        <View className='staff-screen__filter'>
          <LinkRow
            label={showFilters ? '收起筛选条件' : byGrid ? '按状态、网格、类别筛选' : '按状态、类别筛选'}
            hint={chosen}
            testid='filter-toggle'
            onClick={() => setShowFilters((v) => !v)}
          />
          {showFilters ? (
            <>
              <Text className='staff-screen__filter-label'>状态</Text>
              <ChoiceChips<string>
                options={[
                  { value: ALL, label: '全部' },
                  ...REPORT_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
                ]}
                value={filters.status || ALL}
                onChange={(v) => set({ status: v === ALL ? '' : (v as ReportStatus) })}
                testidPrefix='filter-status'
              />
              {grids.length > 1 ? (
                <>
                  <Text className='staff-screen__filter-label'>网格</Text>
                  <ChoiceChips<string>
                    options={[
                      { value: ALL, label: '全部网格' },
                      ...grids.map((g) => ({ value: g.id, label: g.name })),
                    ]}
                    value={filters.gridId || ALL}
                    onChange={(v) => set({ gridId: v === ALL ? '' : v })}
                    testidPrefix='filter-grid'
                  />
                </>
              ) : null}
              <Text className='staff-screen__filter-label'>类别</Text>
              <ChoiceChips<string>
                options={[
                  { value: ALL, label: '全部类别' },
                  ...REPORT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) })),
                ]}
                value={filters.category || ALL}
                onChange={(v) => set({ category: v === ALL ? '' : (v as ReportCategory) })}
                testidPrefix='filter-category'
              />
            </>
          ) : null}
          {fromOverview ? (
            <LinkRow
              label={`总览的条件：${fromOverview}`}
              hint='点这里看整个辖区、不限时段'
              testid='filter-overview'
              onClick={() => set({ communityId: undefined, communityName: undefined, from: undefined, to: undefined })}
            />
          ) : null}
          <ToggleRow
            label='仅看逾期'
            hint='逾期的问题可以督办'
            checked={filters.overdueOnly}
            onChange={(on) => set({ overdueOnly: on })}
            testid='filter-overdue'
          />
        </View>
      </Card>

      <PagedList list={list} emptyText={filters.overdueOnly ? '没有逾期的问题' : '没有符合条件的问题'} emptyHint='换个筛选条件看看。'>
        <View className='staff-screen__list' data-testid='area-list'>
          {list.items.map((r) => (
            <ReportRow key={r.id} report={r} onOpen={onOpen} superviseHint />
          ))}
        </View>
      </PagedList>
    </View>
  )
}

function SummaryCard({ summary, areaUnit }: { summary: ReturnType<typeof useReportSummary>; areaUnit: string | null }) {
  if (summary.status === 'loading') {
    return (
      <Card title='总览'>
        <Text className='gz-muted' data-testid='summary-loading'>
          正在统计…
        </Text>
      </Card>
    )
  }
  if (summary.status === 'error' || !summary.summary) {
    return (
      <Card title='总览'>
        <View className='gz-banner gz-banner--error' data-testid='summary-error'>
          <Text>统计没有加载出来：{summary.error?.message}</Text>
        </View>
        <ActionButton kind='secondary' testid='summary-retry' onClick={() => void summary.reload()}>
          重试
        </ActionButton>
      </Card>
    )
  }
  return <SummaryFigures s={summary.summary} areaUnit={areaUnit} />
}

export function SummaryFigures({ s, areaUnit = null }: { s: ReportSummaryCounts; areaUnit?: string | null }) {
  const statuses = REPORT_STATUSES.filter((st) => (s.byStatus[st] ?? 0) > 0)
  const categories = REPORT_CATEGORIES.filter((c) => (s.byCategory[c] ?? 0) > 0)
  return (
    <Card title='总览'>
      <View className='staff-screen__section' data-testid='area-summary'>
        <View className='area-figures'>
          <View className='area-figures__item'>
            <Text className='area-figures__num' data-testid='summary-total'>
              {s.total}
            </Text>
            <Text className='area-figures__label'>问题总数</Text>
          </View>
          <View className={`area-figures__item${s.overdue ? ' area-figures__item--late' : ''}`}>
            <Text className='area-figures__num' data-testid='summary-overdue'>
              {s.overdue}
            </Text>
            <Text className='area-figures__label'>已逾期</Text>
          </View>
          <View className='area-figures__item area-figures__item--wide'>
            <View className='area-figures__line'>
              <Text className='area-figures__label'>矛盾不上交率</Text>
              <Text className='area-figures__num' data-testid='summary-share'>
                {shareText(s.disputes.share)}
              </Text>
            </View>
            <Text className='area-figures__label' data-testid='summary-share-text'>
              {s.disputes.settled
                ? `已化解矛盾纠纷 ${s.disputes.settled} 件，其中 ${s.disputes.settledLocally} 件在网格或社区化解。`
                : '还没有化解的矛盾纠纷。'}
            </Text>
          </View>
        </View>
        {s.total === 0 ? null : (
          <>
            <Text className='staff-screen__sub'>按状态</Text>
            {statuses.map((st) => (
              <StatBar
                key={st}
                label={statusLabel(st)}
                value={s.byStatus[st] ?? 0}
                total={s.total}
                unit='件'
                testid={`bar-status-${st}`}
              />
            ))}
            <Text className='staff-screen__sub'>按类别</Text>
            {categories.map((c) => (
              <StatBar
                key={c}
                label={categoryLabel(c)}
                value={s.byCategory[c] ?? 0}
                total={s.total}
                unit='件'
                testid={`bar-category-${c}`}
              />
            ))}
            {s.byGrid.length ? <Text className='staff-screen__sub'>按网格</Text> : null}
            {s.byGrid.map((g) => (
              <StatBar
                key={g.gridId}
                label={`${g.gridName}（未办结 ${g.open}${g.overdue ? `，逾期 ${g.overdue}` : ''}）`}
                value={g.total}
                total={s.total}
                unit='件'
                tone='green'
                testid={`bar-grid-${g.gridId}`}
              />
            ))}
            {s.byArea.length ? <Text className='staff-screen__sub'>按{areaUnit ?? '辖区'}</Text> : null}
            {s.byArea.map((a) => (
              <StatBar
                key={a.id}
                label={`${a.name}（未办结 ${a.open}${a.overdue ? `，逾期 ${a.overdue}` : ''}）`}
                value={a.total}
                total={s.total}
                unit='件'
                tone='green'
                testid={`bar-area-${a.id}`}
              />
            ))}
          </>
        )}
      </View>
    </Card>
  )
}
