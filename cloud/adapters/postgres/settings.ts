import type { Pool } from 'pg'
import type { SettingsRepo } from '../../shared/ports'
import { row } from './tx'

export function settingsRepo(pool: Pool): SettingsRepo {
  const get = async (key: string) => (await row<{ value: string }>(pool, 'SELECT value FROM settings WHERE key = $1', [key]))?.value ?? null
  return {
    get,
    /**
     * Race-safe under READ COMMITTED in two statements, deliberately not one: the INSERT waits for a concurrent
     * insert of the key to commit and then does nothing; the SELECT after it takes a new snapshot and sees the
     * value that won. (A single statement's snapshot would predate the winner's commit and find no row.)
     */
    async getOrSet(key, value) {
      const inserted = await row<{ value: string }>(
        pool,
        'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING value',
        [key, value],
      )
      if (inserted) return inserted.value
      const stored = await get(key)
      if (stored === null) throw new Error(`setting ${key}: neither inserted nor found`)
      return stored
    },
  }
}
