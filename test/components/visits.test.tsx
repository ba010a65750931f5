/**
 * 入户走访's screens (issue 17): the grid worker's 走访 list, the 记录走访 form (with 转为随手拍上报 and a
 * vulnerable finding's mark), the committee's coverage, and the desk's 走访 rows with the follow-ups due.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { HouseholdView } from '@/domain/residents'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { VISIT_ROUTES } from '@/features/visits'
import { HouseholdFile } from '@/features/visits/ui/HouseholdFile'
import { VisitCoverage } from '@/features/visits/ui/VisitCoverage'
import { VisitLogForm } from '@/features/visits/ui/VisitLogForm'
import { VisitWork } from '@/features/visits/ui/VisitWork'
import { WorkDesk } from '@/features/workspace/ui/WorkDesk'
import { useDesk } from '@/features/workspace/useDesk'
import type { Me } from '@/domain/auth'
import { makeMe, makeSession, typeInto } from '../support/fixtures'
import { makeCoverage, makeFollowUp, makeHousehold } from '../support/visits'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const worker = makeMe({ id: 'u-w', name: '孙丽', roles: ['gridWorker'], verified: false, gridId: null, gridName: null, grids: [{ id: 'g-1', name: '第一网格' }] })

function household(id: string, over: Partial<HouseholdView> = {}): HouseholdView {
  return { id, gridId: 'g-1', gridName: '第一网格', building: '1栋', unit: '1单元', room: '101', headName: '王建华', adults: 2, phone: null, members: 1, ...over }
}
const HOUSEHOLDS = [household('h-1'), household('h-2', { room: '102', headName: '杨春敏' }), household('h-3', { building: '3栋', room: '301', headName: '李秀芳' })]

function serve(handlers: Record<string, (payload: never) => unknown>) {
  api.mockImplementation((async (action: string, payload: never) => {
    const h = handlers[action]
    if (!h) throw new ApiError('NOT_FOUND')
    return h(payload)
  }) as typeof callApi)
}

beforeEach(() => setSession(makeSession(worker)))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('走访 list', () => {
  it('shows the progress, the follow-ups due and the not-visited households; tapping one records a visit for it', async () => {
    const pending = [
      { household: makeHousehold('h-2', { address: '1栋1单元102', headName: '杨春敏' }), lastVisitedAt: null },
      { household: makeHousehold('h-4', { address: '1栋1单元202', headName: '赵大海' }), lastVisitedAt: '2024-11-20T02:00:00.000Z' },
    ]
    serve({ 'visit.coverage': () => makeCoverage({}, pending, 'next-1') })
    const onLog = jest.fn()
    render(<VisitWork userId='u-w' onLog={onLog} />)
    expect(screen.getByTestId('list-loading')).toBeTruthy()
    await screen.findByTestId('visit-progress')
    expect(screen.getByTestId('visit-progress').textContent).toContain('已走访 3/10 户')
    expect(screen.getByTestId('visit-due-h-6').textContent).toContain('独居老人：独居，行动不便')
    expect(screen.getByTestId('visit-due-h-6').textContent).toContain('已逾期')
    expect(screen.getByTestId('visit-pending-h-2').textContent).toContain('从未走访')
    expect(screen.getByTestId('visit-pending-h-4').textContent).toContain('11月20日')
    fireEvent.click(screen.getByTestId('visit-pending-h-4'))
    fireEvent.click(screen.getByTestId('visit-due-h-6'))
    fireEvent.click(screen.getByTestId('visit-log'))
    expect(onLog.mock.calls).toEqual([['h-4'], ['h-6'], [null]])
  })

  it('pages on with the cursor until the last page', async () => {
    const calls: unknown[] = []
    serve({
      'visit.coverage': (p: { cursor?: string }) => {
        calls.push(p)
        return p.cursor
          ? makeCoverage({}, [{ household: makeHousehold('h-9', { address: '2栋1单元101' }), lastVisitedAt: null }])
          : makeCoverage({}, [{ household: makeHousehold('h-8'), lastVisitedAt: null }], 'c-2')
      },
    })
    render(<VisitWork userId='u-w' onLog={jest.fn()} />)
    fireEvent.click(await screen.findByTestId('visit-more'))
    await screen.findByTestId('visit-pending-h-9')
    expect(screen.getByTestId('visit-pending-h-8')).toBeTruthy()
    expect(screen.queryByTestId('visit-more')).toBeNull()
    expect(calls).toEqual([{ limit: 20 }, { limit: 20, cursor: 'c-2' }])
  })

  it('shown again (back from 记录走访), reloads quietly: the household just visited leaves the list', async () => {
    let visited = false
    serve({
      'visit.coverage': () =>
        makeCoverage({}, [
          ...(visited ? [] : [{ household: makeHousehold('h-2', { address: '1栋1单元102' }), lastVisitedAt: null }]),
          { household: makeHousehold('h-4', { address: '1栋1单元202' }), lastVisitedAt: null },
        ]),
    })
    const { rerender } = render(<VisitWork userId='u-w' onLog={jest.fn()} shownAt={0} />)
    await screen.findByTestId('visit-pending-h-2')
    visited = true
    rerender(<VisitWork userId='u-w' onLog={jest.fn()} shownAt={1} />)
    await waitFor(() => expect(screen.queryByTestId('visit-pending-h-2')).toBeNull())
    // quietly: the list stayed on screen, no skeleton
    expect(screen.queryByTestId('list-loading')).toBeNull()
    expect(screen.getByTestId('visit-pending-h-4')).toBeTruthy()
    expect(api).toHaveBeenCalledTimes(2)
  })

  it('says so when nothing is due and everyone has been visited', async () => {
    serve({ 'visit.coverage': () => makeCoverage({ followUpsDue: [] }) })
    render(<VisitWork userId='u-w' onLog={jest.fn()} />)
    await screen.findByTestId('visit-due-none')
    expect(screen.getByTestId('visit-pending-none').textContent).toContain('都走访过了')
  })

  it('a failed load says why and retries', async () => {
    let fail = true
    serve({ 'visit.coverage': () => {
      if (fail) throw new ApiError('NETWORK', '网络不好')
      return makeCoverage()
    } })
    render(<VisitWork userId='u-w' onLog={jest.fn()} />)
    await screen.findByTestId('list-error')
    fail = false
    fireEvent.click(screen.getByTestId('list-retry'))
    await screen.findByTestId('visit-progress')
  })
})

describe('记录走访 form', () => {
  it('needs a household and a finding; finds a household by its address or name; sends visit.log with one requestId', async () => {
    const sent: { input: Record<string, unknown>; requestId: string }[] = []
    // the first save is lost on the way; the retry carries the same input and requestId
    api.mockImplementation((async (action: string, input: never, opts?: { requestId: string }) => {
      if (action === 'household.list') return { items: HOUSEHOLDS, nextCursor: null }
      sent.push({ input, requestId: opts!.requestId })
      if (sent.length === 1) throw new ApiError('NETWORK', '网络不好')
      return { visitId: 'v-1' }
    }) as typeof callApi)
    render(<VisitLogForm userId='u-w' onOpenReport={jest.fn()} />)
    await screen.findByTestId('visit-household-h-1')
    fireEvent.click(screen.getByTestId('visit-submit'))
    expect(screen.getByTestId('field-error-householdId').textContent).toBe('请选择走访的住户')
    expect(screen.getByTestId('field-error-finding').textContent).toBe('请选择走访发现')
    typeInto(screen.getByTestId('visit-household-filter'), '3栋')
    expect(screen.queryByTestId('visit-household-h-1')).toBeNull()
    fireEvent.click(screen.getByTestId('visit-household-h-3'))
    fireEvent.click(screen.getByTestId('visit-finding-none'))
    typeInto(screen.getByTestId('visit-met'), '户主李秀芳')
    typeInto(screen.getByTestId('visit-note'), '家中一切正常')
    fireEvent.click(screen.getByTestId('visit-submit'))
    await screen.findByTestId('visit-error')
    expect(screen.getByTestId('visit-error').textContent).toContain('不会重复记录')
    fireEvent.click(screen.getByTestId('visit-submit'))
    await screen.findByTestId('visit-done')
    expect(screen.queryByTestId('visit-open-report')).toBeNull()
    expect(sent).toHaveLength(2)
    expect(sent[1]!.requestId).toBe(sent[0]!.requestId)
    expect(sent[1]!.input).toEqual(sent[0]!.input)
    expect(sent[0]!.input).toMatchObject({ householdId: 'h-3', met: '户主李秀芳', finding: 'none', note: '家中一切正常' })
    expect(sent[0]!.input.raiseReport).toBeUndefined()
    fireEvent.click(screen.getByTestId('visit-again'))
    expect(screen.getByTestId('visit-form')).toBeTruthy()
  })

  it('a hazard turned into a report: the category suggested, the description checked, then the new report offered', async () => {
    const sent: Record<string, unknown>[] = []
    serve({
      'household.list': () => ({ items: HOUSEHOLDS, nextCursor: null }),
      'visit.log': (input: Record<string, unknown>) => {
        sent.push(input)
        return { visitId: 'v-2', reportId: 'r-9' }
      },
    })
    const onOpenReport = jest.fn()
    const onDone = jest.fn()
    render(<VisitLogForm userId='u-w' householdId='h-1' onOpenReport={onOpenReport} onDone={onDone} />)
    await screen.findByTestId('visit-household-h-1')
    expect(screen.getByTestId('field-householdId').textContent).toContain('已选：1栋1单元101 王建华')
    expect(screen.queryByTestId('visit-raise')).toBeNull()
    fireEvent.click(screen.getByTestId('visit-finding-hazard'))
    fireEvent.click(screen.getByTestId('visit-raise-toggle'))
    expect(screen.getByTestId('visit-category-safety_hazard').getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByTestId('visit-submit'))
    expect(screen.getByTestId('field-error-description').textContent).toBe('问题描述至少 5 个字')
    expect(onDone).not.toHaveBeenCalled()
    typeInto(screen.getByTestId('visit-description'), '楼道堆放纸箱，堵住消防通道')
    fireEvent.click(screen.getByTestId('visit-submit'))
    fireEvent.click(await screen.findByTestId('visit-open-report'))
    expect(onOpenReport).toHaveBeenCalledWith('r-9')
    // the result shown from its top, once
    expect(onDone).toHaveBeenCalledTimes(1)
    expect(sent[0]).toMatchObject({ householdId: 'h-1', finding: 'hazard', raiseReport: { category: 'safety_hazard', description: '楼道堆放纸箱，堵住消防通道' } })
  })

  it('the chosen household’s 走访档案 is one tap away', async () => {
    serve({ 'household.list': () => ({ items: HOUSEHOLDS, nextCursor: null }) })
    const onOpenFile = jest.fn()
    render(<VisitLogForm userId='u-w' onOpenReport={jest.fn()} onOpenFile={onOpenFile} />)
    await screen.findByTestId('visit-household-h-2')
    expect(screen.queryByTestId('visit-open-file')).toBeNull()
    fireEvent.click(screen.getByTestId('visit-household-h-2'))
    fireEvent.click(screen.getByTestId('visit-open-file'))
    expect(onOpenFile).toHaveBeenCalledWith('h-2')
  })

  it('a vulnerable finding asks for the mark: kind, reason, frequency', async () => {
    const sent: Record<string, unknown>[] = []
    serve({
      'household.list': () => ({ items: HOUSEHOLDS, nextCursor: null }),
      'visit.log': (input: Record<string, unknown>) => {
        sent.push(input)
        return { visitId: 'v-3' }
      },
    })
    render(<VisitLogForm userId='u-w' householdId='h-2' onOpenReport={jest.fn()} />)
    await screen.findByTestId('visit-household-h-2')
    fireEvent.click(screen.getByTestId('visit-finding-vulnerable'))
    expect(screen.queryByTestId('visit-raise')).toBeNull()
    fireEvent.click(screen.getByTestId('visit-submit'))
    expect(screen.getByTestId('field-error-followKind').textContent).toBe('请选择关注类别')
    expect(screen.getByTestId('field-error-followReason').textContent).toBe('请填写关注原因')
    fireEvent.click(screen.getByTestId('visit-follow-kind-livingAlone'))
    typeInto(screen.getByTestId('visit-follow-reason'), '独居，子女在外地')
    typeInto(screen.getByTestId('visit-follow-days'), '0')
    fireEvent.click(screen.getByTestId('visit-submit'))
    expect(screen.getByTestId('field-error-followDays').textContent).toBe('走访频次至少每 1 天')
    typeInto(screen.getByTestId('visit-follow-days'), '14')
    fireEvent.click(screen.getByTestId('visit-submit'))
    await screen.findByTestId('visit-done')
    expect(sent[0]).toMatchObject({ finding: 'vulnerable', followUp: { kind: 'livingAlone', reason: '独居，子女在外地', everyDays: 14 } })
  })

  it('the server’s field messages land on their fields; the households’ failed load can be retried', async () => {
    let fail = true
    serve({
      'household.list': () => {
        if (fail) throw new ApiError('NETWORK', '网络不好')
        return { items: HOUSEHOLDS, nextCursor: null }
      },
      'visit.log': () => {
        throw new ApiError('INVALID_INPUT', '走访时间不能晚于现在', [{ path: 'visitedAt', message: '走访时间不能晚于现在' }])
      },
    })
    render(<VisitLogForm userId='u-w' householdId='h-1' onOpenReport={jest.fn()} />)
    await screen.findByTestId('visit-households-error')
    fail = false
    fireEvent.click(screen.getByTestId('visit-households-retry'))
    await screen.findByTestId('visit-household-h-1')
    fireEvent.click(screen.getByTestId('visit-finding-none'))
    fireEvent.click(screen.getByTestId('visit-submit'))
    await waitFor(() => expect(screen.getByTestId('field-error-visitedAt').textContent).toBe('走访时间不能晚于现在'))
  })
})

describe('走访覆盖', () => {
  it('per grid and per worker, the follow-ups due; the committee changes the period', async () => {
    let months = 3
    const plans: unknown[] = []
    serve({
      'visit.coverage': () => makeCoverage({ period: { months, from: '2024-12-31T16:00:00.000Z', to: '2025-06-30T16:00:00.000Z' } }),
      'visit.setPlan': (p: { months: number }) => {
        plans.push(p)
        months = p.months
        return p
      },
    })
    render(<VisitCoverage userId='u-c' committee />)
    await screen.findByTestId('coverage-grid-g-1')
    // the bar counts households, not people; the line under it says what the bar does not
    expect(screen.getByTestId('coverage-grid-g-1').textContent).toBe('第一网格3/10 户 30%还差 7 户没走访；重点关注 1 户，1 户已到期')
    expect(screen.getByTestId('coverage-worker-u-w').textContent).toBe('孙丽：走访 3 次，3 户')
    expect(screen.getByTestId('coverage-due-h-6').textContent).toContain('独居老人')
    expect(screen.getByTestId('coverage-period').textContent).toContain('每 3 个月')
    fireEvent.click(screen.getByTestId('coverage-plan-edit'))
    fireEvent.click(screen.getByTestId('coverage-plan-6'))
    await waitFor(() => expect(screen.getByTestId('coverage-period').textContent).toContain('每 6 个月'))
    expect(plans).toEqual([{ months: 6 }])
    expect(screen.queryByTestId('coverage-plan-6')).toBeNull()
  })

  it('a grid worker sees it without the period’s edit; no visits yet says so', async () => {
    serve({ 'visit.coverage': () => makeCoverage({ workers: [], followUpsDue: [] }) })
    render(<VisitCoverage userId='u-w' committee={false} />)
    await screen.findByTestId('coverage-workers-none')
    expect(screen.getByTestId('coverage-due-none')).toBeTruthy()
    expect(screen.queryByTestId('coverage-plan-edit')).toBeNull()
  })
})

describe('the desk’s 走访', () => {
  function Desk({ me }: { me: Me }) {
    return <WorkDesk me={me} desk={useDesk(me)} />
  }
  const figures = { mine: { total: 0, open: 0 }, queue: { total: 0, submitted: 0, accepted: 0, overdue: 0 } }

  it('a grid worker’s 待办 holds the follow-ups due beside the reports; the rows open the visit pages', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never)
    serve({ 'report.counts': () => figures, 'visit.coverage': () => makeCoverage({ followUpsDue: [makeFollowUp('h-6'), makeFollowUp('h-7')] }) })
    render(<Desk me={worker} />)
    await waitFor(() => expect(screen.getByTestId('desk-visits-figure').textContent).toBe('2 户到期'))
    expect(screen.getByTestId('desk-visits').textContent).toContain('2 户重点关注户到期未探访')
    fireEvent.click(screen.getByTestId('desk-visits'))
    fireEvent.click(screen.getByTestId('desk-visit-log'))
    expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([VISIT_ROUTES.work, VISIT_ROUTES.log])
  })

  it('the committee’s desk opens coverage; nothing due shows no figure', async () => {
    serve({
      'report.counts': () => figures,
      'resident.applications': () => ({ items: [], nextCursor: null }),
      'volunteer.applications': () => ({ items: [], nextCursor: null }),
      'motion.list': () => ({ items: [], nextCursor: null }),
      'shift.list': () => ({ items: [], nextCursor: null }),
      'visit.coverage': () => makeCoverage({ followUpsDue: [] }),
    })
    render(<Desk me={makeMe({ id: 'u-c', roles: ['committee'], verified: false, gridId: null, gridName: null })} />)
    await waitFor(() => expect(screen.getByTestId('desk-visits').textContent).toContain('没有到期的重点关注户'))
    expect(screen.getByTestId('desk-visit-coverage')).toBeTruthy()
    expect(screen.queryByTestId('desk-visits-figure')).toBeNull()
    expect(screen.queryByTestId('desk-error')).toBeNull()
  })
})

describe('走访档案', () => {
  const visit = (id: string, over: Record<string, unknown> = {}) => ({
    id,
    household: makeHousehold('h-1'),
    visitorName: '孙丽',
    visitedAt: '2025-02-26T02:00:00.000Z',
    met: '户主',
    finding: 'none',
    note: '家中一切正常',
    reportId: null,
    ...over,
  })

  it('the visits newest first with the report a finding became; the mark set with the server’s rules, then cleared', async () => {
    const calls: [string, unknown][] = []
    serve({
      'visit.list': (p: { cursor?: string }) => {
        calls.push(['visit.list', p])
        return p.cursor
          ? { items: [visit('v-3', { visitedAt: '2024-12-01T02:00:00.000Z' })], nextCursor: null }
          : { items: [visit('v-1', { finding: 'hazard', reportId: 'r-5' }), visit('v-2')], nextCursor: 'c-2', followUp: null }
      },
      'visit.markFollowUp': (p: Record<string, unknown>) => {
        calls.push(['visit.markFollowUp', p])
        return makeFollowUp('h-1', { kind: 'hardship', reason: '低保户', everyDays: 30, overdue: false, dueAt: '2025-03-28T02:00:00.000Z' })
      },
      'visit.clearFollowUp': (p: unknown) => {
        calls.push(['visit.clearFollowUp', p])
        return { cleared: true }
      },
    })
    const onOpenReport = jest.fn()
    render(<HouseholdFile householdId='h-1' canEdit onLog={jest.fn()} onOpenReport={onOpenReport} />)
    await screen.findByTestId('file-visit-v-1')
    expect(screen.getByTestId('file-household').textContent).toContain('1栋1单元101 王建华')
    expect(screen.getByTestId('file-visit-v-1').textContent).toContain('2月26日 孙丽：安全隐患（见到户主）')
    fireEvent.click(screen.getByTestId('file-report-v-1'))
    expect(onOpenReport).toHaveBeenCalledWith('r-5')
    fireEvent.click(screen.getByTestId('file-more'))
    await screen.findByTestId('file-visit-v-3')

    expect(screen.getByTestId('file-no-mark')).toBeTruthy()
    fireEvent.click(screen.getByTestId('file-mark-add'))
    fireEvent.click(screen.getByTestId('file-mark-save'))
    expect(screen.getByTestId('field-error-kind').textContent).toBe('请选择关注类别')
    expect(screen.getByTestId('field-error-reason').textContent).toBe('请填写关注原因')
    fireEvent.click(screen.getByTestId('file-mark-kind-hardship'))
    typeInto(screen.getByTestId('file-mark-reason'), '低保户')
    fireEvent.click(screen.getByTestId('file-mark-save'))
    await screen.findByTestId('file-mark')
    expect(screen.getByTestId('file-mark').textContent).toContain('困难家庭：低保户')
    fireEvent.click(screen.getByTestId('file-mark-clear'))
    await screen.findByTestId('file-no-mark')
    expect(calls.map((c) => c[0])).toEqual(['visit.list', 'visit.list', 'visit.markFollowUp', 'visit.clearFollowUp'])
    expect(calls[2]![1]).toEqual({ householdId: 'h-1', kind: 'hardship', reason: '低保户', everyDays: 30 })
  })

  it('street staff read it without the means to change it; a household without visits says so', async () => {
    serve({ 'visit.list': () => ({ items: [], nextCursor: null, followUp: makeFollowUp('h-1') }) })
    render(<HouseholdFile householdId='h-1' canEdit={false} onLog={jest.fn()} onOpenReport={jest.fn()} />)
    await screen.findByTestId('file-visits-none')
    expect(screen.getByTestId('file-mark').textContent).toContain('独居老人')
    for (const id of ['file-mark-edit', 'file-mark-clear', 'file-log']) expect(screen.queryByTestId(id)).toBeNull()
  })

  it('a refused read says why and retries', async () => {
    let fail = true
    serve({ 'visit.list': () => {
      if (fail) throw new ApiError('NOT_FOUND', '住户不存在，或不在您负责的网格')
      return { items: [], nextCursor: null, followUp: null }
    } })
    render(<HouseholdFile householdId='h-x' canEdit onLog={jest.fn()} onOpenReport={jest.fn()} />)
    await screen.findByTestId('list-error')
    expect(screen.getByTestId('list-error').textContent).toContain('住户不存在')
    fail = false
    fireEvent.click(screen.getByTestId('list-retry'))
    await screen.findByTestId('file-no-mark')
  })
})
