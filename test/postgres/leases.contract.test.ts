/** The leases port contract (test/contract/leases.contract.ts) on PostgreSQL: each test on a new database, the race in concurrent sessions. */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresEngines } from '../contract/engines'
import { leasesContract } from '../contract/leases.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

leasesContract('PostgreSQL', async () => {
  const { pool, close } = await postgres.open()
  return { store: postgresRepositories(pool), close }
})
