/**
 * Issue 16, finding 7: the orphan sweep reconciles the uploads folder with the rows. After crashes the folder
 * held `.tmp` leftovers (a write cut before its rename) and blobs without a row (cut between the blob and the
 * row); the sweep walked rows only, so they stayed forever. Now, past a grace time (an upload in progress has a
 * blob a moment before its row), both go; blobs with their row, recent files and files that are not ours stay.
 */
import fs from 'node:fs'
import path from 'node:path'
import { scheduleOrphanSweep } from '../../cloud/files/sweepOrphanPhotos'
import { diskBlobs } from '../../cloud/adapters/disk/blobs'
import { makeHarness, tempDir, type Harness } from './support/harness'
import { addPhoto, WHO } from './support/reportFixtures'

let h: Harness
let root: string
beforeAll(async () => {
  // the uploads folder, whichever engine holds the rows (PostgreSQL keeps photos in its table by default)
  root = tempDir('gongzhi-uploads-')
  h = await makeHarness({ deps: { blobs: diskBlobs(root) } })
})
afterAll(async () => {
  await h.close()
  fs.rmSync(root, { recursive: true, force: true })
})

const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')
const HOUR = 3600_000

function write(rel: string, ageMs: number): string {
  const file = path.join(root, ...rel.split('/'))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JPEG)
  const t = new Date(h.clock.now().getTime() - ageMs)
  fs.utimesSync(file, t, t)
  return file
}

async function sweepOnce(): Promise<number> {
  let removed = -1
  const s = scheduleOrphanSweep(h.deps, (n) => (removed = n), 24 * HOUR)
  await s.stop()
  return removed
}

test('leftovers and blobs without a row are swept; rows’ blobs, recent files and foreign files stay', async () => {
  const kept = await addPhoto(h, WHO.resident)
  // where uploadPhoto would put it: `<first two of the id>/<id>.jpg`
  await h.sql.run("UPDATE files SET path = substr(id, 1, 2) || '/' || id || '.jpg' WHERE id = ?", [kept])
  const keptRow = (await h.sql.get('SELECT path FROM files WHERE id = ?', [kept])) as { path: string }
  const files = {
    withRow: write(keptRow.path, 3 * HOUR),
    stray: write('ab/f_0123456789abcdef.jpg', 3 * HOUR),
    strayOtherDir: write('zz/f_fedcba9876543210.webp', 3 * HOUR),
    leftover: write('ab/.f_0123456789abcdee.jpg.0a1b2c3d4e5f.tmp', 3 * HOUR),
    recentStray: write('ab/f_aaaaaaaaaaaaaaaa.png', 5 * 60_000),
    recentLeftover: write('ab/.f_aaaaaaaaaaaaaaab.jpg.0a1b2c3d4e5f.tmp', 5 * 60_000),
    foreign: write('README.txt', 3 * HOUR),
  }
  expect(await sweepOnce()).toBeGreaterThanOrEqual(3)
  const exists = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.existsSync(f)]))
  expect(exists).toEqual({
    withRow: true,
    stray: false,
    strayOtherDir: false,
    leftover: false,
    recentStray: true,
    recentLeftover: true,
    foreign: true,
  })
  // a second sweep finds nothing more to do
  expect(await sweepOnce()).toBe(0)
})
