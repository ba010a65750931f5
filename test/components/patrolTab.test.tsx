import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ShiftListInput } from '@/domain/patrols'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { emitShiftEvent } from '@/features/patrols/events'
import { PatrolHome, type PatrolRole } from '@/features/patrols/ui/PatrolHome'
import { useListSignup, useShiftList } from '@/features/patrols/useShiftList'
import { makeSession } from '../support/fixtures'
import { makeShift } from '../support/shifts'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

/** Noon today, so that +3 h is still today and +27 h tomorrow whatever the hour the test runs. */
const NOON = new Date()
NOON.setHours(12, 0, 0, 0)
const at = (hours: number) => new Date(NOON.getTime() + hours * 3600_000).toISOString()

function Tab({ role = 'volunteer', verified = true, handlers = {} }: { role?: PatrolRole; verified?: boolean; handlers?: Record<string, jest.Mock> }) {
  const list = useShiftList()
  const signups = useListSignup()
  const h = { onOpen: jest.fn(), onSchedule: jest.fn(), onMine: jest.fn(), onApply: jest.fn(), ...handlers }
  return <PatrolHome list={list} signups={signups} role={role} verified={verified} now={NOON} {...h} />
}

const listCalls = () => api.mock.calls.filter((c) => c[0] === 'shift.list').map((c) => c[1] as ShiftListInput)

beforeEach(() => setSession(makeSession({ roles: ['resident', 'volunteer'] })))
afterEach(() => api.mockReset())

