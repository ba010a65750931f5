import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { AREA_KIND_LABELS, type ComparisonRow, type Overview } from '@/domain/overview'
import { Card } from '@/components/Card'
import { average, hoursText, pct } from '../format'

type Column = Exclude<keyof ComparisonRow, 'id'>

const COLUMNS: { key: Column; label: string; text: (r: ComparisonRow) => string }[] = [
  { key: 'reports', label: '问题', text: (r) => `${r.reports}` },
  { key: 'open', label: '未办结', text: (r) => `${r.open}` },
  { key: 'overdue', label: '超期', text: (r) => `${r.overdue}` },
  { key: 'medianResolveHours', label: '办结中位', text: (r) => hoursText(r.medianResolveHours) },
  { key: 'onTimeShare', label: '按时办结', text: (r) => pct(r.onTimeShare) },
  { key: 'goodShare', label: '满意', text: (r) => pct(r.goodShare) },
  { key: 'averageRating', label: '平均评分', text: (r) => average(r.averageRating) },
]

/** Rows sorted by a column: names by pinyin order, figures largest first (— last); a second tap reverses. */
export function sortRows(rows: ComparisonRow[], key: Column, descending: boolean): ComparisonRow[] {
  return [...rows].sort((a, b) => {
    const x = a[key]
    const y = b[key]
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    const c = typeof x === 'string' ? x.localeCompare(y as string, 'zh-Hans-CN') : (x as number) - (y as number)
    return descending ? -c : c
  })
}

/** The sub-areas side by side; tap a column's header to sort by it, a grid's name to open its reports. */
export function ComparisonTable({ o, onOpen }: { o: Overview; onOpen?: (id: string) => void }) {
  const [sort, setSort] = useState<{ key: Column; descending: boolean }>({ key: 'reports', descending: true })
  const rows = sortRows(o.comparison, sort.key, sort.descending)
  const tap = (key: Column) => setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: key !== 'name' }))
  const arrow = (key: Column) => (sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : '')
  const columns = [{ key: 'name' as Column, label: AREA_KIND_LABELS[o.subAreaKind] }, ...COLUMNS]
  return (
    <Card title={`各${AREA_KIND_LABELS[o.subAreaKind]}对比`} testid='overview-comparison'>
      <Text className='overview__muted' data-testid='overview-comparison-sorted'>
        {`按「${columns.find((c) => c.key === sort.key)?.label}」${sort.descending ? '从高到低' : '从低到高'}排列，点表头换排序`}
      </Text>
      <View className='overview-table' role='table'>
        <View className='overview-table__row overview-table__head' role='row'>
          {columns.map((c) => (
            <View key={c.key} className='overview-table__cell' role='columnheader' data-testid={`overview-sort-${c.key}`} onClick={() => tap(c.key)}>
              <Text>{`${c.label}${arrow(c.key)}`}</Text>
            </View>
          ))}
        </View>
        {rows.map((r) => (
          <View key={r.id} className='overview-table__row' role='row' data-testid={`overview-row-${r.id}`}>
            <View className='overview-table__cell' role={onOpen ? 'link' : 'cell'} data-testid={`overview-open-${r.id}`} onClick={onOpen ? () => onOpen(r.id) : undefined}>
              <Text>{onOpen ? `${r.name} ›` : r.name}</Text>
            </View>
            {COLUMNS.map((c) => (
              <View key={c.key} className='overview-table__cell' role='cell'>
                <Text>{c.text(r)}</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    </Card>
  )
}
