import type { NoticeIdInput, NoticeStats } from '@/domain/notices'
import type { UserCtx } from './ports'
import { noticeFor } from './access'
import { canManage, isTierAbove } from './policy'

/** notice.stats — the committee (or the street above it) sees how many read and confirmed, per grid. */
export async function viewNoticeStats(input: NoticeIdInput, ctx: UserCtx): Promise<NoticeStats> {
  const { deps, user } = ctx
  const n = await noticeFor(
    input.id,
    ctx,
    (x) => canManage(user, x) || isTierAbove(user, x),
    '只有社区或街道工作人员可以查看统计',
  )
  return { important: n.important, ...(await deps.store.notices.stats(n.id)) }
}
