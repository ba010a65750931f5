/** The ledger port contract (test/contract/ledger.contract.ts) on PostgreSQL: each test on a database copied from a migrated one. */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresFixtures } from '../contract/fixtures'
import { postgresEngines } from '../contract/engines'
import { ledgerContract } from '../contract/ledger.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

ledgerContract('PostgreSQL', async () => {
  const { pool, exec, close } = await postgres.open()
  return { store: postgresRepositories(pool), fixtures: postgresFixtures(pool), exec, close }
})
