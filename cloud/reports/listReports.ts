import { AppError } from '@/domain/shared/errors'
import type { ReportListPage, reportListSchema } from '@/domain/reports'
import type { z } from 'zod'
import { chinaDayRange } from '@/domain/shared/days'
import type { ReportArea, ReportListItem, ReportListQuery, UserCtx } from './ports'
import type { Tier } from '@/domain/shared/roles'
import { accessOf, areaOf, assertGridOf, sweep, tierAreaOf } from './access'
import { decodeDueCursor, decodeSeqCursor, encodeReportCursor } from './cursor'
import { toSummary } from './view'
import { communityOf, isAbove } from '../shared/community'

type Input = z.output<typeof reportListSchema>

/** The filters each list applies. */
type Filter = 'status' | 'gridId' | 'category' | 'overdue' | 'communityId' | 'from' | 'to'
const FILTERS: readonly Filter[] = ['status', 'gridId', 'category', 'overdue', 'communityId', 'from', 'to']
const SCOPE_FILTERS: Record<Input['scope'], readonly Filter[]> = {
  mine: [],
  public: ['category'],
  queue: ['status', 'gridId', 'overdue'],
  area: FILTERS,
}

/**
 * report.list — 我的上报 (mine), the community's public reports (public), a handler's queue by deadline
 * (queue: a 网格员's grids, a committee's community-level reports, a street's, district's or city's reports
 * escalated to that level; only
 * 待受理 and 处理中 — a 退回补充 report waits for the resident and leaves the queue until resubmitted; narrowed
 * by status or overdue), and
 * a committee's, street's, district's or city's whole area with filters (area). Keyset pages, at most 100 items.
 */
export async function listReports(input: Input, ctx: UserCtx): Promise<ReportListPage> {
  const { deps, user } = ctx
  await sweep(deps, areaOf(user))
  const now = deps.clock.now()
  const limit = input.limit ?? 20
  const query = await listQueryOf(input, ctx, now)
  const byDue = query.kind === 'queue'
  const after = input.cursor ? (byDue ? decodeDueCursor(input.cursor) : decodeSeqCursor(input.cursor)) : null
  const rows = await deps.store.reports.list(query, { limit: limit + 1, after })
  const page = rows.slice(0, limit)
  const last: ReportListItem | undefined = page[page.length - 1]
  return {
    items: page.map((r) => toSummary(deps, r, accessOf(r, user), now)),
    nextCursor:
      rows.length > limit && last ? encodeReportCursor(byDue ? { dueAt: last.dueAt ?? '', seq: last.seq } : { seq: last.seq }) : null,
  }
}

/** The caller's list as a store query (FORBIDDEN for a scope that is not theirs): report.list and report.counts share it. */
export async function listQueryOf(input: Omit<Input, 'cursor' | 'limit'>, ctx: UserCtx, now: Date): Promise<ReportListQuery> {
  const { deps, user } = ctx
  const unsupported = FILTERS.filter(
    (f) => input[f] !== undefined && !SCOPE_FILTERS[input.scope].includes(f),
  )
  // a filter a list does not apply would make a figure counted with it lie about the list: refuse it
  if (unsupported.length > 0) {
    const message = '这个列表不能这样筛选'
    throw new AppError('INVALID_INPUT', message, unsupported.map((path) => ({ path, message })))
  }
  const overdue = input.overdue ? { overdueAt: now.toISOString() } : {}
  if (input.scope === 'mine') return { kind: 'mine', reporterId: user.id }
  if (input.scope === 'public') {
    return { kind: 'public', communityId: communityOf(user), ...(input.category ? { category: input.category } : {}) }
  }
  if (input.scope === 'queue') {
    const grids = user.grids.map((g) => g.id)
    const grid = input.gridId ? { gridId: input.gridId } : {}
    const narrow = { ...(input.status ? { status: input.status } : {}), ...overdue }
    if (user.roles.includes('gridWorker') && grids.length > 0) {
      if (input.gridId) await assertGridOf(deps, { gridIds: grids }, input.gridId)
      return { kind: 'queue', level: 'grid', gridIds: input.gridId ? [input.gridId] : grids, ...narrow }
    }
    if (user.roles.includes('committee') && user.communityId) {
      if (input.gridId) await assertGridOf(deps, { communityId: user.communityId }, input.gridId)
      return { kind: 'queue', level: 'community', communityId: user.communityId, ...grid, ...narrow }
    }
    const tier = tierAreaOf(user)
    if (tier) {
      if (input.gridId) await assertGridOf(deps, tier.area, input.gridId)
      return { kind: 'queue', ...tierQueue(tier.tier, tier.id), ...grid, ...narrow }
    }
    throw new AppError('FORBIDDEN', '只有工作人员有待办队列')
  }
  // created on the period's China days, as 总览's trends count them
  const period = chinaDayRange(input.from, input.to)
  const filters = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.gridId ? { gridId: input.gridId } : {}),
    ...(input.category ? { category: input.category } : {}),
    ...(period.from ? { createdFrom: period.from } : {}),
    ...(period.to ? { createdTo: period.to } : {}),
    ...overdue,
  }
  const area = await areaListOf(deps, user, input.communityId)
  if (input.gridId) await assertGridOf(deps, area, input.gridId)
  return { kind: 'area', ...area, ...filters }
}

const NOT_AREA_STAFF = '只有社区、街道、区和市的工作人员可以查看辖区问题'

/**
 * The area of 问题总览's list: the committee's community; a tier's whole area, or one community under it named by
 * `communityId` (a street's figure of one community opens that community's list). A community not the caller's:
 * FORBIDDEN; one that does not exist: INVALID_INPUT.
 */
async function areaListOf(deps: UserCtx['deps'], user: UserCtx['user'], communityId: string | undefined): Promise<ReportArea> {
  const named = communityId ? await deps.store.communities.get(communityId) : null
  if (communityId && !named) throw new AppError('INVALID_INPUT', '社区不存在', [{ path: 'communityId', message: '社区不存在' }])
  if (user.roles.includes('committee') && user.communityId) {
    if (named && named.id !== user.communityId) throw new AppError('FORBIDDEN', '只能查看本社区的问题')
    return { communityId: user.communityId }
  }
  const tier = tierAreaOf(user)
  if (!tier) throw new AppError('FORBIDDEN', NOT_AREA_STAFF)
  if (!named) return tier.area
  if (!isAbove(user, named)) throw new AppError('FORBIDDEN', '只能查看本辖区的社区')
  return { communityId: named.id }
}

/** The queue of a tier's staff: the reports escalated to their level in their area. */
function tierQueue(tier: Tier, id: string) {
  switch (tier) {
    case 'street':
      return { level: 'street', streetId: id } as const
    case 'district':
      return { level: 'district', districtId: id } as const
    case 'city':
      return { level: 'city', cityId: id } as const
  }
}
