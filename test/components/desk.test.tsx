/**
 * The desks (issue 11): 社区工作 grouped by the work with the figure of what each link opens — and each figure
 * is what the page it opens shows, asked the same way: rendered side by side with the hooks those pages use.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@/domain/auth'
import type { ReportFigures } from '@/domain/reports'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { ROUTES } from '@/services/routes'
import { setSession } from '@/services/session'
import { useMotionLists } from '@/features/motions/useMotionList'
import { useShiftList } from '@/features/patrols/useShiftList'
import { useReviewList } from '@/features/residents/useReviewList'
import { WorkDesk } from '@/features/workspace/ui/WorkDesk'
import { useDesk } from '@/features/workspace/useDesk'
import { makeApplication, makeMe, makeSession, makeVolunteerApplication } from '../support/fixtures'
import { makeMotionSummary } from '../support/motions'
import { makeShift } from '../support/shifts'
import { makeCoverage } from '../support/visits'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const committee = makeMe({ id: 'u-c', name: '陈秀兰', roles: ['committee'], verified: false, gridId: null, gridName: null })

const FIGURES: ReportFigures = { mine: { total: 0, open: 0 }, queue: { total: 4, submitted: 3, accepted: 1, overdue: 1 } }
const MOTIONS = {
  voting: [makeMotionSummary('v1', { status: 'voting' })],
  consultation: [makeMotionSummary('c1', { status: 'consultation' }), makeMotionSummary('c2', { status: 'consultation' })],
  draft: [makeMotionSummary('d1', { status: 'draft' })],
  closed: [makeMotionSummary('x1', { status: 'closed' })],
} as const

function serve(fail: string[] = []) {
  api.mockImplementation(((action: string, payload: { status?: keyof typeof MOTIONS }) => {
    if (fail.includes(action)) return Promise.reject(new ApiError('NETWORK'))
    const page = (items: unknown[]) => Promise.resolve({ items, nextCursor: null })
    switch (action) {
      case 'report.counts':
        return Promise.resolve(FIGURES)
      case 'resident.applications':
        return page([makeApplication('a1'), makeApplication('a2')])
      case 'volunteer.applications':
        return page([makeVolunteerApplication('va1')])
      case 'motion.list':
        return page([...MOTIONS[payload.status ?? 'closed']])
      case 'shift.list':
        return page([makeShift('s1'), makeShift('s2'), makeShift('s3')])
      case 'visit.coverage':
        return Promise.resolve(makeCoverage())
      case 'meeting.tasks':
        return Promise.resolve({ tasks: [], disputes: [] })
      default:
        return Promise.reject(new ApiError('NOT_FOUND'))
    }
  }) as typeof callApi)
}

function Desk({ me }: { me: Me }) {
  return <WorkDesk me={me} desk={useDesk(me)} />
}

/** What the pages the desk opens show, through their own hooks. */
function Pages() {
  const motions = useMotionLists(true)
  const shifts = useShiftList()
  const residents = useReviewList('resident', 'pending').list
  const volunteers = useReviewList('volunteer', 'pending').list
  return (
    <>
      <span data-testid='page-motions'>{motions.open.data?.items.length ?? ''}</span>
      <span data-testid='page-shifts'>{shifts.status === 'ready' ? shifts.items.length : ''}</span>
      <span data-testid='page-residents'>{residents.status === 'ready' ? residents.items.length : ''}</span>
      <span data-testid='page-volunteers'>{volunteers.status === 'ready' ? volunteers.items.length : ''}</span>
    </>
  )
}

let navigate: jest.SpyInstance
let switchTab: jest.SpyInstance
beforeEach(() => {
  setSession({ ...makeSession(), user: committee })
  navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation((() => Promise.resolve()) as never)
  switchTab = jest.spyOn(Taro, 'switchTab').mockImplementation((() => Promise.resolve()) as never)
})
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

test('社区工作: each figure is what the page it opens lists', async () => {
  serve()
  render(
    <>
      <Desk me={committee} />
      <Pages />
    </>,
  )
  await waitFor(() => expect(screen.getByTestId('desk-shift-list-figure')).toBeTruthy())
  const figure = (id: string) => screen.getByTestId(`${id}-figure`).textContent
  for (const id of ['page-shifts', 'page-motions', 'page-residents', 'page-volunteers']) await waitFor(() => expect({ id, n: screen.getByTestId(id).textContent }).not.toEqual({ id, n: '' }))
  expect(figure('desk-report-queue')).toBe('1 件逾期')
  expect(screen.getByTestId('desk-report-queue').textContent).toContain(`${FIGURES.queue!.total} 件，其中 ${FIGURES.queue!.overdue} 件已逾期`)
  expect(figure('desk-motion-list')).toBe(`${screen.getByTestId('page-motions').textContent} 个`)
  expect(screen.getByTestId('desk-motion-list').textContent).toContain('表决中 1 个 · 征求意见 2 个 · 草稿 1 个')
  expect(figure('desk-shift-list')).toBe(`${screen.getByTestId('page-shifts').textContent} 个`)
  expect(figure('desk-applications')).toBe(`${screen.getByTestId('page-residents').textContent} 份待审核`)
  expect(figure('desk-volunteers')).toBe(`${screen.getByTestId('page-volunteers').textContent} 份待审核`)
  // the desk asks the lists exactly as the pages do (no own filters that could disagree)
  expect(api.mock.calls.filter((c) => c[0] === 'motion.list').map((c) => c[1])).toContainEqual({ status: 'voting', limit: 100 })
})

