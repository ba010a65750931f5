import { EARN_KINDS, NO_VOTE_POINTS, RULE_BOUNDS, rulesOf, type PointsRulesView } from '@/domain/points'
import type { Deps, UserCtx } from './ports'
import { communityOf } from './access'

export async function rulesView(deps: Deps, communityId: string): Promise<PointsRulesView> {
  return {
    communityId,
    rules: rulesOf(await deps.store.points.rules(communityId)),
    bounds: { ...RULE_BOUNDS },
    kinds: EARN_KINDS,
    noVotePoints: NO_VOTE_POINTS,
  }
}

/** points.rules — anyone of the community reads its points rules (the defaults until the committee sets them). */
export async function viewRules(_input: unknown, ctx: UserCtx): Promise<PointsRulesView> {
  return rulesView(ctx.deps, communityOf(ctx.user))
}
