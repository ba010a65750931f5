import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { RECEIPT_PATTERN, type MotionView } from '@/domain/motions'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { MotionDetail } from '@/features/motions/ui/MotionDetail'
import { makeSession, typeInto } from '../support/fixtures'
import { makeMotion } from '../support/motions'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)

type Handler = (payload: Record<string, unknown>) => unknown
function serve(handlers: Record<string, Handler>) {
  api.mockImplementation(((action: string, payload: Record<string, unknown>) => {
    const h = handlers[action]
    if (!h) return Promise.reject(new ApiError('NOT_FOUND'))
    try {
      return Promise.resolve(h(payload))
    } catch (e) {
      return Promise.reject(e)
    }
  }) as typeof callApi)
}

function renderDetail(onResult = jest.fn()) {
  return render(<MotionDetail id='m-1' onEdit={jest.fn()} onAssess={jest.fn()} onOffline={jest.fn()} onResult={onResult} />)
}

beforeEach(() => setSession(makeSession()))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('casting a ballot', () => {
  it('asks for a choice, confirms what cannot be changed, then shows the receipt once and copies it', async () => {
    let voted = false
    serve({
      'motion.get': () => makeMotion('m-1', voted ? { me: { eligible: true, voted: true }, can: { ...makeMotion('m-1').can, cast: false }, turnout: { eligible: 40, cast: 11 } } : {}),
      // the server returns the receipt the device made and sent
      'motion.cast': (p) => {
        voted = true
        return { receipt: p.receipt }
      },
    })
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderDetail()
    await screen.findByTestId('cast-card')
    expect(screen.getByTestId('detail-turnout').textContent).toContain('10/40 人')
    expect(screen.getByTestId('motion-text').textContent).not.toMatch(/票数/)

    fireEvent.click(screen.getByTestId('cast-submit'))
    expect(screen.getByTestId('cast-missing').textContent).toBe('请先选择赞成、反对或弃权')
    fireEvent.click(screen.getByTestId('cast-choice-no'))
    fireEvent.click(screen.getByTestId('cast-submit'))
    const dialog = await screen.findByTestId('cast-dialog')
    expect(dialog.textContent).toContain('您选择：反对')
    expect(dialog.textContent).toContain('投出后不能更改')
    expect(calls('motion.cast')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('cast-confirm'))

    const receipt = (await screen.findByTestId('receipt-code')).textContent!
    expect(receipt).toMatch(RECEIPT_PATTERN)
    expect(calls('motion.cast')[0]![1]).toEqual({ id: 'm-1', choice: 'no', receipt })
    expect(screen.getByTestId('receipt-explain').textContent).toContain('保存在这台手机上')
    expect(screen.getByTestId('receipt-explain').textContent).toContain('核对您的一票')
    fireEvent.click(screen.getByTestId('receipt-copy'))
    expect(copy).toHaveBeenCalledWith({ data: receipt })
    // the motion is read again: voted, turnout moved, and the receipt stays (kept on the device) until seen
    await waitFor(() => expect(screen.getByTestId('detail-my-status').textContent).toBe('您已投票'))
    expect(screen.getByTestId('detail-turnout').textContent).toContain('11/40 人')
    expect(screen.getByTestId('receipt-code').textContent).toBe(receipt)
    expect(JSON.stringify(window.localStorage)).toContain(receipt)
    // 我已记下: gone from the screen and from the device
    fireEvent.click(screen.getByTestId('receipt-done'))
    expect(screen.queryByTestId('receipt-code')).toBeNull()
    expect(JSON.stringify(window.localStorage)).not.toContain(receipt)
  })

  it('read, then vote: the ballot comes after the motion’s text, and the receipt takes its place', async () => {
    serve({ 'motion.get': () => makeMotion('m-1'), 'motion.cast': (p) => ({ receipt: p.receipt }) })
    renderDetail()
    const card = await screen.findByTestId('cast-card')
    const after = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
    expect(after(screen.getByTestId('motion-text'), card)).toBe(true)
    expect(screen.getByTestId('detail-vote-below').textContent).toBe('请先读完下面的条文，投票在条文后面。')
    fireEvent.click(screen.getByTestId('cast-choice-yes'))
    fireEvent.click(screen.getByTestId('cast-submit'))
    fireEvent.click(await screen.findByTestId('cast-confirm'))
    expect(after(screen.getByTestId('motion-text'), await screen.findByTestId('receipt-card'))).toBe(true)
  })

  it('a second ballot from another device is refused in words: no receipt here, and none kept', async () => {
    serve({
      'motion.get': () => makeMotion('m-1'),
      'motion.cast': () => {
        throw new ApiError('ALREADY_VOTED', '您已经投过票了')
      },
      'motion.verifyReceipt': () => ({ counted: false, choice: null }),
    })
    renderDetail()
    fireEvent.click(await screen.findByTestId('cast-choice-yes'))
    fireEvent.click(screen.getByTestId('cast-submit'))
    fireEvent.click(await screen.findByTestId('cast-confirm'))
    const note = await screen.findByTestId('cast-note')
    expect(note.textContent).toContain('您已经投过票，但不是在这台手机上投的')
    expect(note.textContent).toContain('无法显示回执码')
    // the receipt this device sent was checked, found not counted, and forgotten
    const sent = calls('motion.cast')[0]![1] as { receipt: string }
    expect(calls('motion.verifyReceipt')[0]![1]).toEqual({ id: 'm-1', receipt: sent.receipt })
    expect(JSON.stringify(window.localStorage)).not.toContain(sent.receipt)
    expect(screen.queryByTestId('receipt-code')).toBeNull()
    expect(screen.queryByTestId('cast-error')).toBeNull()
  })

  it('a matter offers its options and sends the option index', async () => {
    serve({ 'motion.get': () => makeMotion('m-1', { kind: 'matter', options: ['划线停车', '维持现状'] }), 'motion.cast': (p) => ({ receipt: p.receipt }) })
    renderDetail()
    fireEvent.click(await screen.findByTestId('cast-choice-1'))
    fireEvent.click(screen.getByTestId('cast-submit'))
    expect((await screen.findByTestId('cast-dialog')).textContent).toContain('您选择：维持现状')
    fireEvent.click(screen.getByTestId('cast-confirm'))
    await screen.findByTestId('receipt-code')
    expect(calls('motion.cast')[0]![1]).toEqual({ id: 'm-1', choice: 1, receipt: expect.stringMatching(RECEIPT_PATTERN) })
  })
})

