/** The contacts port contract (test/contract/contacts.contract.ts) on SQLite: each test on a new temporary file. */
import { contactsContract } from '../contract/contacts.contract'
import { openSqliteEngine } from '../contract/engines'
import { sqliteFixtures } from '../contract/fixtures'

contactsContract('SQLite', async () => {
  const { store, close } = await openSqliteEngine()
  return { store, fixtures: sqliteFixtures(store.db), close }
})
