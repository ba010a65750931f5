/** The residents port contract (test/contract/residents.contract.ts) on SQLite: each test on a new temporary file. */
import { sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine } from '../contract/engines'
import { residentsContract } from '../contract/residents.contract'

residentsContract('SQLite', async () => {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
})
