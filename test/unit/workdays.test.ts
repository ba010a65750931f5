import { addWorkdays, calendarKnows, chinaDay, isWorkday, nextWorkday } from '@/domain/shared/workdays'

describe('working days in China', () => {
  test.each([
    ['2026-10-01', false, '国庆节'],
    ['2026-10-07', false, '国庆节假期'],
    ['2026-10-08', true, '假期后第一个工作日（周四）'],
    ['2026-02-14', true, '春节调休：周六上班'],
    ['2026-02-16', false, '春节假期'],
    ['2026-11-25', true, '普通周三'],
    ['2026-11-28', false, '普通周六'],
  ])('%s is a working day: %s (%s)', (day, expected) => {
    expect(isWorkday(day)).toBe(expected)
  })

  test('a year whose schedule is not yet published falls back to Monday–Friday, and says so', () => {
    expect(calendarKnows('2026-06-01')).toBe(true)
    expect(calendarKnows('2099-06-01')).toBe(false)
    expect(isWorkday('2099-06-01')).toBe(true) // a Monday
    expect(isWorkday('2099-06-06')).toBe(false) // a Saturday
  })

  test('next and n-th working day skip weekends and the National Day week', () => {
    expect(nextWorkday('2026-09-30')).toBe('2026-10-08')
    expect(addWorkdays('2026-09-29', 2)).toBe('2026-10-08')
    expect(addWorkdays('2026-11-27', 1)).toBe('2026-11-30') // Friday → Monday
    expect(addWorkdays('2026-11-25', 0)).toBe('2026-11-25')
    expect(addWorkdays('2026-11-28', 0)).toBe('2026-11-30')
    expect(addWorkdays('2026-02-13', 1)).toBe('2026-02-14') // the 调休 Saturday counts
  })

  test('China time decides the day of an instant', () => {
    expect(chinaDay(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25')
    expect(chinaDay(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26')
  })

  test('bad days and counts are refused', () => {
    expect(() => isWorkday('2026-13-01')).toThrow(RangeError)
    expect(() => addWorkdays('2026-11-25', -1)).toThrow(RangeError)
    expect(() => addWorkdays('2026-11-25', 1.5)).toThrow(RangeError)
  })
})
