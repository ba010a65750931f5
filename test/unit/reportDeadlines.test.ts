import { REPORT_STATUSES } from '@/domain/reports'
import { acceptDeadline, dueAt, endOfWorkday, intakeDay, isOverdue, resolveDeadline, settleBy } from '@/domain/reports/deadlines'

/**
 * Every expected date below is worked out by hand from the State Council's calendar:
 * - 2025 国庆/中秋: 10-01..10-08 off; 调休 working days Sunday 09-28 and Saturday 10-11.
 * - 2026 春节: 02-15..02-23 off; 调休 working days Saturday 02-14 and Saturday 02-28.
 * - 2026-11-27 is a Friday. China time is UTC+8, and the working day ends at 18:00 (10:00 UTC).
 */
const china = (local: string) => new Date(`${local}+08:00`)
const endOf = (day: string) => `${day}T10:00:00.000Z`

describe('受理 deadline: end of the working day of arrival, or of the next when after 17:00 or on a rest day', () => {
  test.each([
    ['Friday 16:59 counts for that Friday', '2026-11-27T16:59:59', '2026-11-27'],
    ['Friday 17:00 goes to Monday', '2026-11-27T17:00:00', '2026-11-30'],
    ['Friday 08:00', '2026-11-27T08:00:00', '2026-11-27'],
    ['Saturday goes to Monday', '2026-11-28T10:00:00', '2026-11-30'],
    ['Sunday late goes to Monday', '2026-11-29T23:59:59', '2026-11-30'],
    ['Wednesday 23:59 goes to Thursday', '2026-11-25T23:59:59', '2026-11-26'],
    ['国庆 2025: 09-30 after 17:00 → the first day after the holiday, 10-09', '2025-09-30T17:30:00', '2025-10-09'],
    ['国庆 2025: inside the holiday → 10-09', '2025-10-03T09:00:00', '2025-10-09'],
    ['国庆 2025: the 调休 Sunday 09-28 is a working day', '2025-09-28T10:00:00', '2025-09-28'],
    ['国庆 2025: Saturday 09-27 is a rest day → the 调休 Sunday 09-28', '2025-09-27T10:00:00', '2025-09-28'],
    ['国庆 2025: Friday 10-10 after 17:00 → the 调休 Saturday 10-11', '2025-10-10T17:30:00', '2025-10-11'],
    ['国庆 2025: on the 调休 Saturday 10-11 before 17:00 → that day', '2025-10-11T09:00:00', '2025-10-11'],
    ['国庆 2025: on the 调休 Saturday 10-11 after 17:00 → Monday 10-13', '2025-10-11T17:00:00', '2025-10-13'],
    ['春节 2026: Friday 02-13 after 17:00 → the 调休 Saturday 02-14', '2026-02-13T17:30:00', '2026-02-14'],
    ['春节 2026: the 调休 Saturday 02-14 after 17:00 → 02-24, after the holiday', '2026-02-14T17:30:00', '2026-02-24'],
    ['春节 2026: 除夕 02-16 → 02-24', '2026-02-16T10:00:00', '2026-02-24'],
  ])('%s', (_name, local, day) => {
    expect(intakeDay(china(local))).toBe(day)
    expect(acceptDeadline(china(local)).toISOString()).toBe(endOf(day))
  })

  test('the day is China’s, not UTC’s', () => {
    // 16:30 UTC Thursday = 00:30 Friday in China: due Friday, not Thursday
    expect(acceptDeadline(new Date('2026-11-26T16:30:00Z')).toISOString()).toBe(endOf('2026-11-27'))
    // 16:30 UTC Friday = 00:30 Saturday in China: due Monday
    expect(acceptDeadline(new Date('2026-11-27T16:30:00Z')).toISOString()).toBe(endOf('2026-11-30'))
    // 08:59:59 UTC = 16:59:59 China, 09:00 UTC = 17:00 China
    expect(intakeDay(new Date('2026-11-27T08:59:59.999Z'))).toBe('2026-11-27')
    expect(intakeDay(new Date('2026-11-27T09:00:00.000Z'))).toBe('2026-11-30')
    // 15:59:59 UTC is still the same day in China (23:59:59), after the cut-off
    expect(intakeDay(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-27')
  })

  test('the working day ends at 18:00 China time', () => {
    expect(endOfWorkday('2026-11-27').toISOString()).toBe('2026-11-27T10:00:00.000Z')
  })
})

describe('办结 deadline: the N-th working day after the intake day', () => {
  test.each([
    ['Friday 16:59, 2 days → Tuesday', '2026-11-27T16:59:00', 2, '2026-12-01'],
    ['Friday 17:00, 2 days from Monday → Wednesday', '2026-11-27T17:00:00', 2, '2026-12-02'],
    ['Saturday, 5 days from Monday → next Monday', '2026-11-28T12:00:00', 5, '2026-12-07'],
    // intake 10-09; working days after: 10-10 (1), the 调休 Saturday 10-11 (2)
    ['国庆 2025: 09-30 after 17:00, 2 days → the 调休 Saturday 10-11', '2025-09-30T17:30:00', 2, '2025-10-11'],
    // intake 10-11 (调休 Saturday); next working day is Monday 10-13
    ['国庆 2025: from the 调休 Saturday, 1 day → Monday 10-13', '2025-10-10T17:30:00', 1, '2025-10-13'],
    // intake Monday 09-29; 09-30 (1), 10-09 (2), 10-10 (3), 10-11 (4), 10-13..17 (5..9), 10-20 (10)
    ['国庆 2025: a dispute from Monday 09-29, 10 days, crosses the holiday → 10-20', '2025-09-29T10:00:00', 10, '2025-10-20'],
    // intake 09-28 (调休 Sunday); 09-29 (1), 09-30 (2), 10-09 (3)
    ['国庆 2025: from the 调休 Sunday 09-28, 3 days → 10-09', '2025-09-28T10:00:00', 3, '2025-10-09'],
    // intake 02-14 (调休 Saturday); 02-24 (1), 25, 26, 27 (4), the 调休 Saturday 02-28 (5)
    ['春节 2026: from the 调休 Saturday 02-14, 5 days → the 调休 Saturday 02-28', '2026-02-14T09:00:00', 5, '2026-02-28'],
    // intake 02-13; 02-14 (1), 02-24 (2), 02-25 (3)
    ['春节 2026: Friday 02-13 morning, 3 days → 02-25', '2026-02-13T09:00:00', 3, '2026-02-25'],
  ])('%s', (_name, local, n, day) => {
    expect(resolveDeadline(china(local), n).toISOString()).toBe(endOf(day))
  })
})

describe('dueAt and isOverdue in each status', () => {
  const acceptBy = '2026-11-27T10:00:00.000Z'
  const resolveBy = '2026-12-01T10:00:00.000Z'
  const later = new Date('2026-12-31T00:00:00Z')

  test.each(REPORT_STATUSES)('%s', (status) => {
    const want = status === 'submitted' ? acceptBy : status === 'accepted' ? resolveBy : null
    expect(dueAt(status, acceptBy, resolveBy)).toBe(want)
    // long after both deadlines: overdue only while a deadline runs
    expect(isOverdue(status, acceptBy, resolveBy, later)).toBe(want !== null)
    expect(isOverdue(status, acceptBy, resolveBy, new Date('2026-11-01T00:00:00Z'))).toBe(false)
  })

  test('overdue from the millisecond after the deadline', () => {
    const at = (ms: number) => new Date(Date.parse(acceptBy) + ms)
    expect(isOverdue('submitted', acceptBy, resolveBy, at(0))).toBe(false)
    expect(isOverdue('submitted', acceptBy, resolveBy, at(1))).toBe(true)
    // once accepted, the 办结 deadline runs instead
    expect(isOverdue('accepted', acceptBy, resolveBy, at(1))).toBe(false)
    expect(isOverdue('accepted', acceptBy, resolveBy, new Date(Date.parse(resolveBy) + 1))).toBe(true)
  })
})

describe('settleBy', () => {
  test('seven calendar days after 办结, to the millisecond, holidays or not', () => {
    expect(settleBy('2026-11-25T10:00:00.000Z').toISOString()).toBe('2026-12-02T10:00:00.000Z')
    expect(settleBy('2025-09-30T09:30:00.123Z').toISOString()).toBe('2025-10-07T09:30:00.123Z')
    expect(settleBy('2026-11-25T18:00:00+08:00').toISOString()).toBe('2026-12-02T10:00:00.000Z')
  })
})
