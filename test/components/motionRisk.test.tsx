// 稳评 on screen (issue 18): the card on a major motion for a resident, the committee and the street; the
// committee's form; the street's queue; the 重大事项 switch of the drafting form.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MotionView, RiskAssessmentView } from '@/domain/motions'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { DraftForm } from '@/features/motions/ui/DraftForm'
import { MotionDetail } from '@/features/motions/ui/MotionDetail'
import { RiskForm } from '@/features/motions/ui/RiskForm'
import { RiskReviewsScreen } from '@/features/motions/ui/RiskReviewsScreen'
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

const FILED = '2025-03-02T02:00:00.000Z'
const FULL: RiskAssessmentView = {
  rev: 1,
  risks: [{ category: 'reasonableness', description: '低层住户认为分摊比例不公' }],
  consultation: { summary: '召开楼栋会两次', commentIds: ['c-1'], meetingIds: [], visitIds: [] },
  level: 'high',
  mitigation: '低层住户免于分摊',
  filedByName: '陈秀兰',
  filedAt: FILED,
  signOff: 'pending',
  signedByName: null,
  signedAt: null,
  signNote: null,
}
const HELD_HIGH = '稳评为高风险，须经街道审核同意后才能进入表决'

const major = (over: Partial<MotionView> = {}): MotionView =>
  makeMotion('m-1', {
    status: 'consultation',
    major: true,
    risk: { major: true, assessment: { level: 'high', filedAt: FILED, signOff: 'pending' }, block: HELD_HIGH, full: null },
    ...over,
  })

afterEach(() => api.mockReset())

describe('the 稳评 card', () => {
  const detail = (onAssess = jest.fn()) => render(<MotionDetail id='m-1' onEdit={jest.fn()} onAssess={onAssess} onOffline={jest.fn()} onResult={jest.fn()} />)

  it('a resident sees that it was made, its level and what holds the vote, never the assessment itself', async () => {
    setSession(makeSession())
    serve({ 'motion.get': () => major() })
    detail()
    const card = await screen.findByTestId('risk-card')
    expect(card.textContent).toContain('重大事项')
    expect(screen.getByTestId('risk-level').textContent).toContain('高风险')
    expect(screen.getByTestId('risk-level').textContent).toContain('待街道审核')
    expect(screen.getByTestId('risk-block').textContent).toBe(HELD_HIGH)
    expect(screen.queryByTestId('risk-full')).toBeNull()
    expect(screen.queryByTestId('risk-assess')).toBeNull()
    expect(screen.queryByTestId('risk-signoff')).toBeNull()
  })

  it('the committee: no 开始表决 while held; 填写稳评 opens the form', async () => {
    setSession(makeSession({ roles: ['committee'] }))
    const onAssess = jest.fn()
    const can = { revise: true, advance: true, comment: false, cast: false, recordOffline: false, reply: true, assessRisk: true, signOffRisk: false }
    serve({ 'motion.get': () => major({ can, risk: { major: true, assessment: null, block: '重大事项须先提交社会稳定风险评估，才能进入表决', full: null } }) })
    detail(onAssess)
    await screen.findByTestId('risk-card')
    expect(screen.getByTestId('risk-none')).toBeTruthy()
    expect(screen.queryByTestId('motion-advance')).toBeNull()
    expect(screen.getByTestId('motion-edit')).toBeTruthy()
    fireEvent.click(screen.getByTestId('risk-assess'))
    expect(onAssess).toHaveBeenCalledWith('m-1')
  })

  it('a plain motion shows no card, and the committee may open voting', async () => {
    setSession(makeSession({ roles: ['committee'] }))
    const can = { revise: true, advance: true, comment: false, cast: false, recordOffline: false, reply: true, assessRisk: false, signOffRisk: false }
    serve({ 'motion.get': () => makeMotion('m-1', { status: 'consultation', can }) })
    detail()
    await screen.findByTestId('motion-advance')
    expect(screen.queryByTestId('risk-card')).toBeNull()
  })

  it('the street reads the whole assessment and approves it on the revision shown; the card then clears', async () => {
    setSession(makeSession({ roles: ['street'] }))
    const can = { revise: false, advance: false, comment: false, cast: false, recordOffline: false, reply: false, assessRisk: false, signOffRisk: true }
    serve({
      'motion.get': () => major({ can, risk: { major: true, assessment: { level: 'high', filedAt: FILED, signOff: 'pending' }, block: HELD_HIGH, full: FULL } }),
      'motion.signOffRisk': (p) =>
        major({
          can: { ...can, signOffRisk: false },
          risk: { major: true, assessment: { level: 'high', filedAt: FILED, signOff: 'approved' }, block: null, full: { ...FULL, signOff: 'approved', signedByName: '赵明', signNote: String(p.note) } },
        }),
    })
    detail()
    await screen.findByTestId('risk-full')
    expect(screen.getAllByTestId('risk-item').map((x) => x.textContent)).toEqual(['【合理性】低层住户认为分摊比例不公'])
    expect(screen.getByTestId('risk-full').textContent).toContain('参考了居民意见 1 条')
    typeInto(screen.getByTestId('risk-sign-text'), '同意，注意施工安全')
    fireEvent.click(screen.getByTestId('risk-approve'))
    await waitFor(() => expect(screen.queryByTestId('risk-block')).toBeNull())
    expect(calls('motion.signOffRisk')[0]![1]).toEqual({ id: 'm-1', rev: 1, decision: 'approved', note: '同意，注意施工安全' })
    expect(screen.getByTestId('risk-sign-note').textContent).toBe('街道意见：同意，注意施工安全')
    expect(screen.queryByTestId('risk-signoff')).toBeNull()
  })

  it('a sign-off on a refiled assessment is refused with the server’s words and the motion is read again', async () => {
    setSession(makeSession({ roles: ['street'] }))
    const can = { revise: false, advance: false, comment: false, cast: false, recordOffline: false, reply: false, assessRisk: false, signOffRisk: true }
    serve({
      'motion.get': () => major({ can, risk: { major: true, assessment: { level: 'high', filedAt: FILED, signOff: 'pending' }, block: HELD_HIGH, full: FULL } }),
      'motion.signOffRisk': () => {
        throw new ApiError('CONFLICT', '稳评已更新或已审核过，请刷新后查看最新内容')
      },
    })
    detail()
    await screen.findByTestId('risk-full')
    fireEvent.click(screen.getByTestId('risk-return'))
    expect((await screen.findByTestId('risk-error')).textContent).toBe('稳评已更新或已审核过，请刷新后查看最新内容')
    await waitFor(() => expect(calls('motion.get').length).toBeGreaterThan(1))
  })
})

