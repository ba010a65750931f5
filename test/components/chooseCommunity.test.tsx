/**
 * First sign-in (issue 14): someone new (no community yet) is sent to 选择社区 before the tabs, finds their community
 * by name, confirms it, and goes on to 首页 with the profile updated.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@/domain/auth'
import type { CommunityChoice } from '@/domain/community'
import IndexPage from '@/pages/index/index'
import ChooseCommunityPage from '@/packages/auth/community/index'
import { LoginScreen } from '@/features/auth/ui/LoginScreen'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { ROUTES } from '@/services/routes'
import { clearSession, getSession, setSession } from '@/services/session'
import { makeMe, makeSession, typeInto } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)

const CHOICES: CommunityChoice[] = [
  { id: 'c-jj', name: '锦江社区', streetName: '振兴街道', districtName: '滨江区' },
  { id: 'c-lj', name: '临江村', streetName: '振兴街道', districtName: '滨江区' },
  { id: 'c-old', name: '老城社区', streetName: '城关街道', districtName: null },
]

const newcomer = (over: Partial<Me> = {}) => makeMe({ roles: ['resident'], verified: false, communityId: null, communityName: null, gridId: null, gridName: null, ...over })

let reLaunch: jest.SpyInstance
beforeEach(() => {
  reLaunch = jest.spyOn(Taro, 'reLaunch').mockImplementation(() => Promise.resolve({ errMsg: 'reLaunch:ok' }))
})
afterEach(() => {
  jest.restoreAllMocks()
  api.mockReset()
  clearSession()
})

async function settle() {
  await act(async () => undefined)
  await act(async () => undefined)
}

function serve(opts: { choose?: (communityId: string) => Promise<Me> } = {}) {
  api.mockImplementation(((action: string, payload: { query?: string; communityId?: string }) => {
    if (action === 'community.list') {
      const q = payload.query ?? ''
      return Promise.resolve({ items: CHOICES.filter((c) => !q || `${c.name}${c.streetName}${c.districtName ?? ''}`.includes(q)), nextCursor: null })
    }
    if (action === 'me.chooseCommunity') {
      const choose = opts.choose ?? ((id) => Promise.resolve(newcomer({ communityId: id, communityName: CHOICES.find((c) => c.id === id)!.name })))
      return choose(payload.communityId!)
    }
    if (action === 'notice.list') return Promise.resolve({ items: [], nextCursor: null, unread: 0 })
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

const row = (id: string) => screen.getAllByTestId('community-row').find((r) => r.getAttribute('data-id') === id) as HTMLElement

describe('选择社区', () => {
  it('lists the communities with their district and street, in large rows', async () => {
    setSession({ ...makeSession(), user: newcomer() })
    serve()
    render(<ChooseCommunityPage />)
    expect(screen.getByText('请选择您所在的社区')).toBeTruthy()
    await settle()
    expect(calls('community.list')[0]![1]).toEqual({ limit: 20 })
    expect(screen.getAllByTestId('community-row').map((r) => r.getAttribute('data-id'))).toEqual(['c-jj', 'c-lj', 'c-old'])
    expect(row('c-jj').textContent).toContain('锦江社区')
    expect(row('c-jj').textContent).toContain('滨江区 · 振兴街道')
    expect(row('c-old').textContent).toContain('城关街道')
    expect(row('c-old').textContent).not.toContain('null')
    expect(reLaunch).not.toHaveBeenCalled()
  })

  it('searches by name with the 搜索 button, and says when nothing matches', async () => {
    setSession({ ...makeSession(), user: newcomer() })
    serve()
    render(<ChooseCommunityPage />)
    await settle()
    typeInto(screen.getByTestId('community-search'), '临江')
    fireEvent.click(screen.getByTestId('community-search-submit'))
    await settle()
    expect(calls('community.list').at(-1)![1]).toEqual({ query: '临江', limit: 20 })
    expect(screen.getAllByTestId('community-row').map((r) => r.getAttribute('data-id'))).toEqual(['c-lj'])
    typeInto(screen.getByTestId('community-search'), '  火星  ')
    fireEvent.click(screen.getByTestId('community-search-submit'))
    await settle()
    expect(calls('community.list').at(-1)![1]).toEqual({ query: '火星', limit: 20 })
    expect(screen.getByTestId('list-empty').textContent).toContain('没有找到“火星”')
  })

  it('a tap asks to confirm; 确认选择 sends the choice once, updates the profile and goes on to 首页', async () => {
    setSession({ ...makeSession(), user: newcomer() })
    serve()
    render(<ChooseCommunityPage />)
    await settle()
    fireEvent.click(row('c-lj'))
    const dialog = await screen.findByTestId('community-confirm')
    expect(dialog.textContent).toContain('临江村')
    expect(dialog.textContent).toContain('不能自己更改')
    expect(calls('me.chooseCommunity')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('community-choose-confirm'))
    fireEvent.click(screen.getByTestId('community-choose-confirm'))
    await settle()
    expect(calls('me.chooseCommunity')).toHaveLength(1)
    expect(calls('me.chooseCommunity')[0]![1]).toEqual({ communityId: 'c-lj' })
    expect(calls('me.chooseCommunity')[0]![2]).toEqual({ requestId: expect.any(String) })
    expect(getSession()?.user).toMatchObject({ communityId: 'c-lj', communityName: '临江村' })
    expect(getSession()?.token).toBe('token-abc')
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: ROUTES.home }))
    await settle()
    expect(reLaunch).toHaveBeenCalledTimes(1)
  })

  it('重新选择 closes the dialog without sending anything', async () => {
    setSession({ ...makeSession(), user: newcomer() })
    serve()
    render(<ChooseCommunityPage />)
    await settle()
    fireEvent.click(row('c-jj'))
    await screen.findByTestId('community-confirm')
    fireEvent.click(screen.getByTestId('community-choose-cancel'))
    await waitFor(() => expect(screen.queryByTestId('community-confirm')).toBeNull())
    expect(calls('me.chooseCommunity')).toHaveLength(0)
  })

  it('a refusal is said in the dialog, in the server\'s words; nothing moves on', async () => {
    setSession({ ...makeSession(), user: newcomer() })
    serve({ choose: () => Promise.reject(new ApiError('CONFLICT', '您已在锦江社区，如需更换社区，请联系所在社区的工作人员')) })
    render(<ChooseCommunityPage />)
    await settle()
    fireEvent.click(row('c-lj'))
    await screen.findByTestId('community-confirm')
    fireEvent.click(screen.getByTestId('community-choose-confirm'))
    await settle()
    expect(within(screen.getByTestId('community-confirm')).getByTestId('community-choose-error').textContent).toBe(
      '没有选择成功：您已在锦江社区，如需更换社区，请联系所在社区的工作人员',
    )
    expect(getSession()?.user.communityId).toBeNull()
    expect(reLaunch).not.toHaveBeenCalled()
  })

  it('a list that does not load says so with 重试', async () => {
    setSession({ ...makeSession(), user: newcomer() })
    api.mockRejectedValue(new ApiError('NETWORK', '网络不太好，请检查网络后重试'))
    render(<ChooseCommunityPage />)
    await settle()
    expect(screen.getByTestId('list-error').textContent).toContain('网络不太好')
  })

  it('someone who has a community already, or no session, is not kept here', async () => {
    setSession(makeSession())
    render(<ChooseCommunityPage />)
    await settle()
    expect(reLaunch).toHaveBeenCalledWith({ url: ROUTES.home })
    expect(screen.queryByTestId('community-list')).toBeNull()
    reLaunch.mockClear()
    act(() => clearSession())
    await settle()
    expect(reLaunch).toHaveBeenCalledWith({ url: ROUTES.login })
  })
})

describe('the way there', () => {
  it('a tab page sends someone without a community to 选择社区 before anything loads', async () => {
    setSession({ ...makeSession(), user: newcomer() })
    serve()
    render(<IndexPage />)
    await settle()
    expect(reLaunch).toHaveBeenCalledWith({ url: ROUTES.chooseCommunity })
    expect(calls('notice.list')).toHaveLength(0)
  })

  it('a sign-in without a community goes to 选择社区; with one (the demo users) to 首页', async () => {
    api.mockResolvedValueOnce({ ...makeSession(), user: newcomer() })
    render(<LoginScreen />)
    fireEvent.click(screen.getByTestId('login-role-resident'))
    await settle()
    expect(reLaunch).toHaveBeenLastCalledWith({ url: ROUTES.chooseCommunity })
    api.mockResolvedValueOnce(makeSession())
    fireEvent.click(screen.getByTestId('login-role-committee'))
    await settle()
    expect(reLaunch).toHaveBeenLastCalledWith({ url: ROUTES.home })
  })
})
