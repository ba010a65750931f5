/**
 * The disk BlobStorage of uploaded photos: written to a temp file in the same folder, fsynced, renamed into
 * place, so the final name never holds half a file; keys cannot escape the folder. And where the folder is.
 */
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { diskBlobs, isBlobKey } from '../../cloud/adapters/disk/blobs'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { configFromEnv, createDeps, uploadsBesideStore } from '../../cloud/compose'

let dir: string
beforeEach(() => {
  dir = fsSync.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-blobs-'))
})
afterEach(() => {
  jest.restoreAllMocks()
  fsSync.rmSync(dir, { recursive: true, force: true })
})

const listAll = (root: string) =>
  fsSync.existsSync(root) ? (fsSync.readdirSync(root, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort() : []

test('put then read: the bytes under <root>/ab/<id>.jpg, folders made on the way; a missing key reads null', async () => {
  const root = path.join(dir, 'uploads')
  const blobs = diskBlobs(root)
  expect(fsSync.existsSync(root)).toBe(false)
  await blobs.put('ab/abcdef.jpg', Buffer.from('one'))
  expect(fsSync.readFileSync(path.join(root, 'ab', 'abcdef.jpg'), 'utf8')).toBe('one')
  expect((await blobs.read('ab/abcdef.jpg'))?.toString()).toBe('one')
  expect(await blobs.read('ab/nothing.jpg')).toBeNull()
  expect(listAll(root)).toEqual(['ab', 'ab/abcdef.jpg'])
})

test('the write goes to a temp file beside the target, fully written and synced before the rename', async () => {
  const blobs = diskBlobs(dir)
  const bytes = Buffer.alloc(256 * 1024, 9)
  const seen: { from: string; to: string; size: number; targetExisted: boolean }[] = []
  const rename = fs.rename.bind(fs)
  jest.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
    seen.push({ from: String(from), to: String(to), size: fsSync.statSync(from).size, targetExisted: fsSync.existsSync(to) })
    return rename(from, to)
  })
  const probe = await fs.open(__filename, 'r')
  const fileHandleProto = Object.getPrototypeOf(probe) as { sync(): Promise<void> }
  await probe.close()
  const sync = jest.spyOn(fileHandleProto, 'sync')
  await blobs.put('cd/cdef.png', bytes)
  expect(seen).toHaveLength(1)
  expect(path.dirname(seen[0]!.from)).toBe(path.join(dir, 'cd'))
  expect(path.basename(seen[0]!.from)).toMatch(/^\.cdef\.png\.[0-9a-f]{12}\.tmp$/)
  expect(seen[0]).toMatchObject({ to: path.join(dir, 'cd', 'cdef.png'), size: bytes.length, targetExisted: false })
  // the file, then the folder
  expect(sync.mock.calls.length).toBeGreaterThanOrEqual(2)
  expect(listAll(dir)).toEqual(['cd', 'cd/cdef.png'])
})

test('a failed write leaves the old blob whole and no temp file behind', async () => {
  const blobs = diskBlobs(dir)
  await blobs.put('ef/old.webp', Buffer.from('old bytes'))
  jest.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))
  await expect(blobs.put('ef/old.webp', Buffer.from('new bytes that never land'))).rejects.toThrow('disk full')
  expect((await blobs.read('ef/old.webp'))?.toString()).toBe('old bytes')
  expect(listAll(dir)).toEqual(['ef', 'ef/old.webp'])
})

test('remove deletes the blob and only it; a blob already gone is fine', async () => {
  const blobs = diskBlobs(dir)
  await blobs.put('ab/one.jpg', Buffer.from('1'))
  await blobs.put('ab/two.jpg', Buffer.from('2'))
  await blobs.remove('ab/one.jpg')
  expect(await blobs.read('ab/one.jpg')).toBeNull()
  expect(listAll(dir)).toEqual(['ab', 'ab/two.jpg'])
  await expect(blobs.remove('ab/one.jpg')).resolves.toBeUndefined()
  await expect(blobs.remove('zz/never.jpg')).resolves.toBeUndefined()
})

test.each(['../x.jpg', 'ab/../../x.jpg', '/etc/passwd.jpg', 'ab\\x.jpg', '', 'ab/x', 'ab//x.jpg', 'ab/x.jpg\0.png', 'ab/.hidden'])(
  'a key that could escape the folder is refused: %j',
  async (key) => {
    expect(isBlobKey(key)).toBe(false)
    const blobs = diskBlobs(path.join(dir, 'inner'))
    await expect(blobs.put(key, Buffer.from('x'))).rejects.toThrow('invalid blob key')
    await expect(blobs.read(key)).rejects.toThrow('invalid blob key')
    await expect(blobs.remove(key)).rejects.toThrow('invalid blob key')
    expect(listAll(dir)).toEqual([])
  },
)

test('the uploads folder: GONGZHI_UPLOADS, else `uploads` beside the database file, else a temp folder', async () => {
  expect(configFromEnv({ GONGZHI_UPLOADS: ' /srv/photos ' }).uploadsDir).toBe('/srv/photos')
  expect(configFromEnv({}).uploadsDir).toBeNull()

  const store = openSqliteStore(path.join(dir, 'db', 'g.db'))
  try {
    expect(uploadsBesideStore(store)).toBe(path.join(dir, 'db', 'uploads'))
    const base = { devLogin: true, wechat: null, secret: 'test-secret-test-secret-test-secret' }
    const beside = await createDeps(store, base)
    await beside.blobs.put('aa/one.jpg', Buffer.from('1'))
    expect(fsSync.existsSync(path.join(dir, 'db', 'uploads', 'aa', 'one.jpg'))).toBe(true)
    const configured = await createDeps(store, { ...base, uploadsDir: path.join(dir, 'elsewhere') })
    await configured.blobs.put('bb/two.jpg', Buffer.from('2'))
    expect(fsSync.existsSync(path.join(dir, 'elsewhere', 'bb', 'two.jpg'))).toBe(true)
  } finally {
    store.close()
  }
  const mem = openSqliteStore(':memory:')
  try {
    const tmp = uploadsBesideStore(mem)
    expect(tmp.startsWith(path.join(os.tmpdir(), 'gongzhi-uploads-'))).toBe(true)
    fsSync.rmSync(tmp, { recursive: true, force: true })
  } finally {
    mem.close()
  }
})

test('GONGZHI_UPLOADS=database keeps photos in the store\'s blobs table, where every process serving the file sees them', async () => {
  const file = path.join(dir, 'dbblobs', 'g.db')
  const store = openSqliteStore(file)
  try {
    const deps = await createDeps(store, { devLogin: true, wechat: null, secret: 'test-secret-test-secret-test-secret', uploadsDir: 'database' })
    await deps.blobs.put('cc/three.jpg', Buffer.from('3'))
    expect(fsSync.existsSync(path.join(dir, 'dbblobs', 'uploads'))).toBe(false)
    const other = openSqliteStore(file)
    try {
      const seen = await createDeps(other, { devLogin: true, wechat: null, secret: 'test-secret-test-secret-test-secret', uploadsDir: 'database' })
      expect((await seen.blobs.read('cc/three.jpg'))?.toString()).toBe('3')
    } finally {
      other.close()
    }
  } finally {
    store.close()
  }
})
