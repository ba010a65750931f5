import type { Migration } from './migration'
import { frozenExcerpt } from '../../rows/excerpt038'

/**
 * Issue 15: notice.list cut every notice's body and made its excerpt on every read (the body's first 300
 * characters read, whitespace collapsed, code points split). The excerpt is now made once when a notice is
 * published and stored beside it; this fills it in for the notices already there.
 */
export const m038NoticeExcerpts: Migration = {
  version: 38,
  name: 'notice excerpts stored at publish',
  up(db) {
    db.exec(`ALTER TABLE notices ADD COLUMN excerpt TEXT NOT NULL DEFAULT ''`)
    const set = db.prepare('UPDATE notices SET excerpt = ? WHERE id = ?')
    for (const n of db.prepare<[], { id: string; body: string }>('SELECT id, body FROM notices').iterate()) {
      set.run(frozenExcerpt(n.body), n.id)
    }
  },
}
