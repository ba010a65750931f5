/**
 * The cloud-storage adapter over wx-server-sdk (cloud/adapters/wechat/cloudStorage.ts), against a fake SDK that
 * answers in the documented shapes: fileIDs of the function's environment only, a missing file is null while any
 * other failure is thrown, getTempFileURL and deleteFile in batches of 50 with per-file status, keys checked.
 */
import { cloudStorage, type WxStorageSdk } from '../../cloud/adapters/wechat/cloudStorage'

const ENV = 'gongzhi-prod-1a2b'
const id = (p: string) => `cloud://${ENV}.7072-${ENV}-1300000000/${p}`

function fakeSdk(over: Partial<WxStorageSdk> = {}) {
  const calls: { name: string; args: unknown }[] = []
  const sdk: WxStorageSdk = {
    uploadFile: async (a) => (calls.push({ name: 'uploadFile', args: a }), { fileID: id(a.cloudPath) }),
    downloadFile: async (a) => (calls.push({ name: 'downloadFile', args: a }), { fileContent: Buffer.from('bytes') }),
    deleteFile: async (a) => (calls.push({ name: 'deleteFile', args: a }), { fileList: a.fileList.map((fileID) => ({ fileID, status: 0 })) }),
    getTempFileURL: async (a) => (
      calls.push({ name: 'getTempFileURL', args: a }),
      { fileList: a.fileList.map((f) => (f.fileID.includes('gone') ? { fileID: f.fileID, tempFileURL: '', status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' } : { fileID: f.fileID, tempFileURL: `https://t/${f.fileID.slice(-6)}?t=${f.maxAge}`, status: 0 })) }
    ),
    ...over,
  }
  return { sdk, calls }
}

test('pathOf: only well-formed fileIDs of this environment', () => {
  const { files } = cloudStorage(fakeSdk().sdk, () => ENV)
  expect(files.pathOf(id('incoming/u1/abcdef0123'))).toBe('incoming/u1/abcdef0123')
  expect(files.pathOf(`cloud://other-env.7072-other-env-1/incoming/u1/abcdef0123`)).toBeNull()
  expect(files.pathOf(`cloud://${ENV}x.bucket/incoming/u1/abcdef0123`)).toBeNull()
  for (const bad of [id('incoming/u1/../u2/x'), id('incoming//x'), id(''), 'incoming/u1/x', `https://${ENV}.b/incoming/u1/x`, id('a b')]) {
    expect([bad, files.pathOf(bad)]).toEqual([bad, null])
  }
  // the environment unknown (a local run): any well-formed fileID
  expect(cloudStorage(fakeSdk().sdk).files.pathOf('cloud://x.y/incoming/u1/abcdef0123')).toBe('incoming/u1/abcdef0123')
})

test('put stores under photos/ and returns the fileID; keys that are not blob keys are refused', async () => {
  const { sdk, calls } = fakeSdk()
  const { blobs } = cloudStorage(sdk, () => ENV)
  await expect(blobs.put('ab/abcdef.jpg', Buffer.from('x'))).resolves.toBe(id('photos/ab/abcdef.jpg'))
  expect(calls[0]).toMatchObject({ name: 'uploadFile', args: { cloudPath: 'photos/ab/abcdef.jpg' } })
  await expect(blobs.put('../etc/passwd', Buffer.from('x'))).rejects.toThrow('invalid blob key')
  const empty = cloudStorage(fakeSdk({ uploadFile: async () => ({ fileID: '' }) }).sdk)
  await expect(empty.blobs.put('ab/abcdef.jpg', Buffer.from('x'))).rejects.toThrow('no fileID')
})

test('a missing file reads as null; any other failure is thrown', async () => {
  const missing = Object.assign(new Error('downloadFile:fail'), { errCode: -503003, errMsg: 'downloadFile:fail STORAGE_FILE_NONEXIST' })
  const gone = cloudStorage(fakeSdk({ downloadFile: async () => Promise.reject(missing) }).sdk)
  await expect(gone.files.download(id('incoming/u1/x'))).resolves.toBeNull()
  await expect(gone.blobs.read(id('photos/ab/x.jpg'))).resolves.toBeNull()
  const down = cloudStorage(fakeSdk({ downloadFile: async () => Promise.reject(Object.assign(new Error('timeout'), { errCode: -501001 })) }).sdk)
  await expect(down.files.download(id('incoming/u1/x'))).rejects.toThrow('timeout')
  await expect(cloudStorage(fakeSdk().sdk).files.download(id('incoming/u1/x'))).resolves.toEqual(Buffer.from('bytes'))
})

test('temporary URLs and deletes go 50 at a time, in order, null where a file failed', async () => {
  const { sdk, calls } = fakeSdk()
  const { files } = cloudStorage(sdk)
  const ids = Array.from({ length: 120 }, (_, i) => id(`photos/ab/${i === 7 ? 'gone' : 'f'}${String(i).padStart(3, '0')}.jpg`))
  const urls = await files.tempUrls(ids, 300)
  expect(urls).toHaveLength(120)
  expect(urls[7]).toBeNull()
  expect(urls[0]).toBe('https://t/00.jpg?t=300')
  expect(urls[119]).toBe('https://t/19.jpg?t=300')
  const sizes = calls.filter((c) => c.name === 'getTempFileURL').map((c) => (c.args as { fileList: unknown[] }).fileList.length)
  expect(sizes).toEqual([50, 50, 20])
  await files.remove(ids)
  expect(calls.filter((c) => c.name === 'deleteFile').map((c) => (c.args as { fileList: unknown[] }).fileList.length)).toEqual([50, 50, 20])
})
