import type { ReportAction, ReportCategory, ReportLevel, ReportStatus, ReportVisibility, TimelineEntry } from '.'
import { REPORT_ACTIONS, REPORT_LEVEL_LABELS, REPORT_LEVELS } from '.'
import { settleBy } from './settle'
import { TIER_KEY, TIERS, type OrgPlace, type Role } from '../shared/roles'

/**
 * The report state machine, as data (DESIGN §3). Who may take an action depends on the caller's relation to
 * the report, and "handler" and "supervisor" depend on the level the report is at:
 *   level grid      → handler: a 网格员 of its grid;   supervisors: 社区 (committee), 街道, 区, 市
 *   level community → handler: 社区 of its community;  supervisors: 街道, 区, 市
 *   level street    → handler: 街道 of its street;     supervisors: 区, 市
 *   level district  → handler: 区 of its district;     supervisor: 市
 *   level city      → handler: 市;                     no supervisor
 * While a report is dispatched (交办) to a functional department, that department's staff hold the relation
 * `department` (受理, 进展, 办结 or 退回交办) and the staff who handled it at its level supervise it instead (督办).
 */
export type ReportRelation = 'reporter' | 'handler' | 'supervisor' | 'committee' | 'member' | 'resident' | 'department'

export const STATUS_LABELS: Record<ReportStatus, string> = {
  submitted: '待受理',
  returned: '退回补充',
  accepted: '处理中',
  resolved: '已办结',
  closed: '已关闭',
  rejected: '不予受理',
  withdrawn: '已撤回',
}

export const ACTION_LABELS: Record<ReportAction, string> = {
  accept: '受理',
  note: '处理进展',
  resolve: '办结',
  reject: '不予受理',
  return: '退回补充',
  escalate: '上报',
  supervise: '督办',
  reassign: '改派',
  reopen: '重新打开',
  withdraw: '撤回',
  sendBack: '退回交办',
}

/** The timeline's steps that are not staff actions, in words (the report page, the 台账's 处理经过). */
export const TIMELINE_STEP_LABELS: Record<Exclude<TimelineEntry['action'], ReportAction>, string> = {
  create: '提交上报',
  edit: '修改了内容',
  rate: '评价',
  mediate: '调解记录',
  meeting: '联席会议',
  responsible: '指定包保责任人',
  autoClose: '超过 7 天未评价，自动结案',
  dispatch: '交办职能部门',
}

export const OPEN_STATUSES: readonly ReportStatus[] = ['submitted', 'returned', 'accepted']
export const SETTLED_STATUSES: readonly ReportStatus[] = ['resolved', 'closed']
/** Off every public list: withdrawn by the reporter, or not taken up (不予受理). */
export const UNLISTED_STATUSES: readonly ReportStatus[] = ['withdrawn', 'rejected']

interface Rule {
  from: readonly ReportStatus[]
  by: readonly ReportRelation[]
  /** null: the status stays */
  to: ReportStatus | null
}

const FLOW = {
  accept: { from: ['submitted'], by: ['handler', 'department'], to: 'accepted' },
  note: { from: ['accepted'], by: ['handler', 'department'], to: null },
  resolve: { from: ['accepted'], by: ['handler', 'department'], to: 'resolved' },
  reject: { from: ['submitted', 'accepted'], by: ['handler'], to: 'rejected' },
  return: { from: ['submitted', 'accepted'], by: ['handler'], to: 'returned' },
  // the next level must accept it again: 待受理 with fresh deadlines
  escalate: { from: ['submitted', 'accepted'], by: ['handler'], to: 'submitted' },
  supervise: { from: ['submitted', 'accepted'], by: ['supervisor'], to: null },
  reassign: { from: ['submitted', 'returned', 'accepted'], by: ['committee'], to: null },
  reopen: { from: ['resolved'], by: ['reporter'], to: 'accepted' },
  withdraw: { from: ['submitted', 'returned'], by: ['reporter'], to: 'withdrawn' },
  // 退回交办 (wrong department), before 受理 (once accepted it is the department's): back to the level that
  // dispatched it, which took it up by dispatching
  sendBack: { from: ['submitted'], by: ['department'], to: 'accepted' },
} as const satisfies Record<ReportAction, Rule>

export const REPORT_FLOW: Record<ReportAction, Rule> = FLOW

/** The relations of staff to a report (a reporter's own actions — reopen, withdraw — are not staff's). */
const STAFF_RELATIONS = ['handler', 'supervisor', 'committee', 'department'] as const satisfies readonly ReportRelation[]
type StaffRelation = (typeof STAFF_RELATIONS)[number]

