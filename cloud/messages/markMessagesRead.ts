import { AppError } from '@/domain/shared/errors'
import type { messageReadSchema } from '@/domain/messages'
import type { z } from 'zod'
import type { UserCtx } from './ports'

/** message.read — one of the caller's own messages, or all of them, marked read; returns the unread total. */
export async function markMessagesRead(input: z.output<typeof messageReadSchema>, ctx: UserCtx): Promise<{ unread: number }> {
  const { deps, user } = ctx
  const found = await deps.store.messages.markRead(user.id, 'all' in input ? { all: true } : { id: input.id }, deps.clock.now().toISOString())
  if (!found) throw new AppError('NOT_FOUND', '消息不存在')
  return { unread: await deps.store.messages.unread(user.id) }
}
