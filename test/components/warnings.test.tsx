/**
 * 预测预警's screens (issue 18): the 预警 list (filter, states, open), a warning's page (figures, reports, 会商研判
 * history, the form: validation, the payload, a CONFLICT told in words), the rules (the committee edits within the
 * bounds, a grid worker reads), and the desk's 预警 rows.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { DEFAULT_PARAMS, PARAM_BOUNDS, type WarningDetail as Detail, type WarningRulesView, type WarningView } from '@/domain/warnings'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { WARNING_ROUTES } from '@/features/warnings'
import { WarningDetail } from '@/features/warnings/ui/WarningDetail'
import { WarningList } from '@/features/warnings/ui/WarningList'
import { WarningRules } from '@/features/warnings/ui/WarningRules'
import { WarningFiguresCard } from '@/features/warnings/ui/WarningFiguresCard'
import { WorkDesk } from '@/features/workspace/ui/WorkDesk'
import { useDesk } from '@/features/workspace/useDesk'
import type { Me } from '@/domain/auth'
import { makeMe, makeSession, typeInto } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const worker = makeMe({ id: 'u-w', name: '孙丽', roles: ['gridWorker'], verified: false, gridId: null, gridName: null, grids: [{ id: 'g-1', name: '第一网格' }] })
const committee = makeMe({ id: 'u-c', name: '陈秀兰', roles: ['committee'], verified: false, gridId: null, gridName: null })

function warning(id: string, over: Partial<WarningView> = {}): WarningView {
  return {
    id,
    communityId: 'c-1',
    gridId: 'g-1',
    gridName: '第一网格',
    level: 'grid',
    signal: 'spike',
    category: 'environment',
    period: '2025-02-24',
    summary: '第一网格「环境卫生」2月24日起一周报事 7 件，明显高于近期每周平均 1 件',
    observed: 7,
    baseline: 1,
    pValue: 0.00008,
    reportCount: 2,
    status: 'open',
    judgement: null,
    raisedAt: '2025-03-01T02:00:00.000Z',
    closedAt: null,
    ...over,
  }
}

function detail(over: Partial<Detail> = {}): Detail {
  return { ...warning('w-1'), reportIds: ['r-1', 'r-2'], assessments: [], canAssess: true, ...over }
}

function serve(handlers: Record<string, (payload: never, opts?: never) => unknown>) {
  api.mockImplementation((async (action: string, payload: never, opts?: never) => {
    const h = handlers[action]
    if (!h) throw new ApiError('NOT_FOUND')
    return h(payload, opts)
  }) as typeof callApi)
}

beforeEach(() => setSession(makeSession(worker)))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('预警 list', () => {
  it('shows the open warnings first with their state in words; the filter asks again; a tap opens one', async () => {
    const calls: unknown[] = []
    serve({
      'warning.list': (p: { status?: string }) => {
        calls.push(p)
        return p.status === 'closed'
          ? { items: [warning('w-2', { status: 'closed', judgement: 'false_alarm', summary: '第一网格同一地点近期被反复反映 3 次', signal: 'repeat', category: null })], nextCursor: null }
          : { items: [warning('w-1')], nextCursor: null }
      },
    })
    const onOpen = jest.fn()
    render(<WarningList userId='u-w' onOpen={onOpen} />)
    expect(screen.getByTestId('list-loading')).toBeTruthy()
    const card = await screen.findByTestId('warning-w-1')
    expect(card.textContent).toContain('第一网格 · 环境卫生 · 报事量异常升高')
    expect(card.textContent).toContain('待研判')
    fireEvent.click(card.firstElementChild!)
    expect(onOpen).toHaveBeenCalledWith('w-1')
    fireEvent.click(screen.getByTestId('warning-filter-closed'))
    const closed = await screen.findByTestId('warning-w-2')
    expect(closed.textContent).toContain('已关闭（误报）')
    expect(calls).toEqual([{ limit: 20, status: 'open' }, { limit: 20, status: 'closed' }])
    expect(screen.queryByTestId('warning-open-rules')).toBeNull()
  })

  it('says when there is nothing to assess, and offers the rules to the committee', async () => {
    serve({ 'warning.list': () => ({ items: [], nextCursor: null }) })
    const onRules = jest.fn()
    render(<WarningList userId='u-c' onOpen={jest.fn()} onRules={onRules} />)
    await screen.findByText('没有待研判的预警')
    fireEvent.click(screen.getByTestId('warning-open-rules'))
    expect(onRules).toHaveBeenCalled()
  })

  it('an error has a retry', async () => {
    serve({ 'warning.list': () => Promise.reject(new ApiError('UNAVAILABLE', '服务暂时不可用')) })
    render(<WarningList userId='u-w' onOpen={jest.fn()} />)
    expect((await screen.findByTestId('list-error')).textContent).toContain('服务暂时不可用')
  })
})

describe('a warning’s page', () => {
  it('shows the figures, the reports it counts (each opens) and the assessments so far', async () => {
    serve({
      'warning.get': () =>
        detail({
          judgement: 'watch',
          assessments: [{ id: 'a-1', assessorId: 'u-w', assessorName: '孙丽', participants: ['陈秀兰'], judgement: 'watch', actions: [{ kind: 'patrol', note: '周五加巡' }], note: '先观察一周', closed: false, at: '2025-03-01T03:00:00.000Z' }],
        }),
      // r-2 reads; r-1 cannot be read (keeps its number)
      'report.get': (p: { id: string }) => {
        if (p.id !== 'r-2') throw new ApiError('NOT_FOUND')
        return { id: 'r-2', description: '4栋门口的垃圾桶又满了，垃圾散落一地，已经好几天没人来清理了，气味很大。', createdAt: '2025-02-25T02:05:00.000Z' }
      },
    })
    const onOpenReport = jest.fn()
    render(<WarningDetail id='w-1' onOpenReport={onOpenReport} />)
    await screen.findByTestId('warning-summary')
    expect(screen.getByTestId('warning-state').textContent).toBe('研判中（持续关注）')
    expect(screen.getByTestId('warning-observed').textContent).toContain('2月24日起一周：计入 7 件')
    expect(screen.getByTestId('warning-baseline').textContent).toContain('近期每周平均 1 件')
    expect(screen.getByTestId('warning-baseline').textContent).toContain('不到千分之一')
    await waitFor(() => expect(screen.getByTestId('warning-report-r-2').textContent).toContain('4栋门口的垃圾桶又满了，垃圾散落一地，已经好几天没人来清理了…'))
    expect(screen.getByTestId('warning-report-r-2').textContent).toContain('2月25日 10:05 上报')
    expect(screen.getByTestId('warning-report-r-1').textContent).toContain('第 1 件')
    fireEvent.click(screen.getByTestId('warning-report-r-2'))
    expect(onOpenReport).toHaveBeenCalledWith('r-2')
    const a = screen.getByTestId('warning-assessment-a-1').textContent
    expect(a).toContain('孙丽、陈秀兰：持续关注')
    expect(a).toContain('安排巡逻：周五加巡')
    expect(screen.getByTestId('warning-assess')).toBeTruthy()
  })

  it('会商研判: refuses a missing judgement in words, then sends who, the judgement, the actions and close', async () => {
    const sent: unknown[] = []
    let closed = false
    serve({
      'warning.get': () => (closed ? detail({ status: 'closed', judgement: 'act', canAssess: false }) : detail()),
      'warning.assess': (p: unknown, opts?: { requestId: string }) => {
        sent.push([p, typeof opts?.requestId])
        closed = true
        return { assessmentId: 'a-9', status: 'closed' }
      },
    })
    render(<WarningDetail id='w-1' onOpenReport={jest.fn()} />)
    await screen.findByTestId('warning-assess')
    fireEvent.click(screen.getByTestId('assess-submit'))
    expect((await screen.findByTestId('field-error-judgement')).textContent).toBe('请选择研判结论')
    expect(sent).toEqual([])
    typeInto(screen.getByTestId('assess-participants'), '陈秀兰、物业王经理')
    fireEvent.click(screen.getByTestId('assess-judgement-act'))
    fireEvent.click(screen.getByTestId('assess-action-patrol'))
    typeInto(screen.getByTestId('assess-action-note-patrol'), '周五晚加巡')
    fireEvent.click(screen.getByTestId('assess-action-visit'))
    typeInto(screen.getByTestId('assess-note'), '垃圾清运不及时')
    fireEvent.click(screen.getByTestId('assess-close'))
    expect(screen.getByTestId('assess-submit').textContent).toContain('保存并关闭预警')
    fireEvent.click(screen.getByTestId('assess-submit'))
    await waitFor(() => expect(screen.queryByTestId('warning-assess')).toBeNull())
    expect(sent).toEqual([
      [
        { id: 'w-1', participants: ['陈秀兰', '物业王经理'], judgement: 'act', actions: [{ kind: 'patrol', note: '周五晚加巡' }, { kind: 'visit', note: '' }], note: '垃圾清运不及时', close: true },
        'string',
      ],
    ])
    expect(screen.getByTestId('warning-state').textContent).toBe('已关闭（需要处置）')
  })

  it('someone else closed it first: the CONFLICT is told in words and the form stays', async () => {
    serve({
      'warning.get': () => detail(),
      'warning.assess': () => Promise.reject(new ApiError('CONFLICT', '该预警已关闭（可能已被其他工作人员关闭），请刷新后查看')),
    })
    render(<WarningDetail id='w-1' onOpenReport={jest.fn()} />)
    await screen.findByTestId('warning-assess')
    fireEvent.click(screen.getByTestId('assess-judgement-false_alarm'))
    fireEvent.click(screen.getByTestId('assess-submit'))
    expect((await screen.findByTestId('assess-error')).textContent).toContain('已被其他工作人员关闭')
    expect(screen.getByTestId('warning-assess')).toBeTruthy()
  })
})

describe('预警规则', () => {
  const view = (over: Partial<WarningRulesView> = {}): WarningRulesView => ({ communityId: 'c-1', params: DEFAULT_PARAMS, custom: false, bounds: PARAM_BOUNDS, canEdit: true, ...over })

  it('the committee changes a parameter within the bounds; out of bounds is refused in words, nothing sent', async () => {
    const sent: unknown[] = []
    serve({
      'warning.rules': () => view(sent.length ? { custom: true, params: { ...DEFAULT_PARAMS, minCount: 8 } } : {}),
      'warning.setRules': (p: unknown) => {
        sent.push(p)
        return view({ custom: true, params: { ...DEFAULT_PARAMS, minCount: 8 } })
      },
    })
    render(<WarningRules userId='u-c' />)
    expect((await screen.findByTestId('warning-rules-state')).textContent).toBe('目前使用默认规则')
    expect(screen.getByTestId('field-alpha').textContent).toContain('可设 0.001—0.05，默认 0.01')
    typeInto(screen.getByTestId('rule-minCount'), '1')
    fireEvent.click(screen.getByTestId('rules-save'))
    expect((await screen.findByTestId('field-error-minCount')).textContent).toBe('最少件数不能小于 3')
    expect(sent).toEqual([])
    typeInto(screen.getByTestId('rule-minCount'), '8')
    fireEvent.click(screen.getByTestId('rules-save'))
    await screen.findByTestId('rules-saved')
    expect(sent).toEqual([{ ...DEFAULT_PARAMS, minCount: 8 }])
    expect(screen.getByTestId('warning-rules-state').textContent).toBe('本社区已调整过规则')
  })

  it('a grid worker reads them only', async () => {
    serve({ 'warning.rules': () => view({ canEdit: false }) })
    render(<WarningRules userId='u-w' />)
    await screen.findByTestId('rules-readonly')
    expect(screen.getByTestId('rule-alpha').textContent).toBe('0.01')
    expect(screen.queryByTestId('rules-save')).toBeNull()
  })
})

describe('the desk’s 预警 rows', () => {
  function Desk({ me }: { me: Me }) {
    return <WorkDesk me={me} desk={useDesk(me)} />
  }

  it('a grid worker’s desk opens the 预警 list; the committee’s also the rules', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never)
    serve({})
    const { unmount } = render(<Desk me={worker} />)
    fireEvent.click(await screen.findByTestId('desk-warnings'))
    expect(screen.queryByTestId('desk-warning-rules')).toBeNull()
    unmount()
    setSession(makeSession(committee))
    render(<Desk me={committee} />)
    fireEvent.click(await screen.findByTestId('desk-warnings'))
    fireEvent.click(screen.getByTestId('desk-warning-rules'))
    expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([WARNING_ROUTES.list, WARNING_ROUTES.list, WARNING_ROUTES.rules])
  })
})

describe('问题总览’s 预警 card', () => {
  const summary = (over: Record<string, unknown> = {}) => ({ days: 30, raised: 3, open: 1, closed: 2, byJudgement: { false_alarm: 1, watch: 0, act: 1 }, ...over })

  it('says the last 30 days in words — open ones in red, closed by conclusion — and opens the list', async () => {
    setSession(makeSession(committee))
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    serve({ 'warning.summary': () => summary() })
    render(<WarningFiguresCard />)
    expect((await screen.findByTestId('warning-figures-raised')).textContent).toBe('近 30 天预警 3 条')
    expect(screen.getByTestId('warning-figures-open').textContent).toBe('还有 1 条没有会商研判关闭')
    expect(screen.getByTestId('warning-figures-closed').textContent).toBe('已关闭 2 条：误报 1 条，需要处置 1 条')
    fireEvent.click(screen.getByTestId('warning-figures-open-list'))
    expect(navigate).toHaveBeenCalledWith({ url: WARNING_ROUTES.list })
  })

  it('none: one line and no button; a tier (no community of its own) and a resident are not asked', async () => {
    serve({ 'warning.summary': () => summary({ raised: 0, open: 0, closed: 0, byJudgement: { false_alarm: 0, watch: 0, act: 0 } }) })
    const { unmount } = render(<WarningFiguresCard />)
    expect((await screen.findByTestId('warning-figures-raised')).textContent).toBe('近 30 天没有预警')
    expect(screen.queryByTestId('warning-figures-open-list')).toBeNull()
    unmount()
    api.mockClear()
    for (const roles of [['street'], ['resident']] as const) {
      setSession(makeSession(makeMe({ id: `u-${roles[0]}`, roles: [...roles] })))
      const r = render(<WarningFiguresCard />)
      await waitFor(() => expect(screen.queryByTestId('warning-figures')).toBeNull())
      r.unmount()
    }
    expect(api.mock.calls.filter((c) => c[0] === 'warning.summary')).toHaveLength(0)
  })
})
