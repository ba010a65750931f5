/** 总览's period rules: validation, the default month, buckets and their labels, presets (src/domain/overview). */
import { addDays, bucketLabel, bucketOf, bucketsOf, daysIn, defaultBucket, isDay, overviewGetSchema, periodOf, presetPeriod } from '@/domain/overview'

const NOW = new Date('2025-03-01T02:00:00.000Z')

test('isDay: real calendar days only', () => {
  expect(['2025-02-28', '2024-02-29', '2025-12-31'].map(isDay)).toEqual([true, true, true])
  expect(['2025-02-29', '2025-13-01', '2025-1-01', '20250101', '', '2025-02-28T00:00'].map(isDay)).toEqual([false, false, false, false, false, false])
})

test('periodOf: this China month by default (the first to today); start and end as instants of China midnight', () => {
  // 2025-03-01 10:00 in China (02:00 UTC)
  expect(periodOf({}, NOW)).toEqual({ from: '2025-03-01', to: '2025-03-01', start: '2025-02-28T16:00:00.000Z', end: '2025-03-01T16:00:00.000Z' })
  // 23:30 UTC on 02-28 is already 03-01 in China
  expect(periodOf({}, new Date('2025-02-28T23:30:00.000Z')).from).toBe('2025-03-01')
  expect(periodOf({ from: '2024-12-30', to: '2025-01-05' }, NOW)).toEqual({ from: '2024-12-30', to: '2025-01-05', start: '2024-12-29T16:00:00.000Z', end: '2025-01-05T16:00:00.000Z' })
})

test('buckets: a day, its week’s Monday, its month; every bucket of the period in order', () => {
  expect(bucketOf('2025-03-05', 'day')).toBe('2025-03-05')
  expect(bucketOf('2025-03-05', 'week')).toBe('2025-03-03')
  expect(bucketOf('2025-03-09', 'week')).toBe('2025-03-03') // Sunday belongs to the week before
  expect(bucketOf('2025-03-10', 'week')).toBe('2025-03-10')
  expect(bucketOf('2025-03-05', 'month')).toBe('2025-03')
  expect(bucketsOf('2025-02-27', '2025-03-02', 'day')).toEqual(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02'])
  expect(bucketsOf('2025-02-27', '2025-03-12', 'week')).toEqual(['2025-02-24', '2025-03-03', '2025-03-10'])
  expect(bucketsOf('2024-12-15', '2025-02-01', 'month')).toEqual(['2024-12', '2025-01', '2025-02'])
})

test('bucket labels in Chinese; the default bucket by the period’s length', () => {
  expect(bucketLabel('2025-03-05', 'day')).toBe('3月5日')
  expect(bucketLabel('2025-03-03', 'week')).toBe('3月3日起')
  expect(bucketLabel('2025-03', 'month')).toBe('2025年3月')
  expect([defaultBucket('2025-01-01', '2025-03-03'), defaultBucket('2025-01-01', '2025-03-04'), defaultBucket('2025-01-01', '2025-07-02'), defaultBucket('2025-01-01', '2025-07-03')]).toEqual(['day', 'week', 'week', 'month'])
})

test('daysIn and addDays cross months and leap days', () => {
  expect(daysIn('2024-02-28', '2024-03-01')).toBe(3)
  expect(daysIn('2025-01-01', '2025-12-31')).toBe(365)
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
  expect(addDays('2025-03-01', -1)).toBe('2025-02-28')
})

test('presets: 本月, 上月, 近三月 (this month and the two before)', () => {
  expect(presetPeriod('thisMonth', NOW)).toEqual({ from: '2025-03-01', to: '2025-03-01' })
  expect(presetPeriod('lastMonth', NOW)).toEqual({ from: '2025-02-01', to: '2025-02-28' })
  expect(presetPeriod('last3Months', NOW)).toEqual({ from: '2025-01-01', to: '2025-03-01' })
  expect(presetPeriod('lastMonth', new Date('2025-01-15T02:00:00.000Z'))).toEqual({ from: '2024-12-01', to: '2024-12-31' })
})

test('the input schema: both dates or none, from ≤ to, at most 366 days, day/week/month', () => {
  const issue = (v: unknown) => {
    const r = overviewGetSchema.safeParse(v)
    return r.success ? null : r.error.issues[0]!.message
  }
  expect(issue({})).toBeNull()
  expect(issue({ from: '2024-03-01', to: '2025-03-01', bucket: 'month', area: { kind: 'street', id: 'st_1' } })).toBeNull()
  expect(issue({ from: '2025-03-01' })).toBe('请同时选择开始和结束日期')
  expect(issue({ to: '2025-03-01' })).toBe('请同时选择开始和结束日期')
  expect(issue({ from: '2025-03-02', to: '2025-03-01' })).toBe('结束日期不能早于开始日期')
  expect(issue({ from: '2024-03-01', to: '2025-03-02' })).toBe('统计时段最长 366 天')
  expect(issue({ from: '2025-02-30', to: '2025-03-01' })).toBe('日期格式不正确')
  expect(issue({ bucket: 'year' })).toBe('统计粒度只能是日、周或月')
  expect(issue({ area: { kind: 'city', id: 'ct_1' } })).toBe('区域类型不正确')
})
