import { AppError } from '@/domain/shared/errors'
import type { NoticeIdInput } from '@/domain/notices'
import type { UserCtx } from './ports'
import { NOT_FOUND_MESSAGE, noticeFor } from './access'
import { canConfirm } from './policy'

/**
 * notice.confirm — a resident taps 已知晓. Once per person: repeated or concurrent taps return the
 * first confirmation time (the store's confirm is one atomic upsert).
 */
export async function confirmNotice(input: NoticeIdInput, ctx: UserCtx): Promise<{ confirmedAt: string }> {
  const { deps, user } = ctx
  const now = deps.clock.now()
  const n = await noticeFor(input.id, ctx, (x) => canConfirm(user, x, now), '只有通知对象可以确认已知晓')
  const r = await deps.store.notices.confirm(n.id, user.id, now.toISOString())
  // withdrawn or expired between the check and the write
  if (!r?.confirmedAt) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  return { confirmedAt: r.confirmedAt }
}
