import { z } from 'zod'
import { AppError } from '@/domain/shared/errors'
import { PLAN_MONTHS, periodOf } from '@/domain/visits/rules'
import type { GridCoverage, VisitCoverage, VisitCoverageInput } from '@/domain/visits'
import { decodeKey, encodeKey } from '../shared/cursor'
import type { UserCtx } from './ports'
import { scopeOf, seesFullFor } from './access'
import { followUpView, householdView } from './view'

const cursorSchema = z.tuple([z.string().max(40), z.string().max(64)])
const MAX_DUE = 100

/**
 * visit.coverage — the visit plan's state in the caller's area for the current period (the committee's setting,
 * a quarter by default): per grid, households, visited, not yet visited and follow-ups overdue; per worker, visits
 * and households reached; the overdue follow-ups; and a page of the households not visited yet (of `gridId`, or
 * of every grid in scope), never visited first, then the oldest visit first.
 */
export async function viewCoverage(input: VisitCoverageInput, ctx: UserCtx): Promise<VisitCoverage> {
  const { deps, user } = ctx
  const scope = await scopeOf(deps, user, input.communityId ? { communityId: input.communityId } : {})
  if (input.gridId && !scope.gridIds.includes(input.gridId)) throw new AppError('FORBIDDEN', '只能查看自己负责网格的走访')
  const now = deps.clock.now().toISOString()
  const months = (await deps.store.visits.plan(scope.community.id)) ?? PLAN_MONTHS.default
  const period = periodOf(now, months)
  const limit = input.limit ?? 20
  const c = input.cursor ? decodeKey(cursorSchema, input.cursor) : null

  const [rows, workers, marks, pending] = await Promise.all([
    deps.store.visits.coverage(scope.gridIds, period.from),
    deps.store.visits.workers(scope.gridIds, period.from),
    deps.store.visits.followUps(scope.gridIds),
    deps.store.visits.pending(input.gridId ? [input.gridId] : scope.gridIds, period.from, c ? { last: c[0], id: c[1] } : null, limit + 1),
  ])
  const full = seesFullFor(user)
  const followUps = marks.map((f) => followUpView(f, now, full))
  const names = new Map(scope.community.grids.map((g) => [g.id, g.name]))
  const grids: GridCoverage[] = scope.gridIds.map((gridId) => {
    const r = rows.find((x) => x.gridId === gridId)
    const households = r?.households ?? 0
    const visited = r?.visited ?? 0
    const mine = followUps.filter((f) => f.household.gridId === gridId)
    return {
      gridId,
      gridName: names.get(gridId) ?? '',
      households,
      visited,
      notVisited: households - visited,
      followUps: mine.length,
      followUpsOverdue: mine.filter((f) => f.overdue).length,
    }
  })
  const page = pending.slice(0, limit)
  const last = page[page.length - 1]
  return {
    communityId: scope.community.id,
    period: { months, ...period },
    grids,
    workers,
    followUpsDue: followUps
      .filter((f) => f.overdue)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .slice(0, MAX_DUE),
    pending: {
      items: page.map((p) => ({ household: householdView(p.household, full(scope.community.id, p.household.gridId)), lastVisitedAt: p.lastVisitedAt })),
      nextCursor: pending.length > limit && last ? encodeKey([last.lastVisitedAt ?? '', last.household.id]) : null,
    },
  }
}
