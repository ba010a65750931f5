// The notices screens as each role sees them (issue 11): what is shown, and every line is for the person viewing.
import { render, screen, within } from '@testing-library/react'
import type { Me } from '@/domain/auth'
import type { NoticeSummary } from '@/domain/notices'
import { callApi } from '@/services/api'
import { setSession } from '@/services/session'
import { NoticeDetailScreen } from '@/features/notices/ui/NoticeDetailScreen'
import { NoticeHome } from '@/features/notices/ui/NoticeHome'
import type { NoticeList } from '@/features/notices/useNoticeList'
import { COMMUNITY, makeMe, makeNotice, makeSession, makeSummary } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

afterEach(() => api.mockReset())

function serve(handlers: Record<string, (p: Record<string, unknown>) => unknown>) {
  api.mockImplementation(((action: string, payload: Record<string, unknown>) => {
    const h = handlers[action]
    return h ? Promise.resolve(h(payload)) : Promise.reject(new Error(`unexpected ${action}`))
  }) as typeof callApi)
}

function listOf(items: NoticeSummary[], over: Partial<NoticeList> = {}): NoticeList {
  return {
    items,
    status: 'ready',
    error: null,
    refreshing: false,
    refreshError: null,
    loadingMore: false,
    loadMoreError: null,
    hasMore: false,
    unreadCount: items.filter((n) => n.unread).length,
    retry: jest.fn(),
    refresh: jest.fn(),
    loadMore: jest.fn(),
    ...over,
  } as NoticeList
}

const STREET: Partial<Me> = { roles: ['street'], gridId: null, verified: false, communityName: '锦江社区' }

function renderHome(me: Partial<Me>, items: NoticeSummary[], over: Partial<NoticeList> = {}) {
  const user = makeMe(me)
  setSession(makeSession(me))
  return render(
    <NoticeHome me={user} list={listOf(items, over)} committee={user.roles.includes('committee')} onOpen={jest.fn()} onPublish={jest.fn()} />,
  )
}

describe('street staff', () => {
  it('首页 lists the notices of every community under the street, each with its community and state', async () => {
    serve({ 'community.get': () => ({ ...COMMUNITY, streetName: '振兴街道' }) })
    renderHome(STREET, [
      makeSummary('a', { communityName: '锦江社区' }),
      makeSummary('b', { communityName: '临江村', state: 'scheduled' }),
    ])
    expect((await screen.findByTestId('notice-home-street')).textContent).toContain('辖区各社区通知')
    expect(await screen.findByText('振兴街道')).toBeTruthy()
    const cards = screen.getAllByTestId('notice-card')
    expect(cards.map((c) => within(c).getByTestId('notice-community').textContent)).toEqual(['锦江社区', '临江村'])
    expect(within(cards[1]!).getByTestId('notice-state').textContent).toBe('待发布')
    expect(within(cards[1]!).queryByTestId('notice-unread')).toBeNull()
  })

  it('a notice opened shows its community, its state and its grids by name; no 撤回', async () => {
    setSession(makeSession(STREET))
    serve({
      'notice.get': () =>
        makeNotice('n1', { communityName: '临江村', gridIds: ['g-9'], gridNames: ['第一网格'], important: true, read: true, unread: false }),
    })
    render(<NoticeDetailScreen id='n1' />)
    expect((await screen.findByTestId('notice-community')).textContent).toBe('临江村')
    expect(screen.getByTestId('notice-scope').textContent).toBe('发布范围：第一网格')
    expect(screen.getByTestId('notice-state').textContent).toBe('已发布')
    expect(screen.getByTestId('view-stats')).toBeTruthy()
    expect(screen.queryByTestId('withdraw-notice')).toBeNull()
  })
})

describe('residents and the committee do not see the community tag', () => {
  it.each([
    ['resident', {}],
    ['committee', { roles: ['committee'], gridId: null } as Partial<Me>],
  ])('%s', (_role, me) => {
    renderHome(me, [makeSummary('a')])
    expect(screen.queryByTestId('notice-community')).toBeNull()
    expect(screen.queryByTestId('notice-home-street')).toBeNull()
  })
})
