import type { RulesView } from '@/domain/motions'
import type { UserCtx } from './ports'
import { settle } from './access'
import { rulesView } from './view'
import { communityOf as communityOfUser } from '../shared/community'

/** The caller's community (rules are read by every member of it). */
export function communityOf(ctx: UserCtx): string {
  return communityOfUser(ctx.user)
}

/** rules.current — the community's 村规民约/居民公约 in force (the last adopted version), null when none yet. */
export async function viewCurrentRules(_input: unknown, ctx: UserCtx): Promise<RulesView | null> {
  const communityId = communityOf(ctx)
  await settle(ctx.deps, { communityId })
  const r = await ctx.deps.store.motions.currentRules(communityId)
  return r ? rulesView(r) : null
}
