/**
 * The blob port's contract (BlobStorage), for every place photos' bytes can live: a folder (disk), SQLite's and
 * PostgreSQL's blobs table. Runners: test/api/blobs.contract.test.ts (folder, SQLite), test/postgres/blobs.contract.test.ts.
 */
import type { BlobStorage } from '../../cloud/files/ports'

export interface BlobsContractEngine {
  blobs: BlobStorage
  close(): Promise<void>
}

const collect = async (blobs: BlobStorage) => {
  const out: string[] = []
  for await (const e of blobs.list!()) if (!e.leftover) out.push(e.key)
  return out
}

export function blobsContract(label: string, open: () => Promise<BlobsContractEngine>) {
  describe(`BlobStorage in ${label}`, () => {
    let engine: BlobsContractEngine
    let blobs: BlobStorage
    beforeEach(async () => {
      engine = await open()
      blobs = engine.blobs
    })
    afterEach(() => engine.close())

    test('put then read gives the same bytes; a second put of the key replaces them; an unknown key reads null', async () => {
      const bytes = Buffer.from([0xff, 0xd8, 0x00, 0x01, 0x7f, 0x80, 0xfe])
      await blobs.put('ab/one.jpg', bytes)
      expect(await blobs.read('ab/one.jpg')).toEqual(bytes)
      await blobs.put('ab/one.jpg', Buffer.from('second'))
      expect((await blobs.read('ab/one.jpg'))?.toString()).toBe('second')
      expect(await blobs.read('ab/none.jpg')).toBeNull()
    })

    test('remove deletes; removing a key already gone is not an error', async () => {
      await blobs.put('cd/two.png', Buffer.from('2'))
      await blobs.remove('cd/two.png')
      expect(await blobs.read('cd/two.png')).toBeNull()
      await expect(blobs.remove('cd/two.png')).resolves.toBeUndefined()
    })

    test('keys that are not plain relative paths are refused by every method', async () => {
      for (const key of ['../x.jpg', '/abs/x.jpg', 'a/../b.jpg', 'ab/x', 'ab/空.jpg']) {
        await expect(blobs.put(key, Buffer.from('x'))).rejects.toThrow('invalid blob key')
        await expect(blobs.read(key)).rejects.toThrow('invalid blob key')
        await expect(blobs.remove(key)).rejects.toThrow('invalid blob key')
      }
    })

    test('list gives every blob once, past its paging (1,201 blobs), with when it was written', async () => {
      const keys = Array.from({ length: 1201 }, (_, i) => `${String(i % 97).padStart(2, '0')}/k${i}.jpg`)
      for (let i = 0; i < keys.length; i += 100) await Promise.all(keys.slice(i, i + 100).map((k) => blobs.put(k, Buffer.from(k))))
      const listed = await collect(blobs)
      expect(listed.sort()).toEqual([...keys].sort())
      for await (const e of blobs.list!()) {
        expect(Math.abs(e.modifiedAt.getTime() - Date.now())).toBeLessThan(10 * 60_000)
        break
      }
    })
  })
}
