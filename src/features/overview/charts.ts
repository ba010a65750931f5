import type { Overview, Rate } from '@/domain/overview'
import { REPORT_CATEGORY_LABELS } from '@/domain/reports'

/**
 * 总览's charts as data: what each card's chart shows, computed from the `overview.get` reply alone. The chart
 * library only ever sees a ChartSpec, so it stays an implementation detail of ui/charts.
 */
export interface ChartRow {
  /** the category axis: a bucket, a category, a sub-area, a rate's name */
  x: string
  /** the value axis: a count, or a share in percent (0–100, one decimal) */
  y: number
  /** a stacked chart's series: a category or a sub-area */
  series?: string
}

export interface ChartSpec {
  /** horizontal bars, or columns over time stacked by series (./splitCharts.ts) */
  kind: 'bar' | 'stack'
  unit: '件' | '%'
  rows: ChartRow[]
  /** the chart's accessible name: its title and every value in words */
  label: string
  /** a stacked chart's series in the legend's order */
  series?: string[]
}

export const BUCKET_WORDS = { day: '日', week: '周', month: '月' } as const

/** 62.5 for 5/8: a share in percent with one decimal (what the text cards print). */
export const percent = (share: number): number => Math.round(share * 1000) / 10

const valueText = (y: number, unit: ChartSpec['unit']) => (unit === '%' ? `${y}%` : `${y} 件`)

export function spec(kind: ChartSpec['kind'], unit: ChartSpec['unit'], title: string, rows: ChartRow[]): ChartSpec {
  const words = rows.map((r) => `${r.x} ${valueText(r.y, unit)}`).join('，')
  return { kind, unit, rows, label: `${title}${kind === 'bar' ? '条形图' : '堆叠柱状图'}：${words}` }
}

/** Rates with nothing to divide are left out (the text says —). */
const rateRows = (rates: { x: string; rate: Rate }[]): ChartRow[] =>
  rates.flatMap(({ x, rate }) => (rate.share === null ? [] : [{ x, y: percent(rate.share) }]))

/** 趋势: reports per category. */
export function categoryChart(o: Overview): ChartSpec {
  const rows = o.trends.byCategory.map((c) => ({ x: REPORT_CATEGORY_LABELS[c.category], y: c.n }))
  return spec('bar', '件', '各类别问题数', rows)
}

/** 办理时效: the share resolved on time per category. */
export function onTimeChart(o: Overview): ChartSpec {
  return spec('bar', '%', '各类别按时办结率', rateRows(o.speed.byCategory.map((c) => ({ x: REPORT_CATEGORY_LABELS[c.category], rate: c.resolveOnTime }))))
}

/** 群众满意度: the share of 4–5 star ratings per sub-area (unrated sub-areas left out). */
export function satisfactionChart(o: Overview): ChartSpec {
  const rows = o.satisfaction.bySubArea.flatMap((u) => (u.goodShare === null || u.rated === 0 ? [] : [{ x: u.name, y: percent(u.goodShare) }]))
  return spec('bar', '%', '各区域满意率（4–5 星）', rows)
}

/** 群众参与: the participation rates side by side. */
export function participationChart(o: Overview): ChartSpec {
  const p = o.participation
  return spec(
    'bar',
    '%',
    '群众参与各项比率',
    rateRows([
      { x: '通知阅读率', rate: p.read },
      { x: '重要通知确认率', rate: p.confirmed },
      { x: '表决参与率', rate: p.turnout },
      { x: '巡逻到岗率', rate: p.attendance },
      { x: '住户认证率', rate: p.households },
    ]),
  )
}
