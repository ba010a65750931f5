import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import appConfig from '@/app.config'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { ROUTES } from '@/services/routes'
import { setSession } from '@/services/session'
import { MeScreen } from '@/features/me/ui/MeScreen'
import { MessagesScreen } from '@/features/messages/ui/MessagesScreen'
import { useMessages } from '@/features/messages/useMessages'
import { useUnreadMessages } from '@/features/messages/useUnreadMessages'
import { makeMe, makeSession } from '../support/fixtures'
import { message } from '../support/staffReports'

/** 我的's place in the tab bar as app.config.ts lists it (not the client's own idea of it). */
const ME_TAB = (appConfig as unknown as { tabBar: { list: { pagePath: string }[] } }).tabBar.list.findIndex((t) => t.pagePath === 'pages/me/index')

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

let navigate: jest.SpyInstance
let setBadge: jest.SpyInstance
let removeBadge: jest.SpyInstance
beforeEach(() => {
  navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation((() => Promise.resolve()) as never)
  setBadge = jest.spyOn(Taro, 'setTabBarBadge').mockImplementation((() => Promise.resolve()) as never)
  removeBadge = jest.spyOn(Taro, 'removeTabBarBadge').mockImplementation((() => Promise.resolve()) as never)
})
afterEach(() => {
  api.mockReset()
  navigate.mockRestore()
  setBadge.mockRestore()
  removeBadge.mockRestore()
})

function Messages({ staff = false }: { staff?: boolean }) {
  const list = useMessages()
  return <MessagesScreen list={list} staff={staff} onOpen={list.open} />
}

/** The message centre and 我的 side by side, as when both are on the page stack. */
function Both() {
  const { unread } = useUnreadMessages()
  return (
    <>
      <span data-testid='outside-count'>{unread ?? ''}</span>
      <Messages />
    </>
  )
}

