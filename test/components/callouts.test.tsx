import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { CalloutDetail as Detail, CalloutView } from '@/domain/callouts'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { CalloutDetail } from '@/features/callouts/ui/CalloutDetail'
import { CalloutList } from '@/features/callouts/ui/CalloutList'
import { IssueCalloutForm } from '@/features/callouts/ui/IssueCalloutForm'
import { makeSession, typeInto } from '../support/fixtures'
import dayjs from 'dayjs'
import { loadDraft, saveDraft } from '@/services/drafts'
import { EMPTY_ISSUE } from '@/features/callouts/issueForm'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const HOUR = 3600_000
const iso = (ms: number) => new Date(Date.now() + ms).toISOString()

function detail(over: Partial<Detail> = {}): Detail {
  return {
    id: 'co1',
    title: '汛期堤坝值守',
    kind: 'floodWatch',
    description: '今晚暴雨，请到江边堤坝值守巡查',
    place: '锦江堤坝北段',
    area: { latitude: 29.63, longitude: 120.4258, radius: 300, coordSystem: 'gcj02' },
    startAt: iso(HOUR),
    endAt: iso(3 * HOUR),
    status: 'open',
    phase: 'upcoming',
    closedAt: null,
    closeReason: null,
    audience: { volunteers: true, residents: true },
    gridIds: ['g_jj_1'],
    tasks: [
      { id: 't1', name: '堤坝巡查', capacity: 3, signedUp: 1, checkedIn: 0, left: 2 },
      { id: 't2', name: '沙袋搬运', capacity: 1, signedUp: 1, checkedIn: 1, left: 0 },
    ],
    recipients: 5,
    answers: { yes: 2, no: 1, none: 2 },
    my: null,
    checkinOpensAt: iso(45 * 60_000),
    can: { answer: false, checkin: false, close: false, extend: false },
    createdAt: iso(-HOUR),
    unanswered: null,
    ...over,
  }
}

function serve(view: () => Detail, writes: Record<string, (payload: never) => unknown> = {}) {
  api.mockImplementation((async (action: string, payload: never) => {
    if (action === 'callout.get') return view()
    const w = writes[action]
    if (!w) throw new ApiError('NOT_FOUND')
    return w(payload)
  }) as typeof callApi)
}

