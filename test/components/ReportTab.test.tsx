import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ReportFigures, ReportListInput } from '@/domain/reports'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { MyReports } from '@/features/reports/ui/MyReports'
import { ReportHome } from '@/features/reports/ui/ReportHome'
import { useReportCounts } from '@/features/reports/useReportCounts'
import { useReportList } from '@/features/reports/useReportList'
import { makeSession } from '../support/fixtures'
import { makeReportSummary } from '../support/residentReports'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
jest.mock('@/services/upload', () => ({ uploadPhoto: jest.fn(), photoSrc: (u: string) => u }))
const api = callApi as jest.MockedFunction<typeof callApi>

const listCalls = () => api.mock.calls.filter((c) => c[0] === 'report.list').map((c) => c[1] as ReportListInput)

/** The tab as its page wires it (hooks + screen). */
function Tab({ staff, onNew = jest.fn(), onOpen = jest.fn(), onQueue = jest.fn() }: { staff: boolean; onNew?: jest.Mock; onOpen?: jest.Mock; onQueue?: jest.Mock }) {
  const list = useReportList('public')
  const counts = useReportCounts('u-1')
  return <ReportHome staff={staff} list={list} counts={counts} onNew={onNew} onOpen={onOpen} onMine={jest.fn()} onQueue={onQueue} />
}

function Mine({ onOpen = jest.fn() }: { onOpen?: jest.Mock }) {
  const list = useReportList('mine', { pageSize: 2 })
  const figures = useReportCounts('u-1')
  return <MyReports list={list} figures={figures} onOpen={onOpen} onNew={jest.fn()} />
}

type Pager = (input: ReportListInput) => Promise<unknown>
const NO_FIGURES: ReportFigures = { mine: { total: 0, open: 0 }, queue: null }
function serve(list: Pager, figures: ReportFigures = NO_FIGURES) {
  api.mockImplementation(((action: string, payload: ReportListInput) =>
    action === 'report.list'
      ? list(payload)
      : action === 'report.counts'
        ? Promise.resolve(figures)
        : Promise.reject(new ApiError('NOT_FOUND'))) as typeof callApi)
}

beforeEach(() => setSession(makeSession()))
afterEach(() => api.mockReset())

