/** The public entry of messages: the message every feature writes with its changes (the store writes it in their transactions). */
export type { MessageRecord, MessageRepo, MessagesStore, NewMessage } from './ports'
