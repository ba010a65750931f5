/** The blob port's contract (test/contract/blobs.contract.ts) in PostgreSQL's blobs table. */
import { postgresBlobs } from '../../cloud/adapters/postgres/blobs'
import { systemClock } from '../../cloud/adapters/system/clock'
import { blobsContract } from '../contract/blobs.contract'
import { postgresEngines } from '../contract/engines'

jest.setTimeout(60_000)

const postgres = postgresEngines()

blobsContract('PostgreSQL', async () => {
  const { pool, close } = await postgres.open()
  return { blobs: postgresBlobs(pool, systemClock), close }
})
