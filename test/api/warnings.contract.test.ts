/** The warnings port contract (test/contract/warnings.contract.ts) on SQLite: each test on a new temporary file. */
import { sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine } from '../contract/engines'
import { warningsContract } from '../contract/warnings.contract'

warningsContract('SQLite', async () => {
  const { store, exec, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), exec, close }
})
