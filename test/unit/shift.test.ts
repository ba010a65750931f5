import { distanceMetres } from '@/domain/shared/geo'
import type { Role } from '@/domain/shared/roles'
import type { UserRecord } from '../../cloud/shared/ports'
import type { ShiftLogRecord } from '../../cloud/patrols/ports'
import { logsView } from '../../cloud/patrols/view'
import { nextSignupStatus, shiftCreateSchema, shiftPhase, SIGNUP_FLOW, SIGNUP_STATUSES } from '@/domain/patrols'
import {
  areaCheck,
  beforeCutoff,
  checkinWindow,
  chinaMonth,
  eveningBeforeAt,
  hourBeforeAt,
  isNoShow,
  monthBounds,
  needsAutoCheckout,
  overlaps,
  servedHours,
  weeklyOccurrences,
  windowMessage,
} from '@/domain/patrols/rules'

const S = { startAt: '2025-03-01T12:00:00.000Z', endAt: '2025-03-01T14:00:00.000Z' }
const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()
const MIN = 60_000

describe('distance and radius edges', () => {
  const centre = { latitude: 29.63, longitude: 120.4258 }
  // one metre of latitude at the haversine's earth radius
  const metreLat = 1 / (6_371_008.8 * (Math.PI / 180))
  const north = (m: number) => ({ latitude: centre.latitude + m * metreLat, longitude: centre.longitude })

  test('haversine: 300 m north is 300 m', () => {
    expect(distanceMetres(centre, north(300))).toBeCloseTo(300, 3)
    expect(distanceMetres(centre, centre)).toBe(0)
  })
  test('exactly on the radius is inside; a metre beyond is not (accuracy 0)', () => {
    const area = { ...centre, radius: 300 }
    expect(areaCheck(area, north(299.999), 0)).toEqual({ inside: true, distance: 300 })
    expect(areaCheck(area, north(301), 0)).toEqual({ inside: false, distance: 301 })
  })
  test('accuracy widens the area, capped at 100 m', () => {
    const area = { ...centre, radius: 300 }
    expect(areaCheck(area, north(349), 50).inside).toBe(true)
    expect(areaCheck(area, north(351), 50).inside).toBe(false)
    expect(areaCheck(area, north(399.99), 5000).inside).toBe(true)
    expect(areaCheck(area, north(401), 5000)).toEqual({ inside: false, distance: 401 })
    expect(areaCheck(area, north(301), -20).inside).toBe(false)
  })
})

describe('check-in window [start − 15 min, end]', () => {
  test.each([
    [at(S.startAt, -15 * MIN - 1), 'early'],
    [at(S.startAt, -15 * MIN), 'open'],
    [S.startAt, 'open'],
    [S.endAt, 'open'],
    [at(S.endAt, 1), 'ended'],
  ])('%s → %s', (now, verdict) => {
    expect(checkinWindow(S, now)).toBe(verdict)
  })
  test('the messages say 太早 with the opening time (Beijing) or 已结束', () => {
    expect(windowMessage('early', S)).toBe('太早了，签到将于 3月1日 19:45 开放（开始前 15 分钟）')
    expect(windowMessage('ended', S)).toContain('已结束')
  })
})

describe('overlap', () => {
  test('touching ends do not overlap; one minute of overlap does; containment does', () => {
    expect(overlaps(S, { startAt: S.endAt, endAt: at(S.endAt, 60 * MIN) })).toBe(false)
    expect(overlaps({ startAt: at(S.startAt, -60 * MIN), endAt: S.startAt }, S)).toBe(false)
    expect(overlaps(S, { startAt: at(S.endAt, -MIN), endAt: at(S.endAt, 60 * MIN) })).toBe(true)
    expect(overlaps(S, { startAt: at(S.startAt, 30 * MIN), endAt: at(S.startAt, 40 * MIN) })).toBe(true)
    expect(overlaps(S, S)).toBe(true)
  })
})

describe('cut-off (start − 2 h, included)', () => {
  test('edges', () => {
    expect(beforeCutoff(S, at(S.startAt, -120 * MIN))).toBe(true)
    expect(beforeCutoff(S, at(S.startAt, -120 * MIN + 1))).toBe(false)
  })
})

describe('hours', () => {
  test('counted within the scheduled times only', () => {
    expect(servedHours(S, at(S.startAt, -15 * MIN), at(S.endAt, 30 * MIN))).toBe(2)
    expect(servedHours(S, at(S.startAt, 30 * MIN), at(S.startAt, 90 * MIN))).toBe(1)
  })
  test('rounded to 0.1 h, half up: 3 min → 0.1, 2 min 59.999 s → 0, 9 min → 0.2, 8:59.999 → 0.1', () => {
    expect(servedHours(S, S.startAt, at(S.startAt, 3 * MIN))).toBe(0.1)
    expect(servedHours(S, S.startAt, at(S.startAt, 3 * MIN - 1))).toBe(0)
    expect(servedHours(S, S.startAt, at(S.startAt, 9 * MIN))).toBe(0.2)
    expect(servedHours(S, S.startAt, at(S.startAt, 9 * MIN - 1))).toBe(0.1)
    expect(servedHours(S, S.startAt, at(S.startAt, 87 * MIN))).toBe(1.5)
  })
  test('never negative: out before the start, or in after the end', () => {
    expect(servedHours(S, at(S.startAt, -30 * MIN), at(S.startAt, -10 * MIN))).toBe(0)
    expect(servedHours(S, at(S.endAt, 1), at(S.endAt, 60 * MIN))).toBe(0)
  })
})