describe('巡逻 tab', () => {
  it('groups the coming shifts by day (今天/明天/weekday + date) with time, meeting point, seats and my status', async () => {
    const items = [
      makeShift('a', { title: '早间巡逻', startAt: at(3), endAt: at(5), seatsLeft: 2, capacity: 4, myStatus: { status: 'confirmed' }, can: { ...makeShift('x').can, signup: false } }),
      makeShift('b', { title: '晚间巡逻', startAt: at(27), endAt: at(29), seatsLeft: 0, waitlistLength: 3, myStatus: { status: 'waitlisted', position: 2 }, can: { ...makeShift('x').can, signup: false } }),
      makeShift('c', { title: '周末巡逻', startAt: at(24 * 3), endAt: at(24 * 3 + 2), seatsLeft: 0, waitlistLength: 0 }),
    ]
    api.mockImplementation((async (action: string) => (action === 'shift.list' ? { items, nextCursor: null } : Promise.reject(new ApiError('NOT_FOUND')))) as typeof callApi)
    render(<Tab />)
    await screen.findByTestId('shift-list')
    const labels = screen.getAllByTestId('shift-day-label').map((n) => n.textContent)
    expect(labels[0]).toBe('今天')
    expect(labels[1]).toBe('明天')
    expect(labels[2]).toMatch(/^周[日一二三四五六] \d+月\d+日$/)
    const cards = screen.getAllByTestId('shift-card')
    const inCard = (i: number) => within(cards[i]!)
    expect(inCard(0).getByTestId('shift-time').textContent).toBe('15:00–17:00')
    expect(cards[0]!.textContent).toContain('集合：社区服务中心门口')
    expect(inCard(0).getByTestId('shift-seats').textContent).toBe('余 2 个名额（共 4 人）')
    expect(inCard(0).getByTestId('shift-my-status').textContent).toBe('已报名')
    expect(inCard(1).getByTestId('shift-seats').textContent).toBe('已满 · 候补 3 人')
    expect(inCard(1).getByTestId('shift-my-status').textContent).toBe('候补第 2 位')
    // not signed up: no status; full with nobody waiting: 已满, and the button offers the waitlist
    expect(inCard(2).queryByTestId('shift-my-status')).toBeNull()
    expect(inCard(2).getByTestId('shift-seats').textContent).toBe('已满')
    expect(inCard(2).getByTestId('shift-signup').textContent).toBe('加入候补')
    expect(inCard(0).queryByTestId('shift-signup')).toBeNull()
    expect(listCalls()[0]).toEqual({ limit: 30 })
    expect(screen.getByTestId('link-volunteer-mine')).toBeTruthy()
  })

  it('a volunteer signs up from the list: the answer is said on the card and the list fetches again', async () => {
    let signed = false
    api.mockImplementation((async (action: string, payload: { id: string }) => {
      if (action === 'shift.list')
        return { items: [makeShift('s1', signed ? { seatsLeft: 0, myStatus: { status: 'waitlisted', position: 1 }, can: { ...makeShift('x').can, signup: false } } : { seatsLeft: 0 })], nextCursor: null }
      if (action === 'shift.signup') {
        expect(payload).toEqual({ id: 's1' })
        signed = true
        return { status: 'waitlisted', position: 1 }
      }
      throw new ApiError('NOT_FOUND')
    }) as typeof callApi)
    render(<Tab />)
    fireEvent.click(await screen.findByTestId('shift-signup'))
    await waitFor(() => expect(screen.getByTestId('shift-my-status').textContent).toBe('候补第 1 位'))
    expect(screen.getByTestId('shift-signup-result').textContent).toBe('已加入候补，排第 1 位')
    const signupCall = api.mock.calls.find((c) => c[0] === 'shift.signup')!
    expect((signupCall[2] as { requestId?: string }).requestId).toMatch(/^r[a-z0-9]+$/)
    expect(listCalls()).toHaveLength(2)
  })

  it('a refused signup (overlap) says why on the card', async () => {
    api.mockImplementation((async (action: string) => {
      if (action === 'shift.list') return { items: [makeShift('s1')], nextCursor: null }
      throw new ApiError('SHIFT_OVERLAP', '与您已报名的另一个巡逻班次时间重叠')
    }) as typeof callApi)
    render(<Tab />)
    fireEvent.click(await screen.findByTestId('shift-signup'))
    expect((await screen.findByTestId('shift-signup-result')).textContent).toBe('与您已报名的另一个巡逻班次时间重叠')
  })

  it('a resident sees the list without 报名 and a clear path to 申请成为志愿者; unverified are told to verify first', async () => {
    api.mockResolvedValue({ items: [makeShift('s1', { can: { ...makeShift('x').can, signup: false } })], nextCursor: null } as never)
    const onApply = jest.fn()
    const { unmount } = render(<Tab role='resident' handlers={{ onApply }} />)
    await screen.findByTestId('shift-list')
    expect(screen.queryByTestId('shift-signup')).toBeNull()
    fireEvent.click(screen.getByTestId('patrol-apply'))
    expect(onApply).toHaveBeenCalled()
    unmount()
    render(<Tab role='resident' verified={false} />)
    await screen.findByTestId('shift-list')
    expect(screen.queryByTestId('patrol-apply')).toBeNull()
    expect(screen.getByTestId('patrol-join').textContent).toContain('请先在“我的”里完成住户认证')
  })

  it('a grid worker or street officer is not asked to become a volunteer: they read what the tab is for them', async () => {
    api.mockResolvedValue({ items: [makeShift('s1', { can: { ...makeShift('x').can, signup: false } })], nextCursor: null } as never)
    render(<Tab role='staff' verified={false} />)
    await screen.findByTestId('shift-list')
    expect(screen.queryByTestId('patrol-join')).toBeNull()
    expect(screen.queryByTestId('patrol-apply')).toBeNull()
    expect(screen.getByTestId('patrol-staff').textContent).toContain('由社区安排')
  })

  it('the committee sees 安排巡逻 and each shift’s signups against capacity', async () => {
    api.mockResolvedValue({ items: [makeShift('s1', { confirmed: 3, capacity: 4, waitlistLength: 0, can: { ...makeShift('x').can, signup: false, cancel: true } })], nextCursor: null } as never)
    const onSchedule = jest.fn()
    render(<Tab role='committee' handlers={{ onSchedule }} />)
    await screen.findByTestId('shift-list')
    expect(screen.getByTestId('shift-seats').textContent).toBe('已报名 3/4 人')
    expect(screen.getByTestId('shift-card').textContent).toContain('名单 ›')
    fireEvent.click(screen.getByTestId('patrol-schedule'))
    expect(onSchedule).toHaveBeenCalled()
  })

  it('loading skeleton, an error with 重试, then empty with 刷新; an event elsewhere refreshes', async () => {
    let fail = true
    api.mockImplementation((async () => {
      if (fail) throw new ApiError('NETWORK')
      return { items: [], nextCursor: null }
    }) as typeof callApi)
    render(<Tab />)
    expect(screen.getByTestId('list-loading')).toBeTruthy()
    expect((await screen.findByTestId('list-error')).textContent).toContain('网络不好')
    fail = false
    fireEvent.click(screen.getByTestId('list-retry'))
    expect((await screen.findByTestId('list-empty')).textContent).toContain('最近没有安排巡逻')
    const before = listCalls().length
    act(() => emitShiftEvent({ type: 'scheduled' }))
    await waitFor(() => expect(listCalls().length).toBe(before + 1))
  })
})