beforeEach(() => setSession(makeSession({ roles: ['resident', 'volunteer'] })))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('call-out detail — a recipient', () => {
  it('能来 with a chosen task: sent with the task, and the page shows the answer', async () => {
    let d = detail({ my: { answer: null, taskId: null, answeredAt: null, checkinAt: null, hours: null }, can: { answer: true, checkin: false, close: false, extend: false } })
    const sent: unknown[] = []
    serve(() => d, {
      'callout.answer': (p) => {
        sent.push(p)
        d = { ...d, my: { ...d.my!, answer: 'yes', taskId: 't1', answeredAt: iso(0) } }
        return { answer: 'yes', taskId: 't1' }
      },
    })
    render(<CalloutDetail id='co1' />)
    expect((await screen.findByTestId('my-answer')).textContent).toBe('还没有回复')
    expect(screen.getByTestId('callout-tasks').textContent).toContain('已报名 1/3 人 · 已报到 0 人')
    expect(screen.queryByTestId('callout-unanswered')).toBeNull()
    fireEvent.click(screen.getByTestId('pick-task-t1'))
    fireEvent.click(screen.getByTestId('answer-yes'))
    await waitFor(() => expect(screen.getByTestId('my-answer').textContent).toBe('已回复：能来（堤坝巡查）'))
    expect(sent).toEqual([{ id: 'co1', answer: 'yes', taskId: 't1' }])
    expect(screen.getByTestId('callout-notice').textContent).toContain('已回复能来')
  })

  it('once answered, the controls say how to change it: 能来 → 换成这项任务 (not for the same task); 来不了 → no second 来不了', async () => {
    let d = detail({ my: { answer: 'yes', taskId: 't1', answeredAt: iso(0), checkinAt: null, hours: null }, can: { answer: true, checkin: false, close: false, extend: false } })
    serve(() => d, {
      'callout.answer': () => {
        d = { ...d, my: { ...d.my!, answer: 'no', taskId: null } }
        return { answer: 'no', taskId: null }
      },
    })
    render(<CalloutDetail id='co1' />)
    expect((await screen.findByTestId('answer-prompt')).textContent).toBe('要换任务，选另一项后点“换成这项任务”；去不了了就点“来不了”。')
    const yes = screen.getByTestId('answer-yes')
    expect(yes.textContent).toBe('换成这项任务')
    expect(yes.getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(screen.getByTestId('answer-no'))
    await waitFor(() => expect(screen.getByTestId('my-answer').textContent).toBe('已回复：来不了'))
    expect(screen.getByTestId('answer-prompt').textContent).toBe('改主意了？选一项任务后点“能来”。')
    expect(screen.getByTestId('answer-yes').textContent).toBe('能来')
    expect(screen.queryByTestId('answer-no')).toBeNull()
  })

  it('a full task: the FULL message is shown in Chinese', async () => {
    serve(() => detail({ my: { answer: null, taskId: null, answeredAt: null, checkinAt: null, hours: null }, can: { answer: true, checkin: false, close: false, extend: false } }), {
      'callout.answer': () => {
        throw new ApiError('FULL', '这项任务的名额已满，请选择其他任务')
      },
    })
    render(<CalloutDetail id='co1' />)
    fireEvent.click(await screen.findByTestId('pick-task-t2'))
    fireEvent.click(screen.getByTestId('answer-yes'))
    expect((await screen.findByTestId('answer-error')).textContent).toBe('这项任务的名额已满，请选择其他任务')
  })

  it('报到: the position is sent; off site the reason is shown', async () => {
    const geo = jest.fn((ok: PositionCallback) => ok({ coords: { latitude: 29.64, longitude: 120.4258, accuracy: 10 } } as unknown as GeolocationPosition))
    Object.defineProperty(window.navigator, 'geolocation', { value: { getCurrentPosition: geo }, configurable: true })
    serve(() => detail({ phase: 'ongoing', my: { answer: 'yes', taskId: 't1', answeredAt: iso(-HOUR), checkinAt: null, hours: null }, can: { answer: true, checkin: true, close: false, extend: false } }), {
      'callout.checkin': () => {
        throw new ApiError('OUT_OF_AREA', '不在报到地点，距离约 1100 米（范围 300 米内可报到）')
      },
    })
    render(<CalloutDetail id='co1' />)
    fireEvent.click(await screen.findByTestId('callout-checkin'))
    expect((await screen.findByTestId('checkin-error')).textContent).toBe('不在报到地点，距离约 1100 米（范围 300 米内可报到）')
    expect(api).toHaveBeenCalledWith('callout.checkin', expect.objectContaining({ id: 'co1', accuracy: 10 }), expect.anything())
  })

  it('not found: a plain message instead of the page', async () => {
    api.mockRejectedValue(new ApiError('NOT_FOUND'))
    render(<CalloutDetail id='co1' />)
    expect(await screen.findByText(/这次动员不存在，或没有发给您/)).toBeTruthy()
  })
})

describe('call-out detail — staff', () => {
  it('the live headcount per task and who has not answered; 提前结束 sends the reason', async () => {
    let d = detail({ unanswered: [{ userId: 'u1', name: '王建华' }, { userId: 'u2', name: '杨春敏' }], can: { answer: false, checkin: false, close: true, extend: true } })
    const sent: unknown[] = []
    serve(() => d, {
      'callout.close': (p) => {
        sent.push(p)
        d = { ...d, status: 'closed', phase: 'closed', closeReason: '险情解除', can: { answer: false, checkin: false, close: false, extend: false } }
        return d
      },
    })
    render(<CalloutDetail id='co1' />)
    expect((await screen.findByTestId('callout-unanswered')).textContent).toContain('王建华')
    expect(screen.getByTestId('callout-unanswered').textContent).toContain('未回复（2 人）')
    expect(screen.getByTestId('task-t2').textContent).toContain('已报名 1/1 人 · 已报到 1 人')
    expect(screen.getByTestId('callout-answers').textContent).toBe('共通知 5 人：能来 2 · 来不了 1 · 未回复 2')
    fireEvent.click(screen.getByTestId('callout-close'))
    expect((await screen.findByTestId('close-error')).textContent).toContain('原因')
    typeInto(screen.getByTestId('close-reason'), '险情解除')
    fireEvent.click(screen.getByTestId('callout-close'))
    await screen.findByTestId('callout-closed')
    expect(sent).toEqual([{ id: 'co1', reason: '险情解除' }])
  })
})

describe('call-out list', () => {
  const item = (id: string, over: Partial<CalloutView> = {}): CalloutView => ({ ...detail({ id }), ...over }) as CalloutView

  it('a recipient sees their answer on each; tapping opens one', async () => {
    api.mockResolvedValue({ items: [item('a', { my: { answer: 'yes', taskId: 't1', answeredAt: iso(0), checkinAt: null, hours: null } }), item('b', { my: { answer: null, taskId: null, answeredAt: null, checkinAt: null, hours: null } })], nextCursor: null } as never)
    const onOpen = jest.fn()
    render(<CalloutList userId='u1' committee={false} onOpen={onOpen} onIssue={jest.fn()} />)
    expect((await screen.findByTestId('callout-a')).textContent).toContain('我：能来')
    expect(screen.getByTestId('callout-b').textContent).toContain('我：未回复')
    expect(screen.queryByTestId('callout-issue')).toBeNull()
    fireEvent.click(screen.getByTestId('callout-b'))
    expect(onOpen).toHaveBeenCalledWith('b')
  })

  it('empty for the committee: the way to issue one', async () => {
    api.mockResolvedValue({ items: [], nextCursor: null } as never)
    const onIssue = jest.fn()
    render(<CalloutList userId='u1' committee onOpen={jest.fn()} onIssue={onIssue} />)
    expect(await screen.findByText('还没有发起过动员')).toBeTruthy()
    fireEvent.click(screen.getByTestId('callout-issue'))
    expect(onIssue).toHaveBeenCalled()
  })

  it('a failed load shows the error with 重试', async () => {
    api.mockRejectedValue(new ApiError('UNAVAILABLE'))
    render(<CalloutList userId='u1' committee={false} onOpen={jest.fn()} onIssue={jest.fn()} />)
    expect(await screen.findByText(/服务暂时不可用/)).toBeTruthy()
  })
})

describe('issue form', () => {
  const GRIDS = [{ id: 'g_jj_1', name: '第一网格' }, { id: 'g_jj_2', name: '第二网格' }]

  it('refuses an incomplete form with the schema’s Chinese messages and sends nothing', async () => {
    setSession(makeSession({ roles: ['committee'] }))
    render(<IssueCalloutForm userId='u_c' grids={GRIDS} onIssued={jest.fn()} />)
    fireEvent.click(screen.getByTestId('issue-submit'))
    expect(await screen.findByText('请选择动员类型')).toBeTruthy()
    expect(screen.getByText('请设置报到地点')).toBeTruthy()
    expect(screen.getByText('请至少选择一个网格')).toBeTruthy()
    expect(api).not.toHaveBeenCalled()
  })

  it('a restored draft (the pickers are the platform’s own) is sent as callout.create with a requestId, kept across a retry', async () => {
    setSession(makeSession({ roles: ['committee'] }))
    const tomorrow = dayjs().add(1, 'day').format('YYYY-MM-DD')
    saveDraft('callout.create.u_c2', {
      ...EMPTY_ISSUE,
      kind: 'snowClearing',
      title: '扫雪除冰',
      description: '清理主干道积雪',
      place: '社区服务中心',
      centre: { latitude: 29.63, longitude: 120.4258 },
      start: `${tomorrow} 07:00`,
      end: `${tomorrow} 10:00`,
    })
    const made = detail()
    const ids: string[] = []
    let fail = true
    api.mockImplementation((async (_action: string, _input: unknown, opts?: { requestId?: string }) => {
      ids.push(opts?.requestId ?? '')
      if (fail) {
        fail = false
        throw new ApiError('UNAVAILABLE')
      }
      return made
    }) as typeof callApi)
    const onIssued = jest.fn()
    render(<IssueCalloutForm userId='u_c2' grids={GRIDS} onIssued={onIssued} />)
    expect(screen.getByTestId('draft-restored')).toBeTruthy()
    fireEvent.click(screen.getByTestId('grid-g_jj_2'))
    typeInto(screen.getByTestId('task-name-0'), '铲雪')
    typeInto(screen.getByTestId('task-capacity-0'), '5')
    fireEvent.click(screen.getByTestId('issue-submit'))
    expect((await screen.findByTestId('submit-error')).textContent).toContain('不会重复发送')
    fireEvent.click(screen.getByTestId('issue-submit'))
    await waitFor(() => expect(onIssued).toHaveBeenCalledWith(made))
    expect(api).toHaveBeenCalledWith(
      'callout.create',
      {
        title: '扫雪除冰',
        kind: 'snowClearing',
        description: '清理主干道积雪',
        place: '社区服务中心',
        area: { latitude: 29.63, longitude: 120.4258, radius: 300 },
        startAt: dayjs(`${tomorrow}T07:00`).format('YYYY-MM-DDTHH:mm:ssZ'),
        endAt: dayjs(`${tomorrow}T10:00`).format('YYYY-MM-DDTHH:mm:ssZ'),
        audience: { volunteers: true, residents: false },
        gridIds: ['g_jj_2'],
        tasks: [{ name: '铲雪', capacity: 5 }],
      },
      expect.anything(),
    )
    expect(ids[0]).toBeTruthy()
    expect(ids[1]).toBe(ids[0])
    expect(loadDraft('callout.create.u_c2')).toBeNull()
  })
})
