/**
 * 总览's charts in the cards (issue 19): each chart sits beside its card's text rows, its canvas is an image named
 * by the same figures in words, and the chart library is handed the card's rows and the canvas's 2D context.
 * jsdom has no canvas: getContext returns a stand-in object and drawChart is recorded, not drawn.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import { OverviewScreen } from '@/features/overview/ui/OverviewScreen'
import { FIRST_CHOICE } from '@/features/overview/useOverview'
import type { ChartSpec } from '@/features/overview/charts'
import { drawChart, type ChartSurface } from '@/features/overview/ui/charts/f2'
import type { Overview } from '@/domain/overview'
import { overview } from '../support/overviewFixture'

jest.mock('@/features/overview/ui/charts/f2', () => ({ ...jest.requireActual('@/features/overview/ui/charts/f2'), drawChart: jest.fn() }))
const draw = drawChart as jest.MockedFunction<typeof drawChart>
const release = jest.fn()
const context = { stand: 'in' } as unknown as CanvasRenderingContext2D

beforeEach(() => {
  draw.mockReset().mockReturnValue(release)
  release.mockReset()
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as never)
})
afterEach(() => jest.restoreAllMocks())

const show = (o: Overview) =>
  render(<OverviewScreen data={o} status='ready' choice={FIRST_CHOICE} onChoice={() => undefined} waitingForDates={false} onRetry={() => undefined} />)

/** the spec handed to the library for the chart whose accessible name starts with `title` */
const drawn = (title: string): [ChartSpec, ChartSurface] => {
  const call = draw.mock.calls.find(([spec]) => spec.label.startsWith(title))
  if (!call) throw new Error(`no chart drawn for ${title}; drawn: ${draw.mock.calls.map(([s]) => s.label).join(' | ')}`)
  return call
}