test('links open their pages: tabs by switchTab, the rest by navigateTo', async () => {
  serve()
  render(<Desk me={committee} />)
  await act(async () => undefined)
  fireEvent.click(screen.getByTestId('desk-report-queue'))
  fireEvent.click(screen.getByTestId('desk-report-deadlines'))
  fireEvent.click(screen.getByTestId('desk-grids'))
  fireEvent.click(screen.getByTestId('desk-motion-list'))
  fireEvent.click(screen.getByTestId('desk-shift-list'))
  fireEvent.click(screen.getByTestId('desk-notice-list'))
  expect(navigate.mock.calls.map((c) => c[0].url)).toEqual([ROUTES.reportQueue, ROUTES.reportDeadlines, ROUTES.grids])
  expect(switchTab.mock.calls.map((c) => c[0].url)).toEqual(['/pages/vote/index', ROUTES.patrol, ROUTES.home])
})

test('nothing waiting: words, no figure tags', async () => {
  api.mockImplementation(((action: string) => {
    if (action === 'report.counts') return Promise.resolve({ mine: { total: 0, open: 0 }, queue: { total: 0, submitted: 0, accepted: 0, overdue: 0 } })
    return Promise.resolve({ items: [], nextCursor: null })
  }) as typeof callApi)
  render(<Desk me={committee} />)
  await waitFor(() => expect(screen.getByTestId('desk-applications').textContent).toContain('没有待审核的住户认证'))
  expect(screen.getByTestId('desk-report-queue').textContent).toContain('没有待办的问题')
  expect(screen.getByTestId('desk-motion-list').textContent).toContain('没有进行中的议题')
  expect(screen.queryAllByTestId(/-figure$/)).toHaveLength(0)
})

test('figures that fail to load say so; the links still work', async () => {
  serve(['report.counts', 'shift.list'])
  render(<Desk me={committee} />)
  expect((await screen.findByTestId('desk-error')).textContent).toContain('没有统计出来')
  fireEvent.click(screen.getByTestId('desk-roster'))
  expect(navigate).toHaveBeenCalledWith({ url: ROUTES.roster })
})

test.each([
  ['street', makeMe({ id: 'u-s', roles: ['street'], verified: false, gridId: null, gridName: null }), '街道工作', '社区上报到街道的问题'],
  ['district', makeMe({ id: 'u-d', roles: ['district'], verified: false, gridId: null, gridName: null }), '区综治中心工作', '街道上报到区综治中心的问题'],
  ['city', makeMe({ id: 'u-ci', roles: ['city'], verified: false, gridId: null, gridName: null }), '市综治中心工作', '各区上报到市综治中心的问题'],
  ['gridWorker', makeMe({ id: 'u-g', roles: ['gridWorker'], grids: [{ id: 'g-1', name: '第一网格' }] }), '网格工作', '您负责网格的居民上报的问题'],
] as const)('%s: its own desk, its queue in its words, only report.counts (and meeting.tasks) asked', async (_kind, me, title, queueWords) => {
  serve()
  render(<Desk me={me} />)
  await waitFor(() => expect(screen.getByTestId('desk-report-queue-figure').textContent).toBe('1 件逾期'))
  expect(screen.getByTestId('desk-title').textContent).toBe(title)
  expect(screen.getByTestId('desk-report-queue').textContent).toContain(queueWords)
  expect(screen.queryByTestId('desk-motions')).toBeNull()
  // the street signs off its communities' 高 稳评 (a link without a figure: nothing more asked)
  if (_kind === 'street') expect(screen.getByTestId('desk-risk-reviews').textContent).toContain('稳评审核')
  else expect(screen.queryByTestId('desk-risk-group')).toBeNull()
  // a grid worker's desk also counts the follow-ups due in their grids (入户走访); every desk asks for the 联席会议
  // tasks given to them (none here: no card)
  const asked = ['report.counts', 'meeting.tasks', ...(_kind === 'gridWorker' ? ['visit.coverage'] : [])]
  expect(new Set(api.mock.calls.map((c) => c[0]))).toEqual(new Set(asked))
  expect(screen.queryByTestId('my-meeting-tasks')).toBeNull()
})

test.each([
  ['district', '全区各街道的全部问题：按状态、类别、街道统计，督办逾期'],
  ['city', '全市各区的全部问题：按状态、类别、区统计，督办逾期'],
] as const)('%s: like the street — 待办问题, 问题总览 by the areas below, the communities\' notices; nothing to set or publish', async (role, areaHint) => {
  serve()
  render(<Desk me={makeMe({ id: `u-${role}`, roles: [role], verified: false, gridId: null, gridName: null })} />)
  await waitFor(() => expect(screen.getByTestId('desk-report-queue-figure').textContent).toBe('1 件逾期'))
  expect(screen.getByTestId(`desk-${role}`)).toBeTruthy()
  expect(screen.getByTestId('desk-report-area').textContent).toContain(areaHint)
  expect(screen.getByTestId('desk-notice-list').textContent).toContain('辖区通知')
  for (const id of ['desk-report-deadlines', 'desk-notice-publish', 'desk-residents']) expect(screen.queryByTestId(id)).toBeNull()
  fireEvent.click(screen.getByTestId('desk-report-queue'))
  fireEvent.click(screen.getByTestId('desk-report-area'))
  fireEvent.click(screen.getByTestId('desk-notice-list'))
  expect(navigate.mock.calls.map((c) => c[0].url)).toEqual([ROUTES.reportQueue, ROUTES.reportArea])
  expect(switchTab.mock.calls.map((c) => c[0].url)).toEqual([ROUTES.home])
})
