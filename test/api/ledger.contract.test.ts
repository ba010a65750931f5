/** The ledger port contract (test/contract/ledger.contract.ts) on SQLite: each test on a new temporary file. */
import { sqliteFixtures } from '../contract/fixtures'
import { openSqliteEngine } from '../contract/engines'
import { ledgerContract } from '../contract/ledger.contract'

ledgerContract('SQLite', async () => {
  const { store, exec, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), exec, close }
})
