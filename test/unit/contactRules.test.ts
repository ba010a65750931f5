/** 党员干部联系户's pure rules and schemas (issue 17). */
import { contactLogSchema, contactOverviewSchema, contactRaiseSchema, cadreSetSchema } from '@/domain/contacts'
import { byLastContact, householdAddress, isInFuture, periodStart } from '@/domain/contacts/rules'

const NOW = new Date('2025-03-01T02:00:00.000Z')

test('a contact may not be in the future, beyond five minutes of clock skew', () => {
  expect(isInFuture('2025-03-01T02:04:59.000Z', NOW)).toBe(false)
  expect(isInFuture('2025-03-01T02:05:01.000Z', NOW)).toBe(true)
  expect(isInFuture('2025-02-01T00:00:00.000Z', NOW)).toBe(false)
})

test('the period starts `days` days back', () => {
  expect(periodStart(NOW, 30)).toBe('2025-01-30T02:00:00.000Z')
})

test('households oldest-contacted first: never contacted first, then by date, then by address', () => {
  const rows = [
    { address: 'b', lastContactAt: '2025-02-01T00:00:00.000Z' },
    { address: 'c', lastContactAt: null },
    { address: 'a', lastContactAt: '2025-01-01T00:00:00.000Z' },
    { address: 'a', lastContactAt: null },
    { address: 'z', lastContactAt: '2025-01-01T00:00:00.000Z' },
  ]
  expect([...rows].sort(byLastContact)).toEqual([rows[3], rows[1], rows[2], rows[4], rows[0]])
})

test('an address as residents write it', () => {
  expect(householdAddress({ building: '1栋', unit: '2单元', room: '301' })).toBe('1栋2单元301')
  expect(householdAddress({ building: '1组', unit: '', room: '5' })).toBe('1组5')
})

test('schemas: a note over several lines is kept, CRLF made a newline; the kinds and titles are closed lists', () => {
  const ok = contactLogSchema.parse({ householdId: 'h_1', kind: 'visit', at: '2025-03-01T01:00:00.000Z', note: ' 第一行\r\n第二行 ' })
  expect(ok.note).toBe('第一行\n第二行')
  expect(contactLogSchema.safeParse({ householdId: 'h_1', kind: 'sms', at: '2025-03-01T01:00:00.000Z', note: 'x' }).success).toBe(false)
  expect(cadreSetSchema.safeParse({ userId: 'u', title: '书记', publishPhone: true }).success).toBe(false)
  expect(contactOverviewSchema.safeParse({ days: 6 }).success).toBe(false)
  expect(contactOverviewSchema.parse({})).toEqual({})
  // 代为上报 has no grid of its own (the household's) and is never anonymous
  expect(contactRaiseSchema.safeParse({ householdId: 'h_1', category: 'facility', description: '楼道灯坏了', gridId: 'g' }).success).toBe(false)
  expect(contactRaiseSchema.safeParse({ householdId: 'h_1', category: 'facility', description: '楼道灯坏了' }).success).toBe(true)
})
