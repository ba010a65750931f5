import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ShiftDetail as Detail } from '@/domain/patrols'
import { chinaClock } from '@/domain/patrols/rules'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { emitShiftEvent } from '@/features/patrols/events'
import { clockText } from '@/features/patrols/format'
import { ShiftDetail } from '@/features/patrols/ui/ShiftDetail'
import { makeSession, typeInto } from '../support/fixtures'
import { makeShiftDetail } from '../support/shifts'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
const NONE = { signup: false, withdraw: false, checkin: false, checkout: false, log: false, cancel: false }

/** The server: shift.get answers `view()` (which the test changes as writes land); writes go to `writes`. */
function serve(view: () => Detail, writes: Record<string, (payload: never) => unknown> = {}) {
  api.mockImplementation((async (action: string, payload: never) => {
    if (action === 'shift.get') return view()
    const w = writes[action]
    if (!w) throw new ApiError('NOT_FOUND')
    return w(payload)
  }) as typeof callApi)
}

function geolocation(result: { latitude: number; longitude: number; accuracy: number } | 'denied' | 'unavailable') {
  const getCurrentPosition = jest.fn((ok: PositionCallback, fail?: PositionErrorCallback | null) => {
    if (result === 'denied') fail?.({ code: 1, message: 'denied' } as GeolocationPositionError)
    else if (result === 'unavailable') fail?.({ code: 2, message: 'unavailable' } as GeolocationPositionError)
    else ok({ coords: result } as unknown as GeolocationPosition)
  })
  Object.defineProperty(window.navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true })
  return getCurrentPosition
}

function renderDetail(over: { volunteer?: boolean; committee?: boolean; staff?: boolean; verified?: boolean } = {}) {
  const onIncident = jest.fn()
  const onApply = jest.fn()
  const onReport = jest.fn()
  const committee = over.committee ?? false
  render(
    <ShiftDetail
      id='s1'
      volunteer={over.volunteer ?? true}
      committee={committee}
      staff={over.staff ?? committee}
      verified={over.verified ?? true}
      onIncident={onIncident}
      onApply={onApply}
      onReport={onReport}
    />,
  )
  return { onIncident, onApply, onReport }
}