describe('填写稳评', () => {
  beforeEach(() => setSession(makeSession({ roles: ['committee'] })))
  const comments = [
    { id: 'c-1', articleIndex: null, text: '低层不该出钱', authorName: '王*华', mine: false, createdAt: FILED, reply: null },
    { id: 'c-2', articleIndex: null, text: '支持加装', authorName: '李*芳', mine: false, createdAt: FILED, reply: null },
  ]

  it('refuses a form without level, consultation or mitigation in the schema’s words; nothing sent', async () => {
    serve({ 'motion.get': () => major({ comments }) })
    render(<RiskForm id='m-1' onFiled={jest.fn()} />)
    fireEvent.click(await screen.findByTestId('risk-submit'))
    await waitFor(() => expect(screen.getByTestId('field-error-level').textContent).toBe('请选择风险等级'))
    expect(screen.getByTestId('field-error-consultation').textContent).toContain('征求意见情况')
    expect(screen.getByTestId('field-error-mitigation').textContent).toContain('化解措施')
    expect(calls('motion.assessRisk')).toHaveLength(0)
  })

  it('files the risks typed (empty rows dropped), the comments chosen, the level and the mitigation, with a requestId', async () => {
    const onFiled = jest.fn()
    serve({ 'motion.get': () => major({ comments }), 'motion.assessRisk': () => major() })
    render(<RiskForm id='m-1' onFiled={onFiled} />)
    typeInto(await screen.findByTestId('risk-description-0'), '低层住户认为分摊不公')
    fireEvent.click(screen.getByTestId('risk-add'))
    fireEvent.click(screen.getByTestId('risk-category-1-safety'))
    typeInto(screen.getByTestId('risk-description-1'), '施工影响通行')
    fireEvent.click(screen.getByTestId('risk-add'))
    typeInto(screen.getByTestId('risk-summary'), '楼栋会两次')
    fireEvent.click(screen.getAllByTestId('risk-comment')[0]!)
    fireEvent.click(screen.getByTestId('risk-level-medium'))
    typeInto(screen.getByTestId('risk-mitigation'), '分段施工')
    fireEvent.click(screen.getByTestId('risk-submit'))
    await waitFor(() => expect(onFiled).toHaveBeenCalled())
    const [, input, opts] = calls('motion.assessRisk')[0]!
    expect(input).toEqual({
      id: 'm-1',
      risks: [
        { category: 'reasonableness', description: '低层住户认为分摊不公' },
        { category: 'safety', description: '施工影响通行' },
      ],
      consultation: { summary: '楼栋会两次', commentIds: ['c-1'] },
      level: 'medium',
      mitigation: '分段施工',
    })
    expect(opts?.requestId).toEqual(expect.any(String))
  })

  it('opens on the last filing to revise it, and says why a filing was refused', async () => {
    serve({
      'motion.get': () => major({ risk: { major: true, assessment: null, block: HELD_HIGH, full: { ...FULL, signOff: 'returned', signNote: '补充补偿方案' } } }),
      'motion.assessRisk': () => {
        throw new ApiError('CONFLICT', '表决已开始或已结束，不能再提交稳评')
      },
    })
    render(<RiskForm id='m-1' onFiled={jest.fn()} />)
    // the hook fills the form from the last filing in an effect after the motion arrives: wait for it, not for the field
    await waitFor(() => {
      const field = screen.getByTestId('risk-mitigation') as HTMLTextAreaElement
      expect(field.value ?? field.getAttribute('value')).toBe('低层住户免于分摊')
    })
    expect(screen.getByTestId('risk-submit').textContent).toBe('提交新的评估')
    fireEvent.click(screen.getByTestId('risk-submit'))
    expect((await screen.findByTestId('risk-submit-error')).textContent).toBe('没有提交成功：表决已开始或已结束，不能再提交稳评')
  })
})

