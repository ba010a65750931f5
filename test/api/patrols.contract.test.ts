/** The patrols port contract (test/contract/patrols.contract.ts) on SQLite: each test on a new temporary file. */
import fs from 'node:fs'
import path from 'node:path'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { sqliteFixtures } from '../contract/fixtures'
import { patrolsContract } from '../contract/patrols.contract'
import { tempDir } from './support/harness'

patrolsContract('SQLite', async () => {
  const dir = tempDir('gongzhi-contract-')
  const store = openSqliteStore(path.join(dir, 'contract.db'))
  return {
    store,
    fixtures: sqliteFixtures(store.db),
    async exec(sql, values) {
      // SQLite takes $1 … as named parameters "1" …: bind an object keyed by position (as fixtures.ts)
      store.db.prepare(sql).run(Object.fromEntries(values.map((v, i) => [String(i + 1), v])))
    },
    async close() {
      store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})
