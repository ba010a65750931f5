import type { Pool } from 'pg'
import type { MessageKind } from '@/domain/messages'
import type { MessageRecord, MessageRepo, NewMessage } from '../../messages/ports'
import { row, rows, type Queryable } from './tx'

/** The in-app message centre on PostgreSQL: the same records as ../sqlite/messages.ts. */

interface MessageRow {
  seq: number
  id: string
  user_id: string
  kind: MessageKind
  title: string
  body: string
  target_type: string | null
  target_id: string | null
  created_at: string
  read_at: string | null
}

/** The insert used inside other repositories' transactions: a change and its messages commit together. */
export async function writeMessage(db: Queryable, m: NewMessage): Promise<void> {
  await db.query(
    `INSERT INTO messages (id, user_id, kind, title, body, target_type, target_id, created_at, read_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)`,
    [m.id, m.userId, m.kind, m.title, m.body, m.target?.type ?? null, m.target?.id ?? null, m.createdAt],
  )
}

function toRecord(r: MessageRow): MessageRecord {
  return {
    seq: r.seq,
    id: r.id,
    userId: r.user_id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    target:
      (r.target_type === 'report' || r.target_type === 'motion' || r.target_type === 'shift' || r.target_type === 'callout' || r.target_type === 'warning') && r.target_id ? { type: r.target_type, id: r.target_id } : null,
    createdAt: r.created_at,
    readAt: r.read_at,
  }
}

export function messageRepo(pool: Pool): MessageRepo {
  return {
    async list(userId, { unreadOnly, limit, after }) {
      const found = await rows<MessageRow>(
        pool,
        `SELECT * FROM messages
         WHERE user_id = $1 AND (NOT $2::boolean OR read_at IS NULL) AND ($3::bigint IS NULL OR seq < $3::bigint)
         ORDER BY seq DESC LIMIT $4`,
        [userId, unreadOnly, after, limit],
      )
      return found.map(toRecord)
    },

    async unread(userId) {
      const r = await row<{ n: number }>(pool, 'SELECT count(*) AS n FROM messages WHERE user_id = $1 AND read_at IS NULL', [userId])
      return r?.n ?? 0
    },

    /**
     * Each form is ONE statement whose UPDATE only touches rows still unread: at READ COMMITTED a concurrent
     * markRead waits on the row lock, re-checks `read_at IS NULL` on the committed row and skips it, so the first
     * reading's time is kept. For one message, ownership is answered by the same statement (the CTE's snapshot
     * sees the row whether or not this call was the one that marked it).
     */
    async markRead(userId, target, at) {
      if ('all' in target) {
        await pool.query('UPDATE messages SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL', [at, userId])
        return true
      }
      const r = await row<{ own: boolean }>(
        pool,
        `WITH marked AS (UPDATE messages SET read_at = $1 WHERE id = $2 AND user_id = $3 AND read_at IS NULL RETURNING 1)
         SELECT EXISTS (SELECT 1 FROM messages WHERE id = $2 AND user_id = $3) AS own`,
        [at, target.id, userId],
      )
      return r?.own ?? false
    },
  }
}
