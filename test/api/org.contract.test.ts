/** The organisation import's port contract (test/contract/org.contract.ts) on SQLite: each test on a new temporary file. */
import { openSqliteEngine } from '../contract/engines'
import { orgContract } from '../contract/org.contract'

orgContract('SQLite', async () => {
  const { store, exec, close } = await openSqliteEngine()
  return {
    store,
    exec,
    async query<T>(sql: string, values: unknown[]) {
      return store.db.prepare(sql).all(Object.fromEntries(values.map((v, i) => [String(i + 1), v]))) as T[]
    },
    close,
  }
})
