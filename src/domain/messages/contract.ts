import { read, write } from '../shared/contract'
import { messageListSchema, messageReadSchema, type MessagePage } from '.'

export const messagesContract = {
  'message.list': read(messageListSchema).returns<MessagePage>(),
  'message.read': write(messageReadSchema).returns<{ unread: number }>(),
}
