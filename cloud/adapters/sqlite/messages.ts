import type { MessageKind } from '@/domain/messages'
import type { MessageRecord, MessageRepo, NewMessage } from '../../messages/ports'
import type { Db } from './open'

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
export function messageWriter(db: Db): (m: NewMessage) => void {
  const insert = db.prepare(`
    INSERT INTO messages (id, user_id, kind, title, body, target_type, target_id, created_at, read_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`)
  return (m) => {
    insert.run(m.id, m.userId, m.kind, m.title, m.body, m.target?.type ?? null, m.target?.id ?? null, m.createdAt)
  }
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

export function messageRepo(db: Db): MessageRepo {
  const list = db.prepare<Record<string, unknown>, MessageRow>(`
    SELECT * FROM messages
    WHERE user_id = @user AND (@unreadOnly = 0 OR read_at IS NULL) AND (@after IS NULL OR seq < @after)
    ORDER BY seq DESC LIMIT @limit`)
  const unread = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM messages WHERE user_id = ? AND read_at IS NULL')
  const own = db.prepare<[string, string], { x: number }>('SELECT 1 AS x FROM messages WHERE id = ? AND user_id = ?')
  const readOne = db.prepare('UPDATE messages SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL')
  const readAll = db.prepare('UPDATE messages SET read_at = ? WHERE user_id = ? AND read_at IS NULL')

  return {
    async list(userId, { unreadOnly, limit, after }) {
      return list.all({ user: userId, unreadOnly: unreadOnly ? 1 : 0, after, limit }).map(toRecord)
    },
    async unread(userId) {
      return unread.get(userId)?.n ?? 0
    },
    async markRead(userId, target, at) {
      if ('all' in target) {
        readAll.run(at, userId)
        return true
      }
      if (!own.get(target.id, userId)) return false
      readOne.run(at, target.id, userId)
      return true
    },
  }
}
