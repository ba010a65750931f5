import type { Notice, NoticeIdInput } from '@/domain/notices'
import type { UserCtx } from './ports'
import { visibleNotice } from './access'
import { canConfirm } from './policy'
import { toNotice } from './view'

/** notice.get — someone opens a notice; the first opening is recorded as read. */
export async function readNotice(input: NoticeIdInput, ctx: UserCtx): Promise<Notice> {
  const n = await visibleNotice(input.id, ctx)
  const now = ctx.deps.clock.now()
  const [read, community] = await Promise.all([
    ctx.deps.store.notices.markRead(n.id, ctx.user.id, now.toISOString()),
    n.gridIds ? ctx.deps.store.communities.get(n.communityId) : null,
  ])
  return toNotice(n, read, canConfirm(ctx.user, n, now), now, community?.grids ?? [])
}