describe('auto check-out and no-show at the end', () => {
  test('a check-in not closed is due at endAt, not before', () => {
    const a = { checkinAt: S.startAt, checkoutAt: null }
    expect(needsAutoCheckout(S, a, at(S.endAt, -1))).toBe(false)
    expect(needsAutoCheckout(S, a, S.endAt)).toBe(true)
    expect(needsAutoCheckout(S, { ...a, checkoutAt: S.endAt }, at(S.endAt, 1))).toBe(false)
    expect(servedHours(S, at(S.startAt, 10 * MIN), S.endAt)).toBe(1.8)
  })
  test('confirmed and never checked in is a no-show from endAt; waitlisted never is', () => {
    expect(isNoShow(S, { status: 'confirmed', checkinAt: null }, at(S.endAt, -1))).toBe(false)
    expect(isNoShow(S, { status: 'confirmed', checkinAt: null }, S.endAt)).toBe(true)
    expect(isNoShow(S, { status: 'waitlisted', checkinAt: null }, S.endAt)).toBe(false)
    expect(isNoShow(S, { status: 'checkedIn', checkinAt: S.startAt }, S.endAt)).toBe(false)
  })
})

describe('signup machine and phases', () => {
  test('withdrawn, checked out and no-show are final; only waitlisted is promoted', () => {
    for (const s of ['withdrawn', 'checkedOut', 'noShow'] as const) expect(SIGNUP_FLOW[s]).toEqual({})
    expect(SIGNUP_STATUSES.filter((s) => nextSignupStatus(s, 'promote'))).toEqual(['waitlisted'])
    expect(nextSignupStatus('confirmed', 'checkin')).toBe('checkedIn')
    expect(nextSignupStatus('waitlisted', 'checkin')).toBeNull()
  })
  test('phase by time', () => {
    expect(shiftPhase({ ...S, status: 'scheduled' }, at(S.startAt, -1))).toBe('upcoming')
    expect(shiftPhase({ ...S, status: 'scheduled' }, S.startAt)).toBe('ongoing')
    expect(shiftPhase({ ...S, status: 'scheduled' }, S.endAt)).toBe('ended')
    expect(shiftPhase({ ...S, status: 'cancelled' }, at(S.startAt, -1))).toBe('cancelled')
  })
})

describe('schedule', () => {
  test('weekly occurrences are 7 days apart', () => {
    const w = weeklyOccurrences(S, 3)
    expect(w.map((x) => x.startAt)).toEqual(['2025-03-01T12:00:00.000Z', '2025-03-08T12:00:00.000Z', '2025-03-15T12:00:00.000Z'])
    expect(weeklyOccurrences(S, 1)).toEqual([S])
  })
  test('a shift lasts at most 12 hours; ends after it starts', () => {
    const base = { title: '巡逻', area: { latitude: 29.6, longitude: 120.4, radius: 50 }, capacity: 1, startAt: S.startAt }
    expect(shiftCreateSchema.safeParse({ ...base, endAt: at(S.startAt, 12 * 60 * MIN) }).success).toBe(true)
    expect(shiftCreateSchema.safeParse({ ...base, endAt: at(S.startAt, 12 * 60 * MIN + 1) }).success).toBe(false)
    expect(shiftCreateSchema.safeParse({ ...base, endAt: S.startAt }).success).toBe(false)
  })
  test('reminders: 20:00 Beijing the evening before, and one hour before', () => {
    // starts 2025-03-02 08:00 Beijing → evening before = 2025-03-01 20:00 Beijing = 12:00Z
    expect(eveningBeforeAt({ startAt: '2025-03-02T00:00:00.000Z' })).toBe('2025-03-01T12:00:00.000Z')
    // starts 2025-03-01 23:30 Beijing → evening before is 2025-02-28 20:00 Beijing
    expect(eveningBeforeAt({ startAt: '2025-03-01T15:30:00.000Z' })).toBe('2025-02-28T12:00:00.000Z')
    expect(hourBeforeAt(S)).toBe('2025-03-01T11:00:00.000Z')
  })
  test('months in Beijing time', () => {
    expect(chinaMonth('2025-02-28T16:00:00.000Z')).toBe('2025-03')
    expect(chinaMonth('2025-02-28T15:59:59.999Z')).toBe('2025-02')
    expect(monthBounds('2025-12')).toEqual({ from: '2025-11-30T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z' })
  })
})

describe('patrol notes: author names by the roster rule', () => {
  const viewer = (id: string, roles: Role[]): UserRecord => ({
    id, name: '看的人', phone: null, openid: null, roles, communityId: 'c1', communityName: '锦江社区', streetId: 's1',
    districtId: null, cityId: null, gridId: null, gridName: null, householdId: null, verified: true, rosterOnly: false, grids: [], createdAt: '2025-01-01T00:00:00.000Z',
  })
  const rows: ShiftLogRecord[] = [
    { id: 'l2', shiftId: 's', userId: 'u_b', userName: '李秀英', note: '发现消防通道被占', reportId: 'r1', at: '2025-03-02T10:20:00.000Z' },
    { id: 'l1', shiftId: 's', userId: 'u_a', userName: '张建明', note: '一切正常', reportId: null, at: '2025-03-02T10:10:00.000Z' },
  ]
  test.each([
    ['committee', ['committee'] as Role[], ['李秀英', '张建明']],
    ['grid worker', ['gridWorker'] as Role[], ['李秀英', '张建明']],
    ['street', ['street'] as Role[], ['李秀英', '张建明']],
    ['volunteer u_a', ['resident', 'volunteer'] as Role[], ['李*英', '张建明']],
  ])('%s', (_, roles, names) => {
    const v = logsView(rows, viewer('u_a', roles))
    expect(v.map((l) => l.authorName)).toEqual(names)
    expect(v.map((l) => l.mine)).toEqual([false, true])
    expect(v.map((l) => l.reportId)).toEqual(['r1', null])
  })
})
