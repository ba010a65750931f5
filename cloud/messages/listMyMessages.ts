import { z } from 'zod'
import type { MessageListInput, MessagePage } from '@/domain/messages'
import type { UserCtx } from './ports'
import { decodeKey, encodeKey } from '../shared/cursor'

const cursorSchema = z.strictObject({ s: z.number().int().min(0) })

/** message.list — 消息: the caller's messages, newest first, with the unread total. */
export async function listMyMessages(input: MessageListInput, ctx: UserCtx): Promise<MessagePage> {
  const { deps, user } = ctx
  const limit = input.limit ?? 20
  const after = input.cursor ? decodeKey(cursorSchema, input.cursor).s : null
  const [rows, unread] = await Promise.all([
    deps.store.messages.list(user.id, { unreadOnly: input.unreadOnly ?? false, limit: limit + 1, after }),
    deps.store.messages.unread(user.id),
  ])
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      body: m.body,
      target: m.target,
      createdAt: m.createdAt,
      read: m.readAt !== null,
    })),
    nextCursor: rows.length > limit && last ? encodeKey({ s: last.seq }) : null,
    unread,
  }
}
