import { AppError } from '@/domain/shared/errors'
import type { NoticeIdInput } from '@/domain/notices'
import type { UserCtx } from './ports'
import { noticeFor } from './access'
import { canManage } from './policy'

/**
 * notice.withdraw — a committee member takes a notice back; it disappears from every list.
 * Withdrawing an already withdrawn notice answers with the first withdrawal (a retry on a weak network
 * whose first reply was lost must not look like a failure); it writes nothing more.
 */
export async function withdrawNotice(input: NoticeIdInput, ctx: UserCtx): Promise<{ withdrawnAt: string }> {
  const { deps, user } = ctx
  const n = await noticeFor(input.id, ctx, (x) => canManage(user, x), '只有本社区工作人员可以撤回通知')
  const at = deps.clock.now().toISOString()
  const done = await deps.store.notices.withdraw(n.id, at, {
    at,
    actorId: user.id,
    action: 'notice.withdraw',
    targetType: 'notice',
    targetId: n.id,
    communityId: n.communityId,
    detail: { title: n.title },
  })
  if (done) return done
  const withdrawnAt = (await deps.store.notices.get(n.id))?.withdrawnAt
  if (!withdrawnAt) throw new AppError('INTERNAL')
  return { withdrawnAt }
}
