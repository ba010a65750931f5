import { AppError } from '@/domain/shared/errors'
import { DEFAULT_RESOLVE_DAYS, type ReportCategory, type ReportLevel } from '@/domain/reports'
import { tierPlaceOf, type Tier } from '@/domain/shared/roles'
import { SETTLE_DAYS, isOverdue } from '@/domain/reports/deadlines'
import { canDispatch, isReportStaff, relationsOf, UNLISTED_STATUSES, type Caller, type ReportFacts, type ReportParties, type ReportRelation } from '@/domain/reports/flow'
import type { Deps, ReportArea, ReportListItem, ReportRecord, UserCtx } from './ports'
import type { UserRecord } from '../shared/ports'
import { sendOutbound } from '../shared/outbound'
import { communityOf } from '../shared/community'

export const NOT_FOUND_MESSAGE = '问题不存在，或您无权查看'
export const RACE_MESSAGE = '问题刚被其他人处理过，请刷新后重试'
export const BAD_PHOTOS = '照片无效或已被使用'

export function callerOf(u: UserRecord): Caller {
  return {
    id: u.id,
    roles: u.roles,
    communityId: u.communityId,
    streetId: u.streetId,
    districtId: u.districtId,
    cityId: u.cityId,
    gridIds: u.grids.map((g) => g.id),
    departmentId: u.departmentId ?? null,
  }
}

export function partiesOf(r: ReportListItem): ReportParties {
  return {
    reporterId: r.reporterId,
    communityId: r.communityId,
    streetId: r.streetId,
    districtId: r.districtId,
    cityId: r.cityId,
    gridId: r.gridId,
    level: r.level,
    dispatchedTo: r.dispatch?.departmentId ?? null,
  }
}

/** The highest level a report can be escalated to: as far as its street is placed (district, city). */
export function topLevelOf(r: Pick<ReportRecord, 'districtId' | 'cityId'>): ReportLevel {
  return r.cityId ? 'city' : r.districtId ? 'district' : 'street'
}

export function factsOf(r: ReportListItem, now: Date): ReportFacts {
  return {
    status: r.status,
    level: r.level,
    category: r.category,
    visibility: r.visibility,
    overdue: isOverdue(r.status, r.acceptBy, r.resolveBy, now),
    resolvedAt: r.resolvedAt,
    topLevel: topLevelOf(r),
    dispatched: !!r.dispatch,
  }
}

export interface Access {
  rel: Set<ReportRelation>
  staff: boolean
  reporter: boolean
  /** sees the reporter's and the parties' names and phone in full (README: the community's staff, the grid's worker) */
  people: boolean
  /** may dispatch it to a functional department now (交办: canDispatch) */
  dispatch: boolean
}

/**
 * Personal data in full (个人信息保护法, the README's rule): the committee of the report's community, a 网格员 of its
 * grid, and whoever handles it now — so street staff only once it was escalated to the street. Other staff who
 * supervise it (the street before escalation) see people masked, like anyone outside the community.
 */
function seesPeople(rel: ReadonlySet<ReportRelation>, u: UserRecord, r: ReportListItem): boolean {
  const gridWorker = u.roles.includes('gridWorker') && u.communityId === r.communityId && u.grids.some((g) => g.id === r.gridId)
  return rel.has('committee') || rel.has('handler') || gridWorker
}

export function accessOf(r: ReportListItem, u: UserRecord): Access {
  const caller = callerOf(u)
  const rel = relationsOf(partiesOf(r), caller)
  const staff = isReportStaff(rel, caller, partiesOf(r))
  // the deadline plays no part in who may dispatch: the facts at any instant will do
  const dispatch = staff && canDispatch(factsOf(r, new Date(0)), partiesOf(r), caller).ok
  return { rel, staff, reporter: rel.has('reporter'), people: seesPeople(rel, u, r), dispatch }
}

/** Public to the members of its community: public, clean, not withdrawn or rejected. */
export function isPublicReport(r: ReportListItem): boolean {
  return r.visibility === 'public' && r.moderation === 'clean' && !UNLISTED_STATUSES.includes(r.status)
}

/**
 * Who a report's photos may be shown to now, as their signed URLs carry it: its members when public, else its
 * reporter and staff. A URL signed under another scope no longer serves (cloud/files/readPhoto.ts).
 */
export function photoScope(r: ReportListItem): string {
  return `${r.id}:${isPublicReport(r) ? 'public' : 'private'}`
}

export function canSeeReport(r: ReportListItem, a: Access): boolean {
  return a.staff || a.reporter || (a.rel.has('member') && isPublicReport(r))
}

/** A street's, district's or city's area. */
export function tierArea(tier: Tier, id: string): ReportArea {
  return tier === 'street' ? { streetId: id } : tier === 'district' ? { districtId: id } : { cityId: id }
}

/** The tier a street, district or city staff member acts at (their highest) and its area; null for anyone else. */
export function tierAreaOf(u: UserRecord): { tier: Tier; id: string; area: ReportArea } | null {
  const t = tierPlaceOf(u)
  return t && { ...t, area: tierArea(t.tier, t.id) }
}

/** The area whose resolved reports the sweep closes before a caller reads it. */
export function areaOf(u: UserRecord): ReportArea | null {
  const tier = tierAreaOf(u)
  if (tier) return tier.area
  return u.communityId ? { communityId: u.communityId } : null
}

/** Closes the area's reports resolved more than 7 days ago (cheap when there are none: an indexed read). */
export async function sweep(deps: Deps, area: ReportArea | null): Promise<void> {
  if (!area) return
  const now = deps.clock.now()
  const before = new Date(now.getTime() - SETTLE_DAYS * 24 * 3600_000).toISOString()
  const messages = await deps.store.reports.autoClose(area, before, now.toISOString(), () => deps.ids.newId())
  await sendOutbound(deps, messages)
}

/** The report if the caller may see it; NOT_FOUND otherwise (its existence is private). */
export async function visibleReport(id: string, ctx: UserCtx): Promise<{ report: ReportRecord; access: Access }> {
  const report = await ctx.deps.store.reports.get(id)
  if (!report) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  const access = accessOf(report, ctx.user)
  if (!canSeeReport(report, access)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  return { report, access }
}

/** The community's working days to 办结 per category: its own settings over the defaults. */
export async function resolveDaysOf(deps: Deps, communityId: string): Promise<Record<ReportCategory, number>> {
  return { ...DEFAULT_RESOLVE_DAYS, ...(await deps.store.reports.deadlines(communityId)) }
}

/** The caller's community; NO_COMMUNITY until they have chosen one. */
export const requireCommunity = (u: UserRecord): string => communityOf(u)

/** A grid filter must name a grid of the caller's area: unknown → INVALID_INPUT, another area's → FORBIDDEN. */
export async function assertGridOf(deps: Deps, area: ReportArea | { gridIds: string[] }, gridId: string): Promise<void> {
  const grid = await deps.store.communities.grid(gridId)
  if (!grid) throw new AppError('INVALID_INPUT', '网格不存在', [{ path: 'gridId', message: '网格不存在' }])
  let mine: boolean
  if ('gridIds' in area) mine = area.gridIds.includes(gridId)
  else if ('communityId' in area) mine = grid.communityId === area.communityId
  else {
    const community = await deps.store.communities.get(grid.communityId)
    if ('streetId' in area) mine = community?.streetId === area.streetId
    else if ('districtId' in area) mine = community?.districtId === area.districtId
    else mine = community?.cityId === area.cityId
  }
  if (!mine) throw new AppError('FORBIDDEN', '只能查看自己辖区的网格')
}
