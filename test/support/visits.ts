import type { FollowUpView, PendingHousehold, VisitCoverage, VisitHousehold } from '@/domain/visits'

/** Client-side fixtures of 入户走访 (what visit.coverage answers). */
export function makeHousehold(id: string, over: Partial<VisitHousehold> = {}): VisitHousehold {
  return { id, gridId: 'g-1', gridName: '第一网格', address: '1栋1单元101', headName: '王建华', ...over }
}

export function makeFollowUp(householdId: string, over: Partial<FollowUpView> = {}): FollowUpView {
  return {
    householdId,
    household: makeHousehold(householdId, { address: '1栋1单元302', headName: '刘玉敏' }),
    kind: 'livingAlone',
    reason: '独居，行动不便',
    everyDays: 14,
    markedAt: '2025-02-01T00:00:00.000Z',
    lastVisitedAt: '2025-02-09T02:00:00.000Z',
    dueAt: '2025-02-23T02:00:00.000Z',
    overdue: true,
    ...over,
  }
}

export function makeCoverage(over: Partial<VisitCoverage> = {}, pending: PendingHousehold[] = [], nextCursor: string | null = null): VisitCoverage {
  return {
    communityId: 'c-1',
    period: { months: 3, from: '2024-12-31T16:00:00.000Z', to: '2025-03-31T16:00:00.000Z' },
    grids: [{ gridId: 'g-1', gridName: '第一网格', households: 10, visited: 3, notVisited: 7, followUps: 1, followUpsOverdue: 1 }],
    workers: [{ userId: 'u-w', name: '孙丽', visits: 3, households: 3 }],
    followUpsDue: [makeFollowUp('h-6')],
    pending: { items: pending, nextCursor },
    ...over,
  }
}
