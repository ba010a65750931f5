/** The patrols port contract (test/contract/patrols.contract.ts) on SQLite: each test on a new temporary file. */
import { sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine } from '../contract/engines'
import { patrolsContract } from '../contract/patrols.contract'

patrolsContract('SQLite', async () => {
  const { store, exec, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), exec, close }
})
