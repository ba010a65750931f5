import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { callApi } from '@/services/api'
import { ROUTES } from '@/services/routes'
import { clearSession, setSession } from '@/services/session'
import WorkspacePage from '@/packages/workspace/index/index'
import ApplicationsPage from '@/packages/workspace/applications/index'
import HouseholdsPage from '@/packages/workspace/households/index'
import MembersPage from '@/packages/workspace/members/index'
import RosterPage from '@/packages/workspace/roster/index'
import VolunteersPage from '@/packages/workspace/volunteers/index'
import GridsPage from '@/packages/workspace/grids/index'
import { makeMe, makeSession } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

let reLaunch: jest.SpyInstance

beforeEach(() => {
  reLaunch = jest.spyOn(Taro, 'reLaunch').mockImplementation(() => Promise.resolve({ errMsg: 'reLaunch:ok' }))
  api.mockResolvedValue({ items: [], nextCursor: null })
})

afterEach(() => {
  jest.restoreAllMocks()
  api.mockReset()
  clearSession()
})

const PAGES = [
  ['住户管理', WorkspacePage],
  ['认证审核', ApplicationsPage],
  ['住户名单', HouseholdsPage],
  ['人员与网格员', MembersPage],
  ['花名册导入', RosterPage],
  ['志愿者审核', VolunteersPage],
  ['网格服务电话', GridsPage],
] as const

describe('workspace pages', () => {
  it.each(PAGES)('%s without a session goes to the login page', async (_name, Page) => {
    clearSession()
    render(<Page />)
    await act(async () => undefined)
    expect(reLaunch).toHaveBeenCalledWith({ url: ROUTES.login })
  })

  it('a grid worker on a committee page is not told to ask the 居委会 like a resident', async () => {
    setSession({ ...makeSession(), user: makeMe({ roles: ['gridWorker'], grids: [{ id: 'g-1', name: '第一网格' }] }) })
    render(<RosterPage />)
    await act(async () => undefined)
    expect(screen.getByTestId('workspace-not-allowed').textContent).not.toContain('联系社区居委会')
  })

  it.each(PAGES)('%s with a session stays', async (_name, Page) => {
    setSession({ ...makeSession(), user: makeMe({ roles: ['resident'] }) })
    render(<Page />)
    await act(async () => undefined)
    expect(reLaunch).not.toHaveBeenCalled()
    expect(screen.getByTestId('workspace-not-allowed')).toBeTruthy()
  })
})
