/** The notices port contract (test/contract/notices.contract.ts) on SQLite: each test on a new temporary file. */
import { sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine } from '../contract/engines'
import { noticesContract } from '../contract/notices.contract'

noticesContract('SQLite', async () => {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
})
