import type { Pool } from 'pg'
import type { NewMessage } from '../../messages/ports'
import type { ReminderAudience, ReminderRepo, ReminderSendOutcome } from '../../reminders/ports'
import { writeMessage } from './messages'
import { inTransactionOr, Rollback, row, rows, type Queryable } from './tx'

/**
 * The reminders ledger on PostgreSQL (migration 006): the same behaviour as ../sqlite/reminders.ts. How each
 * audience kind becomes user ids, read inside the send transaction; the queries are those of sqlite/motions.ts
 * (unvotedOf) and sqlite/patrolRows.ts (confirmedOf), in the same order. A new kind adds one line here.
 */
type Resolvers = { [K in ReminderAudience['kind']]: (db: Queryable, a: Extract<ReminderAudience, { kind: K }>, at: string) => Promise<string[]> }

const ids = async (db: Queryable, sql: string, params: unknown[]) => (await rows<{ id: string }>(db, sql, params)).map((r) => r.id)

const resolvers: Resolvers = {
  users: async (_db, a) => [...new Set(a.userIds)],
  // verified residents who may vote and have not (their household, for a households motion), while in voting
  motionUnvoted: (db, a, at) =>
    ids(
      db,
      `SELECT u.id FROM motions m JOIN users u ON u.community_id = m.community_id AND u.verified AND NOT u.roster_only
         AND u.household_id IS NOT NULL
       WHERE m.id = $1 AND m.status = 'voting' AND m.vote_until > $2::timestamptz
         AND NOT EXISTS (SELECT 1 FROM motion_voters v WHERE v.motion_id = m.id
           AND v.voter_key = CASE m.eligibility WHEN 'households' THEN u.household_id ELSE u.id END)
         AND (m.eligibility <> 'adults' OR EXISTS (SELECT 1 FROM motion_household_adults p
           WHERE p.motion_id = m.id AND p.household_id = u.household_id AND p.voters < p.adults))
       ORDER BY u.id COLLATE "C"`,
      [a.motionId, at],
    ),
  // volunteers holding a confirmed seat on a scheduled shift not yet started
  shiftConfirmed: (db, a, at) =>
    ids(
      db,
      `SELECT su.user_id AS id FROM shift_signups su JOIN shifts s ON s.id = su.shift_id
       WHERE su.shift_id = $1 AND su.status = 'confirmed' AND s.status = 'scheduled' AND s.start_at > $2::timestamptz
       ORDER BY su.seq`,
      [a.shiftId, at],
    ),
}
const resolve = (db: Queryable, a: ReminderAudience, at: string): Promise<string[]> =>
  (resolvers[a.kind] as (db: Queryable, x: ReminderAudience, at: string) => Promise<string[]>)(db, a, at)

export function reminderRepo(pool: Pool): ReminderRepo {
  const sentAlready = async (key: string) => (await row(pool, 'SELECT 1 FROM reminders_sent WHERE key = $1', [key])) !== null

  return {
    /**
     * One transaction that claims the key FIRST: INSERT … ON CONFLICT (key) DO NOTHING. Of overlapping sweeps
     * (this process or another), one inserts the ledger row; the others wait on its uncommitted key, then do
     * nothing and answer alreadySent, having written no message. The winner then resolves the audience in a new
     * statement (so a vote or a cancellation committed a moment before counts), writes one message per
     * recipient and sets the ledger's recipients, all committed together.
     */
    async send(reminder, at, newId) {
      // the sweep asks again every few minutes until the reminder is past: a plain read first, so that a key
      // already in the ledger costs no transaction (the claim below is the guard)
      if (await sentAlready(reminder.key)) return { kind: 'alreadySent' }
      return inTransactionOr<ReminderSendOutcome, ReminderSendOutcome>(pool, async (c) => {
        const claimed = await row(
          c,
          'INSERT INTO reminders_sent (key, sent_at, recipients) VALUES ($1, $2, 0) ON CONFLICT (key) DO NOTHING RETURNING 1',
          [reminder.key, at],
        )
        if (!claimed) throw new Rollback({ kind: 'alreadySent' })
        const messages = (await resolve(c, reminder.audience, at)).map(
          (userId): NewMessage => ({ id: newId(), userId, kind: reminder.kind, title: reminder.title, body: reminder.body, target: reminder.target, createdAt: at }),
        )
        for (const m of messages) await writeMessage(c, m)
        await c.query('UPDATE reminders_sent SET recipients = $1 WHERE key = $2', [messages.length, reminder.key])
        return { kind: 'sent', messages }
      })
    },
  }
}
