import type { BlobEntry, BlobStorage } from '../../files/ports'
import { isBlobKey } from '../disk/blobs'
import type { Db } from './open'

const PAGE = 500

/** Photos' bytes in the SQLite file (migration 014), as ../postgres/blobs.ts: the same behaviour, the port's other engine. */
export function sqliteBlobs(db: Db, clock: { now(): Date }): BlobStorage {
  const checked = (key: string) => {
    if (!isBlobKey(key)) throw new Error(`invalid blob key: ${JSON.stringify(key)}`)
    return key
  }
  const put = db.prepare(`INSERT INTO blobs (key, bytes, created_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET bytes = excluded.bytes, created_at = excluded.created_at`)
  const read = db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM blobs WHERE key = ?')
  const del = db.prepare('DELETE FROM blobs WHERE key = ?')
  const page = db.prepare<[string, number], { key: string; created_at: string }>('SELECT key, created_at FROM blobs WHERE key > ? ORDER BY key LIMIT ?')
  const remove = async (key: string) => {
    del.run(checked(key))
  }
  return {
    async put(key, bytes) {
      put.run(checked(key), bytes, clock.now().toISOString())
    },
    async read(key) {
      return read.get(checked(key))?.bytes ?? null
    },
    remove,
    async *list(): AsyncIterable<BlobEntry> {
      let after = ''
      for (;;) {
        const rows = page.all(after, PAGE)
        for (const r of rows) yield { key: r.key, leftover: false, modifiedAt: new Date(r.created_at) }
        if (rows.length < PAGE) return
        after = rows[rows.length - 1]!.key
      }
    },
    removeLeftover: remove,
  }
}
