/**
 * 联动's screens (issue 17): the 交办 card on the report detail (department picker filtered by category, deadline in
 * working days, the dispatch shown once made), the department's queue, and the departments' management with their
 * statistics, new departments and members.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { DepartmentView } from '@/domain/departments'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { DispatchCard } from '@/features/reports/ui/DispatchCard'
import { StaffPanel } from '@/features/reports/ui/StaffPanel'
import { DepartmentQueueScreen, DepartmentsScreen, useDepartmentQueue, useDepartments } from '@/features/departments'
import { typeInto } from '../support/fixtures'
import { staffSummary, staffView } from '../support/staffReports'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
afterEach(() => api.mockReset())

type Handler = (payload: Record<string, unknown>, opts?: { requestId?: string }) => Promise<unknown>
function serve(handlers: Record<string, Handler>) {
  api.mockImplementation(((action: string, payload: Record<string, unknown>, opts?: { requestId?: string }) => {
    const h = handlers[action]
    return h ? h(payload, opts) : Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}
const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)

function department(id: string, over: Partial<DepartmentView> = {}): DepartmentView {
  return {
    id,
    name: `城管${id}`,
    area: { tier: 'street', id: 'st-1', name: '振兴街道' },
    categories: ['environment'],
    members: [],
    stats: { dispatched: 0, onTime: 0, late: 0, returned: 0, overdueNow: 0, open: 0, averageWorkdays: null },
    ...over,
  }
}

describe('DispatchCard (交办)', () => {
  it('shows nothing to those who may not dispatch and no dispatch is live', () => {
    const { container } = render(<DispatchCard report={staffView('r1')} onChanged={jest.fn()} />)
    expect(container.textContent).toBe('')
  })

  it('lists the departments taking the category, sends the chosen one with the working days and note, shows the dispatch', async () => {
    const report = staffView('r1', { can: ['dispatch'], category: 'environment' })
    const dispatched = staffView('r1', { dispatch: { departmentName: '城管a', accepted: false, days: 3, dueAt: '2025-03-06T10:00:00.000Z' }, status: 'submitted' })
    serve({
      'department.list': () => Promise.resolve({ items: [department('a'), department('b', { name: '环卫所' })] }),
      'report.dispatch': () => Promise.resolve(dispatched),
    })
    const onChanged = jest.fn()
    function Host() {
      return <DispatchCard report={report} onChanged={onChanged} />
    }
    render(<Host />)
    fireEvent.click(screen.getByTestId('dispatch-open'))
    await screen.findByTestId('dispatch-dept-a')
    expect(calls('department.list')[0]![1]).toEqual({ category: 'environment' })
    // nothing chosen yet: said in words, nothing sent
    await act(async () => fireEvent.click(screen.getByTestId('dispatch-submit')))
    expect(screen.getByTestId('dispatch-error').textContent).toBe('请选择交办的职能部门')
    expect(calls('report.dispatch')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('dispatch-dept-a'))
    fireEvent.click(screen.getByTestId('dispatch-days-3'))
    typeInto(screen.getByTestId('dispatch-note'), '占道堆放')
    await act(async () => fireEvent.click(screen.getByTestId('dispatch-submit')))
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(dispatched))
    const [, payload, opts] = calls('report.dispatch')[0]!
    expect(payload).toEqual({ id: 'r1', departmentId: 'a', days: 3, note: '占道堆放' })
    expect((opts as { requestId?: string }).requestId).toBeTruthy()
  })

  it('says so when no department takes the category, and shows a server refusal in Chinese', async () => {
    serve({ 'department.list': () => Promise.resolve({ items: [] }) })
    render(<DispatchCard report={staffView('r1', { can: ['dispatch'] })} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByTestId('dispatch-open'))
    expect((await screen.findByTestId('dispatch-none')).textContent).toContain('还没有承接这类问题的职能部门')
  })

  it('a refused dispatch keeps the sheet open with the message', async () => {
    serve({
      'department.list': () => Promise.resolve({ items: [department('a')] }),
      'report.dispatch': () => Promise.reject(new ApiError('CONFLICT', '问题已交办给职能部门，不能重复交办')),
    })
    render(<DispatchCard report={staffView('r1', { can: ['dispatch'] })} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByTestId('dispatch-open'))
    fireEvent.click(await screen.findByTestId('dispatch-dept-a'))
    await act(async () => fireEvent.click(screen.getByTestId('dispatch-submit')))
    await waitFor(() => expect(screen.getByTestId('dispatch-error').textContent).toBe('问题已交办给职能部门，不能重复交办'))
    expect(screen.getByTestId('dispatch-sheet')).toBeTruthy()
  })

  it('a live dispatch is shown to everyone who sees the report: the department, whether accepted, the deadline', () => {
    render(<DispatchCard report={staffView('r1', { viewer: 'reporter', dispatch: { departmentName: '城管', accepted: true, days: 5, dueAt: '2025-03-10T10:00:00.000Z' } })} onChanged={jest.fn()} />)
    const info = screen.getByTestId('dispatch-info').textContent
    expect(info).toContain('已交办：城管（已受理）')
    expect(info).toContain('办理期限：5 个工作日')
  })
})

describe('DepartmentQueueScreen (交办队列)', () => {
  function Queue({ onOpen }: { onOpen: (id: string) => void }) {
    return <DepartmentQueueScreen list={useDepartmentQueue()} departmentName='城管' onOpen={onOpen} />
  }

  it('asks department.queue and keeps the server order (its deadline first), overdue in words', async () => {
    const items = [staffSummary('late', { overdue: true, status: 'accepted', dueAt: new Date(Date.now() - 3_600_000).toISOString() }), staffSummary('soon')]
    serve({ 'department.queue': () => Promise.resolve({ items, nextCursor: null }) })
    const onOpen = jest.fn()
    render(<Queue onOpen={onOpen} />)
    await waitFor(() => expect(screen.getAllByTestId('report-row')).toHaveLength(2))
    expect(calls('department.queue')[0]![1]).toEqual({ limit: 50 })
    const rows = screen.getAllByTestId('report-row')
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['late', 'soon'])
    expect(rows[0]!.querySelector('[data-testid="row-overdue"]')?.textContent).toBe('已逾期')
    fireEvent.click(rows[1]!)
    expect(onOpen).toHaveBeenCalledWith('soon')
  })

  it('empty and error states', async () => {
    serve({ 'department.queue': () => Promise.resolve({ items: [], nextCursor: null }) })
    const { unmount } = render(<Queue onOpen={jest.fn()} />)
    expect(await screen.findByText('没有待办的交办问题')).toBeTruthy()
    unmount()
    serve({ 'department.queue': () => Promise.reject(new ApiError('NETWORK')) })
    render(<Queue onOpen={jest.fn()} />)
    await waitFor(() => expect(screen.queryAllByTestId('report-row')).toHaveLength(0))
    expect(await screen.findByTestId('department-queue')).toBeTruthy()
  })
})

describe('DepartmentsScreen (职能部门)', () => {
  function Manage() {
    return <DepartmentsScreen model={useDepartments()} />
  }

  it('lists the departments with their statistics and staff; adds and removes members', async () => {
    const d = department('a', {
      members: [{ id: 'u-1', name: '执法一' }],
      stats: { dispatched: 5, onTime: 3, late: 1, returned: 1, overdueNow: 1, open: 0, averageWorkdays: 2.5 },
    })
    serve({
      'department.list': () => Promise.resolve({ items: [d] }),
      'department.candidates': () => Promise.resolve({ items: [{ id: 'u-2', name: '执法二', phoneTail: '1234', communityName: '锦江社区' }] }),
      'department.addMember': (p) => Promise.resolve({ ...d, members: [...d.members, { id: p.userId as string, name: '执法二' }] }),
      'department.removeMember': () => Promise.resolve({ ...d, members: [] }),
    })
    render(<Manage />)
    const stats = (await screen.findByTestId('department-stats')).textContent
    expect(stats).toContain('交办 5')
    expect(stats).toContain('按期办结 3')
    expect(stats).toContain('退回 1')
    expect(stats).toContain('当前逾期 1')
    expect(stats).toContain('平均用时 2.5 个工作日')
    typeInto(screen.getByTestId('member-query-a'), '执法')
    await act(async () => fireEvent.click(screen.getByTestId('member-search-go-a')))
    const add = await screen.findByTestId('candidate-add-u-2')
    await act(async () => fireEvent.click(add))
    await waitFor(() => expect(screen.getByTestId('department-a').textContent).toContain('执法二'))
    expect(calls('department.addMember')[0]![1]).toEqual({ departmentId: 'a', userId: 'u-2' })
    // the one added leaves the results
    expect(screen.queryByTestId('candidate-u-2')).toBeNull()
    await act(async () => fireEvent.click(screen.getByTestId('member-remove-u-1')))
    await waitFor(() => expect(screen.getByTestId('department-a').textContent).not.toContain('执法一'))
    expect(calls('department.removeMember')[0]![1]).toEqual({ departmentId: 'a', userId: 'u-1' })
  })

  it('creates a department from its name and categories; checks the form first', async () => {
    serve({
      'department.list': () => Promise.resolve({ items: [] }),
      'department.create': (p) => Promise.resolve(department('new', { name: p.name as string, categories: p.categories as DepartmentView['categories'] })),
    })
    render(<Manage />)
    expect(await screen.findByTestId('departments-empty')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByTestId('department-create-submit')))
    expect(screen.getByTestId('departments-problem').textContent).toMatch(/[\u4e00-\u9fff]/)
    expect(calls('department.create')).toHaveLength(0)
    typeInto(screen.getByTestId('department-name'), '市场监管所')
    fireEvent.click(screen.getByTestId('department-category-livelihood'))
    fireEvent.click(screen.getByTestId('department-category-other'))
    await act(async () => fireEvent.click(screen.getByTestId('department-create-submit')))
    await screen.findByTestId('department-new')
    const [, payload, opts] = calls('department.create')[0]!
    expect(payload).toEqual({ name: '市场监管所', categories: ['livelihood', 'other'] })
    expect((opts as { requestId?: string }).requestId).toBeTruthy()
  })

  it('a failed load says why in Chinese and offers 重试, which loads it', async () => {
    let fail = true
    serve({ 'department.list': () => (fail ? Promise.reject(new ApiError('NETWORK')) : Promise.resolve({ items: [department('a')] })) })
    render(<Manage />)
    expect((await screen.findByTestId('departments-error')).textContent).toMatch(/[\u4e00-\u9fff]/)
    fail = false
    await act(async () => fireEvent.click(screen.getByTestId('departments-retry')))
    expect(await screen.findByTestId('department-a')).toBeTruthy()
  })

  it('a refused member change is shown in Chinese', async () => {
    serve({
      'department.list': () => Promise.resolve({ items: [department('a')] }),
      'department.candidates': () => Promise.resolve({ items: [{ id: 'u-9', name: '王丽', phoneTail: null, communityName: '锦江社区' }] }),
      'department.addMember': () => Promise.reject(new ApiError('CONFLICT', '此人已是其他职能部门的人员')),
    })
    render(<Manage />)
    typeInto(await screen.findByTestId('member-query-a'), '王丽')
    await act(async () => fireEvent.click(screen.getByTestId('member-search-go-a')))
    const add = await screen.findByTestId('candidate-add-u-9')
    await act(async () => fireEvent.click(add))
    await waitFor(() => expect(screen.getByTestId('departments-problem').textContent).toBe('此人已是其他职能部门的人员'))
    // still listed: nothing was added
    expect(screen.getByTestId('candidate-u-9')).toBeTruthy()
  })

  it('searches by name or phone: each result shows name, community and 尾号; no 用户编号 to type', async () => {
    serve({
      'department.list': () => Promise.resolve({ items: [department('a')] }),
      'department.candidates': (p) =>
        Promise.resolve({
          items:
            p.query === '王'
              ? [
                  { id: 'u-1', name: '王建华', phoneTail: '0001', communityName: '锦江社区' },
                  { id: 'u-3', name: '王强', phoneTail: null, communityName: '临江村' },
                ]
              : [],
        }),
    })
    render(<Manage />)
    const box = await screen.findByTestId('member-query-a')
    expect(box.getAttribute('placeholder')).toBe('输入姓名或手机号')
    expect(screen.getByTestId('department-a').textContent).not.toContain('用户编号')
    typeInto(box, ' 王 ')
    await act(async () => fireEvent.click(screen.getByTestId('member-search-go-a')))
    expect((await screen.findByTestId('candidate-u-1')).textContent).toContain('王建华')
    expect(screen.getByTestId('candidate-u-1').textContent).toContain('锦江社区 · 尾号 0001')
    expect(screen.getByTestId('candidate-u-3').textContent).toContain('临江村')
    expect(screen.getByTestId('candidate-u-3').textContent).not.toContain('尾号')
    expect(calls('department.candidates')[0]![1]).toEqual({ departmentId: 'a', query: '王' })
    // nobody found: said in Chinese, with why someone may be missing
    typeInto(box, '李四')
    await act(async () => fireEvent.click(screen.getByTestId('member-search-go-a')))
    expect((await screen.findByTestId('member-search-empty-a')).textContent).toContain('本辖区没有找到“李四”')
    expect(screen.queryByTestId('candidate-u-1')).toBeNull()
  })

  it('an empty search is stopped before the call; a failed one says why in Chinese', async () => {
    serve({
      'department.list': () => Promise.resolve({ items: [department('a')] }),
      'department.candidates': () => Promise.reject(new ApiError('NETWORK')),
    })
    render(<Manage />)
    const go = await screen.findByTestId('member-search-go-a')
    await act(async () => fireEvent.click(go))
    expect(screen.getByTestId('member-search-error-a').textContent).toBe('请填写姓名或手机号')
    expect(calls('department.candidates')).toHaveLength(0)
    typeInto(screen.getByTestId('member-query-a'), '王')
    await act(async () => fireEvent.click(screen.getByTestId('member-search-go-a')))
    await waitFor(() => expect(screen.getByTestId('member-search-error-a').textContent).toBe('网络不好，请稍后重试'))
  })
})

describe("the department's buttons on the report detail (from the flow table)", () => {
  it('a department officer sees 受理 and 退回交办; 退回交办 asks for the reason and sends report.transition sendBack', async () => {
    const report = staffView('r1', { can: ['accept', 'sendBack'], dispatch: { departmentName: '城管', accepted: false, days: 5, dueAt: '2025-03-10T10:00:00.000Z' } })
    serve({ 'report.transition': () => Promise.resolve(staffView('r1', { status: 'accepted', dispatch: null })) })
    const onChanged = jest.fn()
    render(<StaffPanel report={report} onChanged={onChanged} />)
    expect(screen.getByTestId('staff-action-accept')).toBeTruthy()
    expect(screen.getByTestId('staff-action-sendBack').textContent).toContain('退回交办')
    fireEvent.click(screen.getByTestId('staff-action-sendBack'))
    await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
    expect(screen.getByTestId('staff-note-error').textContent).toMatch(/[\u4e00-\u9fff]/)
    expect(calls('report.transition')).toHaveLength(0)
    typeInto(screen.getByTestId('staff-note'), '应由供电所办理')
    await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
    await waitFor(() => expect(onChanged).toHaveBeenCalled())
    expect(calls('report.transition')[0]![1]).toMatchObject({ id: 'r1', action: 'sendBack', note: '应由供电所办理' })
  })
})
