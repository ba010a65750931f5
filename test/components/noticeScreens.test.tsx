// The notices screens as each role sees them (issue 11): what is shown, and every line is for the person viewing.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@/domain/auth'
import type { NoticeSummary, NoticeUnconfirmedItem } from '@/domain/notices'
import { callApi } from '@/services/api'
import { setSession } from '@/services/session'
import { NoticeDetailScreen } from '@/features/notices/ui/NoticeDetailScreen'
import { NoticeHome } from '@/features/notices/ui/NoticeHome'
import { NoticeStatsScreen } from '@/features/notices/ui/NoticeStatsScreen'
import { useNoticeStats } from '@/features/notices/useNoticeStats'
import type { NoticeList } from '@/features/notices/useNoticeList'
import { COMMUNITY, makeMe, makeNotice, makeSession, makeSummary } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

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

describe.each([
  ['district', '区综治中心'],
  ['city', '市综治中心'],
] as const)('%s staff: like the street, under their office', (tier, office) => {
  const ME: Partial<Me> = { roles: [tier], gridId: null, verified: false, communityName: '锦江社区' }

  it('首页 is headed by the office and lists every community\'s notices with community and state', () => {
    renderHome(ME, [
      makeSummary('a', { communityName: '锦江社区', unread: false }),
      makeSummary('b', { communityName: '临江村', state: 'scheduled', unread: false }),
    ])
    const heading = screen.getByTestId(`notice-home-${tier}`)
    expect(heading.textContent).toContain(office)
    expect(heading.textContent).toContain('辖区各社区通知')
    const cards = screen.getAllByTestId('notice-card')
    expect(cards.map((c) => within(c).getByTestId('notice-community').textContent)).toEqual(['锦江社区', '临江村'])
    expect(within(cards[1]!).getByTestId('notice-state').textContent).toBe('待发布')
    expect(screen.getByTestId('unread-count').textContent).toBe('没有未读')
    // no community.get: the heading needs no street name
    expect(api).not.toHaveBeenCalled()
  })

  it('an empty 首页 says what will come', () => {
    renderHome(ME, [])
    expect(screen.getByText('辖区各社区发布通知后，会显示在这里。')).toBeTruthy()
  })

  it('a notice opened shows its community and figures; no 撤回', async () => {
    setSession(makeSession(ME))
    serve({ 'notice.get': () => makeNotice('n1', { communityName: '临江村', important: true, read: true, unread: false }) })
    render(<NoticeDetailScreen id='n1' />)
    expect((await screen.findByTestId('notice-community')).textContent).toBe('临江村')
    expect(screen.getByTestId('notice-state').textContent).toBe('已发布')
    expect(screen.getByTestId('view-stats')).toBeTruthy()
    expect(screen.queryByTestId('withdraw-notice')).toBeNull()
  })

  it('the list to phone or visit: the community does it, the office sees it masked', async () => {
    setSession(makeSession(ME))
    const f = { audience: 2, read: 1, confirmed: 0, households: 3, householdsWithoutAccount: 1, unconfirmed: 3 }
    serve({
      'notice.stats': () => ({ important: true, ...f, byGrid: [{ gridId: 'g-1', gridName: '第一网格', ...f }] }),
      'notice.unconfirmed': () => ({ items: [], nextCursor: null }),
    })
    function Stats() {
      return <NoticeStatsScreen id='n1' title='燃气检修' stats={useNoticeStats('n1')} missingId={false} />
    }
    render(<Stats />)
    expect((await screen.findByTestId('unconfirmed-summary')).textContent).toContain(`由社区打电话或上门告知；${office}看到的姓名和电话已遮挡。`)
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

describe('the statistics of a notice', () => {
  const figures = (audience: number, confirmed: number, households: number, without: number) => ({
    audience,
    read: confirmed + 1,
    confirmed,
    households,
    householdsWithoutAccount: without,
    unconfirmed: audience - confirmed + without,
  })
  const STATS = {
    important: true,
    ...figures(4, 1, 20, 17),
    byGrid: [
      { gridId: 'g-1', gridName: '第一网格', ...figures(2, 1, 10, 8) },
      { gridId: 'g-2', gridName: '第二网格', ...figures(2, 0, 10, 9) },
    ],
  }
  const person = (id: string, over: Partial<NoticeUnconfirmedItem> = {}): NoticeUnconfirmedItem => ({
    kind: 'person',
    id,
    name: '王某华',
    phone: '13900000001',
    phoneOfHousehold: false,
    gridId: 'g-1',
    gridName: '第一网格',
    address: '1栋1单元101',
    read: false,
    rosterOnly: false,
    ...over,
  })

  function Stats({ id = 'n1' }: { id?: string }) {
    const stats = useNoticeStats(id)
    return <NoticeStatsScreen id={id} title='燃气检修' stats={stats} missingId={false} />
  }

  it('says in words what 应读 counts (people, not households) and the roster beside it', async () => {
    setSession(makeSession({ roles: ['committee'], gridId: null }))
    serve({ 'notice.stats': () => STATS, 'notice.unconfirmed': () => ({ items: [], nextCursor: null }) })
    render(<Stats />)
    const explain = await screen.findByTestId('stats-audience-explain')
    expect(explain.textContent).toContain('“应读”按人算，不按户算')
    expect(explain.textContent).toContain('共 4 人')
    expect(explain.textContent).toContain('花名册上这个范围有 20 户，其中 17 户还没有一个人认证为住户或由社区代登记')
    expect(screen.getByTestId('stats-audience').textContent).toContain('按人算')
  })

  it('lists who has not confirmed, grid by grid, with the count the stats give; calls a phone shown in full', async () => {
    setSession(makeSession({ roles: ['committee'], gridId: null }))
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'ok' } as never)
    serve({
      'notice.stats': () => STATS,
      'notice.unconfirmed': (p) =>
        p.gridId === 'g-2'
          ? { items: [person('u-2', { gridId: 'g-2', gridName: '第二网格', name: '李某芳', read: true })], nextCursor: null }
          : {
              items: [
                person('u-1'),
                person('h-1', { kind: 'household', name: '张某军', phone: '13900000011', phoneOfHousehold: true, address: '1栋1单元201' }),
                person('u-3', { name: '赵老伯', phone: null, rosterOnly: true, address: '1栋2单元301' }),
                person('u-2', { gridId: 'g-2', gridName: '第二网格', name: '李某芳', read: true }),
              ],
              nextCursor: null,
            },
    })
    render(<Stats />)
    expect((await screen.findByTestId('unconfirmed-summary')).textContent).toBe('共 20 个：3 人还没点“已知晓”，17 户还没有人认证。请打电话或上门告知。')
    const rows = await screen.findAllByTestId('unconfirmed-row')
    expect(screen.getAllByTestId('unconfirmed-grid-heading').map((x) => x.textContent)).toEqual(['第一网格', '第二网格'])
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/王某华还没看1栋1单元101电话 13900000001/),
      expect.stringMatching(/张某军（户主）这户还没人认证1栋1单元201户联系电话 13900000011/),
      expect.stringMatching(/赵老伯还没看无智能手机1栋2单元301没有登记电话/),
      expect.stringMatching(/李某芳看了没确认/),
    ])
    fireEvent.click(within(rows[0]!).getByTestId('unconfirmed-call'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '13900000001' })
    expect(within(rows[2]!).queryByTestId('unconfirmed-call')).toBeNull()

    // one grid: its own figure, its own list
    fireEvent.click(screen.getByTestId('unconfirmed-grid-g-2'))
    await waitFor(() => expect(screen.getAllByTestId('unconfirmed-row')).toHaveLength(1))
    expect(screen.getByTestId('unconfirmed-summary').textContent).toBe('共 11 个：2 人还没点“已知晓”，9 户还没有人认证。请打电话或上门告知。')
    expect(api).toHaveBeenLastCalledWith('notice.unconfirmed', { id: 'n1', limit: 20, gridId: 'g-2' })
  })

  it('the street sees masked phones and no call button', async () => {
    setSession(makeSession(STREET))
    serve({
      'notice.stats': () => STATS,
      'notice.unconfirmed': () => ({ items: [person('u-1', { name: '王*华', phone: '139****0001', address: null })], nextCursor: null }),
    })
    render(<Stats />)
    const row = await screen.findByTestId('unconfirmed-row')
    expect(row.textContent).toContain('电话 139****0001')
    expect(within(row).queryByTestId('unconfirmed-call')).toBeNull()
  })

  it('a notice that asks nobody to confirm shows no confirmation figures and no list', async () => {
    setSession(makeSession({ roles: ['committee'], gridId: null }))
    serve({ 'notice.stats': () => ({ ...STATS, important: false }) })
    render(<Stats />)
    await screen.findByTestId('stats-audience-explain')
    expect(screen.queryByTestId('stats-confirmed')).toBeNull()
    expect(screen.queryByTestId('unconfirmed-card')).toBeNull()
    expect(api.mock.calls.some((c) => c[0] === 'notice.unconfirmed')).toBe(false)
  })
})
