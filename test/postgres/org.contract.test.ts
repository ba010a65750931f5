/** The organisation import's port contract (test/contract/org.contract.ts) on PostgreSQL: each test on a new database. */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresEngines } from '../contract/engines'
import { orgContract } from '../contract/org.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

orgContract('PostgreSQL', async () => {
  const { pool, exec, close } = await postgres.open()
  return {
    store: postgresRepositories(pool),
    exec,
    async query<T>(sql: string, values: unknown[]) {
      return (await pool.query(sql, values)).rows as T[]
    },
    close,
  }
})
