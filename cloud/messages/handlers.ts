import { messagesContract } from '@/domain/messages/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { listMyMessages } from './listMyMessages'
import { markMessagesRead } from './markMessagesRead'

export const messagesHandlers: Handlers<typeof messagesContract, Deps> = {
  'message.list': listMyMessages,
  'message.read': markMessagesRead,
}
