/** 联席会议 screens (issue 17): the form, the minutes on the report for staff, the owner's tasks on the desk. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MeetingView, MyMeetingTask } from '@/domain/meetings'
import { DisputeFiguresCard, MeetingScreen, MeetingsCard, MyMeetingTasks, ReportMeetings, useMeetings, useMyMeetingTasks, useRecordMeeting } from '@/features/meetings'
import { useAssignResponsible } from '@/features/meetings/useMeetings'
import { emptyMeetingForm } from '@/features/meetings/meetingForm'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { saveDraft } from '@/services/drafts'
import { typeInto } from '../support/fixtures'
import { staffView } from '../support/staffReports'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
afterEach(() => api.mockReset())

const dispute = staffView('r9', { category: 'dispute', level: 'community', status: 'accepted', can: ['note', 'resolve', 'escalate', 'meet'] })
const OWNERS = [
  { id: 'u-me', label: '我自己（社区 陈秀兰）' },
  { id: 'u-w', label: '网格员 孙丽' },
]

function meeting(over: Partial<MeetingView> = {}): MeetingView {
  return {
    id: 'm1',
    reportId: 'r9',
    heldOn: '2026-12-01',
    place: '社区议事厅',
    departments: ['司法所', '城管'],
    attendees: [
      { name: '王建华', role: '当事人' },
      { name: '林小梅', role: null },
    ],
    decision: '三日内清理楼道杂物',
    outcome: 'partly',
    recordedBy: '社区 陈秀兰',
    recordedAt: '2026-12-01T02:00:00.000Z',
    tasks: [
      { id: 't1', meetingId: 'm1', reportId: 'r9', task: '上门复查', owner: '网格员 孙丽', ownerId: 'u-w', dueOn: '2026-12-05', doneAt: null, doneNote: null, overdue: true },
      { id: 't2', meetingId: 'm1', reportId: 'r9', task: '通知城管', owner: '社区 陈秀兰', ownerId: 'u-me', dueOn: '2026-12-09', doneAt: null, doneNote: null, overdue: false },
    ],
    ...over,
  }
}

function Record({ onDone }: { onDone: jest.Mock }) {
  return <MeetingScreen m={useRecordMeeting('r9')} onDone={onDone} />
}

function serve(record?: (input: unknown) => Promise<unknown>, report = dispute) {
  api.mockImplementation(((action: string, input: unknown) => {
    if (action === 'report.get') return Promise.resolve(report)
    if (action === 'meeting.owners') return Promise.resolve({ owners: OWNERS })
    if (action === 'meeting.record' && record) return record(input)
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

describe('记录联席会议', () => {
  it('place, two attendees, the decision and the outcome are required; nothing is sent', async () => {
    serve()
    render(<Record onDone={jest.fn()} />)
    await waitFor(() => expect(screen.getByTestId('meeting-save')).toBeTruthy())
    await act(async () => fireEvent.click(screen.getByTestId('meeting-save')))
    expect(screen.getByTestId('field-error-place').textContent).toBe('请填写会议地点')
    expect(screen.getByTestId('field-error-attendees').textContent).toBe('请填写至少两位参会人')
    expect(screen.getByTestId('field-error-decision').textContent).toBe('请填写会议决定')
    expect(screen.getByTestId('field-error-outcome').textContent).toBe('请选择会议结果')
    expect(api.mock.calls.map((c) => c[0])).not.toContain('meeting.record')
  })

  it('a filled form is sent as meeting.record with the departments split and blank rows left out', async () => {
    const onDone = jest.fn()
    const saved = meeting()
    const record = jest.fn((_input: unknown) => Promise.resolve(saved))
    serve(record)
    render(<Record onDone={onDone} />)
    await waitFor(() => expect(screen.getByTestId('meeting-place')).toBeTruthy())
    typeInto(screen.getByTestId('meeting-place'), '社区议事厅')
    typeInto(screen.getByTestId('meeting-departments'), '司法所、城管')
    typeInto(screen.getByTestId('attendee-0-name'), '王建华')
    typeInto(screen.getByTestId('attendee-0-role'), '当事人')
    typeInto(screen.getByTestId('attendee-1-name'), '林小梅')
    fireEvent.click(screen.getByTestId('attendee-add'))
    typeInto(screen.getByTestId('meeting-decision'), '三日内清理楼道杂物')
    fireEvent.click(screen.getByTestId('meeting-outcome-partly'))
    await act(async () => fireEvent.click(screen.getByTestId('meeting-save')))
    expect(record).toHaveBeenCalledTimes(1)
    expect(record.mock.calls[0]![0]).toMatchObject({
      reportId: 'r9',
      place: '社区议事厅',
      departments: ['司法所', '城管'],
      attendees: [{ name: '王建华', role: '当事人' }, { name: '林小梅' }],
      decision: '三日内清理楼道杂物',
      outcome: 'partly',
      tasks: [],
    })
    expect(api.mock.calls.find((c) => c[0] === 'meeting.record')![2]).toMatchObject({ requestId: expect.any(String) })
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(saved))
  })

  it('a task needs its owner; the owners offered are the server’s; a task in a saved draft is sent with its owner', async () => {
    saveDraft('meeting:r9', {
      ...emptyMeetingForm(),
      place: '社区议事厅',
      attendees: [
        { name: '王建华', role: '' },
        { name: '林小梅', role: '' },
      ],
      decision: '复查',
      outcome: 'agreed',
      tasks: [{ ownerId: '', task: '上门复查', dueOn: '2099-01-01' }],
    })
    const record = jest.fn(() => Promise.resolve(meeting()))
    serve(record)
    render(<Record onDone={jest.fn()} />)
    await waitFor(() => expect(screen.getByTestId('task-0-owner')).toBeTruthy())
    expect(screen.getByTestId('task-0-owner').textContent).toBe('选择负责人')
    expect(screen.getByTestId('task-0-due').textContent).toBe('期限：2099年1月1日')
    await act(async () => fireEvent.click(screen.getByTestId('meeting-save')))
    expect(screen.getByTestId('field-error-tasks').textContent).toBe('请为每项任务选择负责人')
    expect(record).not.toHaveBeenCalled()
  })

  it('the server’s INVALID_INPUT lands on its field; the form stays', async () => {
    serve(() => Promise.reject(new ApiError('INVALID_INPUT', '会议日期不能晚于今天', [{ path: 'heldOn', message: '会议日期不能晚于今天' }])))
    render(<Record onDone={jest.fn()} />)
    await waitFor(() => expect(screen.getByTestId('meeting-place')).toBeTruthy())
    typeInto(screen.getByTestId('meeting-place'), '社区议事厅')
    typeInto(screen.getByTestId('attendee-0-name'), '王建华')
    typeInto(screen.getByTestId('attendee-1-name'), '林小梅')
    typeInto(screen.getByTestId('meeting-decision'), '三日内清理')
    fireEvent.click(screen.getByTestId('meeting-outcome-agreed'))
    await act(async () => fireEvent.click(screen.getByTestId('meeting-save')))
    await waitFor(() => expect(screen.getByTestId('field-error-heldOn').textContent).toBe('会议日期不能晚于今天'))
    expect(screen.getByTestId('meeting-error').textContent).toContain('会议日期不能晚于今天')
  })

  it('a report where no meeting may be held says why and shows no form', async () => {
    serve(undefined, staffView('r9', { category: 'environment', can: ['note'] }))
    render(<Record onDone={jest.fn()} />)
    await waitFor(() => expect(screen.getByTestId('meeting-not-allowed')).toBeTruthy())
    expect(screen.queryByTestId('meeting-save')).toBeNull()
    expect(api.mock.calls.map((c) => c[0])).toEqual(['report.get'])
  })
})

function Minutes({ meId }: { meId: string }) {
  return <MeetingsCard m={useMeetings('r9', true)} meId={meId} />
}

describe('the minutes on the report (staff)', () => {
  it('shows each meeting; 标记为已完成 only on the viewer’s own open task, which completes it', async () => {
    api.mockImplementation(((action: string, input: { taskId?: string }) => {
      if (action === 'meeting.list') return Promise.resolve({ meetings: [meeting()], responsible: null })
      if (action === 'meeting.completeTask') return Promise.resolve({ ...meeting().tasks[1]!, doneAt: '2026-12-02T02:00:00.000Z', id: input.taskId })
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
    render(<Minutes meId='u-me' />)
    await waitFor(() => expect(screen.getByTestId('meetings-card')).toBeTruthy())
    expect(screen.getByTestId('meeting-outcome').textContent).toBe('部分达成一致')
    expect(screen.getByTestId('meeting-attendees').textContent).toBe('参会人：王建华（当事人）、林小梅')
    expect(screen.getByTestId('meeting-task-t1').textContent).toContain('⚠ 已逾期')
    expect(screen.queryByTestId('meeting-task-done-t1')).toBeNull()
    await act(async () => fireEvent.click(screen.getByTestId('meeting-task-done-t2')))
    expect(api).toHaveBeenCalledWith('meeting.completeTask', { taskId: 't2' })
    await waitFor(() => expect(screen.queryByTestId('meeting-task-done-t2')).toBeNull())
    expect(screen.getByTestId('meeting-task-t2').textContent).toContain('已完成')
  })

  it('ReportMeetings asks nothing of a resident, nor for a report that is not a dispute', async () => {
    const resident = { ...dispute, viewer: 'resident' as const, timeline: [{ ...dispute.timeline[0]!, action: 'meeting' as const }] }
    const { unmount } = render(<ReportMeetings report={resident} meId='u-r' />)
    unmount()
    render(<ReportMeetings report={{ ...dispute, category: 'environment' }} meId='u-me' />)
    expect(api).not.toHaveBeenCalled()
  })

  it('for staff of a dispute: the 包保 responsible, or an offer to name one where they may', async () => {
    api.mockImplementation(((action: string) => {
      if (action === 'meeting.list') return Promise.resolve({ meetings: [], responsible: null })
      if (action === 'meeting.owners') return Promise.resolve({ owners: OWNERS })
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
    render(<ReportMeetings report={{ ...dispute, can: [...dispute.can, 'responsible'] }} meId='u-me' />)
    await waitFor(() => expect(screen.getByTestId('responsible-who').textContent).toBe('尚未指定包保责任人'))
    expect(screen.queryByTestId('meetings-card')).toBeNull()
    await act(async () => fireEvent.click(screen.getByTestId('responsible-open')))
    expect(api).toHaveBeenCalledWith('meeting.owners', { reportId: 'r9' })
    expect(screen.getByTestId('responsible-pick').textContent).toBe('点此选择包保责任人')
  })

  it('a responsible already named is shown; without the right to change it, no offer', async () => {
    api.mockImplementation(((action: string) =>
      action === 'meeting.list'
        ? Promise.resolve({ meetings: [meeting()], responsible: { id: 'u-w', label: '网格员 孙丽', assignedAt: '2026-12-01T02:00:00.000Z' } })
        : Promise.reject(new ApiError('NOT_FOUND'))) as typeof callApi)
    render(<ReportMeetings report={{ ...dispute, viewer: 'staff', can: [] }} meId='u-x' />)
    await waitFor(() => expect(screen.getByTestId('responsible-who').textContent).toBe('包保责任人：网格员 孙丽'))
    expect(screen.queryByTestId('responsible-open')).toBeNull()
    expect(screen.getByTestId('meetings-card')).toBeTruthy()
  })

})

function Tasks({ onOpen }: { onOpen: jest.Mock }) {
  return <MyMeetingTasks t={useMyMeetingTasks('u-w', true)} onOpen={onOpen} />
}

describe('the owner’s tasks on the desk', () => {
  const mine: MyMeetingTask = { ...meeting().tasks[0]!, subject: '矛盾纠纷「邻居在楼道堆放杂物」' }

  it('lists them with their dispute; a tap opens it; done removes it; a failure says why', async () => {
    let fail = true
    api.mockImplementation(((action: string) => {
      if (action === 'meeting.tasks') return Promise.resolve({ tasks: [mine], disputes: [] })
      if (action === 'meeting.completeTask') {
        if (fail) {
          fail = false
          return Promise.reject(new ApiError('NETWORK'))
        }
        return Promise.resolve({ ...mine, doneAt: '2026-12-02T02:00:00.000Z' })
      }
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
    const onOpen = jest.fn()
    render(<Tasks onOpen={onOpen} />)
    await waitFor(() => expect(screen.getByTestId('my-meeting-tasks')).toBeTruthy())
    expect(screen.getByTestId('my-meeting-tasks').textContent).toContain('联席会议任务（1）')
    fireEvent.click(screen.getByTestId('meeting-task-subject'))
    expect(onOpen).toHaveBeenCalledWith('r9')
    await act(async () => fireEvent.click(screen.getByTestId('meeting-task-done-t1')))
    expect(screen.getByTestId('meeting-task-t1').textContent).toContain('网络不好')
    await act(async () => fireEvent.click(screen.getByTestId('meeting-task-done-t1')))
    await waitFor(() => expect(screen.queryByTestId('my-meeting-tasks')).toBeNull())
  })
})

function Assign({ onAssigned }: { onAssigned: jest.Mock }) {
  const a = useAssignResponsible('r9', onAssigned)
  return (
    <>
      <button data-testid='go' onClick={() => void a.assign('u-w')} />
      <span data-testid='err'>{a.error?.message ?? ''}</span>
    </>
  )
}

describe('naming a 包保 responsible', () => {
  it('sends meeting.assignResponsible and hands back the person; a refusal is shown in words', async () => {
    const named = { id: 'u-w', label: '网格员 孙丽', assignedAt: '2026-12-01T02:00:00.000Z' }
    let refuse = false
    api.mockImplementation(((action: string) => {
      if (action !== 'meeting.assignResponsible') return Promise.reject(new ApiError('NOT_FOUND'))
      return refuse ? Promise.reject(new ApiError('CONFLICT', '网格员 孙丽 已是这个纠纷的包保责任人')) : Promise.resolve(named)
    }) as typeof callApi)
    const onAssigned = jest.fn()
    render(<Assign onAssigned={onAssigned} />)
    await act(async () => fireEvent.click(screen.getByTestId('go')))
    expect(api).toHaveBeenCalledWith('meeting.assignResponsible', { reportId: 'r9', userId: 'u-w' })
    expect(onAssigned).toHaveBeenCalledWith(named)
    refuse = true
    await act(async () => fireEvent.click(screen.getByTestId('go')))
    expect(screen.getByTestId('err').textContent).toBe('网格员 孙丽 已是这个纠纷的包保责任人')
  })
})

describe('包保 disputes on the desk', () => {
  it('listed by what they are and their status; a tap opens the dispute', async () => {
    api.mockImplementation(((action: string) =>
      action === 'meeting.tasks'
        ? Promise.resolve({ tasks: [], disputes: [{ reportId: 'r9', subject: '矛盾纠纷「邻居在楼道堆放杂物」', status: 'accepted', assignedAt: '2026-12-01T02:00:00.000Z' }] })
        : Promise.reject(new ApiError('NOT_FOUND'))) as typeof callApi)
    const onOpen = jest.fn()
    render(<Tasks onOpen={onOpen} />)
    await waitFor(() => expect(screen.getByTestId('my-disputes')).toBeTruthy())
    expect(screen.getByTestId('my-disputes').textContent).toContain('我包保的纠纷（1）')
    expect(screen.getByTestId('my-dispute-r9').textContent).toContain('处理中')
    expect(screen.queryByTestId('my-meeting-tasks')).toBeNull()
    fireEvent.click(screen.getByTestId('my-dispute-r9'))
    expect(onOpen).toHaveBeenCalledWith('r9')
  })
})

describe('问题总览’s dispute card', () => {
  it('says the figures in words; overdue tasks are called out; nothing while loading or on failure', async () => {
    api.mockImplementation(((action: string) =>
      action === 'meeting.summary'
        ? Promise.resolve({ open: 3, withResponsible: 1, meetingsLast30Days: 2, openTasks: 4, overdueTasks: 1 })
        : Promise.reject(new ApiError('NOT_FOUND'))) as typeof callApi)
    render(<DisputeFiguresCard />)
    await waitFor(() => expect(screen.getByTestId('dispute-figures')).toBeTruthy())
    expect(screen.getByTestId('dispute-open').textContent).toBe('在办纠纷 3 件，其中已指定包保责任人 1 件，还有 2 件没有')
    expect(screen.getByTestId('dispute-meetings').textContent).toBe('近 30 天召开联席会议 2 次')
    expect(screen.getByTestId('dispute-tasks').textContent).toBe('会后任务未完成 4 项，其中 1 项已逾期')
  })

  it('shows nothing when the figures cannot be had', async () => {
    api.mockImplementation((() => Promise.reject(new ApiError('FORBIDDEN'))) as typeof callApi)
    render(<DisputeFiguresCard />)
    await waitFor(() => expect(api).toHaveBeenCalledWith('meeting.summary', {}))
    expect(screen.queryByTestId('dispute-figures')).toBeNull()
  })
})
