import { z } from 'zod'
import { idSchema, pageSchema, type Page } from '../shared/text'

/** The in-app message centre (消息): reports, votes, patrol shifts. */

export const MESSAGE_KINDS = ['report', 'motion', 'shift'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

/** Call-out messages are of kind 'shift' (a volunteer's duty), with a target of their own. */
export type MessageTarget = { type: 'report' | 'motion' | 'shift' | 'callout' | 'warning'; id: string }

/**
 * The page a message opens, per what it is about (no leading slash, as WeChat's subscribe messages take it);
 * the message centre and the subscribe messages both use it. test/components/nav.test.tsx checks each is a page.
 */
export const MESSAGE_TARGET_PAGES: Record<MessageTarget['type'], string> = {
  report: 'packages/reports/detail/index',
  motion: 'packages/motions/detail/index',
  shift: 'packages/patrols/detail/index',
  callout: 'packages/callouts/detail/index',
  warning: 'packages/warnings/detail/index',
}

/** The page and query a message opens; 首页 for a message about nothing in particular. */
export function messagePage(target: MessageTarget | null): string {
  if (!target) return 'pages/index/index'
  return `${MESSAGE_TARGET_PAGES[target.type]}?id=${encodeURIComponent(target.id)}`
}

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
