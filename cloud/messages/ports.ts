/** The in-app message centre (issue 4): every feature writes messages with its changes; this one lists them. */
import type { MessageKind, MessageTarget } from '@/domain/messages'
import type * as shared from '../shared/context'

/** A message of the in-app message centre, written in the same transaction as the change it tells of. */
export interface NewMessage {
  id: string
  userId: string
  kind: MessageKind
  title: string
  body: string
  target: MessageTarget | null
  createdAt: string
}

export interface MessageRecord extends NewMessage {
  seq: number
  readAt: string | null
}

export interface MessageRepo {
  list(userId: string, opts: { unreadOnly: boolean; limit: number; after: number | null }): Promise<MessageRecord[]>
  unread(userId: string): Promise<number>
  /** Marks one own message (false when it is not the user's) or all of them read. */
  markRead(userId: string, target: { id: string } | { all: true }, at: string): Promise<boolean>
}

// ---------- what this feature's use cases receive ----------

/** The repositories the messages use cases use. */
export interface MessagesStore {
  messages: MessageRepo
}

export type Deps = shared.Deps<MessagesStore>
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
