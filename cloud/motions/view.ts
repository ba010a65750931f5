import { maskName } from '@/domain/shared/mask'
import { MOTION_PHASE_RULES, type MotionCommentView, type MotionSummary, type MotionView, type RulesView } from '@/domain/motions'
import type { Deps, MotionCommentRecord, MotionRecord, RulesRecord } from './ports'
import type { UserRecord } from '../shared/ports'
import { isCommitteeOf, voterKeyOf } from './access'
import { isOpenForAssessment, riskViewFor, signsOffFor } from './risk'

/**
 * A motion as a caller sees it. Tallies (the stored result) only once closed; before, turnout is the count of
 * voters (who voted, never what) against the eligible base — frozen when voting opened, the roster now before.
 */
export async function summaryFor(deps: Deps, m: MotionRecord, viewer: UserRecord): Promise<MotionSummary> {
  const base = m.base ?? (await deps.store.motions.base(m.communityId))
  const key = voterKeyOf(m, viewer)
  return {
    id: m.id,
    title: m.title,
    kind: m.kind,
    eligibility: m.eligibility,
    status: m.status,
    consultUntil: m.consultUntil,
    voteFrom: m.voteFrom,
    voteUntil: m.voteUntil,
    openedAt: m.openedAt,
    closedAt: m.closedAt,
    turnout: {
      eligible: m.eligibility === 'adults' ? base.adults : base.households,
      cast: m.status === 'voting' || m.status === 'closed' ? await deps.store.motions.turnout(m.id) : 0,
    },
    me: await meOf(deps, m, viewer, key),
    ...(m.status === 'closed' && m.result ? { passed: m.result.passed } : {}),
    major: m.riskGate !== 'none',
    createdAt: m.createdAt,
  }
}

/**
 * Whether the viewer may vote and has. In an adults motion once voting opened, a viewer who has not voted is
 * eligible only while their household has a place left (its frozen 成年人数 not all cast).
 */
async function meOf(deps: Deps, m: MotionRecord, viewer: UserRecord, key: string | null): Promise<MotionSummary['me']> {
  if (key === null) return { eligible: false, voted: false }
  if (await deps.store.motions.voted(m.id, key)) return { eligible: true, voted: true }
  if (m.eligibility !== 'adults' || !m.base || !viewer.householdId) return { eligible: true, voted: false }
  const places = await deps.store.motions.householdPlaces(m.id, viewer.householdId)
  return { eligible: places.voters < places.adults, voted: false }
}

export function commentView(c: MotionCommentRecord, viewer: UserRecord, committee: boolean): MotionCommentView {
  return {
    id: c.id,
    articleIndex: c.articleIndex,
    text: c.text,
    // residents' names are masked to everyone but the committee and the author
    authorName: committee || c.authorId === viewer.id ? c.authorName : maskName(c.authorName),
    mine: c.authorId === viewer.id,
    createdAt: c.createdAt,
    reply: c.reply ? { text: c.reply.text, byName: c.reply.byName, at: c.reply.at } : null,
  }
}

export async function viewFor(deps: Deps, m: MotionRecord, viewer: UserRecord): Promise<MotionView> {
  const summary = await summaryFor(deps, m, viewer)
  const committee = isCommitteeOf(viewer, m.communityId)
  const phase = MOTION_PHASE_RULES[m.status]
  const now = deps.clock.now().toISOString()
  const [revisions, comments] = await Promise.all([deps.store.motions.revisions(m.id), deps.store.motions.comments(m.id)])
  const resident = viewer.verified && viewer.communityId === m.communityId
  const community = await deps.store.communities.get(m.communityId)
  const risk = await riskViewFor(deps, m, viewer, community)
  return {
    ...summary,
    preamble: m.preamble,
    articles: m.articles,
    options: m.options,
    revisions: revisions.map((r) => ({ rev: r.rev, title: r.title, preamble: r.preamble, articles: r.articles, byId: r.byId, byName: r.byName, at: r.at })),
    comments: comments.map((c) => commentView(c, viewer, committee)),
    result: m.status === 'closed' ? m.result : null,
    risk: risk.view,
    can: {
      revise: committee && phase.revise,
      advance: committee && m.status !== 'closed',
      comment: resident && phase.comment && (!m.consultUntil || m.consultUntil > now),
      cast: phase.cast && summary.me.eligible && !summary.me.voted,
      recordOffline: committee && phase.cast,
      reply: committee,
      assessRisk: committee && risk.view.major && isOpenForAssessment(m),
      signOffRisk:
        m.status === 'consultation' && risk.assessment?.level === 'high' && risk.assessment.signOff === 'pending' && signsOffFor(viewer, community),
    },
  }
}

export function rulesView(r: RulesRecord): RulesView {
  return {
    version: r.version,
    adoptedAt: r.adoptedAt,
    motionId: r.motionId,
    title: r.title,
    articles: r.articles,
    ...(r.filedAt ? { filedAt: r.filedAt } : {}),
  }
}