describe('each card draws its chart beside its text', () => {
  it('trend: reports per week stacked by category on the canvas context, named by the same figures the rows print', () => {
    show(overview())
    const card = screen.getByTestId('overview-trends')
    const canvas = within(card).getByTestId('overview-chart-trend-canvas')
    expect(canvas.getAttribute('role')).toBe('img')
    expect(canvas.getAttribute('aria-label')).toBe('每周收到的问题（按类别）堆叠柱状图：1月27日起 矛盾纠纷 1 件；2月3日起 矛盾纠纷 1 件、环境卫生 2 件')
    expect(within(card).getByTestId('overview-trends-bucket-2025-02-03').textContent).toContain('3 件')
    const [spec, surface] = drawn('每周收到的问题')
    expect(spec.kind).toBe('stack')
    expect(spec.series).toEqual(['矛盾纠纷', '环境卫生'])
    expect(surface.context).toBe(context)
    expect(surface.height).toBe(244)
    expect(surface.width).toBeGreaterThan(0)
  })

  it('按区域 redraws the trend stacked by grid and lists each grid per week', () => {
    show(overview())
    fireEvent.click(screen.getByTestId('overview-split-by-subArea'))
    const last = draw.mock.calls.filter(([s]) => s.kind === 'stack').at(-1)![0]
    expect(last.series).toEqual(['第一网格', '第二网格'])
    expect(last.label).toBe('每周收到的问题（按区域）堆叠柱状图：1月27日起 第一网格 1 件；2月3日起 第一网格 2 件、第二网格 1 件')
    expect(screen.getByTestId('overview-split-2025-02-03-g-2').textContent).toBe('第二网格1 件')
  })

  it('hours to accept and to resolve: bars per bin beside their words', () => {
    show(overview())
    const speed = screen.getByTestId('overview-speed')
    expect(within(speed).getByTestId('overview-chart-resolve-bins-canvas').getAttribute('aria-label')).toContain('8–24 小时 1 件')
    expect(drawn('受理用时分布')[0].rows.map((r) => r.y)).toEqual([2, 0, 0, 0, 0, 0])
    expect(drawn('办结用时分布')[0].rows.map((r) => r.y)).toEqual([0, 0, 1, 0, 0, 0])
  })

  it('categories, on-time, satisfaction and participation: bars with the rows of their cards', () => {
    show(overview())
    expect(drawn('各类别问题数')[0].rows).toEqual([
      { x: '矛盾纠纷', y: 2 },
      { x: '环境卫生', y: 2 },
    ])
    expect(within(screen.getByTestId('overview-speed')).getByTestId('overview-chart-ontime-canvas').getAttribute('aria-label')).toBe('各类别按时办结率条形图：矛盾纠纷 50%')
    expect(drawn('各类别按时办结率')[0].rows).toEqual([{ x: '矛盾纠纷', y: 50 }])
    expect(within(screen.getByTestId('overview-satisfaction')).getByTestId('overview-chart-satisfaction-canvas')).toBeTruthy()
    expect(drawn('各区域满意率')[0].rows).toEqual([{ x: '第一网格', y: 66.7 }])
    const participation = screen.getByTestId('overview-participation')
    expect(within(participation).getByTestId('overview-chart-participation-canvas').getAttribute('aria-label')).toContain('巡逻到岗率 83.3%')
    expect(within(participation).getByTestId('overview-participation-list-attendance').textContent).toContain('83.3%（5/6）')
    expect(drawn('群众参与各项比率')[0].rows.map((r) => r.x)).toEqual(['通知阅读率', '重要通知确认率', '表决参与率', '巡逻到岗率', '住户认证率'])
    expect(draw).toHaveBeenCalledTimes(7)
  })

  it('a chart with nothing to show is not drawn; its card keeps its words', () => {
    const none = { n: 0, of: 0, share: null }
    const o = overview()
    show(overview({ satisfaction: { ...o.satisfaction, rated: 0, good: 0, goodShare: null, average: null, bySubArea: o.satisfaction.bySubArea.map((u) => ({ ...u, rated: 0, good: 0, goodShare: null, average: null })) }, participation: { ...o.participation, read: none, confirmed: none, turnout: none, attendance: none, households: none } }))
    expect(screen.queryByTestId('overview-chart-satisfaction')).toBeNull()
    expect(screen.queryByTestId('overview-chart-participation')).toBeNull()
    expect(screen.getByTestId('overview-satisfaction-area-g-1').textContent).toContain('暂无评价')
    expect(screen.getByTestId('overview-participation-list-read').textContent).toContain('—')
    expect(draw.mock.calls.map(([s]) => s.label.split('：')[0])).toEqual(['每周收到的问题（按类别）堆叠柱状图', '各类别问题数条形图', '受理用时分布条形图', '办结用时分布条形图', '各类别按时办结率条形图'])
  })

  it('a new reply redraws with its rows and releases the old chart; leaving the page releases it too', () => {
    const { rerender, unmount } = show(overview())
    const o = overview({ trends: { ...overview().trends, byBucket: [{ key: '2025-02-03', n: 9 }] }, trendSplit: { byCategory: [{ key: '2025-02-03', category: 'other', n: 9 }], bySubArea: [] } })
    rerender(<OverviewScreen data={o} status='ready' choice={FIRST_CHOICE} onChoice={() => undefined} waitingForDates={false} onRetry={() => undefined} />)
    const trends = draw.mock.calls.filter(([s]) => s.kind === 'stack').map(([s]) => s.rows)
    expect(trends).toEqual([
      [
        { x: '1月27日起', y: 1, series: '矛盾纠纷' },
        { x: '1月27日起', y: 0, series: '环境卫生' },
        { x: '2月3日起', y: 1, series: '矛盾纠纷' },
        { x: '2月3日起', y: 2, series: '环境卫生' },
      ],
      [{ x: '2月3日起', y: 9, series: '其他' }],
    ])
    expect(release).toHaveBeenCalledTimes(7)
    unmount()
    expect(release).toHaveBeenCalledTimes(14)
  })
})
