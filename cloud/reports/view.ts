import { maskName, maskNamesIn } from '@/domain/shared/mask'
import type { MediationView, PhotoView, ReportSummary, ReportView, TimelineEntry } from '@/domain/reports'
import { availableActions } from '@/domain/reports/flow'
import { isOverdue } from '@/domain/reports/deadlines'
import type { Role } from '@/domain/shared/roles'
import type { Deps, ReportDetailRecord, ReportListItem, ReportRecord } from './ports'
import type { UserRecord } from '../shared/ports'
import { accessOf, factsOf, photoScope, type Access } from './access'

/**
 * How the viewer may see the reporter: in full to the reporter and to staff who see people (Access.people: the
 * community's staff, the grid's worker, the street once escalated to it); else '居民' when anonymous, masked otherwise.
 */
export function reporterNameFor(r: ReportListItem, a: Pick<Access, 'people' | 'reporter'>): string {
  if (a.people || a.reporter) return r.reporterName
  return r.anonymous ? '居民' : maskName(r.reporterName)
}

/** A photo of report `r`, its URL signed for the report's audience now (photoScope). */
export function photo(deps: Deps, id: string, r: ReportListItem): PhotoView {
  return { id, url: deps.fileUrls.sign(id, photoScope(r)) }
}

function excerptOf(description: string): string {
  const cps = [...description.replace(/\s+/g, ' ').trim()]
  return cps.length > 60 ? cps.slice(0, 60).join('') + '…' : cps.join('')
}

export function toSummary(deps: Deps, r: ReportListItem, a: Pick<Access, 'people' | 'reporter'>, now: Date): ReportSummary {
  const due = r.status === 'submitted' ? r.acceptBy : r.status === 'accepted' ? r.resolveBy : null
  return {
    id: r.id,
    category: r.category,
    excerpt: excerptOf(r.description),
    status: r.status,
    level: r.level,
    gridId: r.gridId,
    gridName: r.gridName,
    visibility: r.visibility,
    anonymous: r.anonymous,
    reporterName: reporterNameFor(r, a),
    createdAt: r.createdAt,
    acceptBy: r.acceptBy,
    resolveBy: r.resolveBy,
    dueAt: due,
    overdue: isOverdue(r.status, r.acceptBy, r.resolveBy, now),
    supporters: r.supporters,
    stars: r.rating,
    cover: r.cover ? photo(deps, r.cover, r) : null,
    address: r.address,
  }
}

export const MEDIATION_NOTE_HIDDEN = '调解经过仅上报人和工作人员可见'

/** A staff member as everyone may see them (officials act in their role and name). */
export function staffLabel(name: string, roles: readonly Role[], department?: string | null): string | null {
  // a functional department acts as itself: its name, not its officer's (issue 17)
  if (department) return department
  if (roles.includes('city')) return `市综治中心 ${name}`
  if (roles.includes('district')) return `区综治中心 ${name}`
  if (roles.includes('street')) return `街道 ${name}`
  if (roles.includes('committee')) return `社区 ${name}`
  if (roles.includes('gridWorker')) return `网格员 ${name}`
  return null
}

/** Who handles a report at its level, in the words a resident knows: the grid's 网格员 by name, else the office. */
function handlerWho(r: ReportRecord): string {
  if (r.dispatch) return r.dispatch.departmentName
  if (r.level === 'community') return '社区工作人员'
  if (r.level === 'street') return '街道工作人员'
  if (r.level === 'district') return '区综治中心'
  if (r.level === 'city') return '市综治中心'
  return r.assigneeName ? `网格员 ${r.assigneeName}` : `${r.gridName}网格员`
}

