/**
 * The orphan sweep's schedule (cloud/server/main.ts): once at start, then every interval, on an unref'd timer;
 * stop() clears it and waits for a sweep under way. The sweep itself against SQLite and disk: test/api/upload.test.ts.
 */
import { fixedClock } from '../../cloud/adapters/system/clock'
import { scheduleOrphanSweep, sweepOrphanPhotos } from '../../cloud/files/sweepOrphanPhotos'
import type { Store } from '../../cloud/compose'
import type { BlobStorage, FileRecord, FileRepo } from '../../cloud/files/ports'

const NOW = '2025-03-10T02:00:00.000Z'
const record = (id: string, createdAt: string): FileRecord => ({
  id, ownerId: 'u1', mime: 'image/jpeg', bytes: 1, width: 1, height: 1, sha256: 'x', path: `ab/${id}.jpg`, createdAt, check: 'none',
})

/** an in-memory files table: `attached` files are held by a report */
function fakeDeps(files: FileRecord[], attached = new Set<string>(), leaseHeldElsewhere = false) {
  const rows = new Map(files.map((f) => [f.id, f]))
  const removed: string[] = []
  const errors: unknown[] = []
  const repo: Pick<FileRepo, 'listUnattached' | 'deleteIfUnattached'> = {
    async listUnattached(before, limit, after) {
      return [...rows.values()]
        .filter((f) => f.createdAt < before && !attached.has(f.id))
        .filter((f) => !after || f.createdAt > after.createdAt || (f.createdAt === after.createdAt && f.id > after.id))
        .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1))
        .slice(0, limit)
    },
    async deleteIfUnattached(id, before) {
      const f = rows.get(id)
      if (!f || attached.has(id) || f.createdAt >= before) return false
      rows.delete(id)
      return true
    },
  }
  const blobs: BlobStorage = {
    put: async () => undefined,
    read: async () => null,
    remove: async (key) => void removed.push(key),
  }
  const deps = {
    store: { files: repo, leases: { take: async () => !leaseHeldElsewhere } } as unknown as Store,
    blobs,
    clock: fixedClock(NOW),
    log: { error: (o: unknown) => void errors.push(o), warn: () => undefined },
  }
  return { deps, rows, removed, errors }
}

test('the sweep pages through more than one batch, removing every old unattached file (row, then blob)', async () => {
  const old = Array.from({ length: 450 }, (_, i) => record(`f${String(i).padStart(4, '0')}`, '2025-03-01T00:00:00.000Z'))
  const { deps, rows, removed } = fakeDeps([...old, record('fresh', '2025-03-09T03:00:00.000Z')])
  expect(await sweepOrphanPhotos(deps)).toEqual({ removed: 450 })
  expect([...rows.keys()]).toEqual(['fresh'])
  expect(removed).toHaveLength(450)
})

test('a blob that cannot be removed is logged; the sweep goes on', async () => {
  const { deps, rows, errors } = fakeDeps([record('a', '2025-03-01T00:00:00.000Z'), record('b', '2025-03-01T00:00:00.000Z')])
  deps.blobs.remove = async (key) => {
    if (key === 'ab/a.jpg') throw new Error('EACCES')
  }
  expect(await sweepOrphanPhotos(deps)).toEqual({ removed: 2 })
  expect(rows.size).toBe(0)
  expect(errors).toHaveLength(1)
})

describe('scheduleOrphanSweep', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  test('sweeps at once, then every interval on an unref\'d timer; stop() clears it and awaits a sweep under way', async () => {
    const { deps, rows } = fakeDeps([record('a', '2025-03-01T00:00:00.000Z')])
    const unref = jest.spyOn(global, 'setInterval')
    const swept: number[] = []
    const s = scheduleOrphanSweep(deps, (n) => swept.push(n), 1000)
    const timer = unref.mock.results[0]!.value as NodeJS.Timeout
    expect(timer.hasRef()).toBe(false)
    await jest.advanceTimersByTimeAsync(0)
    expect(swept).toEqual([1])

    rows.set('b', record('b', '2025-03-02T00:00:00.000Z'))
    await jest.advanceTimersByTimeAsync(1000)
    expect(swept).toEqual([1, 1])
    await jest.advanceTimersByTimeAsync(1000)
    expect(swept).toEqual([1, 1, 0])

    await s.stop()
    rows.set('c', record('c', '2025-03-02T00:00:00.000Z'))
    await jest.advanceTimersByTimeAsync(5000)
    expect(swept).toEqual([1, 1, 0])
    expect(rows.has('c')).toBe(true)
    unref.mockRestore()
  })

  test('does nothing while another process holds the sweep\'s lease', async () => {
    const { deps, rows } = fakeDeps([record('a', '2025-03-01T00:00:00.000Z')], new Set(), true)
    const swept: number[] = []
    const s = scheduleOrphanSweep(deps, (n) => swept.push(n), 1000)
    await jest.advanceTimersByTimeAsync(2000)
    expect(swept).toEqual([])
    expect(rows.has('a')).toBe(true)
    await s.stop()
  })

  test('a failing sweep is logged and the next one still runs', async () => {
    const { deps, errors } = fakeDeps([])
    let calls = 0
    ;(deps.store.files as { listUnattached: unknown }).listUnattached = async () => {
      calls++
      if (calls === 1) throw new Error('database is locked')
      return []
    }
    const swept: number[] = []
    const s = scheduleOrphanSweep(deps, (n) => swept.push(n), 1000)
    await jest.advanceTimersByTimeAsync(0)
    expect(errors).toHaveLength(1)
    await jest.advanceTimersByTimeAsync(1000)
    expect(swept).toEqual([0])
    await s.stop()
  })

  test('stop() waits for the sweep under way to finish', async () => {
    const { deps } = fakeDeps([record('a', '2025-03-01T00:00:00.000Z')])
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => (release = r))
    const original = deps.blobs.remove
    deps.blobs.remove = async (key) => {
      await gate
      await original(key)
    }
    const swept: number[] = []
    const s = scheduleOrphanSweep(deps, (n) => swept.push(n), 1000)
    let stopped = false
    const stopping = s.stop().then(() => (stopped = true))
    await jest.advanceTimersByTimeAsync(0)
    expect(stopped).toBe(false)
    release()
    await stopping
    expect(swept).toEqual([1])
  })
})
