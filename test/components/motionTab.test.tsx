import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MotionListInput } from '@/domain/motions'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { MotionHome } from '@/features/motions/ui/MotionHome'
import { myStatus } from '@/features/motions/format'
import { emitMotionEvent } from '@/features/motions/events'
import { useMotionLists } from '@/features/motions/useMotionList'
import { makeMe, makeSession } from '../support/fixtures'
import { makeMotion, makeMotionSummary } from '../support/motions'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
const HOUR = 3600_000

function Tab({ committee = false, verified = true, onOpen = jest.fn(), onDraft = jest.fn() }: { committee?: boolean; verified?: boolean; onOpen?: jest.Mock; onDraft?: jest.Mock }) {
  const lists = useMotionLists(committee)
  const me = makeMe(committee ? { roles: ['committee'], verified: false } : { verified })
  return <MotionHome lists={lists} me={me} committee={committee} onOpen={onOpen} onDraft={onDraft} onRules={jest.fn()} />
}

function serve(byStatus: (input: MotionListInput) => unknown) {
  api.mockImplementation(((action: string, payload: MotionListInput) =>
    action === 'motion.list' ? Promise.resolve(byStatus(payload)) : Promise.reject(new ApiError('NOT_FOUND'))) as typeof callApi)
}
const listCalls = () => api.mock.calls.filter((c) => c[0] === 'motion.list').map((c) => c[1] as MotionListInput)

beforeEach(() => setSession(makeSession()))
afterEach(() => api.mockReset())

