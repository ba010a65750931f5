/**
 * Text for the person viewing it (issue 11): every status line of a report, for each state × who is looking —
 * the reporter, the staff who handle it, other staff, a neighbour — and a rated report says 已评价 with its stars.
 */
import { render, screen } from '@testing-library/react'
import type { ReportStatus, ReportView, ReportViewer } from '@/domain/reports'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { timelineLabel } from '@/features/reports/format'
import { DeadlineBanner } from '@/features/reports/ui/DeadlineBanner'
import { ReportCard } from '@/features/reports/ui/ReportCard'
import { ReportDetail } from '@/features/reports/ui/ReportDetail'
import { ReportRow } from '@/features/reports/ui/ReportRow'
import { makeSession } from '../support/fixtures'
import { makeReportSummary, makeReportView } from '../support/residentReports'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
jest.mock('@/services/upload', () => ({ uploadPhoto: jest.fn(), photoSrc: (u: string) => u }))
const api = callApi as jest.MockedFunction<typeof callApi>

beforeEach(() => setSession(makeSession()))
afterEach(() => api.mockReset())

const banner = (report: ReportView) => {
  const { unmount } = render(<DeadlineBanner report={report} />)
  const text = screen.getByTestId('deadline-banner').textContent ?? ''
  const status = screen.getByTestId('deadline-status').textContent
  unmount()
  return { text, status }
}

/** What each viewer reads under the status, per state; `null`: a neighbour never sees a report in that state. */
const HINTS: Record<ReportViewer, Partial<Record<ReportStatus | 'rated', string | null>>> = {
  reporter: {
    submitted: '等待受理',
    returned: '请修改后重新提交',
    accepted: '正在处理',
    resolved: '请评价处理结果',
    rated: '您已评价',
    closed: '自动结案',
    rejected: '未予受理',
    withdrawn: '您已撤回',
  },
  handler: {
    submitted: '请在受理期限前受理',
    returned: '已退回居民补充',
    accepted: '办好后点“办结”',
    resolved: '等待居民评价',
    rated: '居民已评价',
    closed: '自动结案',
    rejected: '已不予受理',
    withdrawn: '居民已撤回',
  },
  staff: {
    submitted: '等待网格员受理',
    returned: '已退回居民补充',
    accepted: '网格员正在处理',
    resolved: '等待居民评价',
    rated: '居民已评价',
    closed: '自动结案',
    rejected: '未予受理',
    withdrawn: '居民已撤回',
  },
  resident: {
    submitted: '等待受理',
    returned: '等待上报的居民补充',
    accepted: '正在处理',
    resolved: '已办结',
    rated: '上报的居民已评价',
    closed: '已结案',
    rejected: null,
    withdrawn: null,
  },
}

const cases = (Object.keys(HINTS) as ReportViewer[]).flatMap((viewer) =>
  Object.entries(HINTS[viewer])
    .filter(([, hint]) => hint !== null)
    .map(([state, hint]) => [viewer, state, hint as string] as const),
)

test.each(cases)('%s × %s: the banner says "%s"', (viewer, state, hint) => {
  const rated = state === 'rated'
  const status = (rated ? 'closed' : state) as ReportStatus
  const { text } = banner(makeReportView('r', { viewer, status, stars: rated ? 4 : null, mine: viewer === 'reporter' }))
  expect(text).toContain(hint)
  // nobody but the reporter is asked to rate, and the reporter only while it can be rated
  if (viewer !== 'reporter' || status !== 'resolved') expect(text).not.toContain('请评价')
})

test('rated: 已评价 with the stars, not 已关闭 twice; closed by itself: 已关闭 once', () => {
  const rated = banner(makeReportView('r', { status: 'closed', stars: 5, rating: { score: 5, comment: null, at: new Date().toISOString() } }))
  expect(rated.status).toBe('已评价')
  expect(rated.text).toContain('5 星')
  expect(rated.text).not.toContain('已关闭')
  const auto = banner(makeReportView('r', { status: 'closed', stars: null }))
  expect(auto.status).toBe('已关闭')
  expect(auto.text.match(/已关闭/g)).toHaveLength(1)
})

test('lists say 已评价 for a rated report too (resident card and staff row)', () => {
  render(<ReportCard report={makeReportSummary('a', { status: 'closed', stars: 4 })} onOpen={jest.fn()} />)
  expect(screen.getByTestId('report-status').textContent).toBe('已评价 4 星')
  render(<ReportRow report={makeReportSummary('b', { status: 'closed', stars: 2 })} onOpen={jest.fn()} />)
  expect(screen.getByTestId('row-status').textContent).toBe('已评价 2 星')
})

test.each([
  ['street', '街道处理', '已上报街道', '上报到街道'],
  ['district', '区综治中心处理', '已上报区综治中心', '上报到区综治中心'],
  ['city', '市综治中心处理', '已上报市综治中心', '上报到市综治中心'],
] as const)('above the community the office is named: %s → %s, %s, %s', (level, banner_, tag, step) => {
  expect(banner(makeReportView('r-up', { level })).text).toContain(banner_)
  render(<ReportRow report={makeReportSummary('r-up', { level })} onOpen={jest.fn()} />)
  expect(screen.getByText(tag)).toBeTruthy()
  expect(timelineLabel({ action: 'escalate', level })).toBe(step)
})

test.each([
  ['reporter', '我的评价'],
  ['handler', '居民评价'],
  ['staff', '居民评价'],
  ['resident', '居民评价'],
] as const)('the rating card is titled for the %s: %s', async (viewer, title) => {
  const report = makeReportView('r-rated', {
    viewer,
    mine: viewer === 'reporter',
    status: 'closed',
    stars: 5,
    rating: { score: 5, comment: null, at: new Date().toISOString() },
  })
  api.mockImplementation(((action: string) => (action === 'report.get' ? Promise.resolve(report) : Promise.reject(new ApiError('NOT_FOUND')))) as typeof callApi)
  render(<ReportDetail id='r-rated' onEdit={jest.fn()} />)
  const card = await screen.findByTestId('report-rating')
  expect(card.textContent).toContain(title)
  expect(card.textContent).toContain('5 星')
})

test('who handles it: by name, with the grid\'s service phone to call for the reporter', async () => {
  const call = jest.spyOn(jest.requireActual('@tarojs/taro').default, 'makePhoneCall').mockImplementation((() => Promise.resolve()) as never)
  const report = makeReportView('r-h', { handler: { who: '网格员 孙丽', phone: '0575-87010001' } })
  api.mockImplementation(((action: string) => (action === 'report.get' ? Promise.resolve(report) : Promise.reject(new ApiError('NOT_FOUND')))) as typeof callApi)
  render(<ReportDetail id='r-h' onEdit={jest.fn()} />)
  expect((await screen.findByTestId('report-handler')).textContent).toBe('网格员 孙丽')
  expect(screen.getByTestId('report-handler-phone').textContent).toContain('0575-87010001')
  screen.getByTestId('report-call-handler').click()
  expect(call).toHaveBeenCalledWith({ phoneNumber: '0575-87010001' })
  call.mockRestore()
})
