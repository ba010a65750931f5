/**
 * 总览's trend split and hours' bins as words (issue 19): every bucket's total and its parts 按类别 / 按区域, the bins
 * to accept and to resolve; each part opens the reports of its bucket's days with its category or sub-area.
 */
import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Overview } from '@/domain/overview'
import { callApi } from '@/services/api'
import { setSession } from '@/services/session'
import { OverviewScreen } from '@/features/overview/ui/OverviewScreen'
import { FIRST_CHOICE } from '@/features/overview/useOverview'
import OverviewPage from '@/packages/overview/index'
import { ROUTES } from '@/services/routes'
import { makeMe, makeSession } from '../support/fixtures'
import { overview } from '../support/overviewFixture'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

beforeEach(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

const show = (o: Overview, links?: Parameters<typeof OverviewScreen>[0]['links']) =>
  render(<OverviewScreen data={o} status='ready' choice={FIRST_CHOICE} onChoice={jest.fn()} waitingForDates={false} onRetry={jest.fn()} links={links} />)
const text = (id: string) => screen.getByTestId(id).textContent

describe('the trend split in words', () => {
  it('按类别 first: every bucket with its total, then its categories with reports; an empty part is not listed', () => {
    show(overview())
    expect(screen.getByTestId('overview-split-by-category').getAttribute('aria-checked')).toBe('true')
    expect(text('overview-trends-bucket-2025-01-27')).toBe('1月27日起共 1 件')
    expect(text('overview-split-2025-01-27-dispute')).toBe('矛盾纠纷1 件')
    expect(screen.queryByTestId('overview-split-2025-01-27-environment')).toBeNull()
    expect(text('overview-trends-bucket-2025-02-03')).toBe('2月3日起共 3 件')
    expect(within(screen.getByTestId('overview-split-2025-02-03')).getAllByText(/件/).map((n) => n.textContent)).toEqual(['1 件', '2 件'])
  })

  it('按区域: the grids per bucket by name; a bucket with no report lists no parts', () => {
    const o = overview()
    show(overview({ trends: { ...o.trends, byBucket: [...o.trends.byBucket, { key: '2025-02-10', n: 0 }] }, trendSplit: { ...o.trendSplit, bySubArea: [...o.trendSplit.bySubArea, { key: '2025-02-10', id: 'g-1', n: 0 }, { key: '2025-02-10', id: 'g-2', n: 0 }] } }))
    fireEvent.click(screen.getByTestId('overview-split-by-subArea'))
    expect(screen.getByTestId('overview-split-by-subArea').getAttribute('aria-checked')).toBe('true')
    expect(text('overview-split-2025-02-03-g-1')).toBe('第一网格2 件')
    expect(text('overview-split-2025-02-03-g-2')).toBe('第二网格1 件')
    expect(text('overview-trends-bucket-2025-02-10')).toBe('2月10日起共 0 件')
    expect(screen.queryByTestId('overview-split-2025-02-10')).toBeNull()
  })

  it('each part opens its bucket’s days (cut at the period) with its category or grid', () => {
    const links = { category: jest.fn(), grid: jest.fn(), overdue: jest.fn(), slice: jest.fn() }
    show(overview(), links)
    fireEvent.click(screen.getByTestId('overview-split-2025-01-27-dispute'))
    fireEvent.click(screen.getByTestId('overview-split-by-subArea'))
    fireEvent.click(screen.getByTestId('overview-split-2025-02-03-g-2'))
    expect(links.slice.mock.calls).toEqual([[{ from: '2025-02-01', to: '2025-02-02', category: 'dispute' }], [{ from: '2025-02-03', to: '2025-02-09', subAreaId: 'g-2' }]])
  })
})

describe('the hours to accept and resolve in words', () => {
  it('every bin with its count, in order', () => {
    const o = overview()
    show(o)
    expect(text('overview-bins-accept')).toContain('受理用时分布（2 件）')
    expect(screen.getAllByTestId(/^overview-bins-resolve-list-/).map((n) => n.textContent)).toEqual(['4 小时内0 件', '4–8 小时0 件', '8–24 小时1 件', '1–3 天0 件', '3–7 天0 件', '7 天以上0 件'])
    expect(text('overview-bins-accept-list-h4')).toBe('4 小时内2 件')
  })

  it('nothing resolved: the words say so and no bars are listed', () => {
    const o = overview()
    show(overview({ speedBins: { ...o.speedBins, resolve: o.speedBins.resolve.map((b) => ({ ...b, n: 0 })) } }))
    expect(text('overview-bins-resolve')).toContain('本期没有已办结的问题')
    expect(screen.queryByTestId('overview-bins-resolve-list')).toBeNull()
    expect(screen.queryByTestId('overview-chart-resolve-bins')).toBeNull()
  })
})

test('the page: a part opens 问题总览 of its days, category or grid and community', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never)
  setSession(makeSession(makeMe({ id: 'u-c', roles: ['committee'], verified: false, gridId: null, gridName: null })))
  api.mockImplementation((async () => overview()) as typeof callApi)
  render(<OverviewPage />)
  fireEvent.click(await screen.findByTestId('overview-split-2025-02-03-environment'))
  fireEvent.click(screen.getByTestId('overview-split-by-subArea'))
  fireEvent.click(screen.getByTestId('overview-split-2025-01-27-g-1'))
  const community = `communityId=c-1&communityName=${encodeURIComponent('锦江社区')}`
  expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
    `${ROUTES.reportArea}?category=environment&from=2025-02-03&to=2025-02-09&${community}`,
    `${ROUTES.reportArea}?gridId=g-1&from=2025-02-01&to=2025-02-02&${community}`,
  ])
})
