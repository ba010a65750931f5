import type { PgMigration } from './migration'
import { frozenExcerpt } from '../../rows/excerpt038'

/** Notice excerpts stored at publish, the notices already there filled in (as SQLite's 038). */
export const m038NoticeExcerpts: PgMigration = {
  version: 38,
  name: 'notice excerpts stored at publish',
  async up(client) {
    await client.query(`ALTER TABLE notices ADD COLUMN excerpt text NOT NULL DEFAULT ''`)
    const { rows } = await client.query<{ id: string; body: string }>('SELECT id, body FROM notices')
    for (const n of rows) await client.query('UPDATE notices SET excerpt = $1 WHERE id = $2', [frozenExcerpt(n.body), n.id])
  },
}
