import type { NewMessage } from '../../messages/ports'
import type { DueReminder, ReminderAudience, ReminderRepo, ReminderSendOutcome } from '../../reminders/ports'
import { messageWriter } from './messages'
import { unvotedOf } from './motions'
import type { Db } from './open'
import { confirmedOf } from './patrolRows'

/** How each audience kind becomes user ids, read inside the send transaction. A new kind adds one line here. */
type Resolvers = { [K in ReminderAudience['kind']]: (a: Extract<ReminderAudience, { kind: K }>, at: string) => string[] }

/**
 * The reminders ledger (migration 006). `send` checks the key, resolves the audience, writes the messages and
 * the ledger row in one IMMEDIATE transaction: a second sweep (this process or another) either finds the row
 * or waits for the first one's commit and then finds it, so a reminder goes out once.
 */
export function reminderRepo(db: Db): ReminderRepo {
  const writeMessage = messageWriter(db)
  const unvoted = unvotedOf(db)
  const confirmed = confirmedOf(db)
  const resolvers: Resolvers = {
    users: (a) => [...new Set(a.userIds)],
    motionUnvoted: (a, at) => unvoted(a.motionId, at),
    shiftConfirmed: (a, at) => confirmed(a.shiftId, at),
  }
  const resolve = (a: ReminderAudience, at: string): string[] => (resolvers[a.kind] as (x: ReminderAudience, at: string) => string[])(a, at)

  const sentAlready = db.prepare<[string], { x: number }>('SELECT 1 AS x FROM reminders_sent WHERE key = ?')
  const insertLedger = db.prepare('INSERT INTO reminders_sent (key, sent_at, recipients) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING')

  const sendTx = db.transaction((r: DueReminder, at: string, newId: () => string): ReminderSendOutcome => {
    if (sentAlready.get(r.key)) return { kind: 'alreadySent' }
    const messages = resolve(r.audience, at).map(
      (userId): NewMessage => ({ id: newId(), userId, kind: r.kind, title: r.title, body: r.body, target: r.target, createdAt: at }),
    )
    // the key check above runs under the write lock; ON CONFLICT is the second guard
    if (insertLedger.run(r.key, at, messages.length).changes === 0) return { kind: 'alreadySent' }
    for (const m of messages) writeMessage(m)
    return { kind: 'sent', messages }
  })

  return {
    async send(reminder, at, newId) {
      // the sweep asks again every few minutes until the reminder is past: a plain read first, so that a key
      // already in the ledger costs no write lock (the transaction checks again)
      if (sentAlready.get(reminder.key)) return { kind: 'alreadySent' }
      return sendTx.immediate(reminder, at, newId)
    },
  }
}
