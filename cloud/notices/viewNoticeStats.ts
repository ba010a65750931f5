import type { NoticeIdInput, NoticeStats } from '@/domain/notices'
import type { NoticeRecord, UserCtx } from './ports'
import { noticeFor } from './access'
import { canManage, isStreet } from './policy'

/** notice.stats — the committee (or the street above it) sees how many read and confirmed, per grid. */
export async function viewNoticeStats(input: NoticeIdInput, ctx: UserCtx): Promise<NoticeStats> {
  const { deps, user } = ctx
  const streetAbove = async (n: NoticeRecord) => {
    if (!isStreet(user) || !user.streetId) return false
    const c = await deps.store.communities.get(n.communityId)
    return c?.streetId === user.streetId
  }
  const n = await noticeFor(
    input.id,
    ctx,
    async (x) => canManage(user, x) || (await streetAbove(x)),
    '只有社区或街道工作人员可以查看统计',
  )
  return deps.store.notices.stats(n.id)
}
