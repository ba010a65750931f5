import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ShiftListInput } from '@/domain/patrols'
import type { VolunteerBoardInput } from '@/domain/volunteers'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { MyVolunteer } from '@/features/patrols/ui/MyVolunteer'
import { IncidentForm } from '@/features/patrols/ui/IncidentForm'
import { useVolunteer } from '@/features/patrols/useVolunteer'
import { EMPTY_INCIDENT, toLogInput } from '@/features/patrols/incidentForm'
import { makeSession, typeInto } from '../support/fixtures'
import { makeShift } from '../support/shifts'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

function Mine({ onOpen = jest.fn() }: { onOpen?: jest.Mock }) {
  const v = useVolunteer()
  return <MyVolunteer v={v} onOpen={onOpen} />
}

const BOARDS: Record<string, unknown> = {
  '2026-11': {
    month: '2026-11',
    rows: [
      { rank: 1, name: '张*国', hours: 12.5, shifts: 6, me: false },
      { rank: 2, name: '王秀兰', hours: 7, shifts: 4, me: true },
      { rank: 3, name: '李*', hours: 2.3, shifts: 1, me: false },
    ],
  },
  '2026-10': { month: '2026-10', rows: [] },
}

beforeEach(() => setSession(makeSession({ roles: ['resident', 'volunteer'] })))
afterEach(() => api.mockReset())

describe('我的志愿', () => {
  it('the figures as volunteer.stats gives them, my shifts coming and past, and the board with my row marked', async () => {
    const past = makeShift('p1', { title: '上周巡逻', phase: 'ended', myStatus: { status: 'checkedOut' }, my: { checkinAt: null, checkoutAt: null, autoCheckout: false, hours: 1.8 } }, -170)
    const missed = makeShift('p2', { title: '前天巡逻', phase: 'ended', myStatus: { status: 'noShow' } }, -50)
    const coming = makeShift('c1', { title: '明晚巡逻', myStatus: { status: 'confirmed' } }, 30)
    api.mockImplementation((async (action: string, payload: unknown) => {
      if (action === 'volunteer.stats') return { month: '2026-11', hoursThisMonth: 7, hoursTotal: 31.25, shiftsDone: 15, noShows: 1, calloutsDone: 2 }
      if (action === 'shift.list') {
        const p = payload as ShiftListInput
        expect(p.mine).toBe(true)
        if (p.order === 'desc') {
          expect(Date.parse(p.from!)).toBeLessThan(Date.now() - 170 * 24 * 3600_000)
          return { items: [missed, past], nextCursor: null }
        }
        expect(p.from).toBeUndefined()
        return { items: [coming], nextCursor: null }
      }
      if (action === 'volunteer.board') return BOARDS[(payload as VolunteerBoardInput).month]
      throw new ApiError('NOT_FOUND')
    }) as typeof callApi)
    const onOpen = jest.fn()
    render(<Mine onOpen={onOpen} />)
    await screen.findByTestId('volunteer-stats')
    expect(screen.getByTestId('stat-month-value').textContent).toBe('7.0')
    expect(screen.getByTestId('stat-total-value').textContent).toBe('31.3')
    expect(screen.getByTestId('stat-done-value').textContent).toBe('15')
    expect(screen.getByTestId('stat-callouts-value').textContent).toBe('2')
    expect(screen.getByTestId('stat-noshow-value').textContent).toBe('1')
    const rows = await screen.findAllByTestId('my-shift')
    // coming first, then the past newest first
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['c1', 'p2', 'p1'])
    expect(rows.map((r) => within(r).getByTestId('my-shift-status').textContent)).toEqual(['已报名', '未到岗', '已签退 · 1.8 小时'])
    fireEvent.click(rows[0]!)
    expect(onOpen).toHaveBeenCalledWith('c1')

    await screen.findByTestId('board-rows')
    expect(screen.getByTestId('board-month').textContent).toBe('2026年11月')
    const names = screen.getAllByTestId('board-name').map((n) => n.textContent)
    expect(names).toEqual(['张*国', '王秀兰（我）', '李*'])
    expect(screen.getAllByTestId('board-row').map((r) => r.getAttribute('data-me'))).toEqual(['false', 'true', 'false'])
    expect(screen.getAllByTestId('board-hours')[0]!.textContent).toBe('12.5 小时 · 6 次')
    expect(screen.getByTestId('volunteer-board').textContent).toContain('其他志愿者的名字只显示部分')
    // the current month is the last one; the previous month has nobody yet
    expect(screen.getByTestId('board-next').getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(screen.getByTestId('board-prev'))
    await waitFor(() => expect(screen.getByTestId('board-month').textContent).toBe('2026年10月'))
    expect((await screen.findByTestId('list-empty')).textContent).toContain('这个月还没有志愿服务时长')
  })
})

