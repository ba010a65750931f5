import { z } from 'zod'
import { idSchema, pageSchema, type Page } from '../shared/text'

/** The in-app message centre (消息): reports, votes, patrol shifts. */

export const MESSAGE_KINDS = ['report', 'motion', 'shift'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export type MessageTarget = { type: 'report' | 'motion' | 'shift'; id: string }

export interface MessageView {
  id: string
  kind: MessageKind
  title: string
  body: string
  /** what the message is about, for the tap: { type: 'report' | 'motion' | 'shift', id } */
  target: MessageTarget | null
  createdAt: string
  read: boolean
}

export interface MessagePage extends Page<MessageView> {
  unread: number
}

export const messageListSchema = z.strictObject({ unreadOnly: z.boolean().optional(), ...pageSchema })
export type MessageListInput = z.input<typeof messageListSchema>

/** Mark one message read, or every message (`all: true`). */
export const messageReadSchema = z.union(
  [z.strictObject({ id: idSchema }), z.strictObject({ all: z.literal(true) })],
  { error: '请指定要标为已读的消息' },
)
export type MessageReadInput = z.input<typeof messageReadSchema>