describe('the committee’s steps', () => {
  const committeeCan = { revise: true, advance: true, comment: false, cast: false, recordOffline: false, reply: true, assessRisk: false, signOffRisk: false }
  it('开始表决 says what happens before it happens, and 取消 does nothing', async () => {
    let status: MotionView['status'] = 'consultation'
    serve({
      'motion.get': () => makeMotion('m-1', { status, can: committeeCan, me: { eligible: false, voted: false }, turnout: { eligible: 75, cast: 0 } }),
      'motion.advance': () => {
        status = 'voting'
        return makeMotion('m-1', { status, can: { ...committeeCan, revise: false, recordOffline: true }, me: { eligible: false, voted: false }, turnout: { eligible: 75, cast: 0 } })
      },
    })
    renderDetail()
    fireEvent.click(await screen.findByTestId('motion-advance'))
    const dialog = await screen.findByTestId('advance-dialog')
    expect(dialog.textContent).toContain('条文不能再修改')
    expect(dialog.textContent).toContain('当前应到 75 人')
    fireEvent.click(screen.getByTestId('advance-cancel'))
    expect(calls('motion.advance')).toHaveLength(0)

    fireEvent.click(screen.getByTestId('motion-advance'))
    fireEvent.click(await screen.findByTestId('advance-confirm'))
    await waitFor(() => expect(screen.getByTestId('detail-status').textContent).toBe('表决中'))
    expect(calls('motion.advance')[0]![1]).toEqual({ id: 'm-1', from: 'consultation' })
    expect(screen.getByTestId('motion-advance').textContent).toBe('结束表决')
    expect(screen.getByTestId('motion-offline')).toBeTruthy()
    expect(screen.queryByTestId('motion-edit')).toBeNull()
    fireEvent.click(screen.getByTestId('motion-advance'))
    expect((await screen.findAllByTestId('advance-dialog')).some((d) => /结束后任何人都不能再投票/.test(d.textContent ?? ''))).toBe(true)
  })

  it('a step refused because the motion moved on reads it again: the dialog closes, the reason and the phase now show', async () => {
    let status: MotionView['status'] = 'consultation'
    serve({
      'motion.get': () => makeMotion('m-1', { status, can: committeeCan, me: { eligible: false, voted: false } }),
      'motion.advance': () => {
        status = 'closed'
        throw new ApiError('CONFLICT', '议题现在是「已结束」，与您看到的不同，请刷新后再操作')
      },
    })
    renderDetail()
    fireEvent.click(await screen.findByTestId('motion-advance'))
    fireEvent.click(await screen.findByTestId('advance-confirm'))
    await waitFor(() => expect(screen.getByTestId('detail-status').textContent).toBe('已结束'))
    expect(calls('motion.advance')[0]![1]).toEqual({ id: 'm-1', from: 'consultation' })
    expect(screen.getByTestId('advance-error').textContent).toContain('已结束')
    expect(screen.queryByText('开始表决')).toBeNull()
  })

  it('a refused step keeps the dialog open with the server’s reason', async () => {
    serve({
      'motion.get': () => makeMotion('m-1', { status: 'draft', can: committeeCan }),
      'motion.advance': () => {
        throw new ApiError('CONFLICT', '议题刚被推进过，请刷新后重试')
      },
    })
    renderDetail()
    fireEvent.click(await screen.findByTestId('motion-advance'))
    expect((await screen.findByTestId('advance-dialog')).textContent).toContain('系统会发消息通知他们')
    fireEvent.click(screen.getByTestId('advance-confirm'))
    expect((await screen.findByTestId('advance-dialog-error')).textContent).toBe('议题刚被推进过，请刷新后重试')
  })
})