beforeEach(() => setSession(makeSession({ roles: ['resident', 'volunteer'] })))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('shift detail — signing up', () => {
  it('shows everything about the shift; 报名 confirms, and the page shows 已报名 with the cut-off to cancel by', async () => {
    let s = makeShiftDetail('s1', { note: '穿红马甲，带手电', can: { ...NONE, signup: true } })
    serve(() => s, {
      'shift.signup': () => {
        s = { ...s, confirmed: 1, seatsLeft: 3, myStatus: { status: 'confirmed' }, can: { ...NONE, withdraw: true } }
        return { status: 'confirmed' }
      },
    })
    renderDetail()
    await screen.findByTestId('shift-detail')
    expect(screen.getByTestId('shift-area').textContent).toBe('以集合点为中心，半径 300 米')
    expect(screen.getByTestId('shift-seats').textContent).toBe('余 4 个名额（共 4 人）')
    expect(screen.getByTestId('shift-note').textContent).toBe('穿红马甲，带手电')
    expect(screen.getByTestId('shift-map').textContent).toBe('在地图中查看')
    expect(screen.getByTestId('signup-hint').textContent).toContain(`开始前 2 小时（${clockText(s.withdrawCutoffAt)}）前可以取消`)
    fireEvent.click(screen.getByTestId('shift-signup'))
    expect((await screen.findByTestId('shift-notice')).textContent).toBe('报名成功，请按时到岗签到')
    await waitFor(() => expect(screen.getByTestId('shift-my-status').textContent).toBe('已报名'))
    expect(screen.getByTestId('withdraw-hint').textContent).toContain(clockText(s.withdrawCutoffAt))
    expect(screen.getByTestId('shift-withdraw').textContent).toBe('取消报名')
  })

  it('a full shift offers 加入候补 and then shows my position; 退出候补 asks first, then withdraws', async () => {
    let s = makeShiftDetail('s1', { seatsLeft: 0, confirmed: 4, waitlistLength: 2, can: { ...NONE, signup: true } })
    serve(() => s, {
      'shift.signup': () => {
        s = { ...s, waitlistLength: 3, myStatus: { status: 'waitlisted', position: 3 }, can: { ...NONE, withdraw: true } }
        return { status: 'waitlisted', position: 3 }
      },
      'shift.withdraw': () => {
        s = { ...s, waitlistLength: 2, myStatus: null, can: { ...NONE, signup: true } }
        return { status: 'withdrawn' }
      },
    })
    renderDetail()
    expect((await screen.findByTestId('shift-signup')).textContent).toBe('加入候补')
    expect(screen.getByTestId('signup-hint').textContent).toContain('现有 2 人候补')
    fireEvent.click(screen.getByTestId('shift-signup'))
    expect((await screen.findByTestId('shift-notice')).textContent).toBe('名额已满，您已加入候补，排第 3 位')
    expect((await screen.findByTestId('waitlist-position')).textContent).toBe('候补第 3 位')
    expect(screen.getByTestId('shift-my-status').textContent).toBe('候补第 3 位')
    fireEvent.click(screen.getByTestId('shift-withdraw'))
    expect(api.mock.calls.some((c) => c[0] === 'shift.withdraw')).toBe(false)
    fireEvent.click(screen.getByTestId('withdraw-confirm'))
    expect((await screen.findByTestId('shift-notice')).textContent).toBe('已取消报名')
    await waitFor(() => expect(screen.getByTestId('shift-signup')).toBeTruthy())
  })

  it('after the cut-off there is no 取消报名, only why; a refused withdraw (CUTOFF_PASSED) says so', async () => {
    let s = makeShiftDetail('s1', { myStatus: { status: 'confirmed' }, can: { ...NONE, withdraw: true } }, 1.5)
    serve(() => s, {
      'shift.withdraw': () => {
        s = { ...s, can: { ...NONE } }
        throw new ApiError('CUTOFF_PASSED', `已过退出截止时间（${chinaClock(s.withdrawCutoffAt)}，开始前 2 小时），如有急事请联系社区`)
      },
    })
    renderDetail()
    fireEvent.click(await screen.findByTestId('shift-withdraw'))
    fireEvent.click(screen.getByTestId('withdraw-confirm'))
    expect((await screen.findByTestId('withdraw-closed')).textContent).toBe(
      `已过取消截止时间（${clockText(s.withdrawCutoffAt)}，开始前 2 小时），不能再取消报名。如有急事不能来，请联系社区。`,
    )
    expect(screen.queryByTestId('shift-withdraw')).toBeNull()
  })

  it('a resident (not a volunteer) is shown the way to become one', async () => {
    serve(() => makeShiftDetail('s1'))
    const { onApply } = renderDetail({ volunteer: false })
    fireEvent.click(await screen.findByTestId('shift-apply'))
    expect(onApply).toHaveBeenCalled()
    expect(screen.queryByTestId('shift-signup')).toBeNull()
  })
})