/** The transitions staff take on a report: the actions the flow table gives to staff relations only. */
export type StaffAction = { [A in ReportAction]: (typeof FLOW)[A]['by'][number] extends StaffRelation ? A : never }[ReportAction]

const isStaffAction = (a: ReportAction): a is StaffAction =>
  REPORT_FLOW[a].by.every((r) => (STAFF_RELATIONS as readonly ReportRelation[]).includes(r))

/** The staff transitions, in REPORT_ACTIONS' order (the staff panel's buttons). */
export const STAFF_ACTIONS: readonly StaffAction[] = REPORT_ACTIONS.filter(isStaffAction)

export interface ReportFacts {
  status: ReportStatus
  level: ReportLevel
  category: ReportCategory
  visibility: ReportVisibility
  overdue: boolean
  resolvedAt: string | null
  /** the highest level above the report's street that exists (a street placed under no district: 'street') */
  topLevel: ReportLevel
  /** dispatched to a functional department now (交办, pending or accepted) */
  dispatched?: boolean
}

export interface ReportParties extends OrgPlace {
  reporterId: string
  communityId: string
  streetId: string
  gridId: string
  level: ReportLevel
  /** the department it is dispatched to now (交办, pending or accepted); null when none */
  dispatchedTo?: string | null
}

export interface Caller extends OrgPlace {
  id: string
  roles: readonly Role[]
  communityId: string | null
  /** the grids a 网格员 covers */
  gridIds: readonly string[]
  /** the functional department a `department` member works for */
  departmentId?: string | null
}

const rank = (level: ReportLevel) => REPORT_LEVELS.indexOf(level)

/**
 * The levels at which the caller is staff over the report: grid (a 网格员 of its grid), community (its committee),
 * and street, district, city (staff of the tier whose area holds it).
 */
export function staffLevelsOf(report: ReportParties, caller: Caller): Set<ReportLevel> {
  const levels = new Set<ReportLevel>()
  const has = (r: Role) => caller.roles.includes(r)
  if (has('gridWorker') && caller.communityId === report.communityId && caller.gridIds.includes(report.gridId)) levels.add('grid')
  if (has('committee') && caller.communityId === report.communityId) levels.add('community')
  for (const tier of TIERS) {
    const key = TIER_KEY[tier]
    if (has(tier) && caller[key] !== null && caller[key] === report[key]) levels.add(tier)
  }
  return levels
}

/** The caller's relations to a report (a 网格员 may also be its reporter). Empty: they may not see it as staff. */
export function relationsOf(report: ReportParties, caller: Caller): Set<ReportRelation> {
  const rel = new Set<ReportRelation>()
  const levels = staffLevelsOf(report, caller)
  if (caller.id === report.reporterId) rel.add('reporter')
  if (caller.communityId === report.communityId) rel.add('member')
  if (levels.has('community')) rel.add('committee')
  const dispatched = report.dispatchedTo != null
  // while dispatched, the level that handled it supervises the department (督办) instead of handling it
  if (levels.has(report.level)) {
    if (!dispatched) rel.add('handler')
    else if (report.level !== 'grid') rel.add('supervisor')
  }
  if (dispatched && caller.roles.includes('department') && caller.departmentId === report.dispatchedTo) rel.add('department')
  // every level above the one handling it supervises (督办): the committee over its grids, each tier over all below
  if ([...levels].some((l) => l !== 'grid' && rank(l) > rank(report.level))) rel.add('supervisor')
  // a resident or volunteer of the community who is not staff of this report (isReportStaff): 我也遇到 is theirs
  if (rel.has('member') && (caller.roles.includes('resident') || caller.roles.includes('volunteer')) && levels.size === 0 && !rel.has('department')) {
    rel.add('resident')
  }
  return rel
}

/** Staff who may see every report of their remit, private ones included. */
export function isReportStaff(rel: ReadonlySet<ReportRelation>, caller: Caller, report: ReportParties): boolean {
  return STAFF_RELATIONS.some((r) => rel.has(r)) || staffLevelsOf(report, caller).size > 0
}

export type Decision =
  | { ok: true; status: ReportStatus; level: ReportLevel }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

const FORBIDDEN_MESSAGES: Record<ReportAction, string> = {
  accept: '只有负责这个问题的工作人员可以受理',
  note: '只有负责这个问题的工作人员可以填写进展',
  resolve: '只有负责这个问题的工作人员可以办结',
  reject: '只有负责这个问题的工作人员可以不予受理',
  return: '只有负责这个问题的工作人员可以退回',
  escalate: '只有负责这个问题的工作人员可以上报',
  supervise: '只有上级（社区、街道、区或市）可以督办',
  reassign: '只有社区可以改派',
  reopen: '只有上报人可以重新打开',
  withdraw: '只有上报人可以撤回',
  sendBack: '只有接到交办的职能部门可以退回交办',
}

