import { chinaClock, chinaDay, chinaHour, chinaInstant, chinaMonth, chinaStamp } from '@/domain/shared/chinaTime'

describe('China time (UTC+8, no daylight saving)', () => {
  test('16:00 UTC is midnight of the next day in China', () => {
    expect(chinaDay('2025-03-07T15:59:59.999Z')).toBe('2025-03-07')
    expect(chinaDay(new Date('2025-03-07T16:00:00.000Z'))).toBe('2025-03-08')
    expect(chinaHour('2025-03-07T16:00:00.000Z')).toBe(0)
  })

  test('a month turns at 16:00 UTC on the last day', () => {
    expect(chinaMonth('2025-01-31T15:59:59.999Z')).toBe('2025-01')
    expect(chinaMonth('2025-01-31T16:00:00.000Z')).toBe('2025-02')
    expect(chinaMonth('2025-12-31T16:00:00.000Z')).toBe('2026-01')
  })

  test('readings: 3月8日 08:05 and the subscribe-message stamp', () => {
    expect(chinaClock('2025-03-08T00:05:00.000Z')).toBe('3月8日 08:05')
    expect(chinaStamp('2025-03-08T00:05:00.000Z')).toBe('2025-03-08 08:05')
  })

  test('the instant of a China day and hour', () => {
    expect(chinaInstant('2025-03-08').toISOString()).toBe('2025-03-07T16:00:00.000Z')
    expect(chinaInstant('2025-03-08', 20).toISOString()).toBe('2025-03-08T12:00:00.000Z')
  })
})
