import type { ReportCategory } from '@/domain/reports'
import type { Overview } from '@/domain/overview'

/**
 * Where each 总览 figure leads (issue 19: every figure opens the list it counts): the query of 问题总览's list
 * (packages/reports/area, report.list scope `area`). Figures of the period (new reports by category, by sub-area,
 * disputes) carry the period, since they count the reports created in it; 现在超期 counts overdue reports of any
 * creation date, so it carries none. A community's overview carries its community (a street or district viewing
 * one community names it), and a street's community rows open that community's list.
 */
export interface AreaListQueries {
  category(c: ReportCategory): Record<string, string>
  /** a sub-area's reports of the period: a grid's, or (sub-areas are communities) a community's; null above that */
  subArea(id: string, name: string): Record<string, string> | null
  overdue(): Record<string, string>
  /** one bucket's days of a category or a sub-area (趋势 split); null where the sub-area has no list */
  slice(span: { from: string; to: string }, part: { category: ReportCategory } | { subAreaId: string; name: string }): Record<string, string> | null
}

export function areaListQueries(o: Overview): AreaListQueries {
  const period = { from: o.from, to: o.to }
  const community: Record<string, string> = o.area.kind === 'community' && o.area.id ? { communityId: o.area.id, communityName: o.area.name } : {}
  const ofSubArea = (id: string, name: string, p: { from: string; to: string }) =>
    o.subAreaKind === 'grid'
      ? { gridId: id, ...p, ...community }
      : o.subAreaKind === 'community'
        ? { communityId: id, communityName: name, ...p }
        : null
  return {
    category: (category) => ({ category, ...period, ...community }),
    subArea: (id, name) => ofSubArea(id, name, period),
    overdue: () => ({ overdue: '1', ...community }),
    slice: (span, part) => ('category' in part ? { category: part.category, ...span, ...community } : ofSubArea(part.subAreaId, part.name, span)),
  }
}

/** Where a figure's list opens (the report list with its filter); absent: the viewer has no such list. */
export interface ListLinks {
  category(c: ReportCategory): void
  /** a sub-area's reports: a grid's, or a street's community's (none above the street) */
  grid?(id: string): void
  overdue(): void
  /** a bucket's days' reports of a category or (where `grid` opens a list) of a sub-area */
  slice?(s: { from: string; to: string; category?: ReportCategory; subAreaId?: string }): void
}
