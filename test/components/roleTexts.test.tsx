// Every status line, hint and empty state on the notices and motions screens is written for the person viewing it
// (issue 11): each state × role the screens can show — resident (verified, unverified), volunteer, grid worker,
// committee, street. The expected words are written here, independently of the code.
import { render, screen, waitFor, within } from '@testing-library/react'
import type { Me } from '@/domain/auth'
import type { MotionSummary, MotionView } from '@/domain/motions'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { NoticeCard } from '@/components/NoticeCard'
import { motionViewer } from '@/features/motions/format'
import { MotionCard } from '@/features/motions/ui/MotionCard'
import { MotionDetail } from '@/features/motions/ui/MotionDetail'
import { OfflineScreen } from '@/features/motions/ui/OfflineScreen'
import { ResultScreen } from '@/features/motions/ui/ResultScreen'
import { MotionHome } from '@/features/motions/ui/MotionHome'
import type { MotionLists } from '@/features/motions/useMotionList'
import { NoticeHome } from '@/features/notices/ui/NoticeHome'
import type { NoticeList } from '@/features/notices/useNoticeList'
import { makeMe, makeSession, makeSummary } from '../support/fixtures'
import { makeMotion, makeMotionSummary } from '../support/motions'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
afterEach(() => api.mockReset())

type Role = 'resident' | 'unverified' | 'volunteer' | 'gridWorker' | 'committee' | 'street'
const ROLES: Record<Role, Partial<Me>> = {
  resident: { roles: ['resident'], verified: true },
  unverified: { roles: ['resident'], verified: false, household: null },
  volunteer: { roles: ['resident', 'volunteer'], verified: true },
  gridWorker: { roles: ['gridWorker'], verified: false, gridId: null, grids: [{ id: 'g-1', name: '第一网格' }] },
  committee: { roles: ['committee'], verified: false, gridId: null },
  street: { roles: ['street'], verified: false, gridId: null },
}
const ALL = Object.keys(ROLES) as Role[]
const as = (role: Role) => {
  setSession(makeSession(ROLES[role]))
  return makeMe(ROLES[role])
}

const HOUR = 3600_000
const past = (h: number) => new Date(Date.now() - h * HOUR).toISOString()
const later = (h: number) => new Date(Date.now() + h * HOUR).toISOString()

// ---------- motions: the status line (card and detail header) ----------

type MotionState = 'draft' | 'consulting' | 'consultClosed' | 'toVote' | 'voted' | 'notEligible' | 'closedVoted' | 'closedNotVoted' | 'closedNotEligible'
const STATES: Record<MotionState, Partial<MotionSummary>> = {
  draft: { status: 'draft', me: { eligible: false, voted: false } },
  consulting: { status: 'consultation', consultUntil: later(20), voteFrom: later(30), me: { eligible: false, voted: false } },
  consultClosed: { status: 'consultation', consultUntil: past(1), voteFrom: later(5), me: { eligible: false, voted: false } },
  toVote: { status: 'voting', me: { eligible: true, voted: false } },
  voted: { status: 'voting', me: { eligible: true, voted: true } },
  notEligible: { status: 'voting', me: { eligible: false, voted: false } },
  closedVoted: { status: 'closed', closedAt: past(2), passed: true, me: { eligible: true, voted: true } },
  closedNotVoted: { status: 'closed', closedAt: past(2), passed: true, me: { eligible: true, voted: false } },
  closedNotEligible: { status: 'closed', closedAt: past(2), passed: false, me: { eligible: false, voted: false } },
}