describe('我的志愿 for a frequent volunteer', () => {
  it('coming shifts are asked for on their own (from now, soonest first), so a long past never hides them', async () => {
    // a daily patrol: 150 shifts in the last months, more than a page; two to come, one of them under way and already left
    const past = Array.from({ length: 150 }, (_, i) => makeShift(`p${i}`, { title: `第${i}天`, phase: 'ended', myStatus: { status: 'checkedOut' } }, -48 - i * 24))
    const ongoingDone = makeShift('o1', { title: '今晚巡逻', phase: 'ongoing', myStatus: { status: 'checkedOut' } }, -1)
    const tomorrow = makeShift('c1', { title: '明晚巡逻', myStatus: { status: 'confirmed' } }, 24)
    const calls: ShiftListInput[] = []
    api.mockImplementation((async (action: string, payload: unknown) => {
      if (action === 'volunteer.stats') return { month: '2026-11', hoursThisMonth: 7, hoursTotal: 300, shiftsDone: 150, noShows: 0, calloutsDone: 0 }
      if (action === 'shift.list') {
        const p = payload as ShiftListInput
        calls.push(p)
        if (p.order === 'desc') return { items: [ongoingDone, ...past].slice(0, p.limit), nextCursor: 'more' }
        return { items: [ongoingDone, tomorrow], nextCursor: null }
      }
      if (action === 'volunteer.board') return { month: '2026-11', rows: [] }
      throw new ApiError('NOT_FOUND')
    }) as typeof callApi)
    render(<Mine />)
    await screen.findByTestId('my-shifts')
    const ids = screen.getAllByTestId('my-shift').map((r) => r.getAttribute('data-id'))
    // coming: tomorrow; past: the one left tonight first (once), then the most recent days
    expect(ids[0]).toBe('c1')
    expect(ids.slice(1, 4)).toEqual(['o1', 'p0', 'p1'])
    expect(ids.filter((x) => x === 'o1')).toHaveLength(1)
    expect(screen.getByTestId('my-shifts').textContent).toContain('将要参加（1）')
    expect(screen.getByTestId('mine-more-past').textContent).toContain('只显示了最近')
    expect(calls.map((c) => c.order ?? 'asc').sort()).toEqual(['asc', 'desc'])
    const desc = calls.find((c) => c.order === 'desc')!
    expect(Date.parse(desc.to!)).toBeLessThanOrEqual(Date.now())
  })
})

describe('发现隐患 form', () => {
  it('needs a category and five characters; sends shift.log with the report; then offers the new report', async () => {
    api.mockResolvedValue({ logId: 'l1', reportId: 'r-77' } as never)
    const onOpenReport = jest.fn()
    render(<IncidentForm shiftId='s1' onOpenReport={onOpenReport} onBack={jest.fn()} />)
    fireEvent.click(screen.getByTestId('incident-submit'))
    expect(screen.getByTestId('field-error-category').textContent).toBe('请选择问题类别')
    expect(screen.getByTestId('field-error-description').textContent).toBe('问题描述至少 5 个字')
    expect(api).not.toHaveBeenCalled()
    fireEvent.click(screen.getByTestId('category-safety_hazard'))
    typeInto(screen.getByTestId('incident-description'), '5 号楼消防通道被电动车堵住')
    fireEvent.click(screen.getByTestId('incident-submit'))
    fireEvent.click(await screen.findByTestId('incident-open-report'))
    expect(onOpenReport).toHaveBeenCalledWith('r-77')
    expect(screen.getByTestId('incident-done').textContent).toContain('已生成随手拍')
    const [action, input, options] = api.mock.calls[0]!
    expect(action).toBe('shift.log')
    expect(input).toEqual({ id: 's1', note: '发现隐患：5 号楼消防通道被电动车堵住', report: { category: 'safety_hazard', description: '5 号楼消防通道被电动车堵住' } })
    expect((options as { requestId: string }).requestId).toBeTruthy()
  })
})

it('the log note is the observation, cut to the note’s 500 characters', () => {
  const input = toLogInput('s1', { ...EMPTY_INCIDENT, category: 'other', description: '隐'.repeat(800) })
  expect([...(input.note as string)]).toHaveLength(500)
  expect((input.note as string).startsWith('发现隐患：')).toBe(true)
})
