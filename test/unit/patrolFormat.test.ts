import { ApiError } from '@/services/apiError'
import { dayLabel, groupByDay, monthText, seatsText, shiftMonth, timeRange } from '@/features/patrols/format'
import { checkinRefusal } from '@/features/patrols/refusals'
import { fieldOf, toCreateInput, EMPTY_SCHEDULE } from '@/features/patrols/scheduleForm'

const local = (s: string) => new Date(s).toISOString() // 'YYYY-MM-DDTHH:mm' read in the test's time zone

describe('patrol formatting', () => {
  const now = new Date('2026-11-26T10:00')
  it('day labels: 今天, 明天, then weekday and date; another year shows the year', () => {
    expect(dayLabel(local('2026-11-26T23:59'), now)).toBe('今天')
    expect(dayLabel(local('2026-11-27T00:00'), now)).toBe('明天')
    expect(dayLabel(local('2026-11-28T09:00'), now)).toBe('周六 11月28日')
    expect(dayLabel(local('2027-01-04T09:00'), now)).toBe('周一 2027年1月4日')
  })
  it('time ranges; an end on the next day reads 次日', () => {
    expect(timeRange(local('2026-11-26T19:00'), local('2026-11-26T21:30'))).toBe('19:00–21:30')
    expect(timeRange(local('2026-11-26T22:00'), local('2026-11-27T02:00'))).toBe('22:00–次日 02:00')
  })
  it('groups consecutive shifts of one day', () => {
    const g = groupByDay([{ startAt: local('2026-11-26T12:00') }, { startAt: local('2026-11-26T19:00') }, { startAt: local('2026-11-27T08:00') }], now)
    expect(g.map((x) => [x.label, x.items.length])).toEqual([['今天', 2], ['明天', 1]])
  })
  it('seats in words', () => {
    const base = { status: 'scheduled' as const, capacity: 6 }
    expect(seatsText({ ...base, seatsLeft: 2, waitlistLength: 0 })).toBe('余 2 个名额（共 6 人）')
    expect(seatsText({ ...base, seatsLeft: 0, waitlistLength: 4 })).toBe('已满 · 候补 4 人')
    expect(seatsText({ ...base, status: 'cancelled', seatsLeft: 6, waitlistLength: 0 })).toBe('已取消')
  })
  it('months step across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(monthText('2026-03')).toBe('2026年3月')
  })
})

describe('check-in refusals', () => {
  it('an OUT_OF_AREA without details falls back to the server’s message; other codes keep theirs', () => {
    expect(checkinRefusal(new ApiError('OUT_OF_AREA', '不在巡逻区域，距离约 800 米')).text).toBe('不在巡逻区域，距离约 800 米')
    expect(checkinRefusal(new ApiError('CONFLICT', '您在候补名单第 2 位，还没有名额，不能签到'))).toEqual({
      kind: 'other',
      title: '没有签到成功',
      text: '您在候补名单第 2 位，还没有名额，不能签到',
    })
  })
})

describe('form → input', () => {
  it('schema paths map to the form fields', () => {
    expect(fieldOf(['area', 'radius'])).toBe('radius')
    expect(fieldOf(['area'])).toBe('centre')
    expect(fieldOf('area.latitude')).toBe('centre')
    expect(fieldOf(['endAt'])).toBe('end')
    expect(fieldOf(['repeatWeeks'])).toBe('weeks')
  })
  it('typed numbers become numbers; blanks stay missing; no repeat sends no repeatWeeks', () => {
    const input = toCreateInput({ ...EMPTY_SCHEDULE, centre: { latitude: 1, longitude: 2 }, radius: ' 250 ', capacity: '', weeks: '5' })
    expect(input.area).toEqual({ latitude: 1, longitude: 2, radius: 250 })
    expect(input.capacity).toBeUndefined()
    expect('repeatWeeks' in input).toBe(false)
  })
})
