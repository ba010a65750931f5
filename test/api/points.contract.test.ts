/** The points port contract (test/contract/points.contract.ts) on SQLite: each test on a new temporary file. */
import { sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine } from '../contract/engines'
import { pointsContract } from '../contract/points.contract'

pointsContract('SQLite', async () => {
  const { store, exec, close } = await openSqliteEngine()
  return { store, exec, fixtures: sqliteFixtures(store.db), close }
})
