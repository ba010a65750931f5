import { AppError } from '@/domain/shared/errors'

/**
 * The caller's community, for what happens inside one (notices, reports, motions, patrols…). A person who has not
 * chosen theirs yet (a new WeChat user: me.chooseCommunity) gets NO_COMMUNITY, on which the client shows 选择社区.
 */
export function communityOf(u: { communityId: string | null }): string {
  if (!u.communityId) throw new AppError('NO_COMMUNITY')
  return u.communityId
}