const VOTER = {
  consulting: '正在征求意见，欢迎提意见',
  consultClosed: '意见征集已截止，等待表决',
  toVote: '待您投票',
  voted: '您已投票',
  notEligible: '本次表决您不在投票范围内',
  closedVoted: '您已投票',
  closedNotVoted: '您没有投票',
  closedNotEligible: '本次表决您不在投票范围内',
}
const STAFF = {
  consulting: '正在征求居民意见',
  consultClosed: '意见征集已截止，等待表决',
  notEligible: '居民正在表决',
  closedNotEligible: '表决已结束',
}
// role → the states that role can see, with the line it reads (a state a role cannot be in is absent)
const STATUS_LINES: Record<Role, Partial<Record<MotionState, string>>> = {
  resident: VOTER,
  volunteer: VOTER,
  unverified: {
    consulting: '认证住户后可以提意见',
    consultClosed: '认证住户后才能参加表决',
    notEligible: '认证住户后才能投票',
    closedNotEligible: '表决已结束',
  },
  gridWorker: STAFF,
  street: STAFF,
  committee: {
    draft: '草稿，居民还看不到',
    consulting: '正在征求意见，可以回复居民的意见',
    consultClosed: '意见征集已截止，可以开始表决',
    notEligible: '表决中，可以录入线下表决',
    closedNotEligible: '表决已结束，结果已公布',
  },
}

const cases = ALL.flatMap((role) => Object.entries(STATUS_LINES[role]).map(([state, text]) => [role, state as MotionState, text] as const))

describe('the status line of a motion', () => {
  test.each(cases)('%s · %s → %s (the card)', (role, state, text) => {
    render(<MotionCard motion={makeMotionSummary('m-1', STATES[state])} viewer={motionViewer(as(role))} onOpen={jest.fn()} />)
    expect(screen.getByTestId('motion-my-status').textContent).toBe(text)
  })

  test.each(cases.filter(([, state]) => ['consulting', 'notEligible', 'closedNotEligible', 'voted'].includes(state)))(
    '%s · %s → %s (the detail)',
    async (role, state, text) => {
      as(role)
      api.mockImplementation(((action: string) =>
        action === 'motion.get' ? Promise.resolve(makeMotion('m-1', { ...STATES[state], can: canOf(role, state) } as Partial<MotionView>)) : Promise.reject(new ApiError('NOT_FOUND'))) as typeof callApi)
      render(<MotionDetail id='m-1' onEdit={jest.fn()} onAssess={jest.fn()} onOffline={jest.fn()} onResult={jest.fn()} />)
      expect((await screen.findByTestId('detail-my-status')).textContent).toBe(text)
    },
  )
})

/** What the server allows each role in each state (cloud/motions/view.ts). */
function canOf(role: Role, state: MotionState): MotionView['can'] {
  const committee = role === 'committee'
  const s = STATES[state]
  const resident = role === 'resident' || role === 'volunteer'
  return {
    revise: committee && (s.status === 'draft' || s.status === 'consultation'),
    advance: committee && s.status !== 'closed',
    comment: resident && state === 'consulting',
    cast: s.status === 'voting' && !!s.me?.eligible && !s.me.voted,
    recordOffline: committee && s.status === 'voting',
    reply: committee,
    assessRisk: false,
    signOffRisk: false,
  }
}

// ---------- motions: hints and empty states ----------

describe('征求意见: the line under the comments', () => {
  const HINTS: Record<Role, string | null> = {
    resident: null, // the form is there
    volunteer: null,
    unverified: '认证为本社区住户后可以提意见。',
    gridWorker: '居民在这里提意见，社区/村委会逐条回复。',
    street: '居民在这里提意见，社区/村委会逐条回复。',
    committee: null, // replies under each comment
  }
  test.each(ALL)('%s', async (role) => {
    as(role)
    api.mockImplementation(((action: string) =>
      action === 'motion.get'
        ? Promise.resolve(makeMotion('m-1', { ...STATES.consulting, can: canOf(role, 'consulting') } as Partial<MotionView>))
        : Promise.reject(new ApiError('NOT_FOUND'))) as typeof callApi)
    render(<MotionDetail id='m-1' onEdit={jest.fn()} onAssess={jest.fn()} onOffline={jest.fn()} onResult={jest.fn()} />)
    await screen.findByTestId('comments-card')
    const hint = screen.queryByTestId('comment-closed')
    expect(hint?.textContent ?? null).toBe(HINTS[role])
  })

  test('after the deadline a verified resident is told it closed, not to get verified', async () => {
    as('resident')
    api.mockImplementation(((action: string) =>
      action === 'motion.get'
        ? Promise.resolve(makeMotion('m-1', { ...STATES.consultClosed, can: canOf('resident', 'consultClosed') } as Partial<MotionView>))
        : Promise.reject(new ApiError('NOT_FOUND'))) as typeof callApi)
    render(<MotionDetail id='m-1' onEdit={jest.fn()} onAssess={jest.fn()} onOffline={jest.fn()} onResult={jest.fn()} />)
    expect((await screen.findByTestId('comment-closed')).textContent).toBe('意见征集已截止，不再接收新意见。')
  })
})

