import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MotionResultView } from '@/domain/motions'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { ResultScreen } from '@/features/motions/ui/ResultScreen'
import { makeSession, typeInto } from '../support/fixtures'
import { makeMotion } from '../support/motions'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)

const hex = (i: number) => i.toString(16).padStart(4, '0').repeat(16)
function resultOf(tally: Record<string, number>, over: Partial<MotionResultView> = {}): MotionResultView {
  const ballots = Object.entries(tally)
    .flatMap(([choice, n]) => Array.from({ length: n }, () => choice))
    .map((choice, i) => ({ receiptHash: hex(i), choice: /^\d$/.test(choice) ? Number(choice) : (choice as 'yes') }))
  const total = ballots.length
  return { base: { adults: 40, households: 20 }, cast: { online: total - 3, offline: 3, total, households: 18 }, tally, quorumMet: true, passed: true, winner: null, ballots, ...over }
}

function serve(result: MotionResultView | Error, motion = makeMotion('m-1', { status: 'closed' }), verify?: (receipt: string) => unknown) {
  api.mockImplementation(((action: string, payload: { receipt?: string }) => {
    if (action === 'motion.get') return Promise.resolve(motion)
    if (action === 'motion.result') return result instanceof Error ? Promise.reject(result) : Promise.resolve(result)
    if (action === 'motion.verifyReceipt' && verify) return Promise.resolve(verify(payload.receipt!))
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

beforeEach(() => setSession(makeSession()))
afterEach(() => api.mockReset())

describe('表决结果', () => {
  it('shows the figures, the chart, the quorum against Art. 22, and a ballot list that adds up to the tally', async () => {
    serve(resultOf({ yes: 18, no: 4, abstain: 3 }))
    render(<ResultScreen id='m-1' />)
    expect((await screen.findByTestId('result-verdict')).textContent).toBe('✓ 通过')
    const figure = (id: string) => screen.getByTestId(id).textContent
    expect(figure('figure-base')).toBe('40应参加（人）')
    expect(figure('figure-total')).toBe('25实投（票）')
    expect(figure('figure-online')).toBe('22线上')
    expect(figure('figure-offline')).toBe('3线下')
    expect(screen.getByTestId('result-quorum').textContent).toBe('✓ 达到法定人数：25 人参加，须至少 21 人（过半数），应参加 40 人')
    expect(screen.getByTestId('result-law').textContent).toContain('村民委员会组织法》第二十二条')
    // the chart: one bar per choice, big numbers and shares of the ballots cast
    expect(screen.getByTestId('result-chart-yes').textContent).toBe('赞成18 票72%')
    expect(screen.getByTestId('result-chart-no').textContent).toBe('反对4 票16%')
    expect(screen.getByTestId('result-chart-abstain').textContent).toBe('弃权3 票12%')
    const bar = screen.getByTestId('result-chart-yes').querySelector('.gz-bar-chart__fill') as HTMLElement
    expect(bar.style.width).toBe('72%')
    expect(screen.getByTestId('ballot-sum').textContent).toBe('名单合计：赞成 18，反对 4，弃权 3，共 25 张 —— 与计票结果一致 ✓')
    // the list is collapsed, then paged by 20
    expect(screen.queryAllByTestId('ballot-row')).toHaveLength(0)
    // plain words for residents; the technical note only for those who open it
    expect(screen.getByTestId('ballot-card').textContent).not.toMatch(/SHA|哈希|摘要/)
    expect(screen.getByTestId('ballot-hint').textContent).toContain('由回执码算出的编号')
    expect(screen.queryByTestId('ballot-tech')).toBeNull()
    fireEvent.click(screen.getByTestId('ballot-tech-toggle'))
    expect(screen.getByTestId('ballot-tech').textContent).toContain('SHA-256')
    fireEvent.click(screen.getByTestId('ballot-tech-toggle'))
    expect(screen.queryByTestId('ballot-tech')).toBeNull()
    fireEvent.click(screen.getByTestId('ballot-more'))
    expect(screen.getAllByTestId('ballot-row')).toHaveLength(20)
    expect(screen.getAllByTestId('ballot-row')[0]!.textContent).toBe(`1${hex(0).slice(0, 16)}…赞成`)
    fireEvent.click(screen.getByTestId('ballot-more'))
    expect(screen.getAllByTestId('ballot-row')).toHaveLength(25)
    fireEvent.click(screen.getByTestId('ballot-collapse'))
    expect(screen.queryAllByTestId('ballot-row')).toHaveLength(0)
  })

  it('a list that does not add up says so; a failed quorum is the reason it did not pass', async () => {
    const r = resultOf({ yes: 5, no: 1, abstain: 0 }, { quorumMet: false, passed: false })
    serve({ ...r, tally: { yes: 6, no: 1, abstain: 0 } })
    render(<ResultScreen id='m-1' />)
    expect((await screen.findByTestId('result-verdict')).textContent).toBe('✗ 未通过')
    expect(screen.getByTestId('result-why').textContent).toBe('参与人数没有达到法定要求，表决无效')
    expect(screen.getByTestId('result-quorum').textContent).toMatch(/^✗ 未达到法定人数/)
    expect(screen.getByTestId('ballot-sum').textContent).toContain('与计票结果不一致')
  })

  it('a households matter: the winning option, the two-thirds rule in 户', async () => {
    const motion = makeMotion('m-1', { status: 'closed', kind: 'matter', eligibility: 'households', options: ['划线停车', '维持现状'] })
    serve(resultOf({ '0': 9, '1': 4 }, { winner: 0, cast: { online: 10, offline: 3, total: 13, households: 13 }, base: { adults: 40, households: 18 } }), motion)
    render(<ResultScreen id='m-1' />)
    expect((await screen.findByTestId('result-why')).textContent).toBe('「划线停车」获得过半数票')
    expect(screen.getByTestId('result-quorum').textContent).toBe('✓ 达到法定人数：13 户参加，须至少 12 户（三分之二），应参加 18 户')
    expect(screen.getByTestId('result-chart-0').textContent).toBe('划线停车（过半数）9 票69%')
  })

  it('核对我的回执: a malformed code is refused before sending; 已计入 with the choice; 未找到', async () => {
    serve(resultOf({ yes: 2, no: 1, abstain: 0 }), undefined, (receipt) => (receipt === 'ABCD-EFGH-JKMN-PQRS' ? { counted: true, choice: 'no' } : { counted: false, choice: null }))
    render(<ResultScreen id='m-1' />)
    await screen.findByTestId('verify-card')
    fireEvent.click(screen.getByTestId('verify-submit'))
    expect(screen.getByTestId('verify-error').textContent).toBe('请输入回执码')
    typeInto(screen.getByTestId('verify-input'), 'ABC-123')
    fireEvent.click(screen.getByTestId('verify-submit'))
    expect(screen.getByTestId('verify-error').textContent).toContain('回执码格式不正确')
    expect(calls('motion.verifyReceipt')).toHaveLength(0)

    typeInto(screen.getByTestId('verify-input'), ' abcd efgh-jkmnpqrs ')
    fireEvent.click(screen.getByTestId('verify-submit'))
    await waitFor(() => expect(screen.getByTestId('verify-outcome').textContent).toBe('✓ 已计入：反对'))
    expect(calls('motion.verifyReceipt')[0]![1]).toEqual({ id: 'm-1', receipt: 'ABCD-EFGH-JKMN-PQRS' })

    typeInto(screen.getByTestId('verify-input'), 'ZZZZ-ZZZZ-ZZZZ-ZZZZ')
    fireEvent.click(screen.getByTestId('verify-submit'))
    await waitFor(() => expect(screen.getByTestId('verify-outcome').textContent).toContain('✗ 未找到这张回执'))
  })

  it('before close: says the result comes after voting, without figures', async () => {
    serve(new ApiError('CONFLICT', '表决结束后才公布结果'), makeMotion('m-1'))
    render(<ResultScreen id='m-1' />)
    expect((await screen.findByTestId('result-error')).textContent).toContain('表决还没有结束')
    expect(screen.queryByTestId('result-chart')).toBeNull()
  })
})
