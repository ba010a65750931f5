/** 台账导出's rules (src/domain/ledger): month and day ranges in China time, future months, file names, formula cells, on-time. */
import {
  cellText,
  chinaDayRange,
  isFutureMonth,
  ledgerExportSchema,
  ledgerFileName,
  monthLabel,
  monthRange,
  timelinessOf,
} from '@/domain/ledger'
import { attachmentHeader } from '../../cloud/ledger/readExport'

test('a month in China time: 00:00 on the 1st to 00:00 on the next 1st, across a year end and February', () => {
  expect(monthRange('2025-03')).toEqual({ from: '2025-02-28T16:00:00.000Z', to: '2025-03-31T16:00:00.000Z' })
  expect(monthRange('2024-12')).toEqual({ from: '2024-11-30T16:00:00.000Z', to: '2024-12-31T16:00:00.000Z' })
  expect(monthRange('2024-02')).toEqual({ from: '2024-01-31T16:00:00.000Z', to: '2024-02-29T16:00:00.000Z' })
})

test('days in China time, both ends included; an open end stays open', () => {
  expect(chinaDayRange('2025-02-01', '2025-02-28')).toEqual({ from: '2025-01-31T16:00:00.000Z', to: '2025-02-28T16:00:00.000Z' })
  expect(chinaDayRange(undefined, '2025-02-28')).toEqual({ from: null, to: '2025-02-28T16:00:00.000Z' })
  expect(chinaDayRange()).toEqual({ from: null, to: null })
})

test('a future month is the one after the current month in China (16:00 UTC on the last day is already the next)', () => {
  expect(isFutureMonth('2025-04', new Date('2025-03-31T15:59:59Z'))).toBe(true)
  expect(isFutureMonth('2025-04', new Date('2025-03-31T16:00:00Z'))).toBe(false)
  expect(isFutureMonth('2025-03', new Date('2025-03-01T00:00:00Z'))).toBe(false)
  expect(isFutureMonth('2024-12', new Date('2025-01-01T00:00:00Z'))).toBe(false)
})

test('file names in Chinese; path characters dropped', () => {
  expect(monthLabel('2025-03')).toBe('2025年3月')
  expect(ledgerFileName('锦江社区', { month: '2025-03' })).toBe('锦江社区-2025年3月台账.xlsx')
  expect(ledgerFileName('锦江社区', { day: '2025-03-08' })).toBe('锦江社区-问题清单-2025-03-08.xlsx')
  expect(ledgerFileName('a/b\\c:"d"', { month: '2025-03' })).toBe('abcd-2025年3月台账.xlsx')
  expect(ledgerFileName('  ', { month: '2025-03' })).toBe('辖区-2025年3月台账.xlsx')
})

test('a cell that starts like a formula gets an apostrophe; others are left as they are', () => {
  for (const s of ['=1+1', '+86 138', '-3', '@SUM(A1)', '\t=1', ' =1']) expect(cellText(s)).toBe(`'${s}`)
  for (const s of ['路灯不亮', '1+1=2', 'a=b', '']) expect(cellText(s)).toBe(s)
  expect(cellText(null)).toBe('')
})

test('on time: resolved by the deadline or after it; open past its running deadline; rejected not handled', () => {
  const now = new Date('2025-03-10T00:00:00Z')
  const base = { acceptBy: '2025-03-01T10:00:00.000Z', resolveBy: '2025-03-05T10:00:00.000Z' }
  expect(timelinessOf({ ...base, status: 'resolved', resolvedAt: '2025-03-05T10:00:00.000Z' }, now)).toBe('onTime')
  expect(timelinessOf({ ...base, status: 'closed', resolvedAt: '2025-03-06T00:00:00.000Z' }, now)).toBe('late')
  expect(timelinessOf({ ...base, status: 'submitted', resolvedAt: null }, now)).toBe('overdue')
  expect(timelinessOf({ ...base, status: 'accepted', resolvedAt: null }, new Date('2025-03-04T00:00:00Z'))).toBe('pending')
  expect(timelinessOf({ ...base, status: 'returned', resolvedAt: null }, now)).toBe('pending')
  expect(timelinessOf({ ...base, status: 'rejected', resolvedAt: null }, now)).toBe('none')
})

test('the schema: one of two kinds, strict, with Chinese messages', () => {
  expect(ledgerExportSchema.safeParse({ kind: 'month', month: '2025-03' }).success).toBe(true)
  expect(ledgerExportSchema.safeParse({ kind: 'reports', from: '2025-02-01', to: '2025-02-01' }).success).toBe(true)
  const bad = ledgerExportSchema.safeParse({ kind: 'reports', from: '2025-02-02', to: '2025-02-01' })
  expect(bad.success).toBe(false)
  expect(bad.error?.issues[0]?.message).toBe('结束日期不能早于开始日期')
  expect(ledgerExportSchema.safeParse({ kind: 'month', month: '2025-00' }).error?.issues[0]?.message).toBe('月份格式不正确（如 2025-03）')
  expect(ledgerExportSchema.safeParse({ kind: 'month', month: '2025-03', month2: 1 }).success).toBe(false)
})

test('Content-Disposition: an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
  expect(attachmentHeader('锦江社区-2025年3月台账.xlsx')).toBe(
    "attachment; filename=\"____-2025_3___.xlsx\"; filename*=UTF-8''%E9%94%A6%E6%B1%9F%E7%A4%BE%E5%8C%BA-2025%E5%B9%B43%E6%9C%88%E5%8F%B0%E8%B4%A6.xlsx",
  )
  expect(attachmentHeader("a'(b).xlsx")).toBe("attachment; filename=\"a'(b).xlsx\"; filename*=UTF-8''a%27%28b%29.xlsx")
})