/** Decides one transition: the rule's relation first (FORBIDDEN), then the state (CONFLICT). */
export function decide(action: ReportAction, facts: ReportFacts, rel: ReadonlySet<ReportRelation>, now: Date): Decision {
  const rule = REPORT_FLOW[action]
  if (!rule.by.some((r) => rel.has(r))) return { ok: false, code: 'FORBIDDEN', message: FORBIDDEN_MESSAGES[action] }
  if (!rule.from.includes(facts.status)) {
    return { ok: false, code: 'CONFLICT', message: `问题当前${STATUS_LABELS[facts.status]}，不能${ACTION_LABELS[action]}` }
  }
  let level = facts.level
  if (action === 'escalate') {
    const next = REPORT_LEVELS[rank(facts.level) + 1]
    if (!next || rank(next) > rank(facts.topLevel)) {
      return { ok: false, code: 'CONFLICT', message: `已上报到${REPORT_LEVEL_LABELS[facts.level]}，没有更高一级可以上报` }
    }
    level = next
  }
  if (action === 'reassign') {
    if (facts.dispatched) return { ok: false, code: 'CONFLICT', message: '问题已交办给职能部门，不能改派' }
    // a tier handles what reached it; the committee sends back down only what is still in the community
    if (rank(facts.level) > rank('community')) {
      return { ok: false, code: 'CONFLICT', message: `已上报到${REPORT_LEVEL_LABELS[facts.level]}，由${REPORT_LEVEL_LABELS[facts.level]}处理，社区不能改派` }
    }
    level = 'grid'
  }
  if (action === 'supervise' && !facts.overdue) return { ok: false, code: 'CONFLICT', message: '未逾期，无需督办' }
  if (action === 'reopen' && (!facts.resolvedAt || settleBy(facts.resolvedAt).getTime() < now.getTime())) {
    return { ok: false, code: 'CONFLICT', message: `办结已超过 7 天，不能重新打开，请重新上报` }
  }
  return { ok: true, status: rule.to ?? facts.status, level }
}

export type ReportExtra = 'edit' | 'rate' | 'mediate' | 'meet' | 'responsible' | 'support'

/** Editing text/category/photos/visibility; `anonymous: true` alone is allowed in every status. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['submitted', 'returned']

export function canEdit(facts: ReportFacts, rel: ReadonlySet<ReportRelation>, onlyAnonymise: boolean): Decision {
  if (!rel.has('reporter')) return { ok: false, code: 'FORBIDDEN', message: '只能修改自己上报的问题' }
  if (!onlyAnonymise && !EDITABLE_STATUSES.includes(facts.status)) {
    return { ok: false, code: 'CONFLICT', message: '问题已受理，不能再修改（仍可改为匿名）' }
  }
  // editing a returned report sends it back to the handler
  return { ok: true, status: facts.status === 'returned' && !onlyAnonymise ? 'submitted' : facts.status, level: facts.level }
}

/** `now` given: a report resolved more than 7 days ago has closed itself (even before a sweep wrote it). */
export function canRate(facts: ReportFacts, rel: ReadonlySet<ReportRelation>, now?: Date): Decision {
  if (!rel.has('reporter')) return { ok: false, code: 'FORBIDDEN', message: '只有上报人可以评价' }
  if (facts.status !== 'resolved') return { ok: false, code: 'CONFLICT', message: `问题当前${STATUS_LABELS[facts.status]}，不能评价` }
  if (now && facts.resolvedAt && settleBy(facts.resolvedAt).getTime() < now.getTime()) {
    return { ok: false, code: 'CONFLICT', message: '办结已超过 7 天，已自动结案，不能再评价' }
  }
  return { ok: true, status: 'closed', level: facts.level }
}

export function canMediate(facts: ReportFacts, rel: ReadonlySet<ReportRelation>): Decision {
  if (!rel.has('handler')) return { ok: false, code: 'FORBIDDEN', message: '只有负责这个纠纷的工作人员可以记录调解' }
  if (facts.category !== 'dispute') return { ok: false, code: 'CONFLICT', message: '只有矛盾纠纷需要调解记录' }
  if (facts.status !== 'accepted') return { ok: false, code: 'CONFLICT', message: '请先受理，再记录调解' }
  return { ok: true, status: facts.status, level: facts.level }
}

/**
 * 联席会议 (meeting.record): a dispute that reached the community or above, still open, recorded by whoever handles
 * or supervises it, or by its community's committee.
 */