describe('shift detail — check-in', () => {
  const confirmedOpen = (over: Partial<Detail> = {}) => makeShiftDetail('s1', { myStatus: { status: 'confirmed' }, can: { ...NONE, checkin: true }, ...over }, 0.1)

  it('too early by the phone’s clock: the hint is shown, but the tap still asks the server, which decides', async () => {
    // the phone says the opening is 5 h away (its clock may be slow); the server's clock says the window is open
    let view = makeShiftDetail('s1', { myStatus: { status: 'confirmed' }, can: { ...NONE, withdraw: true } }, 5)
    serve(() => view, {
      'shift.checkin': () => {
        view = { ...view, myStatus: { status: 'checkedIn' } }
        return { checkedInAt: new Date().toISOString(), distance: 12 }
      },
    })
    const geo = geolocation({ latitude: 30.2741, longitude: 120.1551, accuracy: 10 })
    renderDetail()
    const hint = await screen.findByTestId('checkin-early-hint')
    expect(hint.textContent).toMatch(/^按手机上的时间，签到还没开放（\d+月\d+日 \d\d:\d\d 开放）。如果您已经到了，也可以点“签到”试试。$/)
    fireEvent.click(screen.getByTestId('shift-checkin'))
    expect((await screen.findByTestId('shift-notice')).textContent).toBe('签到成功（离区域中心约 12 米）')
    expect(geo).toHaveBeenCalled()
    expect(api.mock.calls.some((c) => c[0] === 'shift.checkin')).toBe(true)
    expect(screen.queryByTestId('checkin-refusal')).toBeNull()
  })

  it('too early for the server too: 太早了 with the server’s opening time', async () => {
    serve(() => makeShiftDetail('s1', { myStatus: { status: 'confirmed' }, can: { ...NONE, withdraw: true } }, 5), {
      'shift.checkin': () => {
        throw new ApiError('OUT_OF_WINDOW', '太早了', { reason: 'early', opensAt: '2025-11-26T01:45:00.000Z' })
      },
    })
    geolocation({ latitude: 30.2741, longitude: 120.1551, accuracy: 10 })
    renderDetail()
    fireEvent.click(await screen.findByTestId('shift-checkin'))
    expect((await screen.findByTestId('checkin-refusal-title')).textContent).toBe('太早了')
    expect(screen.getByTestId('checkin-refusal-text').textContent).toBe('签到在 11月26日 09:45 开放（开始前 15 分钟），到时再来。')
  })

  it('off site: 不在巡逻区域 with the distance and the radius; the browser position is sent as WGS-84 with its accuracy', async () => {
    serve(() => confirmedOpen(), {
      'shift.checkin': () => {
        throw new ApiError('OUT_OF_AREA', '不在巡逻区域，距离约 1234 米（范围 300 米内可签到）', { distance: 1234, radius: 300 })
      },
    })
    geolocation({ latitude: 30.28, longitude: 120.16, accuracy: 25 })
    renderDetail()
    fireEvent.click(await screen.findByTestId('shift-checkin'))
    expect((await screen.findByTestId('checkin-refusal-title')).textContent).toBe('不在巡逻区域')
    expect(screen.getByTestId('checkin-refusal-text').textContent).toBe('您离巡逻区域中心约 1234 米，要在 300 米范围内才能签到。请到集合地点后再点“签到”。')
    const call = api.mock.calls.find((c) => c[0] === 'shift.checkin')!
    expect(call[1]).toEqual({ id: 's1', latitude: 30.28, longitude: 120.16, accuracy: 25, coordSystem: 'wgs84' })
  })

  it.each([
    ['early', { reason: 'early', opensAt: '2025-11-26T01:45:00.000Z' }, '太早了', '签到在 11月26日 09:45 开放（开始前 15 分钟），到时再来。'],
    ['ended', { reason: 'ended' }, '已结束', '这次巡逻已经结束，不能再签到。'],
  ])('the server says OUT_OF_WINDOW (%s): said in words', async (_name, details, title, text) => {
    serve(() => confirmedOpen(), {
      'shift.checkin': () => {
        throw new ApiError('OUT_OF_WINDOW', '不在签到时间内', details)
      },
    })
    geolocation({ latitude: 30.2741, longitude: 120.1551, accuracy: 10 })
    renderDetail()
    fireEvent.click(await screen.findByTestId('shift-checkin'))
    expect((await screen.findByTestId('checkin-refusal-title')).textContent).toBe(title)
    expect(screen.getByTestId('checkin-refusal-text').textContent).toBe(text)
  })

  it.each([
    ['denied', '没有位置权限', '请在浏览器的网站设置里允许使用位置'],
    ['unavailable', '暂时无法定位', '请打开手机的定位（GPS）'],
  ] as const)('no location (%s): what to do about it, and nothing is sent', async (reason, title, text) => {
    serve(() => confirmedOpen())
    geolocation(reason)
    renderDetail()
    fireEvent.click(await screen.findByTestId('shift-checkin'))
    expect((await screen.findByTestId('checkin-refusal-title')).textContent).toBe(title)
    expect(screen.getByTestId('checkin-refusal-text').textContent).toContain(text)
    expect(api.mock.calls.some((c) => c[0] === 'shift.checkin')).toBe(false)
  })

  it('on site: checked in; then a note is logged, 发现隐患 opens the form, and 签退 shows the hours', async () => {
    const checkinAt = new Date().toISOString()
    let s = confirmedOpen()
    serve(() => s, {
      'shift.checkin': () => {
        s = { ...s, myStatus: { status: 'checkedIn' }, my: { checkinAt, checkoutAt: null, autoCheckout: false, hours: null }, can: { ...NONE, checkout: true, log: true } }
        return { checkedInAt: checkinAt, distance: 42 }
      },
      'shift.log': (p: { note: string }) => {
        expect(p).toEqual({ id: 's1', note: '3 号楼后门没关，已提醒物业' })
        s = { ...s, logs: [{ id: 'l1', note: p.note, at: new Date().toISOString(), authorName: '李秀英', mine: true, reportId: null }] }
        return { logId: 'l1' }
      },
      'shift.checkout': () => {
        s = { ...s, myStatus: { status: 'checkedOut' }, my: { checkinAt, checkoutAt: new Date().toISOString(), autoCheckout: false, hours: 1.5 }, can: { ...NONE } }
        return { checkedOutAt: new Date().toISOString(), hours: 1.5 }
      },
    })
    geolocation({ latitude: 30.2741, longitude: 120.1551, accuracy: 8 })
    const { onIncident } = renderDetail()
    fireEvent.click(await screen.findByTestId('shift-checkin'))
    expect((await screen.findByTestId('shift-notice')).textContent).toBe('签到成功（离区域中心约 42 米）')
    await screen.findByTestId('checked-in')
    typeInto(screen.getByTestId('log-note'), '3 号楼后门没关，已提醒物业')
    expect(screen.queryByTestId('shift-logs')).toBeNull()
    fireEvent.click(screen.getByTestId('log-submit'))
    // what shift.get says after the write, not a local copy
    await waitFor(() => expect(screen.getAllByTestId('log-note-text').map((n) => n.textContent)).toEqual(['3 号楼后门没关，已提醒物业']))
    expect(screen.getByTestId('shift-logs').textContent).toContain('我的巡逻记录')
    fireEvent.click(screen.getByTestId('shift-incident'))
    expect(onIncident).toHaveBeenCalledWith('s1')
    fireEvent.click(screen.getByTestId('shift-checkout'))
    expect((await screen.findByTestId('shift-notice')).textContent).toBe('已签退，本次巡逻 1.5 小时')
    expect((await screen.findByTestId('shift-done')).textContent).toContain('本次巡逻 1.5 小时')
    expect(screen.getByTestId('shift-my-status').textContent).toBe('已签退 · 1.5 小时')
  })

  it('a no-show and an automatic check-out are said plainly', async () => {
    let s = makeShiftDetail('s1', { phase: 'ended', myStatus: { status: 'noShow' } }, -3)
    serve(() => s)
    const { unmount } = render(<ShiftDetail id='s1' volunteer committee={false} staff={false} verified onIncident={jest.fn()} onApply={jest.fn()} onReport={jest.fn()} />)
    expect((await screen.findByTestId('shift-noshow')).textContent).toContain('到结束时没有签到')
    expect(screen.getByTestId('shift-my-status').textContent).toBe('未到岗')
    unmount()
    s = { ...s, myStatus: { status: 'checkedOut' }, my: { checkinAt: s.startAt, checkoutAt: s.endAt, autoCheckout: true, hours: 2 } }
    renderDetail()
    const done = await screen.findByTestId('shift-done')
    expect(done.textContent).toContain('本次巡逻 2.0 小时')
    expect(done.textContent).toContain('没有签退，已按结束时间自动签退')
  })
})

