import type { Me } from '@/domain/auth'
import type { chooseCommunitySchema } from '@/domain/community'
import { AppError } from '@/domain/shared/errors'
import { isStaff } from '@/domain/shared/roles'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import type { UserRecord } from '../shared/ports'
import { toMe } from './viewMyProfile'

const STAFF = '工作人员所在的社区由管理员设置，不能自行选择'
const NOT_FOUND = '没有找到这个社区，请重新选择'

/** Already placed: the same community again (a retry after a lost reply) is answered as it is; another is refused. */
function assertSameCommunity(u: UserRecord, communityId: string): void {
  if (u.communityId !== communityId) throw new AppError('CONFLICT', `您已在${u.communityName ?? '一个社区'}，如需更换社区，请联系所在社区的工作人员`)
}

/**
 * me.chooseCommunity — someone who signed in with WeChat for the first time says which community they live in.
 * Once: a person with a community (a verified resident above all) moves only through the committee, and staff are
 * placed by whoever gave them their role. The store writes it only while the person still has none (one
 * conditional write), so two choices at once make one.
 */
export async function chooseMyCommunity(input: z.output<typeof chooseCommunitySchema>, ctx: UserCtx): Promise<Me> {
  const { deps, user } = ctx
  if (isStaff(user.roles)) throw new AppError('FORBIDDEN', STAFF)
  if (user.communityId) {
    assertSameCommunity(user, input.communityId)
    return toMe(deps, user)
  }
  const community = await deps.store.communities.get(input.communityId)
  if (!community) throw new AppError('NOT_FOUND', NOT_FOUND, [{ path: 'communityId', message: NOT_FOUND }])
  const at = deps.clock.now().toISOString()
  const chosen = await deps.store.users.chooseCommunity(user.id, community.id, {
    at,
    actorId: user.id,
    action: 'me.chooseCommunity',
    targetType: 'user',
    targetId: user.id,
    communityId: community.id,
  })
  if (chosen) return toMe(deps, chosen)
  // the condition no longer held: another choice (or a role given meanwhile) came first
  const now = await deps.store.users.get(user.id)
  if (!now) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  if (isStaff(now.roles)) throw new AppError('FORBIDDEN', STAFF)
  assertSameCommunity(now, community.id)
  return toMe(deps, now)
}
