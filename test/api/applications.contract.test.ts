/** The applications port contract (test/contract/applications.contract.ts) on SQLite: each test on a new temporary file. */
import { applicationsContract } from '../contract/applications.contract'
import { openSqliteEngine } from '../contract/engines'
import { sqliteFixtures } from '../contract/fixtures'

applicationsContract('SQLite', async () => {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
})
