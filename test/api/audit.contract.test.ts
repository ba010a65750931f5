/** The audit port contract (test/contract/audit.contract.ts) on SQLite: each test on a new temporary file. */
import { auditContract } from '../contract/audit.contract'
import { openSqliteEngine } from '../contract/engines'
import { sqliteFixtures } from '../contract/fixtures'

auditContract('SQLite', async () => {
  const { store, exec, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), exec, close }
})