describe('议事 tab: the banner and the empty list', () => {
  const lists = (): MotionLists =>
    ({
      open: { data: { items: [], more: false }, status: 'ready', error: null, refreshing: false, reload: jest.fn(), setData: jest.fn() },
      closed: { items: [], status: 'ready', error: null, refreshing: false, refreshError: null, loadingMore: false, loadMoreError: null, hasMore: false, retry: jest.fn(), refresh: jest.fn(), loadMore: jest.fn(), update: jest.fn(), remove: jest.fn() },
      refresh: jest.fn(),
    }) as unknown as MotionLists
  const EMPTY: Record<Role, string> = {
    resident: '有新议题时会在这里和消息里通知您',
    volunteer: '有新议题时会在这里和消息里通知您',
    unverified: '有新议题时会显示在这里',
    gridWorker: '社区/村委会发起议题后会显示在这里',
    street: '社区/村委会发起议题后会显示在这里',
    committee: '点上方“发起议题”，起草后发布征求意见',
  }
  test.each(ALL)('%s', (role) => {
    render(<MotionHome lists={lists()} me={as(role)} committee={role === 'committee'} onOpen={jest.fn()} onDraft={jest.fn()} onRules={jest.fn()} />)
    expect(screen.queryByTestId('vote-unverified') !== null).toBe(role === 'unverified')
    expect(screen.getByText(EMPTY[role])).toBeTruthy()
  })
})

describe('the result page: whose receipt', () => {
  const result = {
    base: { adults: 40, households: 20 },
    cast: { online: 20, offline: 1, total: 21, households: 15 },
    tally: { yes: 15, no: 4, abstain: 2 },
    quorumMet: true,
    passed: true,
    winner: null,
    ballots: [],
  }
  test.each([
    ['a voter', { eligible: true, voted: true }, '核对我的回执', '看您的一票是否已按您的选择计入'],
    ['anyone else (staff, not eligible)', { eligible: false, voted: false }, '核对回执', '输入居民投票时得到的回执码，看这一票是否已按所选计入'],
  ])('%s', async (_who, me, title, hint) => {
    as('resident')
    api.mockImplementation(((action: string) =>
      action === 'motion.get'
        ? Promise.resolve(makeMotion('m-1', { status: 'closed', closedAt: past(1), me, result: null }))
        : action === 'motion.result'
          ? Promise.resolve(result)
          : Promise.reject(new ApiError('NOT_FOUND'))) as typeof callApi)
    render(<ResultScreen id='m-1' />)
    const card = await screen.findByTestId('verify-card')
    expect(card.textContent).toContain(title)
    expect(card.textContent).toContain(hint)
  })
})

test('录入线下表决 outside voting tells the committee when it can, not who may', async () => {
  as('committee')
  api.mockImplementation(((action: string) =>
    action === 'motion.get' ? Promise.resolve(makeMotion('m-1', { status: 'closed', can: { ...canOf('committee', 'closedNotEligible') } })) : Promise.resolve({ items: [], nextCursor: null })) as typeof callApi)
  render(<OfflineScreen motionId='m-1' />)
  expect((await screen.findByTestId('offline-not-open')).textContent).toBe('线下表决只能在表决期间录入，这个议题已结束。')
})

// ---------- notices ----------

