/**
 * The restore drill on PostgreSQL (README "备份与恢复"): `npm run backup` (pg_dump, custom format) taken while the
 * store is open, `npm run restore` into a new empty database, and that database answers the API as the original
 * did at the backup — photos included, since they live in its blobs table; what was written after is not there.
 * A restore into a database that has tables is refused and changes nothing.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import type { NoticeListPage } from '@/domain/notices'
import { fixedClock } from '../../cloud/adapters/system/clock'
import { dispatch } from '../../cloud/api/dispatch'
import { createDeps, openDemoStore, openStore, type Store } from '../../cloud/compose'
import { freshPgDatabase } from '../support/postgres'

jest.setTimeout(120_000)

const run = promisify(execFile)
const ROOT = path.resolve(__dirname, '../..')
const NOW = '2025-03-01T02:00:00.000Z'
const COMMITTEE = 'u_committee_jj'
const RESIDENT = 'u_resident_jj1'
const SECRET = { devLogin: false, wechat: null, secret: 'test-secret-test-secret-test-secret' }

async function cli(command: 'backup' | 'restore', db: string, file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/backup.ts', command, file], { cwd: ROOT, env: { ...process.env, GONGZHI_DB: db } })
    return { code: 0, out: stdout }
  } catch (err) {
    const e = err as { code?: number; stderr?: string }
    return { code: e.code ?? 1, out: e.stderr ?? '' }
  }
}

const pgConfig = (url: string) => ({ engine: 'postgres' as const, url, poolSize: 4 })

async function api(store: Store) {
  const deps = await createDeps(store, SECRET, { clock: fixedClock(NOW) })
  return (action: string, payload: unknown, as: string) => dispatch({ action, payload }, { userId: as }, deps)
}

test('a pg_dump taken while serving restores into an empty database that answers as the original did at the backup', async () => {
  const url = await freshPgDatabase()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-pgbackup-'))
  const { store } = await openDemoStore(pgConfig(url))
  try {
    const call = await api(store)
    await call('notice.publish', { title: '备份之前', body: '正文', category: 'notice' }, COMMITTEE)
    await store.databaseBlobs(fixedClock(NOW)).put('ab/photo.jpg', Buffer.from([0xff, 0xd8, 1, 2, 3]))
    const before = (await call('notice.list', {}, RESIDENT)) as { ok: true; data: NoticeListPage }
    const backup = path.join(dir, 'gongzhi.dump')
    expect(await cli('backup', url, backup)).toMatchObject({ code: 0, out: expect.stringContaining('已备份') })
    await call('notice.publish', { title: '备份之后', body: '正文', category: 'notice' }, COMMITTEE)

    const target = await freshPgDatabase()
    expect(await cli('restore', target, backup)).toMatchObject({ code: 0, out: expect.stringContaining('已从') })
    const restored = await openStore(pgConfig(target))
    try {
      const reply = await (await api(restored))('notice.list', {}, RESIDENT)
      expect(reply).toEqual(before)
      expect(JSON.stringify(reply)).not.toContain('备份之后')
      expect(await restored.databaseBlobs(fixedClock(NOW)).read('ab/photo.jpg')).toEqual(Buffer.from([0xff, 0xd8, 1, 2, 3]))
    } finally {
      await restored.close()
    }

    // into a database that has tables: refused, nothing changed
    const refused = await cli('restore', target, backup)
    expect(refused.code).toBe(1)
    expect(refused.out).toMatch(/^失败：pg_restore failed: .*already exists/m)
    const c = new pg.Client({ connectionString: target })
    await c.connect()
    try {
      expect((await c.query("SELECT count(*)::int AS n FROM notices WHERE title = '备份之前'")).rows[0].n).toBe(1)
    } finally {
      await c.end()
    }
  } finally {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