export function toView(deps: Deps, d: ReportDetailRecord, a: Access, now: Date): ReportView {
  const r = d.report
  const shownReporter = reporterNameFor(r, a)
  // a report staff raised (a 网格员's 入户走访 finding, a committee member's): they act in their role and name
  const created = d.events.find((e) => e.action === 'create' && e.actorId === r.reporterId)
  const staffReporter = created ? staffLabel(created.actorName ?? '', created.actorRoles) : null
  const actorLabel = (id: string | null, name: string | null, roles: readonly Role[], department?: string | null): string => {
    if (id === null) return '系统'
    if (id === r.reporterId && !department) return staffReporter ?? (shownReporter === '居民' ? '居民' : `居民 ${shownReporter}`)
    const staff = staffLabel(name ?? '', roles, department)
    if (staff) return staff
    return a.people ? `居民 ${name ?? ''}` : `居民 ${maskName(name ?? '')}`
  }
  // what the reporter writes after the report itself (a 重新打开 reason, a rating comment) is between them and
  // the staff: it is not content-checked for the public and may name neighbours
  const inner = a.staff || a.reporter
  // a photo WeChat's image check has not passed is the staff's and its uploader's only (issue 14): the reporter
  // sees their own, not a held photo a staff member took
  const held = new Set(a.staff ? [] : d.heldPhotos.filter((p) => !(a.reporter && p.ownerId === r.reporterId)).map((p) => p.id))
  const shown = (ids: string[]) => ids.filter((id) => !held.has(id)).map((id) => photo(deps, id, r))
  const timeline: TimelineEntry[] = d.events.map((e) => ({
    id: String(e.id),
    at: e.at,
    action: e.action as TimelineEntry['action'],
    actor: actorLabel(e.actorId, e.actorName, e.actorRoles, e.departmentName),
    note: inner || e.actorId !== r.reporterId || e.action === 'create' ? e.note : null,
    photos: shown(e.photoIds),
    status: e.status,
    level: e.level,
  }))
  const m = d.mediation
  // the notes and the agreement are free text full of the parties' names and affairs: the staff and the
  // reporter only; a neighbour reading a public dispute sees the kind, masked parties, dates and outcome. Whoever
  // sees the party list masked reads the parties' names masked inside the text too.
  const partyText = (t: string) => (a.people || !m ? t : maskNamesIn(t, m.parties.map((p) => p.name)))
  const mediation: MediationView | null = m
    ? {
        kind: m.kind,
        parties: m.parties.map((p) => ({ name: a.people ? p.name : maskName(p.name), role: p.role })),
        sessions: m.sessions.map((s) => ({
          date: s.date,
          note: inner ? partyText(s.note) : MEDIATION_NOTE_HIDDEN,
          recordedBy: staffLabel(s.recordedByName, s.recordedByRoles) ?? s.recordedByName,
        })),
        outcome: m.outcome,
        agreement: inner && m.agreement !== null ? partyText(m.agreement) : null,
        updatedAt: m.updatedAt,
      }
    : null
  return {
    ...toSummary(deps, r, a, now),
    ...(staffReporter ? { reporterName: staffReporter } : {}),
    viewer: a.reporter ? 'reporter' : a.rel.has('handler') || a.rel.has('department') ? 'handler' : a.staff ? 'staff' : 'resident',
    dispatch: r.dispatch
      ? { departmentName: r.dispatch.departmentName, accepted: r.dispatch.status === 'accepted', days: r.dispatch.days, dueAt: r.dispatch.dueAt }
      : null,
    description: r.description,
    photos: shown(d.photoIds),
    location: r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude, address: r.address } : null,
    reporterPhone: a.people ? r.reporterPhone : null,
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
    handler: { who: handlerWho(r), phone: a.reporter ? r.gridPhone : null },
    timeline,
    mediation,
    rating: r.rating !== null && r.ratedAt ? { score: r.rating, comment: inner ? r.ratingComment : null, at: r.ratedAt } : null,
    reopenCount: r.reopenCount,
    resolvedAt: r.resolvedAt,
    mine: a.reporter,
    supportedByMe: d.supportedByMe,
    can: [...availableActions(factsOf(r, now), a.rel, now), ...(a.dispatch ? (['dispatch'] as const) : [])],
  }
}

/** The whole view of a report after a change, for the caller. */
export async function viewFor(deps: Deps, reportId: string, viewer: UserRecord): Promise<ReportView> {
  const d = await deps.store.reports.detail(reportId, viewer.id)
  if (!d) throw new Error(`report ${reportId} vanished`)
  return toView(deps, d, accessOf(d.report, viewer), deps.clock.now())
}
