/** The applications port contract (test/contract/applications.contract.ts) on SQLite: each test on a new temporary file. */
import fs from 'node:fs'
import path from 'node:path'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { sqliteFixtures } from '../contract/fixtures'
import { applicationsContract } from '../contract/applications.contract'
import { tempDir } from './support/harness'

applicationsContract('SQLite', async () => {
  const dir = tempDir('gongzhi-contract-')
  const store = openSqliteStore(path.join(dir, 'contract.db'))
  return {
    store,
    fixtures: sqliteFixtures(store.db),
    async close() {
      store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})
