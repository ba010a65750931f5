/**
 * 总览's charts as data (issue 19): each chart's rows and accessible name come from the overview.get reply alone;
 * rates with nothing to divide and unrated sub-areas are left out; the chart library receives exactly those rows.
 */
import { categoryChart, onTimeChart, participationChart, percent, satisfactionChart, trendChart, type ChartSpec } from '@/features/overview/charts'
import { chartHeight, chartTree, type ChartSurface } from '@/features/overview/ui/charts/f2'
import { overview } from '../support/overviewFixture'

const o = overview()

describe('the chart data of each card', () => {
  it('trend: reports per bucket in order, labelled as the text rows are', () => {
    const s = trendChart(o)
    expect(s).toEqual({
      kind: 'line',
      unit: '件',
      rows: [
        { x: '1月27日起', y: 1 },
        { x: '2月3日起', y: 3 },
      ],
      label: '每周收到的问题折线图：1月27日起 1 件，2月3日起 3 件',
    })
    expect(trendChart(overview({ bucket: 'month', trends: { ...o.trends, byBucket: [{ key: '2025-02', n: 7 }] } })).label).toBe('每月收到的问题折线图：2025年2月 7 件')
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
    const root = tree(trendChart(o))
    expect(root.props).toMatchObject({ context: surface.context, width: 300, height: 200, pixelRatio: 2, animate: false })
    const [chart] = kids(root)
    expect(chart.props.data).toEqual(trendChart(o).rows)
    expect(chart.props.coord).toEqual({ transposed: false })
    const daily = trendChart(overview({ bucket: 'day', trends: { ...o.trends, byBucket: Array.from({ length: 9 }, (_, i) => ({ key: `2025-02-0${i + 1}`, n: i })) } }))
    expect(kids(tree(daily))[0].props.scale).toMatchObject({ x: { tickCount: 4 } }) // 9 days, 4 labels
  })

  it('a line chart draws a line and points of x → y', () => {
    const marks = kids(kids(tree(trendChart(o)))[0]).slice(2)
    expect(marks.map((m) => m.props)).toEqual([expect.objectContaining({ x: 'x', y: 'y' }), expect.objectContaining({ x: 'x', y: 'y' })])
    expect(marks.map((m) => (m.type as { name: string }).name)).toEqual(expect.arrayContaining([expect.stringMatching(/Line/), expect.stringMatching(/Point/)]))
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
    expect(chartHeight(trendChart(o))).toBe(200)
  })
})
