import type { Pool } from 'pg'
import type { BlobEntry, BlobStorage } from '../../files/ports'
import { isBlobKey } from '../disk/blobs'
import { rows } from './tx'

const PAGE = 500

/**
 * Photos' bytes in PostgreSQL (migration 014): what every API process sees, on any machine, and what pg_dump
 * backs up with the rows that name them. A put is one statement (a reader never sees half a blob); list() pages
 * by key, so the stray sweep reads the table in bounded steps. Nothing is ever half-written, so there are no
 * leftovers: removeLeftover is remove.
 */
export function postgresBlobs(pool: Pool, clock: { now(): Date }): BlobStorage {
  const checked = (key: string) => {
    if (!isBlobKey(key)) throw new Error(`invalid blob key: ${JSON.stringify(key)}`)
    return key
  }
  const remove = async (key: string) => {
    await pool.query('DELETE FROM blobs WHERE key = $1', [checked(key)])
  }
  return {
    async put(key, bytes) {
      await pool.query(
        `INSERT INTO blobs (key, bytes, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET bytes = excluded.bytes, created_at = excluded.created_at`,
        [checked(key), bytes, clock.now().toISOString()],
      )
    },
    async read(key) {
      const [r] = await rows<{ bytes: Buffer }>(pool, 'SELECT bytes FROM blobs WHERE key = $1', [checked(key)])
      return r?.bytes ?? null
    },
    remove,
    async *list(): AsyncIterable<BlobEntry> {
      let after = ''
      for (;;) {
        const page = await rows<{ key: string; created_at: string }>(
          pool,
          'SELECT key, created_at FROM blobs WHERE key > $1 COLLATE "C" ORDER BY key COLLATE "C" LIMIT $2',
          [after, PAGE],
        )
        for (const r of page) yield { key: r.key, leftover: false, modifiedAt: new Date(r.created_at) }
        if (page.length < PAGE) return
        after = page[page.length - 1]!.key
      }
    },
    removeLeftover: remove,
  }
}
