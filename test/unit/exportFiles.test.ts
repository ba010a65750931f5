/** The disk ExportFiles (cloud/adapters/disk/exports.ts): complete files only, metadata beside them, the sweep by time. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { diskExports } from '../../cloud/adapters/disk/exports'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-exports-unit-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const meta = (createdAt: string) => ({ ownerId: 'u_1', fileName: '锦江社区-2025年2月台账.xlsx', createdAt })

async function write(files: ReturnType<typeof diskExports>, id: string, createdAt: string, bytes = 'xlsx-bytes'): Promise<number> {
  const sink = await files.create(id, meta(createdAt))
  await new Promise<void>((resolve, reject) => sink.stream.end(bytes, (e?: Error | null) => (e ? reject(e) : resolve())))
  return sink.finish()
}

test('a file is seen only once finished, with its metadata and size', async () => {
  const files = diskExports(path.join(dir, 'exports'))
  const sink = await files.create('e_1', meta('2025-03-01T02:00:00.000Z'))
  expect(await files.open('e_1')).toBeNull()
  sink.stream.end('abc')
  await new Promise((r) => sink.stream.on('finish', r))
  expect(await sink.finish()).toBe(3)
  expect(await files.open('e_1')).toEqual({ meta: meta('2025-03-01T02:00:00.000Z'), path: path.join(dir, 'exports', 'e_1.xlsx'), bytes: 3 })
})

test('an aborted export leaves nothing; ids that are not plain are refused', async () => {
  const files = diskExports(path.join(dir, 'exports'))
  const sink = await files.create('e_2', meta('2025-03-01T02:00:00.000Z'))
  await sink.abort()
  expect(fs.readdirSync(path.join(dir, 'exports'))).toEqual([])
  expect(await files.open('../etc/passwd')).toBeNull()
  await expect(files.create('../x', meta('2025-03-01T02:00:00.000Z'))).rejects.toThrow(/invalid export id/)
})

test('the sweep removes exports created before the time given, by their recorded time, and stale parts', async () => {
  const files = diskExports(path.join(dir, 'exports'))
  await write(files, 'old', '2025-03-01T01:00:00.000Z')
  await write(files, 'new', '2025-03-01T02:00:00.000Z')
  fs.writeFileSync(path.join(dir, 'exports', 'dead.xlsx.part'), 'half')
  expect(await files.sweep('2025-03-01T01:30:00.000Z')).toBe(1)
  expect(await files.open('old')).toBeNull()
  expect(await files.open('new')).not.toBeNull()
  expect(fs.existsSync(path.join(dir, 'exports', 'dead.xlsx.part'))).toBe(true)
  expect(await files.sweep(new Date(Date.now() + 60_000).toISOString())).toBe(1)
  expect(fs.readdirSync(path.join(dir, 'exports'))).toEqual([])
  expect(await diskExports(path.join(dir, 'none')).sweep('2025-03-01T00:00:00.000Z')).toBe(0)
})
