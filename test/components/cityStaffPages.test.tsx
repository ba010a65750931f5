// The report pages as 区/市综治中心 staff open them: the gate lets every tier in, the queue is titled by the
// person's office, the overview counts by the areas below it; others read who may use the page.
import { render, screen } from '@testing-library/react'
import type { Role } from '@/domain/shared/roles'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { clearSession, setSession } from '@/services/session'
import ReportAreaPage from '@/packages/reports/area/index'
import ReportQueuePage from '@/packages/reports/queue/index'
import { makeMe, makeSession } from '../support/fixtures'
import { summaryCounts } from '../support/staffReports'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const BY_AREA = [{ id: 'a-1', name: '振兴街道', total: 10, open: 6, overdue: 1 }]

function signIn(roles: Role[]) {
  setSession({ ...makeSession(), user: makeMe({ roles, verified: false, gridId: null, gridName: null }) })
  api.mockImplementation(((action: string) => {
    if (action === 'report.list') return Promise.resolve({ items: [], nextCursor: null })
    if (action === 'report.counts') return Promise.resolve({ mine: { total: 0, open: 0 }, queue: { total: 0, submitted: 0, accepted: 0, overdue: 0 } })
    if (action === 'report.summary') return Promise.resolve(summaryCounts({ byGrid: [], byArea: BY_AREA }))
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

afterEach(() => {
  api.mockReset()
  clearSession()
})

test.each([
  ['district', '区综治中心待办的问题', '没有待区综治中心办理的问题', '按街道'],
  ['city', '市综治中心待办的问题', '没有待市综治中心办理的问题', '按区'],
] as const)('%s: 待办问题 titled by the office; 问题总览 counts by the areas below', async (role, intro, empty, byArea) => {
  signIn([role])
  const queue = render(<ReportQueuePage />)
  expect((await screen.findByTestId('queue-screen')).textContent).toContain(intro)
  expect((await screen.findByTestId('list-empty')).textContent).toContain(empty)
  queue.unmount()

  render(<ReportAreaPage />)
  expect(await screen.findByText(byArea)).toBeTruthy()
  expect(screen.getByTestId('bar-area-a-1').textContent).toContain('振兴街道（未办结 6，逾期 1）')
  expect(screen.queryByTestId('report-staff-not-allowed')).toBeNull()
})

test('a resident reads who may use 待办问题: the tiers named once', async () => {
  signIn(['resident'])
  render(<ReportQueuePage />)
  expect((await screen.findByTestId('report-staff-not-allowed')).textContent).toBe('只有网格员、社区工作人员、街道/区/市工作人员可以使用这个功能。')
})