describe('ending a vote early (issue 11)', () => {
  const can = { revise: false, advance: true, comment: false, cast: false, recordOffline: true, reply: true, assessRisk: false, signOffRisk: false }
  const voting = (cast: number, over: Partial<MotionView> = {}) =>
    makeMotion('m-1', { status: 'voting', can, me: { eligible: false, voted: false }, turnout: { eligible: 40, cast }, ...over })
  const closed = () => makeMotion('m-1', { status: 'closed', can: { ...can, advance: false, recordOffline: false }, me: { eligible: false, voted: false } })

  it('quorum not met: shows turnout against the quorum and that the result will be 未通过, and asks a second time', async () => {
    serve({ 'motion.get': () => voting(10), 'motion.advance': () => closed() })
    renderDetail()
    fireEvent.click(await screen.findByTestId('motion-advance'))
    const dialog = await screen.findByTestId('advance-dialog')
    expect(screen.getByTestId('advance-quorum').textContent).toBe('✗ 已投 10 人，法定人数至少 21 人（超过应参加 40 人的一半），还差 11 人。')
    expect(screen.getByTestId('advance-verdict').textContent).toContain('结果将公布为“未通过（参与人数未达到法定要求）”')
    // no tally leaks: the warning says nothing of how anyone voted
    expect(dialog.textContent).not.toMatch(/(赞成|反对|弃权)\s*\d/)
    fireEvent.click(screen.getByTestId('advance-confirm'))
    expect(calls('motion.advance')).toHaveLength(0)
    const again = await screen.findByTestId('advance-again')
    expect(again.textContent).toContain('法定人数还差 11 人')
    fireEvent.click(screen.getByTestId('advance-again-cancel'))
    expect(calls('motion.advance')).toHaveLength(0)

    fireEvent.click(screen.getByTestId('motion-advance'))
    fireEvent.click(await screen.findByTestId('advance-confirm'))
    fireEvent.click(await screen.findByTestId('advance-again-confirm'))
    await waitFor(() => expect(calls('motion.advance')).toHaveLength(1))
    expect(calls('motion.advance')[0]![1]).toEqual({ id: 'm-1', from: 'voting' })
  })

  it('quorum met: says so and that the ballots decide; one confirmation is enough', async () => {
    serve({ 'motion.get': () => voting(25), 'motion.advance': () => closed() })
    renderDetail()
    fireEvent.click(await screen.findByTestId('motion-advance'))
    await screen.findByTestId('advance-dialog')
    expect(screen.getByTestId('advance-quorum').textContent).toBe('✓ 已投 25 人，法定人数至少 21 人（超过应参加 40 人的一半），已达到。')
    expect(screen.getByTestId('advance-verdict').textContent).toBe('结束后立即计票：赞成票超过所投票数的一半为“通过”，否则为“未通过”。')
    fireEvent.click(screen.getByTestId('advance-confirm'))
    await waitFor(() => expect(calls('motion.advance')).toHaveLength(1))
    expect(screen.queryByTestId('advance-again')).toBeNull()
  })

  it('one vote per household: two thirds of the households; the figures read again when the dialog opens', async () => {
    let cast = 10
    serve({
      'motion.get': () => voting(cast++, { eligibility: 'households', kind: 'matter', options: ['东门', '西门'], turnout: { eligible: 30, cast: cast - 1 } }),
    })
    renderDetail()
    fireEvent.click(await screen.findByTestId('motion-advance'))
    await waitFor(() => expect(screen.getByTestId('advance-quorum').textContent).toBe('✗ 已投 11 户，法定人数至少 20 户（应参加 30 户的三分之二），还差 9 户。'))
  })
})