export function canHoldMeeting(facts: ReportFacts, rel: ReadonlySet<ReportRelation>): Decision {
  if (!rel.has('handler') && !rel.has('supervisor') && !rel.has('committee')) {
    return { ok: false, code: 'FORBIDDEN', message: '只有负责或督办这个纠纷的工作人员可以记录联席会议' }
  }
  if (facts.category !== 'dispute') return { ok: false, code: 'CONFLICT', message: '只有矛盾纠纷可以召开联席会议' }
  if (facts.level === 'grid') return { ok: false, code: 'CONFLICT', message: '纠纷上报到社区或街道后，才召开联席会议' }
  if (facts.status !== 'submitted' && facts.status !== 'accepted') {
    return { ok: false, code: 'CONFLICT', message: `问题当前${STATUS_LABELS[facts.status]}，不能记录联席会议` }
  }
  return { ok: true, status: facts.status, level: facts.level }
}

/** 包保 (meeting.assignResponsible): an open dispute at any level, named by whoever handles or supervises it, or its committee. */
export function canAssignResponsible(facts: ReportFacts, rel: ReadonlySet<ReportRelation>): Decision {
  if (!rel.has('handler') && !rel.has('supervisor') && !rel.has('committee')) {
    return { ok: false, code: 'FORBIDDEN', message: '只有负责或督办这个纠纷的工作人员可以指定包保责任人' }
  }
  if (facts.category !== 'dispute') return { ok: false, code: 'CONFLICT', message: '只有矛盾纠纷实行包保责任制' }
  if (!OPEN_STATUSES.includes(facts.status)) {
    return { ok: false, code: 'CONFLICT', message: `问题当前${STATUS_LABELS[facts.status]}，不能指定包保责任人` }
  }
  return { ok: true, status: facts.status, level: facts.level }
}

export function canSupport(facts: ReportFacts, rel: ReadonlySet<ReportRelation>): Decision {
  if (!rel.has('member')) return { ok: false, code: 'FORBIDDEN', message: '只能支持本社区的问题' }
  if (!rel.has('resident')) return { ok: false, code: 'FORBIDDEN', message: '工作人员不能对辖区的问题点“我也遇到”' }
  if (rel.has('reporter')) return { ok: false, code: 'CONFLICT', message: '这是您自己上报的问题' }
  if (facts.visibility !== 'public' || !OPEN_STATUSES.includes(facts.status)) {
    return { ok: false, code: 'CONFLICT', message: '这个问题已结束，不能再支持' }
  }
  return { ok: true, status: facts.status, level: facts.level }
}

/** Everything the caller may do now, for the view's `can`. */
export function availableActions(facts: ReportFacts, rel: ReadonlySet<ReportRelation>, now: Date): (ReportAction | ReportExtra)[] {
  const out: (ReportAction | ReportExtra)[] = []
  for (const action of Object.keys(REPORT_FLOW) as ReportAction[]) if (decide(action, facts, rel, now).ok) out.push(action)
  if (canEdit(facts, rel, false).ok) out.push('edit')
  if (canRate(facts, rel, now).ok) out.push('rate')
  if (canMediate(facts, rel).ok) out.push('mediate')
  if (canHoldMeeting(facts, rel).ok) out.push('meet')
  if (canAssignResponsible(facts, rel).ok) out.push('responsible')
  if (canSupport(facts, rel).ok) out.push('support')
  return out
}

/**
 * 交办: who may dispatch a report to a functional department. The staff of the community, street, district or city
 * over the report at or above the level it sits at (its handler level or a supervisor; not a 网格员 — a grid's
 * report goes through its community), while it is open (待受理 or 处理中) and not dispatched already. The report
 * moves to the dispatcher's level (the decision's `level`: the lowest they act at), which supervises the department
 * and takes it back if the department sends it back (退回交办).
 */
export function canDispatch(facts: ReportFacts, report: ReportParties, caller: Caller): Decision {
  const levels = staffLevelsOf(report, caller)
  const mine = REPORT_LEVELS.find((l) => l !== 'grid' && levels.has(l) && rank(l) >= rank(report.level))
  if (!mine) {
    return { ok: false, code: 'FORBIDDEN', message: '只有社区、街道、区或市的工作人员可以交办' }
  }
  if (report.dispatchedTo != null) return { ok: false, code: 'CONFLICT', message: '问题已交办给职能部门，不能重复交办' }
  if (facts.status !== 'submitted' && facts.status !== 'accepted') {
    return { ok: false, code: 'CONFLICT', message: `问题当前${STATUS_LABELS[facts.status]}，不能交办` }
  }
  return { ok: true, status: 'submitted', level: mine }
}
