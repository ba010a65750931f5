/** The choice of a community's port contract (test/contract/community.contract.ts) on SQLite: each test on a new temporary file. */
import { communityContract } from '../contract/community.contract'
import { openSqliteEngine } from '../contract/engines'
import { sqliteFixtures } from '../contract/fixtures'

communityContract('SQLite', async () => {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
})