describe('稳评审核 (street)', () => {
  it('lists the waiting 高 assessments and opens one; an empty queue says so', async () => {
    setSession(makeSession({ roles: ['street'] }))
    serve({ 'motion.riskReviews': () => ({ items: [{ motionId: 'm-9', title: '加装电梯方案', communityName: '锦江社区', level: 'high', rev: 2, filedAt: FILED }], nextCursor: null }) })
    const onOpen = jest.fn()
    const { unmount } = render(<RiskReviewsScreen onOpen={onOpen} />)
    const row = await screen.findByTestId('risk-review')
    expect(row.textContent).toContain('加装电梯方案')
    expect(row.textContent).toContain('锦江社区 · 第 2 版')
    expect(row.textContent).toContain('高风险')
    fireEvent.click(row)
    expect(onOpen).toHaveBeenCalledWith('m-9')
    unmount()
    serve({ 'motion.riskReviews': () => ({ items: [], nextCursor: null }) })
    render(<RiskReviewsScreen onOpen={onOpen} />)
    expect(await screen.findByText('没有待审核的稳评')).toBeTruthy()
  })
})

describe('the 重大事项 switch', () => {
  it('a new motion marked major is created with major: true; a published major one says it stays major', async () => {
    setSession(makeSession({ roles: ['committee'] }))
    api.mockImplementation((() => Promise.resolve(makeMotion('m-new', { status: 'draft' }))) as typeof callApi)
    const onSaved = jest.fn()
    const { unmount } = render(<DraftForm userId='u-c' id={null} onSaved={onSaved} />)
    typeInto(screen.getByTestId('draft-title'), '加装电梯方案')
    typeInto(screen.getByTestId('article-text-0'), '一号楼加装电梯')
    fireEvent.click(screen.getByTestId('draft-major'))
    expect(screen.getByTestId('draft-major').getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByTestId('draft-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(calls('motion.create')[0]![1]).toMatchObject({ major: true })
    unmount()
    serve({ 'motion.get': () => major({ can: { revise: true, advance: true, comment: false, cast: false, recordOffline: false, reply: true, assessRisk: true, signOffRisk: false } }) })
    render(<DraftForm userId='u-c' id='m-1' onSaved={jest.fn()} />)
    expect((await screen.findByTestId('draft-major-fixed')).textContent).toContain('发布后不能取消')
    expect(screen.queryByTestId('draft-major')).toBeNull()
  })
})
