/**
 * 总览's screen (issue 19): every card's text (the accessible equivalent a chart will sit beside), the comparison
 * table sorted by tapping a header, figures that open the report list with their filter, the period picker's calls
 * (本月/上月/近三月/自定义, 按日/周/月), loading and error, and the desk's 总览 row.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Overview } from '@/domain/overview'
import type { Me } from '@/domain/auth'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { OVERVIEW_ROUTES } from '@/features/overview'
import { OverviewScreen } from '@/features/overview/ui/OverviewScreen'
import { sortRows } from '@/features/overview/ui/ComparisonTable'
import { FIRST_CHOICE, overviewPayload, useOverview } from '@/features/overview/useOverview'
import { filtersFromQuery } from '@/features/reports/useReportQueue'
import { WorkDesk } from '@/features/workspace/ui/WorkDesk'
import { useDesk } from '@/features/workspace/useDesk'
import ReportAreaPage from '@/packages/reports/area/index'
import OverviewPage from '@/packages/overview/index'
import { OVERVIEW_MAP_ROUTES } from '@/features/overview'
import { ROUTES } from '@/services/routes'
import { makeMe, makeSession } from '../support/fixtures'
import { summaryCounts } from '../support/staffReports'
import { overview } from '../support/overviewFixture'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const committee = makeMe({ id: 'u-c', name: '陈秀兰', roles: ['committee'], verified: false, gridId: null, gridName: null })
const worker = makeMe({ id: 'u-w', name: '孙丽', roles: ['gridWorker'], verified: false, gridId: null, gridName: null, grids: [{ id: 'g-1', name: '第一网格' }] })
const NOW = new Date('2025-03-01T02:00:00.000Z')

function screenWith(o: Overview | null, extra: Partial<Parameters<typeof OverviewScreen>[0]> = {}) {
  return render(
    <OverviewScreen data={o} status={o ? 'ready' : 'loading'} choice={FIRST_CHOICE} onChoice={jest.fn()} waitingForDates={false} onRetry={jest.fn()} {...extra} />,
  )
}

const rowText = (testid: string) => screen.getByTestId(testid).textContent

beforeEach(() => setSession(makeSession(committee)))
// jsdom has no canvas: a context of null is what a browser without canvas gives (the charts' own tests hand one over)
beforeEach(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('the cards as text', () => {
  it('heading and trends: per week, per category, per grid, disputes by outcome, warnings', () => {
    screenWith(overview())
    expect(rowText('overview-heading')).toBe('锦江社区（社区） · 2025年2月1日至2025年2月28日')
    expect(rowText('overview-trends-total')).toBe('本期共收到问题 4 件')
    expect(rowText('overview-trends-bucket-2025-01-27')).toBe('1月27日起共 1 件')
    expect(rowText('overview-trends-bucket-2025-02-03')).toBe('2月3日起共 3 件')
    expect(rowText('overview-trends-category-dispute')).toBe('矛盾纠纷2 件')
    expect(rowText('overview-trends-category-environment')).toBe('环境卫生2 件')
    expect(rowText('overview-trends-area-g-1')).toBe('第一网格3 件')
    expect(within(screen.getByTestId('overview-trends')).getByText('按网格')).toBeTruthy()
    expect(rowText('overview-disputes-local')).toBe('就地化解（网格、社区）1 件')
    expect(rowText('overview-disputes-escalated')).toBe('上报到街道及以上1 件')
    expect(rowText('overview-disputes-open')).toBe('正在调处0 件')
    expect(rowText('overview-warnings-raised')).toBe('本期预警1 条')
  })

  it('speed: median and 90th percentile, on-time rates, overdue now; per category and grid', () => {
    screenWith(overview())
    expect(rowText('overview-speed-all-accept')).toBe('受理用时中位 1.5 小时，九成在 3 小时 内（2 件）')
    expect(rowText('overview-speed-all-resolve')).toBe('办结用时中位 20 小时，九成在 20 小时 内（1 件）')
    expect(rowText('overview-speed-all-acceptOnTime')).toBe('按时受理100%（2/2）')
    expect(rowText('overview-speed-all-resolveOnTime')).toBe('按时办结50%（1/2）')
    expect(rowText('overview-speed-all-overdue')).toBe('现在超期3 件')
    expect(rowText('overview-speed-category-environment')).toBe('环境卫生暂无 · —')
    expect(rowText('overview-speed-area-g-1')).toContain('按时办结 50%（1/2）')
    expect(screen.getByText('时限按工作日计算，已扣除法定节假日；用时从居民上报时算起。')).toBeTruthy()
    expect(rowText('overview-speed-department-dep-1')).toBe('城管中队交办 3 件，办结 1 件，退回 1 件，按时办结 50%（1/2），超期未办 1 件')
  })

  it('satisfaction: rated, share of 4–5, average, reopened; per grid and handler; the comments', () => {
    screenWith(overview())
    expect(rowText('overview-satisfaction-all-rated')).toBe('本期评价3 次')
    expect(rowText('overview-satisfaction-all-good')).toBe('满意（4–5 星）66.7%（2/3）')
    expect(rowText('overview-satisfaction-all-average')).toBe('平均评分3.67 星')
    expect(rowText('overview-satisfaction-all-reopen')).toBe('重新打开25%（1/4）')
    expect(rowText('overview-satisfaction-area-g-2')).toBe('第二网格暂无评价')
    expect(rowText('overview-satisfaction-handler-u-w')).toBe('孙丽评价 3 次，满意 66.7%，平均 3.67 星')
    expect(rowText('overview-comment-r-1')).toBe('5 星 · 设施损坏 · 第一网格 · 2月5日 10:00路灯修好了，谢谢')
  })

  it('participation: notices read and confirmed, turnout, patrols, volunteers, verified households', () => {
    screenWith(overview())
    const lines = ['notices', 'read', 'confirmed', 'motions', 'turnout', 'shifts', 'attendance', 'hours', 'volunteers', 'households'].map((k) => rowText(`overview-participation-list-${k}`))
    expect(lines).toEqual([
      '发布通知4 条',
      '通知阅读率75%（30/40）',
      '重要通知确认率（1 条）80%（8/10）',
      '结束表决的议题1 个',
      '表决参与率60%（60/100）',
      '巡逻班次2 个',
      '巡逻到岗率83.3%（5/6）',
      '巡逻时长10.5 小时',
      '志愿者7 人',
      '已认证住户（占花名册）50%（45/90）',
    ])
  })

  it('an empty period says so instead of blank lists', () => {
    const empty = overview()
    empty.trends = { ...empty.trends, byCategory: [] }
    empty.satisfaction = { ...empty.satisfaction, byHandler: [], comments: [] }
    screenWith(empty)
    expect(screen.getByText('本期没有问题')).toBeTruthy()
    expect(screen.getByText('本期没有经办人收到评价')).toBeTruthy()
    expect(screen.getByText('本期没有评价留言')).toBeTruthy()
  })
})

describe('the comparison table', () => {
  const order = () => screen.getAllByTestId(/^overview-row-/).map((r) => r.getAttribute('data-testid'))

  it('starts by reports, largest first; a header tap sorts by it, a second reverses; — goes last', () => {
    screenWith(overview())
    expect(rowText('overview-comparison-sorted')).toBe('按「问题」从高到低排列，点表头换排序')
    expect(order()).toEqual(['overview-row-g-1', 'overview-row-g-2'])
    expect(rowText('overview-row-g-2')).toBe('第二网格142————')
    fireEvent.click(screen.getByTestId('overview-sort-open'))
    expect(order()).toEqual(['overview-row-g-2', 'overview-row-g-1'])
    expect(rowText('overview-sort-open')).toBe('未办结 ↓')
    fireEvent.click(screen.getByTestId('overview-sort-open'))
    expect(order()).toEqual(['overview-row-g-1', 'overview-row-g-2'])
    expect(rowText('overview-comparison-sorted')).toBe('按「未办结」从低到高排列，点表头换排序')
    fireEvent.click(screen.getByTestId('overview-sort-name'))
    expect(rowText('overview-comparison-sorted')).toBe('按「网格」从低到高排列，点表头换排序')
  })

  it('sortRows: figures either way, empty figures last both ways', () => {
    const rows = overview().comparison
    expect(sortRows(rows, 'onTimeShare', true).map((r) => r.id)).toEqual(['g-1', 'g-2'])
    expect(sortRows(rows, 'onTimeShare', false).map((r) => r.id)).toEqual(['g-1', 'g-2'])
    expect(sortRows(rows, 'overdue', false).map((r) => r.id)).toEqual(['g-1', 'g-2'])
  })
})

describe('figures that open their list', () => {
  it('a category, a grid, the overdue reports: each tap opens with its filter; without links nothing is a link', () => {
    const links = { category: jest.fn(), grid: jest.fn(), overdue: jest.fn() }
    const { unmount } = screenWith(overview(), { links })
    fireEvent.click(screen.getByTestId('overview-trends-category-environment'))
    fireEvent.click(screen.getByTestId('overview-trends-area-g-2'))
    fireEvent.click(screen.getByTestId('overview-speed-all-overdue'))
    fireEvent.click(screen.getByTestId('overview-disputes-total'))
    expect(links.category.mock.calls).toEqual([['environment'], ['dispute']])
    expect(links.grid).toHaveBeenCalledWith('g-2')
    expect(links.overdue).toHaveBeenCalledTimes(1)
    fireEvent.click(screen.getByTestId('overview-open-g-1'))
    expect(links.grid).toHaveBeenLastCalledWith('g-1')
    expect(rowText('overview-speed-all-overdue')).toBe('现在超期3 件 ›')
    unmount()
    screenWith(overview())
    expect(screen.queryAllByRole('link')).toEqual([])
  })

  it('the area list reads the filter from its address, and nothing else', () => {
    expect(filtersFromQuery({ category: 'environment' })).toEqual({ status: '', gridId: '', category: 'environment', overdueOnly: false })
    expect(filtersFromQuery({ gridId: 'g_jj_1', overdue: '1' })).toEqual({ status: '', gridId: 'g_jj_1', category: '', overdueOnly: true })
    expect(filtersFromQuery({ category: 'weather', status: 'lost', gridId: "g'--" })).toEqual({ status: '', gridId: '', category: '', overdueOnly: false })
    expect(filtersFromQuery(undefined)).toEqual({ status: '', gridId: '', category: '', overdueOnly: false })
    expect(filtersFromQuery({ category: 'dispute', from: '2025-02-01', to: '2025-02-28', communityId: 'c_lj', communityName: encodeURIComponent('临江村') })).toEqual({
      status: '', gridId: '', category: 'dispute', overdueOnly: false, from: '2025-02-01', to: '2025-02-28', communityId: 'c_lj', communityName: '临江村',
    })
    expect(filtersFromQuery({ from: '2025/02/01', to: "'; --", communityId: "c'--" })).toEqual({ status: '', gridId: '', category: '', overdueOnly: false })
  })
})

test('a street’s overview: a community row and a category open the list of the period, the row that community’s', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never)
  setSession(makeSession(makeMe({ id: 'u-s', roles: ['street'], verified: false, gridId: null, gridName: null })))
  const street = overview({
    area: { kind: 'street', id: 'st-1', name: '振兴街道' },
    subAreaKind: 'community',
    from: '2025-01-01',
    to: '2025-03-31',
  })
  street.trends.bySubArea = [{ id: 'c-2', name: '临江村', n: 1 }]
  street.comparison = street.comparison.map((r, i) => (i === 0 ? { ...r, id: 'c-2', name: '临江村' } : r))
  api.mockImplementation((async () => street) as typeof callApi)
  render(<OverviewPage />)
  fireEvent.click(await screen.findByTestId('overview-trends-area-c-2'))
  fireEvent.click(screen.getByTestId('overview-trends-category-dispute'))
  expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
    `${ROUTES.reportArea}?communityId=c-2&communityName=${encodeURIComponent('临江村')}&from=2025-01-01&to=2025-03-31`,
    `${ROUTES.reportArea}?category=dispute&from=2025-01-01&to=2025-03-31`,
  ])
})

test('问题总览 opened from a figure of a period and a community: the list asks for both, says so, and lets go of them', async () => {
  const lists: unknown[] = []
  api.mockImplementation(((action: string, payload: unknown) => {
    if (action === 'report.list') {
      lists.push(payload)
      return Promise.resolve({ items: [], nextCursor: null })
    }
    if (action === 'report.summary') return Promise.resolve(summaryCounts())
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
  setSession(makeSession(makeMe({ id: 'u-s', roles: ['street'], verified: false, gridId: null, gridName: null })))
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({
    router: { params: { category: 'dispute', from: '2025-02-01', to: '2025-02-28', communityId: 'c-2', communityName: encodeURIComponent('临江村') } },
  } as never)
  render(<ReportAreaPage />)
  await waitFor(() => expect(lists).toHaveLength(1))
  expect(lists[0]).toMatchObject({ scope: 'area', category: 'dispute', from: '2025-02-01', to: '2025-02-28', communityId: 'c-2' })
  expect(screen.getByTestId('filter-overview').textContent).toContain('临江村 · 2025-02-01 至 2025-02-28新发')
  fireEvent.click(screen.getByTestId('filter-overview'))
  await waitFor(() => expect(lists).toHaveLength(2))
  expect(lists[1]).toEqual(expect.objectContaining({ scope: 'area', category: 'dispute' }))
  expect(lists[1]).not.toHaveProperty('from')
  expect(lists[1]).not.toHaveProperty('communityId')
  expect(screen.queryByTestId('filter-overview')).toBeNull()
})

test('问题总览 opened from a figure lists with that filter', async () => {
  const lists: unknown[] = []
  api.mockImplementation(((action: string, payload: unknown) => {
    if (action === 'report.list') {
      lists.push(payload)
      return Promise.resolve({ items: [], nextCursor: null })
    }
    if (action === 'report.summary') return Promise.resolve(summaryCounts())
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { params: { category: 'environment', overdue: '1' } } } as never)
  render(<ReportAreaPage />)
  await waitFor(() => expect(lists).toHaveLength(1))
  expect(lists[0]).toMatchObject({ scope: 'area', category: 'environment', overdue: true })
})

describe('the page', () => {
  it('the committee’s figures open the area list filtered; a grid worker’s open none; a resident is turned away', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never)
    api.mockImplementation((async () => overview()) as typeof callApi)
    const page = render(<OverviewPage />)
    fireEvent.click(await screen.findByTestId('overview-trends-category-environment'))
    fireEvent.click(screen.getByTestId('overview-trends-area-g-1'))
    fireEvent.click(screen.getByTestId('overview-speed-all-overdue'))
    // the period's figures carry the period and the community; 现在超期 (any creation date) the community only
    const community = `communityId=c-1&communityName=${encodeURIComponent('锦江社区')}`
    expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
      `${ROUTES.reportArea}?category=environment&from=2025-02-01&to=2025-02-28&${community}`,
      `${ROUTES.reportArea}?gridId=g-1&from=2025-02-01&to=2025-02-28&${community}`,
      `${ROUTES.reportArea}?overdue=1&${community}`,
    ])
    page.unmount()
    setSession(makeSession(worker))
    const mine = render(<OverviewPage />)
    await screen.findByTestId('overview-heading')
    expect(screen.queryAllByRole('link')).toEqual([])
    mine.unmount()
    setSession(makeSession(makeMe({ roles: ['resident'] })))
    render(<OverviewPage />)
    expect(screen.getByTestId('overview-not-allowed')).toBeTruthy()
  })
})

test('the page opens 一张图 of the same area, and carries the 导出台账 card', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never)
  api.mockImplementation((async () => overview()) as typeof callApi)
  render(<OverviewPage />)
  fireEvent.click(await screen.findByTestId('overview-open-map'))
  expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([OVERVIEW_MAP_ROUTES.map])
  expect(screen.getByTestId('ledger-export-card').textContent).toContain('导出台账')
})

describe('the period picker and the call', () => {
  function Page() {
    const o = useOverview('u-c', () => NOW)
    return <OverviewScreen data={o.data} status={o.status} error={o.error} choice={o.choice} onChoice={o.setChoice} waitingForDates={o.waitingForDates} onRetry={() => void o.reload()} />
  }

  it('本月 first; 上月, 近三月 (by week) and 按周 ask again; 自定义 waits for both dates', async () => {
    const calls: unknown[] = []
    api.mockImplementation((async (_a: string, p: unknown) => {
      calls.push(p)
      return overview()
    }) as typeof callApi)
    render(<Page />)
    expect(screen.getByTestId('overview-loading')).toBeTruthy()
    await screen.findByTestId('overview-heading')
    fireEvent.click(screen.getByTestId('overview-preset-lastMonth'))
    await waitFor(() => expect(calls).toHaveLength(2))
    fireEvent.click(screen.getByTestId('overview-bucket-week'))
    await waitFor(() => expect(calls).toHaveLength(3))
    fireEvent.click(screen.getByTestId('overview-preset-last3Months'))
    await waitFor(() => expect(calls).toHaveLength(4))
    fireEvent.click(screen.getByTestId('overview-preset-custom'))
    expect(await screen.findByTestId('overview-pick-dates')).toBeTruthy()
    expect(screen.getByTestId('overview-from').textContent).toBe('开始日期')
    expect(screen.getByTestId('overview-bucket-week').getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByTestId('overview-preset-thisMonth'))
    await waitFor(() => expect(calls).toHaveLength(5))
    expect(calls[4]).toEqual({ from: '2025-03-01', to: '2025-03-01', bucket: 'day' })
    fireEvent.click(screen.getByTestId('overview-preset-last3Months'))
    await waitFor(() => expect(calls).toHaveLength(6))
    expect(calls[5]).toEqual({ from: '2025-01-01', to: '2025-03-01', bucket: 'week' })
    expect(calls.slice(0, 4)).toEqual([
      { from: '2025-03-01', to: '2025-03-01', bucket: 'day' },
      { from: '2025-02-01', to: '2025-02-28', bucket: 'day' },
      { from: '2025-02-01', to: '2025-02-28', bucket: 'week' },
      { from: '2025-01-01', to: '2025-03-01', bucket: 'week' },
    ])
  })

  it('a custom period is sent once both dates are chosen', () => {
    expect(overviewPayload({ preset: 'custom', from: '2025-01-05', to: '', bucket: 'day' }, NOW)).toBeNull()
    expect(overviewPayload({ preset: 'custom', from: '2025-01-05', to: '2025-02-05', bucket: 'month' }, NOW)).toEqual({ from: '2025-01-05', to: '2025-02-05', bucket: 'month' })
  })

  it('an error says why, in Chinese, and 重试 asks again', async () => {
    let n = 0
    api.mockImplementation((async () => {
      n++
      if (n === 1) throw new ApiError('UNAVAILABLE', '服务暂时不可用')
      return overview()
    }) as typeof callApi)
    render(<Page />)
    expect((await screen.findByTestId('overview-error')).textContent).toContain('没有加载出来：服务暂时不可用')
    fireEvent.click(screen.getByTestId('overview-retry'))
    await screen.findByTestId('overview-heading')
  })
})

describe('the desk’s 总览 row', () => {
  function Desk({ me }: { me: Me }) {
    return <WorkDesk me={me} desk={useDesk(me)} />
  }

  it('first on the committee’s desk, and opens 总览; not on a grid worker’s', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never)
    api.mockImplementation((async () => {
      throw new ApiError('NOT_FOUND')
    }) as typeof callApi)
    const { unmount } = render(<Desk me={committee} />)
    const row = await screen.findByTestId('desk-overview')
    const group = screen.getByTestId('desk-problems')
    expect(group.querySelector('[data-testid^="desk-"]:not([data-testid="desk-problems"])')?.getAttribute('data-testid')).toBe('desk-overview')
    fireEvent.click(row)
    expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([OVERVIEW_ROUTES.index])
    unmount()
    setSession(makeSession(worker))
    render(<Desk me={worker} />)
    await screen.findByTestId('desk-problems')
    expect(screen.queryByTestId('desk-overview')).toBeNull()
  })
})