describe('shift detail — committee', () => {
  it('the roster with statuses and hours; 取消巡逻 needs a reason and a confirmation', async () => {
    setSession(makeSession({ roles: ['committee'] }))
    let s = makeShiftDetail('s1', {
      capacity: 2,
      confirmed: 2,
      seatsLeft: 0,
      waitlistLength: 1,
      can: { ...NONE, cancel: true },
      roster: [
        { name: '张建国', status: 'checkedOut', checkinAt: '2025-11-26T01:50:00.000Z', checkoutAt: '2025-11-26T03:30:00.000Z', hours: 1.5, me: false },
        { name: '李秀英', status: 'confirmed', checkinAt: null, checkoutAt: null, hours: null, me: false },
        { name: '王海', status: 'waitlisted', position: 1, checkinAt: null, checkoutAt: null, hours: null, me: false },
      ],
    })
    serve(() => s, {
      'shift.cancel': (p: { reason: string }) => {
        expect(p).toEqual({ id: 's1', reason: '明天有暴雨' })
        s = { ...s, status: 'cancelled', phase: 'cancelled', cancelReason: '明天有暴雨', can: { ...NONE } }
        return s
      },
    })
    renderDetail({ volunteer: false, committee: true })
    await screen.findByTestId('shift-roster')
    expect(screen.getAllByTestId('roster-status').map((n) => n.textContent)).toEqual(['已签退', '已报名', '候补第 1 位'])
    const hm = (iso: string) => clockText(iso).slice(-5)
    expect(screen.getAllByTestId('roster-row')[0]!.textContent).toContain(`签到 ${hm('2025-11-26T01:50:00.000Z')} · 签退 ${hm('2025-11-26T03:30:00.000Z')} · 1.5 小时`)
    expect(screen.getByTestId('shift-roster').textContent).toContain('报名名单（2/2 人，候补 1 人）')
    expect(screen.queryByTestId('shift-join')).toBeNull()
    fireEvent.click(screen.getByTestId('shift-cancel'))
    fireEvent.click(await screen.findByTestId('cancel-confirm'))
    expect(screen.getByTestId('cancel-missing').textContent).toBe('请填写取消原因')
    expect(api.mock.calls.some((c) => c[0] === 'shift.cancel')).toBe(false)
    typeInto(screen.getByTestId('cancel-reason'), '明天有暴雨')
    fireEvent.click(screen.getByTestId('cancel-confirm'))
    expect((await screen.findByTestId('shift-cancelled')).textContent).toBe('这次巡逻已取消。原因：明天有暴雨')
    expect(screen.queryByTestId('shift-cancel')).toBeNull()
  })
})