describe('征求意见', () => {
  const consultation = () => makeMotion('m-1', { status: 'consultation', can: { revise: false, advance: false, comment: true, cast: false, recordOffline: false, reply: false, assessRisk: false, signOffRisk: false } })

  it('an empty or too long comment is refused in Chinese, nothing sent; a comment on 第二条 is sent with its index', async () => {
    serve({
      'motion.get': consultation,
      'motion.comment': (p) => ({ id: 'c-1', articleIndex: p.articleIndex ?? null, text: p.text, authorName: '王秀兰', mine: true, createdAt: new Date().toISOString(), reply: null }),
    })
    renderDetail()
    fireEvent.click(await screen.findByTestId('comment-submit'))
    expect((await screen.findByTestId('comment-error')).textContent).toBe('请填写意见')
    typeInto(screen.getByTestId('comment-text'), '长'.repeat(501))
    fireEvent.click(screen.getByTestId('comment-submit'))
    await waitFor(() => expect(screen.getByTestId('comment-error').textContent).toBe('意见最多 500 个字'))
    expect(calls('motion.comment')).toHaveLength(0)

    fireEvent.click(screen.getByTestId('comment-target-1'))
    typeInto(screen.getByTestId('comment-text'), '建议补充罚则')
    fireEvent.click(screen.getByTestId('comment-submit'))
    await screen.findByTestId('comment-sent')
    expect(calls('motion.comment')[0]![1]).toEqual({ id: 'm-1', articleIndex: 1, text: '建议补充罚则' })
    const item = screen.getByTestId('comment-item')
    expect(item.textContent).toContain('针对第二条')
    expect(item.textContent).toContain('王秀兰（我）')
  })

  it('shows what a revision changed, article by article', async () => {
    const m = consultation()
    const second = { ...m.revisions[0]!, rev: 2, articles: [m.articles[0]!, { text: '垃圾分类投放。' }, m.articles[2]!, { text: '新增一条。' }] }
    serve({ 'motion.get': () => ({ ...m, articles: second.articles, revisions: [m.revisions[0]!, second] }) })
    renderDetail()
    expect((await screen.findByTestId('detail-revised')).textContent).toContain('已修改 1 次')
    expect(screen.getByTestId('change-changed').textContent).toMatch(/修改第二条原文：垃圾分类投放，不高空抛物。改为：垃圾分类投放。/)
    expect(screen.getByTestId('change-added').textContent).toBe('新增第四条新增一条。')
  })
})

describe('after close', () => {
  it('the detail says passed or not and links to the figures; no ballot form', async () => {
    const result = { base: { adults: 40, households: 20 }, cast: { online: 20, offline: 2, total: 22, households: 15 }, tally: { yes: 15, no: 5, abstain: 2 }, quorumMet: true, passed: true, winner: null }
    serve({ 'motion.get': () => makeMotion('m-1', { status: 'closed', result, passed: true, can: { revise: false, advance: false, comment: false, cast: false, recordOffline: false, reply: false, assessRisk: false, signOffRisk: false } }) })
    const onResult = jest.fn()
    renderDetail(onResult)
    expect((await screen.findByTestId('detail-verdict')).textContent).toBe('✓ 已通过')
    expect(screen.queryByTestId('cast-card')).toBeNull()
    fireEvent.click(screen.getByTestId('detail-result'))
    expect(onResult).toHaveBeenCalledWith('m-1')
  })
})
