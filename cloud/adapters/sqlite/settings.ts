import type { SettingsRepo } from '../../shared/ports'
import type { Db } from './open'

export function settingsRepo(db: Db): SettingsRepo {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING')
  const getOrSet = db.transaction((key: string, value: string) => {
    insert.run(key, value)
    return (get.get(key) as { value: string }).value
  })
  return {
    async get(key) {
      return get.get(key)?.value ?? null
    },
    async getOrSet(key, value) {
      return getOrSet.immediate(key, value)
    },
  }
}
