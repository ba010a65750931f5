import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ReportView } from '@/domain/reports'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { ROUTES } from '@/services/routes'
import { MediationCard } from '@/features/reports/ui/MediationCard'
import { StaffPanel } from '@/features/reports/ui/StaffPanel'
import { makeMember, typeInto } from '../support/fixtures'
import { staffView } from '../support/staffReports'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

afterEach(() => api.mockReset())

function renderPanel(report: ReportView) {
  const onChanged = jest.fn()
  const utils = render(<StaffPanel report={report} onChanged={onChanged} />)
  return { onChanged, ...utils }
}

function shownActions(): string[] {
  return screen
    .queryAllByTestId(/^staff-action-/)
    .map((el) => el.getAttribute('data-testid')!.replace('staff-action-', ''))
}

describe('StaffPanel', () => {
  it('shows exactly the staff actions in `can`, escalate labelled by where it goes', () => {
    renderPanel(staffView('r1', { can: ['accept', 'reject', 'return', 'escalate', 'support', 'edit'] }))
    expect(shownActions()).toEqual(['accept', 'reject', 'return', 'escalate'])
    expect(screen.getByTestId('staff-action-escalate').textContent).toBe('上报社区')
    expect(screen.queryByTestId('staff-mediate')).toBeNull()
  })

  it('at community level escalate reads 上报街道; supervise and reassign for the committee', () => {
    renderPanel(staffView('r1', { level: 'community', can: ['escalate', 'supervise', 'reassign'] }))
    expect(shownActions()).toEqual(['escalate', 'supervise', 'reassign'])
    expect(screen.getByTestId('staff-action-escalate').textContent).toBe('上报街道')
  })

  it('above the street: 上报区综治中心 from the street, 上报市综治中心 from the district; its sheet names the office', () => {
    const { unmount } = renderPanel(staffView('r1', { level: 'street', can: ['accept', 'escalate'] }))
    expect(screen.getByTestId('staff-action-escalate').textContent).toBe('上报区综治中心')
    fireEvent.click(screen.getByTestId('staff-action-escalate'))
    expect(screen.getByTestId('staff-sheet').textContent).toContain('上报后由区综治中心重新受理')
    unmount()
    renderPanel(staffView('r1', { level: 'district', can: ['accept', 'escalate', 'supervise'] }))
    expect(screen.getByTestId('staff-action-escalate').textContent).toBe('上报市综治中心')
  })

  it('at the city nothing is above: no 上报, only what the server allows', () => {
    renderPanel(staffView('r1', { level: 'city', status: 'accepted', can: ['note', 'resolve', 'supervise'] }))
    expect(shownActions()).toEqual(['note', 'resolve', 'supervise'])
    expect(screen.queryByText(/上报/)).toBeNull()
  })

  it('renders nothing without a staff action (a resident viewing the report)', () => {
    const { container } = renderPanel(staffView('r1', { can: ['support', 'reopen', 'withdraw', 'rate'] }))
    expect(container.innerHTML).toBe('')
  })

  it('a required note: the schema message, and nothing is sent', async () => {
    renderPanel(staffView('r1', { can: ['accept', 'reject'] }))
    fireEvent.click(screen.getByTestId('staff-action-reject'))
    expect(screen.getByTestId('staff-sheet').getAttribute('data-action')).toBe('reject')
    // one sheet at a time: the other actions step aside until it is closed
    expect(screen.queryByTestId('staff-action-accept')).toBeNull()
    await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
    expect(screen.getByTestId('staff-note-error').textContent).toBe('请填写说明')
    expect(api).not.toHaveBeenCalled()
  })

  it('accept needs no note: report.transition { id, action } with a requestId, then onChanged', async () => {
    const updated = staffView('r1', { status: 'accepted', can: ['note', 'resolve'] })
    api.mockResolvedValueOnce(updated)
    const { onChanged } = renderPanel(staffView('r1', { can: ['accept'] }))
    fireEvent.click(screen.getByTestId('staff-action-accept'))
    await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
    expect(api).toHaveBeenCalledWith(
      'report.transition',
      { id: 'r1', action: 'accept' },
      { requestId: expect.stringMatching(/^r[0-9a-z]{8,}/) },
    )
    expect(onChanged).toHaveBeenCalledWith(updated)
    expect(screen.queryByTestId('staff-sheet')).toBeNull()
  })

  it('on weapp a confirmed step asks, inside the tap, for the next subscribe message; a refusal does not stop it', async () => {
    const env = { ...process.env }
    process.env.TARO_ENV = 'weapp'
    process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS = 'tpl-new-report'
    const ask = jest.fn(() => Promise.reject(new Error('requestSubscribeMessage:fail cancel')))
    ;(Taro as unknown as Record<string, unknown>).requestSubscribeMessage = ask
    try {
      const updated = staffView('r1', { status: 'accepted', can: ['note', 'resolve'] })
      api.mockResolvedValueOnce(updated)
      const { onChanged } = renderPanel(staffView('r1', { can: ['accept'] }))
      fireEvent.click(screen.getByTestId('staff-action-accept'))
      expect(ask).not.toHaveBeenCalled()
      await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
      expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-new-report'] })
      expect(onChanged).toHaveBeenCalledWith(updated)
    } finally {
      process.env = env
    }
  })

  it('a quick reason fills the note; reject sends it', async () => {
    api.mockResolvedValueOnce(staffView('r1', { status: 'rejected' }))
    const { onChanged } = renderPanel(staffView('r1', { can: ['reject'] }))
    fireEvent.click(screen.getByTestId('staff-action-reject'))
    fireEvent.click(screen.getByText('不属于受理范围'))
    await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
    expect(api).toHaveBeenCalledWith(
      'report.transition',
      { id: 'r1', action: 'reject', note: '不属于受理范围' },
      expect.anything(),
    )
    expect(onChanged).toHaveBeenCalled()
  })

  it('note and resolve offer photos; accept does not', () => {
    renderPanel(staffView('r1', { status: 'accepted', can: ['note', 'resolve', 'accept'] }))
    fireEvent.click(screen.getByTestId('staff-action-note'))
    expect(screen.getByTestId('photo-picker')).toBeTruthy()
    fireEvent.click(screen.getByTestId('staff-cancel'))
    fireEvent.click(screen.getByTestId('staff-action-accept'))
    expect(screen.queryByTestId('photo-picker')).toBeNull()
  })

  it('a CONFLICT shows its Chinese message; a retry re-sends the same requestId', async () => {
    api.mockRejectedValueOnce(new ApiError('CONFLICT', '问题当前处理中，不能受理'))
    const { onChanged } = renderPanel(staffView('r1', { can: ['resolve'] }))
    fireEvent.click(screen.getByTestId('staff-action-resolve'))
    typeInto(screen.getByTestId('staff-note'), '已清理完毕')
    await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
    expect(screen.getByTestId('staff-error').textContent).toBe('问题当前处理中，不能受理')
    expect(onChanged).not.toHaveBeenCalled()
    expect(screen.getByTestId('staff-sheet')).toBeTruthy()

    api.mockResolvedValueOnce(staffView('r1', { status: 'resolved' }))
    await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
    const [first, second] = api.mock.calls
    expect(first[1]).toEqual({ id: 'r1', action: 'resolve', note: '已清理完毕' })
    expect(second[2]).toEqual(first[2])
    expect(onChanged).toHaveBeenCalled()
  })

  it('a note being written survives closing the page, and is gone once sent', async () => {
    const report = staffView('r5', { status: 'accepted', can: ['note'] })
    const first = renderPanel(report)
    fireEvent.click(screen.getByTestId('staff-action-note'))
    typeInto(screen.getByTestId('staff-note'), '已联系物业，明天上午清理')
    first.unmount()

    api.mockResolvedValueOnce(staffView('r5', { status: 'accepted', can: ['note'] }))
    renderPanel(report)
    fireEvent.click(screen.getByTestId('staff-action-note'))
    expect(screen.getByTestId('staff-note').getAttribute('value')).toBe('已联系物业，明天上午清理')
    await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
    expect(api).toHaveBeenCalledWith(
      'report.transition',
      { id: 'r5', action: 'note', note: '已联系物业，明天上午清理' },
      expect.anything(),
    )
    fireEvent.click(screen.getByTestId('staff-action-note'))
    expect(screen.getByTestId('staff-note').getAttribute('value')).toBe('')
  })

  it('reassign: the community’s 网格员 (the current one left out), one must be picked, toUserId sent', async () => {
    const workers = [
      makeMember('u-gw1', { name: '李明', roles: ['gridWorker'], grids: [{ id: 'g-1', name: '第一网格' }] }),
      makeMember('u-gw2', { name: '赵敏', roles: ['gridWorker'], grids: [{ id: 'g-2', name: '第二网格' }] }),
    ]
    api.mockImplementation(((action: string) => {
      if (action === 'member.list') return Promise.resolve({ items: workers, nextCursor: null })
      if (action === 'report.transition')
        return Promise.resolve(staffView('r1', { assignee: { id: 'u-gw2', name: '赵敏' } }))
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
    const { onChanged } = renderPanel(staffView('r1', { can: ['reassign', 'supervise'] }))
    fireEvent.click(screen.getByTestId('staff-action-reassign'))
    await waitFor(() => expect(screen.getByTestId('staff-worker-u-gw2')).toBeTruthy())
    expect(api).toHaveBeenCalledWith('member.list', expect.objectContaining({ role: 'gridWorker' }))
    expect(screen.queryByTestId('staff-worker-u-gw1')).toBeNull()
    expect(screen.getByTestId('staff-worker-u-gw2').textContent).toContain('负责 第二网格')

    await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
    expect(screen.getByTestId('staff-worker-error').textContent).toBe('请选择改派给谁')
    expect(api.mock.calls.some((c) => c[0] === 'report.transition')).toBe(false)

    fireEvent.click(screen.getByTestId('staff-worker-u-gw2'))
    expect(screen.getByTestId('staff-worker-u-gw2').getAttribute('aria-checked')).toBe('true')
    await act(async () => fireEvent.click(screen.getByTestId('staff-confirm')))
    expect(api).toHaveBeenCalledWith(
      'report.transition',
      { id: 'r1', action: 'reassign', toUserId: 'u-gw2' },
      expect.anything(),
    )
    expect(onChanged).toHaveBeenCalled()
  })

  it('a dispute the handler may mediate: 记录调解 opens the mediation form', () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation((() => Promise.resolve()) as never)
    renderPanel(
      staffView('r9', {
        category: 'dispute',
        status: 'accepted',
        can: ['note', 'resolve', 'escalate', 'mediate'],
      }),
    )
    fireEvent.click(screen.getByTestId('staff-mediate'))
    expect(nav).toHaveBeenCalledWith({ url: `${ROUTES.reportMediate}?id=r9` })
    nav.mockRestore()
  })
})

describe('MediationCard', () => {
  it('nothing without a record', () => {
    const { container } = render(<MediationCard report={staffView('r1')} />)
    expect(container.innerHTML).toBe('')
  })

  it('kind, parties, sessions with who and when, outcome and agreement', () => {
    render(
      <MediationCard
        report={staffView('r1', {
          category: 'dispute',
          mediation: {
            kind: 'people',
            parties: [
              { name: '张三', role: '3栋201' },
              { name: '李四', role: null },
            ],
            sessions: [
              { date: '2026-11-03', note: '双方陈述噪音问题，约定晚十点后不装修', recordedBy: '网格员 李明' },
            ],
            outcome: 'agreed',
            agreement: '张三晚十点后停止施工；李四撤回投诉',
            updatedAt: new Date().toISOString(),
          },
        })}
      />,
    )
    expect(screen.getByTestId('mediation-kind').textContent).toBe('人民调解')
    expect(screen.getByTestId('mediation-parties').textContent).toBe('张三（3栋201）李四')
    expect(screen.getByTestId('mediation-session').textContent).toContain('2026年11月3日 · 网格员 李明')
    expect(screen.getByTestId('mediation-outcome').textContent).toBe('调解成功')
    expect(screen.getByTestId('mediation-agreement').textContent).toContain('张三晚十点后停止施工')
  })

  it('an open record says 调解中; a failed one says so and suggests what next', () => {
    const base = {
      kind: 'administrative' as const,
      parties: [
        { name: '王*', role: null },
        { name: '赵*', role: null },
      ],
      sessions: [],
      agreement: null,
      updatedAt: '',
    }
    const { rerender } = render(
      <MediationCard report={staffView('r1', { mediation: { ...base, outcome: null } })} />,
    )
    expect(screen.getByTestId('mediation-outcome').textContent).toBe('调解中')
    rerender(<MediationCard report={staffView('r1', { mediation: { ...base, outcome: 'failed' } })} />)
    expect(screen.getByTestId('mediation-outcome').textContent).toBe('未化解')
    expect(screen.getByTestId('mediation-failed')).toBeTruthy()
    expect(screen.queryByTestId('mediation-agreement')).toBeNull()
  })
})