describe('shift detail — 巡逻记录', () => {
  const LOGS = [
    { id: 'l3', note: '东门路灯不亮', at: '2025-11-26T02:30:00.000Z', authorName: '张建国', mine: false, reportId: null },
    { id: 'l2', note: '发现隐患：2栋消防通道堆满纸箱', at: '2025-11-26T02:20:00.000Z', authorName: '李秀英', mine: false, reportId: 'r9' },
    { id: 'l1', note: '3栋周边一切正常', at: '2025-11-26T02:10:00.000Z', authorName: '张建国', mine: false, reportId: null },
  ]

  it('a volunteer coming back after check-out still reads their own notes, with the link to their 发现隐患 report', async () => {
    const mine = LOGS.slice(1).map((l) => ({ ...l, authorName: '李秀英', mine: true }))
    serve(() =>
      makeShiftDetail('s1', { phase: 'ended', myStatus: { status: 'checkedOut' }, my: { checkinAt: '2025-11-26T02:00:00.000Z', checkoutAt: '2025-11-26T03:00:00.000Z', autoCheckout: false, hours: 1 }, logs: mine }, -3),
    )
    const { onReport } = renderDetail()
    const card = await screen.findByTestId('shift-logs')
    expect(card.textContent).toContain('我的巡逻记录')
    expect(screen.getAllByTestId('log-note-text').map((n) => n.textContent)).toEqual(['发现隐患：2栋消防通道堆满纸箱', '3栋周边一切正常'])
    expect(screen.getAllByTestId('log-author').map((n) => n.textContent)).toEqual(['我', '我'])
    expect(screen.getAllByTestId('log-entry')[0]!.textContent).toContain(clockText('2025-11-26T02:20:00.000Z'))
    fireEvent.click(screen.getByTestId('log-report'))
    expect(onReport).toHaveBeenCalledWith('r9')
  })

  it('the committee reads every volunteer’s notes with names, each 发现隐患 with its report; none yet is said plainly', async () => {
    setSession(makeSession({ roles: ['committee'] }))
    let s = makeShiftDetail('s1', { phase: 'ongoing', logs: [] })
    serve(() => s)
    const { onReport } = renderDetail({ volunteer: false, committee: true })
    expect((await screen.findByTestId('shift-logs-empty')).textContent).toContain('志愿者还没有写巡逻记录')
    expect(screen.getByTestId('shift-logs').textContent).toContain('巡逻记录（0 条）')
    s = { ...s, logs: LOGS }
    // a fresh view, as after a pull-down
    act(() => emitShiftEvent({ type: 'changed', id: 's1' }))
    await waitFor(() => expect(screen.getAllByTestId('log-entry')).toHaveLength(3))
    expect(screen.getByTestId('shift-logs').textContent).toContain('巡逻记录（3 条）')
    expect(screen.getAllByTestId('log-author').map((n) => n.textContent)).toEqual(['张建国', '李秀英', '张建国'])
    expect(screen.getAllByTestId('log-note-text').map((n) => n.textContent)).toEqual(LOGS.map((l) => l.note))
    const links = screen.getAllByTestId('log-report')
    expect(links).toHaveLength(1)
    expect(screen.getAllByTestId('log-entry')[1]!.textContent).toContain('发现隐患')
    fireEvent.click(links[0]!)
    expect(onReport).toHaveBeenCalledWith('r9')
    expect(screen.queryByTestId('shift-logs-empty')).toBeNull()
  })
})

describe('text for who is looking: the way to join a patrol', () => {
  it.each([
    ['a verified resident', { volunteer: false, verified: true }, '申请成为志愿者', true],
    ['a resident not yet verified', { volunteer: false, verified: false }, '请先在“我的”里完成住户认证', false],
    ['a grid worker', { volunteer: false, staff: true, verified: false }, null, false],
    ['the committee', { volunteer: false, committee: true, verified: false }, null, false],
  ] as const)('%s', async (_who, over, words, button) => {
    serve(() => makeShiftDetail('s1', { can: { ...NONE } }))
    renderDetail(over)
    await screen.findByTestId('shift-detail')
    const join = screen.queryByTestId('shift-join')
    if (words === null) expect(join).toBeNull()
    else expect(join?.textContent).toContain(words)
    expect(!!screen.queryByTestId('shift-apply')).toBe(button)
  })
})
