/** The blob port's contract (test/contract/blobs.contract.ts) in a folder and in SQLite's blobs table. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { diskBlobs } from '../../cloud/adapters/disk/blobs'
import { systemClock } from '../../cloud/adapters/system/clock'
import { blobsContract } from '../contract/blobs.contract'
import { openSqliteEngine } from '../contract/engines'

// writing and listing 1,201 files in a folder takes seconds; on a busy two-core machine more than the default 20 s
jest.setTimeout(60_000)

blobsContract('a folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-blobs-'))
  return { blobs: diskBlobs(dir), close: async () => fs.rmSync(dir, { recursive: true, force: true }) }
})

blobsContract('SQLite', async () => {
  const { store, close } = await openSqliteEngine()
  return { blobs: store.databaseBlobs(systemClock), close }
})