describe('消息', () => {
  const items = [
    message('m3'),
    message('m2', { read: true, title: '您上报的问题已办结' }),
    message('m1', { target: null }),
  ]

  it('newest first as sent, unread with a dot and the word; tap marks read and opens the report', async () => {
    api.mockImplementation(((action: string, payload: Record<string, unknown>) => {
      if (action === 'message.list')
        return Promise.resolve({ items, nextCursor: null, unread: payload.unreadOnly ? 2 : 2 })
      if (action === 'message.read') return Promise.resolve({ unread: 1 })
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as unknown as typeof callApi)
    render(<Both />)
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3))
    expect(api).toHaveBeenCalledWith('message.list', { limit: 20 })
    const rows = screen.getAllByTestId('message')
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['m3', 'm2', 'm1'])
    expect(rows[0].querySelector('[data-testid="message-dot"]')).toBeTruthy()
    expect(rows[0].querySelector('[data-testid="message-state"]')?.textContent).toBe('未读')
    expect(rows[1].querySelector('[data-testid="message-dot"]')).toBeNull()
    expect(rows[1].querySelector('[data-testid="message-state"]')?.textContent).toBe('已读')
    expect(screen.getByTestId('messages-unread').textContent).toBe('2 条未读')
    await waitFor(() => expect(screen.getByTestId('outside-count').textContent).toBe('2'))

    await act(async () => fireEvent.click(rows[0]))
    expect(api).toHaveBeenCalledWith('message.read', { id: 'm3' })
    expect(navigate).toHaveBeenCalledWith({ url: `${ROUTES.reportDetail}?id=r-m3` })
    expect(
      screen.getAllByTestId('message')[0].querySelector('[data-testid="message-state"]')?.textContent,
    ).toBe('已读')
    expect(screen.getByTestId('messages-unread').textContent).toBe('1 条未读')
    // 我的's count follows without a reload
    expect(screen.getByTestId('outside-count').textContent).toBe('1')

    // an already read one opens without another read call
    api.mockClear()
    await act(async () => fireEvent.click(screen.getAllByTestId('message')[1]))
    expect(api).not.toHaveBeenCalled()
    expect(navigate).toHaveBeenLastCalledWith({ url: `${ROUTES.reportDetail}?id=r-m2` })
  })

  it('a message about a vote result opens the motion, one about a shift the shift', async () => {
    api.mockImplementation(((action: string) => {
      if (action === 'message.list')
        return Promise.resolve({
          items: [message('v1', { title: '表决结果已公布', target: { type: 'motion', id: 'm-9' } }), message('s1', { target: { type: 'shift', id: 's-9' } })],
          nextCursor: null,
          unread: 2,
        })
      return Promise.resolve({ unread: 1 })
    }) as unknown as typeof callApi)
    render(<Messages />)
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(2))
    await act(async () => fireEvent.click(screen.getAllByTestId('message')[0]))
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/motions/detail/index?id=m-9' })
    await act(async () => fireEvent.click(screen.getAllByTestId('message')[1]))
    expect(navigate).toHaveBeenLastCalledWith({ url: `${ROUTES.shiftDetail}?id=s-9` })
  })

  it('a failed mark-read leaves it unread', async () => {
    api.mockImplementation(((action: string) => {
      if (action === 'message.list') return Promise.resolve({ items, nextCursor: null, unread: 2 })
      return Promise.reject(new ApiError('NETWORK'))
    }) as typeof callApi)
    render(<Messages />)
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3))
    await act(async () => fireEvent.click(screen.getAllByTestId('message')[2]))
    expect(navigate).not.toHaveBeenCalled() // no target
    expect(
      screen.getAllByTestId('message')[2].querySelector('[data-testid="message-state"]')?.textContent,
    ).toBe('未读')
    expect(screen.getByTestId('messages-unread').textContent).toBe('2 条未读')
  })

  it('全部已读: message.read { all: true }, every row read, the button gone', async () => {
    api.mockImplementation(((action: string) => {
      if (action === 'message.list') return Promise.resolve({ items, nextCursor: null, unread: 2 })
      if (action === 'message.read') return Promise.resolve({ unread: 0 })
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
    render(<Messages />)
    await waitFor(() => expect(screen.getByTestId('messages-read-all')).toBeTruthy())
    await act(async () => fireEvent.click(screen.getByTestId('messages-read-all')))
    expect(api).toHaveBeenCalledWith('message.read', { all: true })
    expect(screen.queryAllByTestId('message-dot')).toHaveLength(0)
    expect(screen.getByTestId('messages-unread').textContent).toBe('全部已读')
    expect(screen.queryByTestId('messages-read-all')).toBeNull()
  })

  it('全部已读 failing says why and keeps them unread', async () => {
    api.mockImplementation(((action: string) => {
      if (action === 'message.list') return Promise.resolve({ items, nextCursor: null, unread: 2 })
      return Promise.reject(new ApiError('RATE_LIMITED'))
    }) as typeof callApi)
    render(<Messages />)
    await waitFor(() => expect(screen.getByTestId('messages-read-all')).toBeTruthy())
    await act(async () => fireEvent.click(screen.getByTestId('messages-read-all')))
    expect(screen.getByTestId('messages-mark-error').textContent).toContain('操作太频繁')
    expect(screen.getAllByTestId('message-dot')).toHaveLength(2)
  })

  it('empty: a friendly line, for a resident about their reports, for staff about their work', async () => {
    api.mockResolvedValueOnce({ items: [], nextCursor: null, unread: 0 })
    const { unmount } = render(<Messages />)
    await waitFor(() => expect(screen.getByTestId('list-empty').textContent).toContain('还没有消息'))
    expect(screen.getByTestId('list-empty').textContent).toContain('您上报的问题有进展')
    unmount()
    api.mockResolvedValueOnce({ items: [], nextCursor: null, unread: 0 })
    render(<Messages staff />)
    await waitFor(() => expect(screen.getByTestId('list-empty').textContent).toContain('有新问题要受理'))
    expect(screen.getByTestId('list-empty').textContent).not.toContain('您上报的问题')
  })
})

describe('我的: 消息 and 我的上报 rows', () => {
  function serve(unread: number | Error) {
    const me = makeMe()
    setSession({ ...makeSession(), user: me })
    api.mockImplementation(((action: string) => {
      if (action === 'me.get') return Promise.resolve(me)
      if (action === 'resident.myApplication' || action === 'volunteer.myApplication')
        return Promise.resolve(null)
      if (action === 'message.list')
        return unread instanceof Error
          ? Promise.reject(unread)
          : Promise.resolve({ items: [], nextCursor: null, unread })
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
  }

  it('the unread count on the row and on the 我的 tab (its place in app.config.ts\'s tab bar); the rows open their pages', async () => {
    serve(3)
    render(<MeScreen />)
    await waitFor(() => expect(screen.getByTestId('me-unread').textContent).toBe('3 条未读'))
    expect(api).toHaveBeenCalledWith('message.list', { unreadOnly: true, limit: 1 })
    expect(setBadge).toHaveBeenCalledWith({ index: ME_TAB, text: '3' })
    fireEvent.click(screen.getByTestId('link-messages'))
    expect(navigate).toHaveBeenCalledWith({ url: ROUTES.messages })
    fireEvent.click(screen.getByTestId('link-report-mine'))
    expect(navigate).toHaveBeenCalledWith({ url: ROUTES.reportMine })
  })

  it('nothing unread: no count, the badge removed', async () => {
    serve(0)
    render(<MeScreen />)
    await waitFor(() => expect(removeBadge).toHaveBeenCalledWith({ index: ME_TAB }))
    expect(screen.queryByTestId('me-unread')).toBeNull()
    expect(screen.getByTestId('link-messages').textContent).toContain('问题进展、表决和巡逻的通知')
  })

  it('the count failing to load leaves the rows working and the badge alone', async () => {
    serve(new ApiError('NETWORK'))
    render(<MeScreen />)
    await waitFor(() => expect(screen.getByTestId('link-messages')).toBeTruthy())
    await act(async () => undefined)
    expect(screen.queryByTestId('me-unread')).toBeNull()
    expect(setBadge).not.toHaveBeenCalled()
  })

  it('a street officer gets 街道工作 with 待办问题 and 问题总览', async () => {
    const me = makeMe({ id: 'u-s', roles: ['street'], verified: false, gridId: null, gridName: null })
    setSession({ ...makeSession(), user: me })
    api.mockImplementation(((action: string) => {
      if (action === 'me.get') return Promise.resolve(me)
      if (action === 'message.list') return Promise.resolve({ items: [], nextCursor: null, unread: 0 })
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
    render(<MeScreen />)
    await waitFor(() => expect(screen.getByTestId('desk-street')).toBeTruthy())
    expect(screen.getByTestId('desk-title').textContent).toBe('街道工作')
    fireEvent.click(screen.getByTestId('desk-report-area'))
    expect(navigate).toHaveBeenCalledWith({ url: ROUTES.reportArea })
  })

  it.each([
    ['district', '区综治中心工作', '全区各街道、社区'],
    ['city', '市综治中心工作', '全市各区、街道、社区'],
  ] as const)('%s staff get %s and their 工作范围', async (role, title, scope) => {
    const me = makeMe({ id: `u-${role}`, roles: [role], verified: false, gridId: null, gridName: null })
    setSession({ ...makeSession(), user: me })
    api.mockImplementation(((action: string) => {
      if (action === 'me.get') return Promise.resolve(me)
      if (action === 'message.list') return Promise.resolve({ items: [], nextCursor: null, unread: 0 })
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
    render(<MeScreen />)
    await waitFor(() => expect(screen.getByTestId(`desk-${role}`)).toBeTruthy())
    expect(screen.getByTestId('desk-title').textContent).toBe(title)
    expect(screen.getByTestId('me-grid').textContent).toBe(scope)
    expect(screen.getByText('工作范围')).toBeTruthy()
  })
})
