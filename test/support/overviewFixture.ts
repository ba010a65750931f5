// 总览's reply for client tests: a community of two grids over February 2025, by week (the chart tests' data set)
import { HOUR_BINS, type Overview } from '@/domain/overview'

const hours = (n: number, median: number | null, p90: number | null) => ({ n, median, p90 })
const rate = (n: number, of: number) => ({ n, of, share: of ? n / of : null })
const speedRow = { accept: hours(2, 1.5, 3), resolve: hours(1, 20, 20), acceptOnTime: rate(2, 2), resolveOnTime: rate(1, 2) }
const none = { accept: hours(0, null, null), resolve: hours(0, null, null), acceptOnTime: rate(0, 0), resolveOnTime: rate(0, 0) }

const bins = (ns: number[]) => HOUR_BINS.map((b, i) => ({ bin: b.key, n: ns[i]! }))

export function overview(over: Partial<Overview> = {}): Overview {
  return {
    area: { kind: 'community', id: 'c-1', name: '锦江社区' },
    subAreaKind: 'grid',
    from: '2025-02-01',
    to: '2025-02-28',
    bucket: 'week',
    trends: {
      byBucket: [
        { key: '2025-01-27', n: 1 },
        { key: '2025-02-03', n: 3 },
      ],
      byCategory: [
        { category: 'dispute', n: 2 },
        { category: 'environment', n: 2 },
      ],
      bySubArea: [
        { id: 'g-1', name: '第一网格', n: 3 },
        { id: 'g-2', name: '第二网格', n: 1 },
      ],
      disputes: { total: 2, settledLocally: 1, escalated: 1, open: 0 },
      warnings: 1,
    },
    speed: {
      ...speedRow,
      byCategory: [
        { category: 'dispute', ...speedRow },
        { category: 'environment', ...none },
      ],
      bySubArea: [
        { id: 'g-1', name: '第一网格', ...speedRow },
        { id: 'g-2', name: '第二网格', ...none },
      ],
      overdueNow: 3,
      departments: [{ departmentId: 'dep-1', name: '城管中队', dispatched: 3, resolved: 1, returned: 1, onTime: rate(1, 2), overdue: 1 }],
    },
    satisfaction: {
      rated: 3,
      good: 2,
      goodShare: 2 / 3,
      average: 3.67,
      reopen: rate(1, 4),
      bySubArea: [
        { id: 'g-1', name: '第一网格', rated: 3, good: 2, goodShare: 2 / 3, average: 3.67 },
        { id: 'g-2', name: '第二网格', rated: 0, good: 0, goodShare: null, average: null },
      ],
      byHandler: [{ handlerId: 'u-w', handlerName: '孙丽', rated: 3, good: 2, goodShare: 2 / 3, average: 3.67 }],
      comments: [{ reportId: 'r-1', score: 5, comment: '路灯修好了，谢谢', at: '2025-02-05T02:00:00.000Z', category: 'facility', subAreaName: '第一网格' }],
    },
    participation: {
      notices: 4,
      read: rate(30, 40),
      importantNotices: 1,
      confirmed: rate(8, 10),
      motions: 1,
      turnout: rate(60, 100),
      shifts: 2,
      attendance: rate(5, 6),
      patrolHours: 10.5,
      volunteers: 7,
      households: rate(45, 90),
    },
    comparison: [
      { id: 'g-1', name: '第一网格', reports: 3, open: 2, overdue: 1, medianResolveHours: 20, onTimeShare: 0.5, goodShare: 2 / 3, averageRating: 3.67 },
      { id: 'g-2', name: '第二网格', reports: 1, open: 4, overdue: 2, medianResolveHours: null, onTimeShare: null, goodShare: null, averageRating: null },
    ],
    trendSplit: {
      byCategory: [
        { key: '2025-01-27', category: 'dispute', n: 1 },
        { key: '2025-01-27', category: 'environment', n: 0 },
        { key: '2025-02-03', category: 'dispute', n: 1 },
        { key: '2025-02-03', category: 'environment', n: 2 },
      ],
      bySubArea: [
        { key: '2025-01-27', id: 'g-1', n: 1 },
        { key: '2025-01-27', id: 'g-2', n: 0 },
        { key: '2025-02-03', id: 'g-1', n: 2 },
        { key: '2025-02-03', id: 'g-2', n: 1 },
      ],
    },
    speedBins: {
      accept: bins([2, 0, 0, 0, 0, 0]),
      resolve: bins([0, 0, 1, 0, 0, 0]),
    },
    ...over,
  }
}

