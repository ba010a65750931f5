import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { ROUTES } from '@/services/routes'
import { setSession } from '@/services/session'
import { LoginScreen } from '@/features/auth/ui/LoginScreen'
import { MeScreen } from '@/features/me/ui/MeScreen'
import { makeMe, makeSession } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

let navigate: jest.SpyInstance
beforeEach(() => {
  navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation((() => Promise.resolve()) as never)
})
afterEach(() => {
  api.mockReset()
  navigate.mockRestore()
})

describe('the demo login', () => {
  it('offers every role, 区综治中心 and 市综治中心 last, each with what it does', () => {
    render(<LoginScreen />)
    const roles = screen.getAllByTestId(/^login-role-/).map((el) => el.getAttribute('data-testid'))
    expect(roles).toEqual(['resident', 'volunteer', 'gridWorker', 'committee', 'street', 'district', 'city'].map((r) => `login-role-${r}`))
    expect(screen.getByTestId('login-role-district').textContent).toContain('办理街道上报的问题')
    expect(screen.getByTestId('login-role-city').textContent).toContain('办理各区上报的问题')
  })
})

describe('where the 隐私保护指引 is reached', () => {
  it('the login page: a link under the sign-in buttons, before signing in', () => {
    render(<LoginScreen />)
    const link = screen.getByTestId('login-privacy')
    expect(link.textContent).toContain('《隐私保护指引》')
    fireEvent.click(link)
    expect(navigate).toHaveBeenCalledWith({ url: ROUTES.privacy })
  })

  it('我的: a row near the bottom, above 退出登录', async () => {
    const me = makeMe({ id: 'u-p' })
    setSession({ ...makeSession(), user: me })
    api.mockImplementation(((action: string) =>
      action === 'me.get' ? Promise.resolve(me) : Promise.reject(new ApiError('NOT_FOUND'))) as typeof callApi)
    render(<MeScreen />)
    await act(async () => undefined)
    const row = screen.getByTestId('link-privacy')
    expect(row.textContent).toContain('隐私保护指引')
    // after the other cards, before 退出登录
    expect(row.compareDocumentPosition(screen.getByTestId('logout')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    fireEvent.click(row)
    expect(navigate).toHaveBeenCalledWith({ url: ROUTES.privacy })
  })
})
