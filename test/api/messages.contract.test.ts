/** The messages, files and reminders port contract (test/contract/messages.contract.ts) on SQLite: each test on a new temporary file. */
import fs from 'node:fs'
import path from 'node:path'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { sqliteFixtures } from '../contract/fixtures'
import { ATTACH_SQL, messagesContract } from '../contract/messages.contract'
import { tempDir } from './support/harness'

messagesContract('SQLite', async () => {
  const dir = tempDir('gongzhi-contract-')
  const store = openSqliteStore(path.join(dir, 'contract.db'))
  return {
    store,
    fixtures: sqliteFixtures(store.db),
    async attach(reportId, fileId) {
      // SQLite takes $1 … as named parameters "1" …: bind an object keyed by position (as fixtures.ts)
      store.db.transaction(() => {
        store.db.prepare(ATTACH_SQL[0]).run({ '1': reportId })
        store.db.prepare(ATTACH_SQL[1]).run({ '1': reportId, '2': fileId })
      })()
    },
    async exec(sql, values) {
      store.db.prepare(sql).run(Object.fromEntries(values.map((v, i) => [String(i + 1), v])))
    },
    async close() {
      store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})