describe('随手拍 tab', () => {
  it('tiles open the form with their category; the public list shows cover, category, status and supporters', async () => {
    const onNew = jest.fn()
    const onOpen = jest.fn()
    serve((p) => {
      if (p.scope === 'public')
        return Promise.resolve({
          items: [
            makeReportSummary('r-1', { supporters: 4, cover: { id: 'f-1', url: '/files/f-1' }, status: 'accepted' }),
            makeReportSummary('r-2', { category: 'environment', excerpt: '垃圾桶满了', overdue: true }),
          ],
          nextCursor: null,
        })
      return Promise.resolve({ items: [makeReportSummary('m-1'), makeReportSummary('m-2', { status: 'closed' })], nextCursor: null })
    }, { mine: { total: 2, open: 1 }, queue: null })
    render(<Tab staff={false} onNew={onNew} onOpen={onOpen} />)
    const cards = await screen.findAllByTestId('report-card')
    expect(cards).toHaveLength(2)
    expect(cards[0].textContent).toContain('设施损坏')
    expect(cards[0].textContent).toContain('处理中')
    expect(cards[0].textContent).toContain('4 人也遇到')
    expect(cards[0].querySelectorAll('.gz-report-card__cover')).toHaveLength(1)
    expect(cards[1].textContent).toContain('环境卫生')
    expect(cards[1].textContent).toContain('已逾期')
    expect(screen.queryByTestId('staff-card')).toBeNull()
    await waitFor(() => expect(screen.getByTestId('link-mine').textContent).toContain('1 件正在处理，共 2 件'))

    fireEvent.click(screen.getByTestId('tile-dispute'))
    expect(onNew).toHaveBeenCalledWith('dispute')
    fireEvent.click(cards[1])
    expect(onOpen).toHaveBeenCalledWith('r-2')
    expect(listCalls().filter((p) => p.scope === 'queue')).toHaveLength(0)
  })

  it('staff: the card shows report.counts\' queue (the figures the queue itself shows), linking to it', async () => {
    const onQueue = jest.fn()
    serve(() => Promise.resolve({ items: [], nextCursor: null }), { mine: { total: 0, open: 0 }, queue: { total: 3, submitted: 2, accepted: 1, overdue: 0 } })
    render(<Tab staff onQueue={onQueue} />)
    await waitFor(() => expect(screen.getByTestId('staff-figures').textContent).toBe('待办 3 件，没有逾期'))
    expect(api).toHaveBeenCalledWith('report.counts', {})
    // one request for every figure, no list pages fetched only to be counted
    expect(listCalls().filter((p) => p.scope !== 'public')).toEqual([])
    expect(screen.getByTestId('list-empty').textContent).toContain('社区里暂时没有公开的问题')
    fireEvent.click(screen.getByTestId('staff-card'))
    expect(onQueue).toHaveBeenCalled()
  })

  it.each([
    [{ total: 5, submitted: 2, accepted: 3, overdue: 2 }, '待办 5 件，其中 2 件已逾期'],
    [{ total: 0, submitted: 0, accepted: 0, overdue: 0 }, '没有待办的问题'],
  ])('staff card for %o reads "%s"', async (queue, text) => {
    serve(() => Promise.resolve({ items: [], nextCursor: null }), { mine: { total: 0, open: 0 }, queue })
    render(<Tab staff />)
    await waitFor(() => expect(screen.getByTestId('staff-figures').textContent).toBe(text))
  })

  it('a failed public list says so and 重试 loads it', async () => {
    let n = 0
    serve((p) => (p.scope === 'public' && ++n === 1 ? Promise.reject(new ApiError('NETWORK')) : Promise.resolve({ items: [makeReportSummary('r-1')], nextCursor: null })))
    render(<Tab staff={false} />)
    expect((await screen.findByTestId('list-error')).textContent).toContain('网络不好')
    fireEvent.click(screen.getByTestId('list-retry'))
    expect(await screen.findAllByTestId('report-card')).toHaveLength(1)
  })
})

describe('我的上报', () => {
  it('lists my reports newest first with status words, and pages on by cursor', async () => {
    serve((p) =>
      Promise.resolve(
        p.cursor === 'c2'
          ? { items: [makeReportSummary('m-3', { status: 'withdrawn' })], nextCursor: null }
          : { items: [makeReportSummary('m-1', { status: 'returned' }), makeReportSummary('m-2', { status: 'resolved' })], nextCursor: 'c2' },
      ),
      { mine: { total: 3, open: 1 }, queue: null },
    )
    const onOpen = jest.fn()
    render(<Mine onOpen={onOpen} />)
    const first = await screen.findAllByTestId('report-status')
    // the same figures as the tab's 我的上报 line, for the whole list (not the page loaded so far)
    await waitFor(() => expect(screen.getByTestId('mine-figures').textContent).toBe('共 3 件，1 件正在处理'))
    expect(first.map((n) => n.textContent)).toEqual(['退回补充', '已办结'])
    expect(listCalls()[0]).toEqual({ scope: 'mine', limit: 2 })

    fireEvent.click(screen.getByTestId('load-more'))
    await waitFor(() => expect(screen.getAllByTestId('report-status').map((n) => n.textContent)).toEqual(['退回补充', '已办结', '已撤回']))
    expect(listCalls()[1]).toEqual({ scope: 'mine', limit: 2, cursor: 'c2' })
    expect(screen.queryByTestId('load-more')).toBeNull()
    fireEvent.click(screen.getAllByTestId('report-card')[2])
    expect(onOpen).toHaveBeenCalledWith('m-3')
  })

  it('empty: a friendly line and a way to report', async () => {
    serve(() => Promise.resolve({ items: [], nextCursor: null }))
    render(<Mine />)
    await act(async () => undefined)
    expect((await screen.findByTestId('list-empty')).textContent).toContain('您还没有上报过问题')
    expect(screen.getByTestId('mine-new')).toBeTruthy()
  })
})
