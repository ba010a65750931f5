import { useEffect } from 'react'
import { REPORT_CATEGORIES, REPORT_STATUSES, type ReportCategory, type ReportListInput, type ReportStatus, type ReportSummary } from '@/domain/reports'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'
import { onReportEvent } from './events'

export const QUEUE_PAGE = 50

export interface AreaFilters {
  status: ReportStatus | ''
  gridId: string
  category: ReportCategory | ''
  overdueOnly: boolean
  /** the area list only, from 总览's figures: one community of a street or above ('' none) */
  communityId?: string
  /** that community's name, as the link gave it (shown only) */
  communityName?: string
  /** the area list only: created on these China days 'YYYY-MM-DD' (总览's period; '' open) */
  from?: string
  to?: string
}

export const NO_FILTERS: AreaFilters = { status: '', gridId: '', category: '', overdueOnly: false }

const ID = /^[A-Za-z0-9_-]{1,64}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Filters a link opened the area list with (总览's figures): `category`, `gridId`, `status`, `overdue=1`, and the
 * figure's period `from`/`to` and community `communityId`; the rest ignored.
 */
export function filtersFromQuery(q: Record<string, string | undefined> | undefined): AreaFilters {
  const status = REPORT_STATUSES.find((x) => x === q?.status)
  const category = REPORT_CATEGORIES.find((x) => x === q?.category)
  const gridId = q?.gridId && ID.test(q.gridId) ? q.gridId : ''
  const f: AreaFilters = { status: status ?? '', gridId, category: category ?? '', overdueOnly: q?.overdue === '1' }
  if (q?.communityId && ID.test(q.communityId)) {
    f.communityId = q.communityId
    const name = q.communityName ? safeDecode(q.communityName).slice(0, 40) : ''
    if (name) f.communityName = name
  }
  if (q?.from && DAY.test(q.from)) f.from = q.from
  if (q?.to && DAY.test(q.to)) f.to = q.to
  return f
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The payload of one page of `report.list` for a scope and filters (no empty fields). */
export function listPayload(scope: 'queue' | 'area', f: AreaFilters, cursor?: string): ReportListInput {
  return {
    scope,
    ...(f.status ? { status: f.status } : {}),
    ...(f.gridId ? { gridId: f.gridId } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.overdueOnly ? { overdue: true } : {}),
    ...(scope === 'area' && f.communityId ? { communityId: f.communityId } : {}),
    ...(scope === 'area' && f.from ? { from: f.from } : {}),
    ...(scope === 'area' && f.to ? { to: f.to } : {}),
    ...(cursor ? { cursor } : {}),
    limit: QUEUE_PAGE,
  }
}

/** A list of reports for staff, in the server's order (by deadline); a report changed elsewhere is updated in place. */
function useStaffReportList(scope: 'queue' | 'area', filters: AreaFilters, enabled: boolean) {
  const key = enabled ? `${scope}:${JSON.stringify(filters)}` : null
  const list = usePagedList<ReportSummary>(key, (cursor) =>
    callApi('report.list', listPayload(scope, filters, cursor)),
  )
  const { update } = list
  useEffect(
    () =>
      onReportEvent((e) => {
        if (e.type !== 'changed') return
        update(e.report.id, (old) => ({ ...old, ...pickSummary(e.report) }))
      }),
    [update],
  )
  return list
}

function pickSummary(r: ReportSummary): Partial<ReportSummary> {
  const { status, level, dueAt, overdue, acceptBy, resolveBy, supporters, gridId, gridName, stars } = r
  return { status, level, dueAt, overdue, acceptBy, resolveBy, supporters, gridId, gridName, stars }
}

/** 待办问题: the handler's queue (their grids; for 社区/街道 their level's reports). */
export function useReportQueue(status: ReportStatus | '' = '', enabled = true) {
  return useStaffReportList('queue', { ...NO_FILTERS, status }, enabled)
}

/** 问题总览: the area's reports with filters (committee, street). */
export function useAreaReports(filters: AreaFilters, enabled = true) {
  return useStaffReportList('area', filters, enabled)
}
