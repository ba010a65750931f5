import { EARN_KIND_LABELS, pointsFor, rulesOf, type EarnKind } from '@/domain/points'
import type { Clock, Ids } from '../shared/ports'
import type { PointsRepo } from './ports'

/** What a grant needs: the points repository and the clock and ids of any feature's deps. */
export interface GrantDeps {
  store: { points: PointsRepo }
  clock: Clock
  ids: Ids
}

export interface SourceEvent {
  communityId: string
  userId: string
  kind: EarnKind
  /** the source object's id (report, shift, call-out, comment): one grant per (person, kind, source) */
  sourceId: string
  /** patrol hours / call-out hours; other kinds earn per event */
  hours?: number
  /** what the ledger says, after the kind's label (e.g. the report's category) */
  detail?: string
}

/**
 * Grants the points a source event earns under the community's rules, idempotently: the same (person, kind, source)
 * a second time writes nothing, so a caller may grant again on every retry of its own step and heal a grant lost to
 * a failure between its commit and this one. 0 points under the rules: nothing is written. Returns the points
 * granted by this call (0 when none).
 */
export async function grantPoints(deps: GrantDeps, e: SourceEvent): Promise<number> {
  const rules = rulesOf(await deps.store.points.rules(e.communityId))
  const points = pointsFor(e.kind, rules, e.hours ?? 0)
  if (points <= 0) return 0
  const label = EARN_KIND_LABELS[e.kind].replace('（每小时）', '')
  const reason = e.kind === 'patrol_hours' ? `${label} ${e.hours} 小时` : e.detail ? `${label}：${e.detail}` : label
  const out = await deps.store.points.grant({
    id: deps.ids.newId(),
    communityId: e.communityId,
    userId: e.userId,
    points,
    reason: reason.slice(0, 200),
    sourceKind: e.kind,
    sourceId: e.sourceId,
    grantedBy: null,
    at: deps.clock.now().toISOString(),
  })
  return out.kind === 'granted' ? points : 0
}

/**
 * For 社会动员 (cloud/callouts): a person who attended a call-out (报到 and 签退) earns the community's
 * callout_attended points once per call-out. Call it after the attendance is stored (again on a retry: idempotent).
 */
export function grantCalloutAttended(deps: GrantDeps, a: { communityId: string; userId: string; calloutId: string; title?: string }): Promise<number> {
  return grantPoints(deps, { communityId: a.communityId, userId: a.userId, kind: 'callout_attended', sourceId: a.calloutId, ...(a.title ? { detail: a.title } : {}) })
}
