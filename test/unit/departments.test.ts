import { departmentCreateSchema, reportDispatchSchema, workdaysBetween } from '@/domain/departments'

describe('workdaysBetween (the departments\' average working days)', () => {
  test('counts the working days after the first day up to the last, on China\'s calendar', () => {
    // Monday 2025-03-03 10:00 China time → Thursday 03-06: Tue, Wed, Thu
    expect(workdaysBetween('2025-03-03T02:00:00.000Z', '2025-03-06T08:00:00.000Z')).toBe(3)
    // the same day: none
    expect(workdaysBetween('2025-03-03T01:00:00.000Z', '2025-03-03T09:00:00.000Z')).toBe(0)
    // Friday → Monday: the weekend does not count
    expect(workdaysBetween('2025-03-07T02:00:00.000Z', '2025-03-10T02:00:00.000Z')).toBe(1)
    // across 劳动节 2025 (05-01 to 05-05 off; 04-27 Sunday is a 调休 working day): 04-30 → 05-06 is one
    expect(workdaysBetween('2025-04-30T02:00:00.000Z', '2025-05-06T02:00:00.000Z')).toBe(1)
    // China's day, not UTC's: 23:30 UTC on the 3rd is the 4th in China
    expect(workdaysBetween('2025-03-03T02:00:00.000Z', '2025-03-03T23:30:00.000Z')).toBe(1)
  })
})

describe('schemas', () => {
  test('report.dispatch: 1–30 whole working days, a known shape only', () => {
    const ok = (p: unknown) => reportDispatchSchema.safeParse(p).success
    expect(ok({ id: 'r1', departmentId: 'd1', days: 1 })).toBe(true)
    expect(ok({ id: 'r1', departmentId: 'd1', days: 30, note: '请依职责处理\n第二行' })).toBe(true)
    for (const days of [0, 31, 2.5, '3', null]) expect(ok({ id: 'r1', departmentId: 'd1', days })).toBe(false)
    expect(ok({ id: 'r1', departmentId: 'd1', days: 3, extra: 1 })).toBe(false)
  })
  test('department.create: a name, at least one category without repeats, one area at most', () => {
    const ok = (p: unknown) => departmentCreateSchema.safeParse(p).success
    expect(ok({ name: '城管', categories: ['environment'] })).toBe(true)
    expect(ok({ name: '城管', categories: [] })).toBe(false)
    expect(ok({ name: '城管', categories: ['environment', 'environment'] })).toBe(false)
    expect(ok({ name: '城管', categories: ['environment'], streetId: 's', districtId: 'd' })).toBe(false)
    const bad = departmentCreateSchema.safeParse({ name: '城', categories: ['environment'] })
    expect(bad.success ? '' : bad.error.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/)
  })
})
