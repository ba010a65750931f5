/** 记录走访's form pieces (src/features/visits): China-time input, the words for times, form → visit.log input. */
import { dayText, dueText, lastVisitText, localToIso } from '@/features/visits/format'
import { emptyVisit, fieldOf, toVisitInput, validateVisit } from '@/features/visits/visitForm'

const NOW = new Date('2025-03-01T02:00:00.000Z')

test('a picked local time is China time', () => {
  expect(localToIso('2025-03-01 09:30')).toBe('2025-03-01T01:30:00.000Z')
  expect(localToIso('明天')).toBeNull()
})

test('times in words', () => {
  expect(dayText('2024-12-31T16:00:00.000Z')).toBe('1月1日')
  expect(lastVisitText(null, NOW)).toBe('从未走访')
  expect(lastVisitText('2025-03-01T01:00:00.000Z', NOW)).toBe('今天走访过')
  expect(lastVisitText('2025-02-19T02:00:00.000Z', NOW)).toBe('10 天前走访')
  expect(dueText('2025-02-26T02:00:00.000Z', NOW)).toBe('已逾期 3 天')
  expect(dueText('2025-03-05T02:00:00.000Z', NOW)).toBe('3月5日前探访')
})

test('the form: now unless a time is picked; the mark only when vulnerable; the report only when asked and allowed', () => {
  const base = { ...emptyVisit('h-1'), finding: 'hazard' as const, note: '楼道堆放纸箱' }
  expect(toVisitInput(base, NOW)).toEqual({ householdId: 'h-1', visitedAt: NOW.toISOString(), met: '', finding: 'hazard', note: '楼道堆放纸箱' })
  expect(toVisitInput({ ...base, when: '2025-02-28 15:00' }, NOW).visitedAt).toBe('2025-02-28T07:00:00.000Z')
  expect(toVisitInput({ ...base, raise: true, category: 'safety_hazard', description: '堵住消防通道' }, NOW).raiseReport).toEqual({ category: 'safety_hazard', description: '堵住消防通道' })
  expect(toVisitInput({ ...base, finding: 'none', raise: true, category: 'safety_hazard' }, NOW).raiseReport).toBeUndefined()
  expect(toVisitInput({ ...base, followKind: 'watch', followReason: 'x' }, NOW).followUp).toBeUndefined()
  expect(toVisitInput({ ...base, finding: 'vulnerable', followKind: 'watch', followReason: '需关注', followDays: '7' }, NOW).followUp).toEqual({ kind: 'watch', reason: '需关注', everyDays: 7 })
})

test('schema paths land on the form’s fields; a time in the future is the server’s to refuse', () => {
  expect(fieldOf(['followUp', 'everyDays'])).toBe('followDays')
  expect(fieldOf(['raiseReport', 'photoIds'])).toBe('photos')
  expect(fieldOf(['raiseReport', 'description'])).toBe('description')
  expect(fieldOf(['visitedAt'])).toBe('visitedAt')
  const { input, errors } = validateVisit({ ...emptyVisit('h-1'), finding: 'none' }, NOW)
  expect(errors).toEqual({})
  expect(input).toMatchObject({ householdId: 'h-1', finding: 'none' })
})
