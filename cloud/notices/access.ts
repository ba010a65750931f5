import { AppError } from '@/domain/shared/errors'
import type { NoticeRecord, UserCtx } from './ports'
import { canSee } from './policy'

export const NOT_FOUND_MESSAGE = '通知不存在或已被撤回'

/** The notice if the caller may see it; otherwise NOT_FOUND (whether it exists elsewhere is private). */
export async function visibleNotice(id: string, ctx: UserCtx): Promise<NoticeRecord> {
  const n = await ctx.deps.store.notices.get(id)
  if (!n || !canSee(ctx.user, n, ctx.deps.clock.now())) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  return n
}

/** The notice for an action only some may take: NOT_FOUND if invisible to the caller, FORBIDDEN if visible. */
export async function noticeFor(
  id: string,
  ctx: UserCtx,
  allowed: (n: NoticeRecord) => boolean | Promise<boolean>,
  forbidden: string,
): Promise<NoticeRecord> {
  const n = await ctx.deps.store.notices.get(id)
  if (!n) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  if (await allowed(n)) return n
  if (canSee(ctx.user, n, ctx.deps.clock.now())) throw new AppError('FORBIDDEN', forbidden)
  throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
}
