/** The departments port contract (test/contract/departments.contract.ts) on SQLite: each test on a new temporary file. */
import { sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine } from '../contract/engines'
import { departmentsContract } from '../contract/departments.contract'

departmentsContract('SQLite', async () => {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
})
