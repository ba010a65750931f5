/** The messages, files and reminders port contract (test/contract/messages.contract.ts) on SQLite: each test on a new temporary file. */
import { messagesContract, openSqliteMessagesEngine } from '../contract/messages.contract'

messagesContract('SQLite', openSqliteMessagesEngine)
