/**
 * 积分制's screens (issue 18): 我的积分 (and the committee's 冲正 on a named person's ledger), the rules page (with
 * 投票不计积分, and the committee's settings), the monthly board, 积分超市 (redeem with confirmation) and 积分管理.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { DEFAULT_RULES, EARN_KINDS, NO_VOTE_POINTS, RULE_BOUNDS, type PointsEntryView, type RedemptionView, type RewardView } from '@/domain/points'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { MyPoints } from '@/features/points/ui/MyPoints'
import { PointsBoardView } from '@/features/points/ui/PointsBoard'
import { PointsManage } from '@/features/points/ui/PointsManage'
import { PointsRulesView } from '@/features/points/ui/PointsRules'
import { PointsShop } from '@/features/points/ui/PointsShop'
import { makeMe, makeSession, typeInto } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

function serve(handlers: Record<string, (payload: never, opts?: { requestId?: string }) => unknown>) {
  api.mockImplementation((async (action: string, payload: never, opts?: { requestId?: string }) => {
    const h = handlers[action]
    if (!h) throw new ApiError('NOT_FOUND')
    return h(payload, opts)
  }) as typeof callApi)
}

const entry = (id: string, over: Partial<PointsEntryView> = {}): PointsEntryView => ({
  id,
  points: 5,
  reason: '上报问题被受理：环境卫生',
  sourceKind: 'report_accepted',
  sourceId: 'r-1',
  grantedBy: '系统',
  at: '2025-03-01T02:00:00.000Z',
  reversedBy: null,
  ...over,
})
const reward = (id: string, over: Partial<RewardView> = {}): RewardView => ({ id, name: '洗衣液一瓶', description: '到社区服务中心领取', cost: 20, stock: 3, createdAt: '2025-03-01T02:00:00.000Z', ...over })
const redemption = (id: string, over: Partial<RedemptionView> = {}): RedemptionView => ({
  id,
  rewardId: 'w-1',
  rewardName: '洗衣液一瓶',
  cost: 20,
  userId: 'u-r',
  personName: '王建华',
  at: '2025-03-01T02:00:00.000Z',
  handedAt: null,
  ...over,
})
const rulesView = (rules = DEFAULT_RULES) => ({ communityId: 'c-1', rules, bounds: { ...RULE_BOUNDS }, kinds: EARN_KINDS, noVotePoints: NO_VOTE_POINTS })

beforeEach(() => setSession(makeSession(makeMe({ id: 'u-r', name: '王建华' }))))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('我的积分', () => {
  it('shows the balance and the ledger with signed points and pages on', async () => {
    serve({
      'points.ledger': (p: { cursor?: string }) =>
        p.cursor
          ? { userId: 'u-r', name: '王建华', balance: 25, items: [entry('e-3', { points: -20, reason: '兑换：洗衣液一瓶', sourceKind: 'redemption', grantedBy: '本人' })], nextCursor: null }
          : { userId: 'u-r', name: '王建华', balance: 25, items: [entry('e-1'), entry('e-2', { points: 6, reason: '参加巡逻 3 小时', sourceKind: 'patrol_hours' })], nextCursor: 'c-2' },
    })
    const onOpen = jest.fn()
    render(<MyPoints onOpen={onOpen} />)
    expect(screen.getByTestId('list-loading')).toBeTruthy()
    await screen.findByTestId('points-entry-e-1')
    expect(screen.getByTestId('points-balance').textContent).toBe('25 分')
    expect(screen.getByTestId('points-entry-e-1').textContent).toContain('+5 分 · 上报问题被受理：环境卫生')
    expect(screen.getByTestId('points-entry-e-2').textContent).toContain('参加巡逻')
    expect(screen.queryByTestId('points-reverse-e-1')).toBeNull()
    fireEvent.click(screen.getByText('加载更多'))
    expect((await screen.findByTestId('points-entry-e-3')).textContent).toContain('-20 分')
    fireEvent.click(screen.getByTestId('points-open-shop'))
    fireEvent.click(screen.getByTestId('points-open-rules'))
    expect(onOpen.mock.calls).toEqual([['shop'], ['rules']])
  })

  it('refreshes the balance and the ledger quietly when the page is shown again (back from 积分超市)', async () => {
    let balance = 6
    serve({
      'points.ledger': () => ({
        userId: 'u-r',
        name: '王建华',
        balance,
        items: balance === 6 ? [entry('e-1', { points: 6 })] : [entry('e-2', { points: -5, sourceKind: 'redemption' }), entry('e-1', { points: 6 })],
        nextCursor: null,
      }),
    })
    const { rerender } = render(<MyPoints onOpen={jest.fn()} shownAgain={0} />)
    await screen.findByTestId('points-entry-e-1')
    expect(screen.getByTestId('points-balance').textContent).toBe('6 分')
    balance = 1
    rerender(<MyPoints onOpen={jest.fn()} shownAgain={1} />)
    expect((await screen.findByTestId('points-entry-e-2')).textContent).toContain('-5 分')
    expect(screen.getByTestId('points-balance').textContent).toBe('1 分')
    expect(api.mock.calls.filter((c) => c[0] === 'points.ledger')).toHaveLength(2)
  })

  it('an empty ledger says how points are earned; an error offers 重试', async () => {
    let fail = true
    serve({
      'points.ledger': () => {
        if (fail) throw new ApiError('UNAVAILABLE', '服务暂时不可用，请稍后重试')
        return { userId: 'u-r', name: '王建华', balance: 0, items: [], nextCursor: null }
      },
    })
    render(<MyPoints />)
    await screen.findByText('服务暂时不可用，请稍后重试')
    fail = false
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('还没有积分记录')
  })

  it('the committee reverses an entry of a named person with a reason; an error is shown in words', async () => {
    const reversed: unknown[] = []
    let done = false
    serve({
      'points.ledger': (p: { userId?: string }) => ({
        userId: p.userId,
        name: '王建华',
        balance: done ? 0 : 5,
        items: done ? [entry('e-rv', { points: -5, sourceKind: 'reversal', reason: '冲正：重复计分' }), entry('e-1', { reversedBy: 'e-rv' })] : [entry('e-1')],
        nextCursor: null,
      }),
      'points.reverse': (p: { entryId: string; reason: string }) => {
        reversed.push(p)
        if (reversed.length === 1) throw new ApiError('CONFLICT', '这条积分记录已经冲正过，不能重复冲正')
        done = true
        return entry('e-rv', { points: -5, sourceKind: 'reversal' })
      },
    })
    render(<MyPoints userId='u-r' canReverse />)
    fireEvent.click(await screen.findByTestId('points-reverse-e-1'))
    typeInto(screen.getByTestId('points-reverse-reason'), '重复计分')
    fireEvent.click(screen.getByTestId('points-reverse-confirm'))
    expect((await screen.findByTestId('points-reverse-error')).textContent).toContain('不能重复冲正')
    fireEvent.click(screen.getByTestId('points-reverse-confirm'))
    await waitFor(() => expect(screen.getByTestId('points-balance').textContent).toBe('0 分'))
    expect(reversed).toEqual([{ entryId: 'e-1', reason: '重复计分' }, { entryId: 'e-1', reason: '重复计分' }])
    expect(screen.getByTestId('points-entry-e-1').textContent).toContain('已冲正')
    expect(screen.queryByTestId('points-reverse-e-1')).toBeNull()
    expect(screen.queryByTestId('points-reverse-e-rv')).toBeNull()
  })
})

describe('积分规则', () => {
  it('lists the points per source and says votes earn nothing; a resident cannot edit', async () => {
    serve({ 'points.rules': () => rulesView() })
    render(<PointsRulesView committee={false} />)
    expect((await screen.findByTestId('points-rule-patrol_hours')).textContent).toBe('参加巡逻（每小时）：2 分')
    expect(screen.getByTestId('points-no-vote').textContent).toContain('投票不计积分')
    expect(screen.queryByTestId('points-rules-edit')).toBeNull()
  })

  it('the committee changes the rules; out-of-bounds values are refused on the form without a call', async () => {
    const sent: unknown[] = []
    serve({
      'points.rules': () => rulesView(),
      'points.setRules': (p: typeof DEFAULT_RULES) => {
        sent.push(p)
        return rulesView(p)
      },
    })
    render(<PointsRulesView committee />)
    fireEvent.click(await screen.findByTestId('points-rules-edit'))
    typeInto(screen.getByTestId('points-rule-input-patrol_hours'), '60')
    fireEvent.click(screen.getByTestId('points-rules-save'))
    expect((await screen.findByTestId('field-error-patrol_hours')).textContent).toBe('巡逻每小时的积分不能超过 50')
    expect(sent).toEqual([])
    typeInto(screen.getByTestId('points-rule-input-patrol_hours'), '4')
    fireEvent.click(screen.getByTestId('points-rules-save'))
    await waitFor(() => expect(screen.getByTestId('points-rule-patrol_hours').textContent).toBe('参加巡逻（每小时）：4 分'))
    expect(sent).toEqual([{ ...DEFAULT_RULES, patrol_hours: 4 }])
    expect(screen.queryByTestId('points-rules-form')).toBeNull()
  })
})

describe('本月积分榜', () => {
  it('shows the masked names by rank with my row marked; empty says so', async () => {
    serve({ 'points.board': () => ({ month: '2025-03', rows: [{ rank: 1, name: '李*芳', points: 30, me: false }, { rank: 2, name: '我', points: 12, me: true }] }) })
    const { unmount } = render(<PointsBoardView />)
    expect((await screen.findByTestId('points-board-row-1')).textContent).toContain('第 1 名 · 李*芳 · 30 分')
    expect(screen.getByTestId('points-board-row-2').textContent).toContain('第 2 名 · 我 · 12 分')
    expect(screen.getByTestId('points-board-row-2').getAttribute('data-me')).toBe('true')
    expect(screen.getByTestId('points-board-row-1').getAttribute('data-me')).toBeNull()
    expect(screen.getByText('2025年03月积分榜')).toBeTruthy()
    unmount()
    serve({ 'points.board': () => ({ month: '2025-03', rows: [] }) })
    render(<PointsBoardView />)
    await screen.findByText('本月还没有人获得积分')
  })
})

describe('积分超市', () => {
  it('redeems only after confirmation, with one requestId across a retry; sold-out items cannot be redeemed', async () => {
    const calls: { p: unknown; requestId?: string }[] = []
    serve({
      'reward.list': () => ({ items: [reward('w-1'), reward('w-2', { name: '电饭煲', stock: 0, cost: 500 })] }),
      'points.redeem': (p: { rewardId: string }, opts) => {
        calls.push({ p, requestId: opts?.requestId })
        if (calls.length === 1) throw new ApiError('UNAVAILABLE', '服务暂时不可用，请稍后重试')
        return { redemption: redemption('d-1'), balance: 5 }
      },
    })
    render(<PointsShop />)
    expect((await screen.findByTestId('reward-w-1')).textContent).toContain('20 分 · 剩余 3 件')
    expect(screen.getByTestId('reward-w-2').textContent).toContain('已兑完')
    expect(screen.queryByTestId('redeem-w-2')).toBeNull()
    fireEvent.click(screen.getByTestId('redeem-w-1'))
    expect(calls).toEqual([])
    expect(screen.getByTestId('redeem-confirm-box').textContent).toContain('确认用 20 分兑换「洗衣液一瓶」吗')
    fireEvent.click(screen.getByTestId('redeem-confirm'))
    expect((await screen.findByTestId('redeem-error')).textContent).toContain('服务暂时不可用')
    fireEvent.click(screen.getByTestId('redeem-confirm'))
    expect((await screen.findByTestId('points-redeemed')).textContent).toContain('剩余 5 分')
    expect(calls).toHaveLength(2)
    expect(calls[0]!.requestId).toBeTruthy()
    expect(calls[1]!.requestId).toBe(calls[0]!.requestId)
  })

  it('shows my balance and says how many points a dearer reward still needs, without its 兑换 button', async () => {
    serve({
      'reward.list': () => ({ items: [reward('w-1', { name: '环保购物袋', cost: 5 }), reward('w-2')] }),
      'points.ledger': (p: { limit?: number }) => ({ userId: 'u-r', name: '王建华', balance: 6, items: [entry('e-1')].slice(0, p.limit ?? 20), nextCursor: null }),
    })
    render(<PointsShop />)
    expect((await screen.findByTestId('shop-balance')).textContent).toBe('我的积分：6 分')
    expect(screen.getByTestId('redeem-w-1')).toBeTruthy()
    expect(screen.getByTestId('short-w-2').textContent).toBe('积分不足，还差 14 分')
    expect(screen.queryByTestId('redeem-w-2')).toBeNull()
  })

  it('cancel closes the confirmation without a call; an empty shop says so', async () => {
    serve({ 'reward.list': () => ({ items: [reward('w-1')] }) })
    const { unmount } = render(<PointsShop />)
    fireEvent.click(await screen.findByTestId('redeem-w-1'))
    fireEvent.click(screen.getByTestId('redeem-cancel'))
    expect(screen.queryByTestId('redeem-confirm-box')).toBeNull()
    expect(api.mock.calls.map((c) => c[0]).sort()).toEqual(['points.ledger', 'reward.list'])
    unmount()
    serve({ 'reward.list': () => ({ items: [] }) })
    render(<PointsShop />)
    await screen.findByText('积分超市还没有上架奖品')
  })
})

describe('积分管理', () => {
  it('hands out a pending redemption, opens the person, and puts a reward on sale after checking the form', async () => {
    const created: unknown[] = []
    const handed: unknown[] = []
    let items = [reward('w-1')]
    serve({
      'redemption.list': () => ({ items: [redemption('d-1'), redemption('d-2', { userId: 'u-2', personName: '李秀芳' })], nextCursor: null }),
      'redemption.handOver': (p: { redemptionId: string }) => {
        handed.push(p)
        return redemption(p.redemptionId, { handedAt: '2025-03-01T03:00:00.000Z' })
      },
      'reward.list': () => ({ items }),
      'reward.create': (p: { name: string; cost: number; stock: number }) => {
        created.push(p)
        items = [reward('w-2', p), ...items]
        return items[0]
      },
    })
    const onPerson = jest.fn()
    const onRules = jest.fn()
    render(<PointsManage onRules={onRules} onPerson={onPerson} />)
    expect((await screen.findByTestId('redemption-d-2')).textContent).toContain('李秀芳 · 洗衣液一瓶（20 分）')
    fireEvent.click(screen.getByTestId('hand-over-d-1'))
    await waitFor(() => expect(screen.queryByTestId('redemption-d-1')).toBeNull())
    expect(handed).toEqual([{ redemptionId: 'd-1' }])
    fireEvent.click(screen.getByTestId('person-d-2'))
    fireEvent.click(screen.getByTestId('points-manage-rules'))
    expect(onPerson).toHaveBeenCalledWith('u-2')
    expect(onRules).toHaveBeenCalled()

    fireEvent.click(screen.getByTestId('reward-create'))
    expect(await screen.findByTestId('field-error-name')).toBeTruthy()
    expect(created).toEqual([])
    typeInto(screen.getByTestId('reward-name'), '大米五斤')
    typeInto(screen.getByTestId('reward-cost'), '0')
    typeInto(screen.getByTestId('reward-stock'), '10')
    fireEvent.click(screen.getByTestId('reward-create'))
    expect((await screen.findByTestId('field-error-cost')).textContent).toBe('所需积分至少 1')
    typeInto(screen.getByTestId('reward-cost'), '50')
    fireEvent.click(screen.getByTestId('reward-create'))
    expect((await screen.findByTestId('reward-row-w-2')).textContent).toContain('大米五斤 · 50 分 · 剩余 10 件')
    expect(created).toEqual([{ name: '大米五斤', cost: 50, stock: 10 }])
  })
})
