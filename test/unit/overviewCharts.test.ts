/**
 * 总览's charts as data (issue 19): each chart's rows and accessible name come from the overview.get reply alone;
 * rates with nothing to divide and unrated sub-areas are left out; the chart library receives exactly those rows.
 */
import { categoryChart, onTimeChart, participationChart, percent, satisfactionChart, type ChartSpec } from '@/features/overview/charts'
import { hoursChart, splitBuckets, splitChart } from '@/features/overview/splitCharts'
import { bucketSpan } from '@/domain/overview'
import { chartHeight, chartTree, type ChartSurface } from '@/features/overview/ui/charts/f2'
import { overview } from '../support/overviewFixture'

const o = overview()

describe('the chart data of each card', () => {
  it('trend by category: a stack per bucket, one row per category (zeros kept for the stack), named with the non-zero parts', () => {
    const s = splitChart(o, 'category')
    expect(s).toEqual({
      kind: 'stack',
      unit: '件',
      series: ['矛盾纠纷', '环境卫生'],
      rows: [
        { x: '1月27日起', y: 1, series: '矛盾纠纷' },
        { x: '1月27日起', y: 0, series: '环境卫生' },
        { x: '2月3日起', y: 1, series: '矛盾纠纷' },
        { x: '2月3日起', y: 2, series: '环境卫生' },
      ],
      label: '每周收到的问题（按类别）堆叠柱状图：1月27日起 矛盾纠纷 1 件；2月3日起 矛盾纠纷 1 件、环境卫生 2 件',
    })
  })

  it('trend by area: the sub-areas by name; an empty bucket reads 0 件; no reports at all, no chart', () => {
    const s = splitChart(o, 'subArea')
    expect(s.series).toEqual(['第一网格', '第二网格'])
    expect(s.rows.filter((r) => r.x === '2月3日起').map((r) => [r.series, r.y])).toEqual([
      ['第一网格', 2],
      ['第二网格', 1],
    ])
    const quiet = overview({
      trends: { ...o.trends, byBucket: [{ key: '2025-01-27', n: 0 }, { key: '2025-02-03', n: 1 }] },
      trendSplit: { byCategory: [{ key: '2025-01-27', category: 'other', n: 0 }, { key: '2025-02-03', category: 'other', n: 1 }], bySubArea: [] },
    })
    expect(splitChart(quiet, 'category').label).toBe('每周收到的问题（按类别）堆叠柱状图：1月27日起 0 件；2月3日起 其他 1 件')
    expect(splitBuckets(quiet, 'category').buckets.map((b) => [b.label, b.total, b.parts.length])).toEqual([
      ['1月27日起', 0, 0],
      ['2月3日起', 1, 1],
    ])
    expect(splitChart(overview({ trendSplit: { byCategory: [], bySubArea: [] } }), 'category').rows).toEqual([])
  })

  it('hours: one bar per bin in order with its count; nothing accepted, no bars', () => {
    const s = hoursChart(o, 'resolve')
    expect(s.kind).toBe('bar')
    expect(s.rows.map((r) => r.x)).toEqual(['4 小时内', '4–8 小时', '8–24 小时', '1–3 天', '3–7 天', '7 天以上'])
    expect(s.rows.map((r) => r.y)).toEqual([0, 0, 1, 0, 0, 0])
    expect(s.label).toBe('办结用时分布条形图：4 小时内 0 件，4–8 小时 0 件，8–24 小时 1 件，1–3 天 0 件，3–7 天 0 件，7 天以上 0 件')
    expect(hoursChart(overview({ speedBins: { ...o.speedBins, accept: o.speedBins.accept.map((b) => ({ ...b, n: 0 })) } }), 'accept').rows).toEqual([])
  })

  it('a bucket opens the days it covers inside the period', () => {
    const period = { from: '2025-02-01', to: '2025-02-28' }
    expect(bucketSpan('2025-01-27', 'week', period)).toEqual({ from: '2025-02-01', to: '2025-02-02' })
    expect(bucketSpan('2025-02-03', 'week', period)).toEqual({ from: '2025-02-03', to: '2025-02-09' })
    expect(bucketSpan('2025-02-24', 'week', period)).toEqual({ from: '2025-02-24', to: '2025-02-28' })
    expect(bucketSpan('2025-02', 'month', { from: '2025-01-15', to: '2025-03-10' })).toEqual({ from: '2025-02-01', to: '2025-02-28' })
    expect(bucketSpan('2024-02', 'month', { from: '2024-01-01', to: '2024-12-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(bucketSpan('2025-02-14', 'day', period)).toEqual({ from: '2025-02-14', to: '2025-02-14' })
  })

  it('categories: a bar per category with its count', () => {
    expect(categoryChart(o).rows).toEqual([
      { x: '矛盾纠纷', y: 2 },
      { x: '环境卫生', y: 2 },
    ])
  })

  it('on-time: resolved-on-time share per category; a category with nothing due is left out', () => {
    const s = onTimeChart(o)
    expect(s.rows).toEqual([{ x: '矛盾纠纷', y: 50 }])
    expect(s.label).toBe('各类别按时办结率条形图：矛盾纠纷 50%')
  })

  it('satisfaction: share of 4–5 stars per grid; unrated grids are left out', () => {
    expect(satisfactionChart(o).rows).toEqual([{ x: '第一网格', y: 66.7 }])
  })

  it('participation: each rate in percent, those with no denominator left out', () => {
    expect(participationChart(o).rows).toEqual([
      { x: '通知阅读率', y: 75 },
      { x: '重要通知确认率', y: 80 },
      { x: '表决参与率', y: 60 },
      { x: '巡逻到岗率', y: 83.3 },
      { x: '住户认证率', y: 50 },
    ])
    const none = { n: 0, of: 0, share: null }
    const empty = overview({ participation: { ...o.participation, read: none, confirmed: none, turnout: none, attendance: none, households: none } })
    expect(participationChart(empty).rows).toEqual([])
  })

  it('percent rounds to one decimal', () => {
    expect(percent(2 / 3)).toBe(66.7)
    expect(percent(1)).toBe(100)
    expect(percent(0)).toBe(0)
  })
})

/** The library's element tree, read as data: type names and props (no pixels). */
interface Node {
  type: { name?: string } | string
  props: Record<string, unknown> & { children?: Node | Node[] }
}
const kids = (n: Node): Node[] => (Array.isArray(n.props.children) ? n.props.children : n.props.children ? [n.props.children] : [])
const surface = { context: { fake: true } as unknown as CanvasRenderingContext2D, width: 300, height: 200, pixelRatio: 2 } satisfies ChartSurface

describe('what the chart library receives', () => {
  const tree = (s: ChartSpec) => chartTree(s, surface) as unknown as Node

  it('a canvas of the surface with one chart over the spec rows', () => {
    const root = tree(splitChart(o, 'category'))
    expect(root.props).toMatchObject({ context: surface.context, width: 300, height: 200, pixelRatio: 2, animate: false })
    const [chart] = kids(root)
    expect(chart.props.data).toEqual(splitChart(o, 'category').rows)
    expect(chart.props.coord).toEqual({ transposed: false })
    const days = Array.from({ length: 9 }, (_, i) => `2025-02-0${i + 1}`)
    const daily = splitChart(overview({ bucket: 'day', trends: { ...o.trends, byBucket: days.map((key) => ({ key, n: 1 })) }, trendSplit: { byCategory: days.map((key) => ({ key, category: 'other', n: 1 })), bySubArea: [] } }), 'category')
    expect(kids(tree(daily))[0].props.scale).toMatchObject({ x: { tickCount: 4 } }) // 9 days, 4 labels
  })

  it('a stacked chart stacks intervals coloured by series, with a legend, its axis topped by the largest stack', () => {
    const chart = kids(tree(splitChart(o, 'category')))[0]
    const marks = kids(chart).slice(2)
    expect(marks.map((m) => (m.type as { name: string }).name)).toEqual([expect.stringMatching(/Interval/), expect.stringMatching(/Legend/)])
    expect(marks[0]!.props).toMatchObject({ x: 'x', y: 'y', adjust: 'stack', color: ['series', expect.any(Array)] })
    expect(chart.props.scale).toMatchObject({ y: { min: 0, max: 4 } }) // the 2月3日起 stack is 3
    expect(chartHeight(splitChart(o, 'category'))).toBe(244) // one legend line
  })

  it('bars lie on their side, shares run 0–100 and each bar carries its value as text', () => {
    const s = participationChart(o)
    const chart = kids(tree(s))[0]
    expect(chart.props.coord).toEqual({ transposed: true })
    expect(chart.props.data).toEqual([...s.rows].reverse()) // drawn bottom-up: the first row on top
    expect(chart.props.scale).toMatchObject({ y: { min: 0, max: 100 } })
    const guides = kids(chart).filter((m) => Array.isArray(m.props.records))
    expect(guides.map((g) => [g.props.records, g.props.content])).toEqual(s.rows.map((r) => [[r], `${r.y}%`]))
    const axisY = kids(chart).find((m) => m.props.field === 'y')
    expect((axisY?.props.formatter as (v: number) => string)(40)).toBe('40%')
    expect(axisY?.props.style).toMatchObject({ label: { align: 'auto' } }) // the bottom axis keeps 100% inside
  })

  it('counts start at 0 and print bare numbers; bar charts grow with their rows', () => {
    const s = categoryChart(o)
    const chart = kids(tree(s))[0]
    expect(chart.props.scale).toMatchObject({ y: { min: 0, max: 4, tickCount: 5 } }) // ticks 0, 1, 2, 3, 4
    expect(kids(tree({ ...s, rows: [{ x: '矛盾纠纷', y: 7 }] }))[0].props.scale).toMatchObject({ y: { max: 8 } })
    expect(kids(chart).filter((m) => Array.isArray(m.props.records)).map((g) => g.props.content)).toEqual(['2', '2'])
    expect(chartHeight(s)).toBeLessThan(chartHeight(participationChart(o)))
  })
})
