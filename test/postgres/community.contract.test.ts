/** The choice of a community's port contract (test/contract/community.contract.ts) on PostgreSQL: each test on a new database. */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { communityContract } from '../contract/community.contract'
import { postgresEngines } from '../contract/engines'
import { postgresFixtures } from '../contract/fixtures'

jest.setTimeout(60_000)

const postgres = postgresEngines()

communityContract('PostgreSQL', async () => {
  const { pool, close } = await postgres.open()
  return { store: postgresRepositories(pool), fixtures: postgresFixtures(pool), close }
})