describe('议事 tab', () => {
  it('open motions first — voting before consultation, nearest deadline first — then the closed ones with results', async () => {
    const now = Date.now()
    serve((p) => {
      if (p.status === 'voting')
        return {
          items: [
            makeMotionSummary('v-late', { title: '垃圾分类公约', voteUntil: new Date(now + 80 * HOUR).toISOString(), me: { eligible: true, voted: true } }),
            makeMotionSummary('v-soon', { title: '停车位划分', kind: 'matter', eligibility: 'households', voteUntil: new Date(now + 5 * HOUR).toISOString(), turnout: { eligible: 30, cast: 12 } }),
          ],
          nextCursor: null,
        }
      if (p.status === 'consultation')
        return { items: [makeMotionSummary('c-1', { title: '养犬管理规定', status: 'consultation', major: true, consultUntil: new Date(now + 26 * HOUR).toISOString(), voteFrom: new Date(now + 48 * HOUR).toISOString(), turnout: { eligible: 40, cast: 0 } })], nextCursor: null }
      if (p.status === 'closed')
        return {
          items: [
            makeMotionSummary('x-1', { title: '旧村规修订', status: 'closed', closedAt: new Date(now - 24 * HOUR).toISOString(), passed: true, me: { eligible: true, voted: true }, turnout: { eligible: 40, cast: 31 } }),
            makeMotionSummary('x-2', { title: '广场舞时间', status: 'closed', closedAt: new Date(now - 48 * HOUR).toISOString(), passed: false, me: { eligible: true, voted: false }, turnout: { eligible: 40, cast: 9 } }),
          ],
          nextCursor: null,
        }
      return { items: [], nextCursor: null }
    })
    const onOpen = jest.fn()
    render(<Tab onOpen={onOpen} />)
    const open = await screen.findByTestId('open-list')
    await waitFor(() => expect(screen.getByTestId('closed-list').children).toHaveLength(2))
    const titles = open.querySelectorAll('[data-testid="motion-title"]')
    expect(Array.from(titles).map((n) => n.textContent)).toEqual(['停车位划分', '垃圾分类公约', '养犬管理规定'])
    const cards = screen.getAllByTestId('motion-card')
    const text = (i: number, id: string) => cards[i]!.querySelector(`[data-testid="${id}"]`)?.textContent
    expect(text(0, 'motion-status')).toBe('表决中')
    expect(cards[0]!.textContent).toContain('公共事务')
    expect(text(0, 'motion-time')).toMatch(/^表决至 .+，还剩 (4 小时 \d+ 分钟|5 小时 0 分钟)$/)
    expect(text(0, 'motion-turnout')).toBe('投票率 40%（已投 12/30 户）')
    expect(text(0, 'motion-my-status')).toBe('待您投票')
    expect(text(1, 'motion-my-status')).toBe('您已投票')
    expect(text(2, 'motion-status')).toBe('征求意见')
    // a 重大事项 is marked on its card (its vote waits for a 稳评); the others are not
    expect(text(2, 'motion-major')).toBe('重大事项')
    expect(cards[0]!.querySelector('[data-testid="motion-major"]')).toBeNull()
    expect(text(2, 'motion-time')).toMatch(/^征求意见至 .+，还剩 1 天 (1|2) 小时$/)
    expect(cards[2]!.querySelector('[data-testid="motion-turnout"]')).toBeNull()
    expect(text(2, 'motion-my-status')).toBe('正在征求意见，欢迎提意见')
    expect(text(3, 'motion-passed')).toBe('已通过')
    expect(text(3, 'motion-turnout')).toBe('投票率 78%（已投 31/40 人）')
    expect(text(4, 'motion-passed')).toBe('未通过')
    expect(text(4, 'motion-my-status')).toBe('您没有投票')
    // residents never ask for drafts
    expect(listCalls().map((p) => p.status).sort()).toEqual(['closed', 'consultation', 'voting'])
    expect(screen.queryByTestId('motion-new')).toBeNull()
    fireEvent.click(cards[0]!)
    expect(onOpen).toHaveBeenCalledWith('v-soon')
  })

  it('the committee also sees its drafts (after the published ones) and a 发起议题 button', async () => {
    serve((p) =>
      p.status === 'draft'
        ? { items: [makeMotionSummary('d-1', { status: 'draft', title: '新公约草稿', me: { eligible: false, voted: false } })], nextCursor: null }
        : p.status === 'consultation'
          ? { items: [makeMotionSummary('c-1', { status: 'consultation' })], nextCursor: null }
          : { items: [], nextCursor: null },
    )
    const onDraft = jest.fn()
    render(<Tab committee onDraft={onDraft} />)
    await waitFor(() => expect(screen.getAllByTestId('motion-card')).toHaveLength(2))
    const statuses = screen.getAllByTestId('motion-status').map((n) => n.textContent)
    expect(statuses).toEqual(['征求意见', '草稿'])
    expect(screen.getAllByTestId('motion-my-status')[1]!.textContent).toBe('草稿，居民还看不到')
    expect(listCalls().map((p) => p.status)).toContain('draft')
    expect(screen.getByTestId('list-empty').textContent).toContain('还没有表决结束的议题')
    fireEvent.click(screen.getByTestId('motion-new'))
    expect(onDraft).toHaveBeenCalled()
  })

  it('an unverified resident is told why they cannot vote; a failed load offers 重试; an event refreshes', async () => {
    let fail = true
    serve((p) => {
      if (p.status === 'voting' && fail) throw new ApiError('NETWORK')
      return p.status === 'voting' ? { items: [makeMotionSummary('v-1', { me: { eligible: false, voted: false } })], nextCursor: null } : { items: [], nextCursor: null }
    })
    render(<Tab verified={false} />)
    expect(screen.getByTestId('vote-unverified').textContent).toContain('认证为本社区住户后')
    expect((await screen.findByTestId('list-error')).textContent).toContain('没有加载出来')
    fail = false
    fireEvent.click(screen.getByTestId('list-retry'))
    expect((await screen.findByTestId('motion-my-status')).textContent).toBe('认证住户后才能投票')
    const before = listCalls().length
    act(() => emitMotionEvent({ type: 'changed', motion: makeMotion('v-1') }))
    await waitFor(() => expect(listCalls().length).toBeGreaterThan(before))
  })
})

describe('my status in words', () => {
  const m = makeMotionSummary('m')
  it('says what a household motion asks of the family, and what the committee may do', () => {
    expect(myStatus({ ...m, eligibility: 'households', me: { eligible: true, voted: true } }, 'resident').text).toBe('您家已投票')
    expect(myStatus({ ...m, me: { eligible: false, voted: false } }, 'committee').text).toBe('表决中，可以录入线下表决')
    expect(myStatus({ ...m, me: { eligible: false, voted: false } }, 'resident').text).toBe('本次表决您不在投票范围内')
    expect(myStatus({ ...m, status: 'consultation' }, 'unverified').text).toBe('认证住户后可以提意见')
  })
})