describe('首页: the empty list and the unread figure', () => {
  const EMPTY: Record<Role, string> = {
    resident: '社区发布新通知后，会显示在这里。',
    unverified: '社区发布新通知后，会显示在这里。',
    volunteer: '社区发布新通知后，会显示在这里。',
    gridWorker: '社区发给您负责网格的通知，会显示在这里。',
    committee: '点上方“发布通知”，让居民第一时间知道。',
    street: '辖区各社区发布通知后，会显示在这里。',
  }
  const listOf = (items: ReturnType<typeof makeSummary>[]): NoticeList =>
    ({ items, status: 'ready', error: null, refreshing: false, refreshError: null, loadingMore: false, loadMoreError: null, hasMore: false, unreadCount: 0, retry: jest.fn(), refresh: jest.fn(), loadMore: jest.fn() }) as NoticeList

  // the street's heading names its street once the community has loaded: wait for it, so no update lands after the test
  const streetHeadingLoaded = async (role: Role) => {
    if (role === 'street') expect(await screen.findByText('城关街道')).toBeTruthy()
  }

  test.each(ALL)('%s: empty', async (role) => {
    api.mockResolvedValue({ id: 'c-1', name: '枫桥社区', streetName: '城关街道', grids: [] } as never)
    const me = as(role)
    render(<NoticeHome me={me} list={listOf([])} committee={role === 'committee'} onOpen={jest.fn()} onPublish={jest.fn()} />)
    expect(screen.getByText(EMPTY[role])).toBeTruthy()
    await streetHeadingLoaded(role)
  })

  test.each([
    ['resident', '全部已读'],
    ['gridWorker', '全部已读'],
    ['committee', '没有未读'], // its own and scheduled notices are listed, never unread: not "all read"
    ['street', '没有未读'],
  ] as [Role, string][])('%s: nothing unread → %s', async (role, text) => {
    api.mockResolvedValue({ id: 'c-1', name: '枫桥社区', streetName: '城关街道', grids: [] } as never)
    const me = as(role)
    render(<NoticeHome me={me} list={listOf([makeSummary('a', { read: false, unread: false, state: 'scheduled' })])} committee={role === 'committee'} onOpen={jest.fn()} onPublish={jest.fn()} />)
    expect(screen.getByTestId('unread-count').textContent).toBe(text)
    await streetHeadingLoaded(role)
  })
})

describe('an important notice on the card: 需确认 only to whom it asks', () => {
  test.each([
    ['asked to confirm (resident, volunteer)', { canConfirm: true }, '需确认'],
    ['not asked (staff, a resident not yet in a grid)', { canConfirm: false }, '重要'],
    ['confirmed', { canConfirm: false, confirmed: true, read: true }, '已确认'],
  ])('%s → %s', (_who, over, word) => {
    render(<NoticeCard notice={makeSummary('n1', { important: true, ...over })} onOpen={jest.fn()} />)
    const card = screen.getByTestId('notice-card')
    const tags = within(card).getAllByText(/需确认|重要|已确认/)
    expect(tags.map((t) => t.textContent)).toEqual([word])
  })
})

describe('the list to phone or visit says who does it', () => {
  test.each([
    ['committee', '请打电话或上门告知。'],
    ['street', '由社区打电话或上门告知；街道看到的姓名和电话已遮挡。'],
  ] as [Role, string][])('%s', async (role, ending) => {
    as(role)
    const { NoticeStatsScreen } = await import('@/features/notices/ui/NoticeStatsScreen')
    const f = { audience: 2, read: 1, confirmed: 0, households: 3, householdsWithoutAccount: 1, unconfirmed: 3 }
    const stats = { stats: { important: true, ...f, byGrid: [{ gridId: 'g-1', gridName: '第一网格', ...f }] }, status: 'ready', error: null, refreshing: false, reload: jest.fn(), data: null, setData: jest.fn() }
    api.mockResolvedValue({ items: [], nextCursor: null } as never)
    render(<NoticeStatsScreen id='n1' title='燃气检修' stats={stats as never} missingId={false} />)
    await waitFor(() => expect(screen.getByTestId('unconfirmed-summary').textContent).toContain(ending))
  })
})
