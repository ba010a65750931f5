/**
 * The restore drill on SQLite (README "备份与恢复"): a backup taken with the online backup API while the store is
 * open and written to, restored into a new file by `npm run restore`, answers the API exactly as the database did
 * at the moment of the backup; what was written after it is not there. Bad backups are refused with one line.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { NoticeListPage } from '@/domain/notices'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { dispatch } from '../../cloud/api/dispatch'
import { createDeps } from '../../cloud/compose'
import { makeHarness, type Harness } from './support/harness'

const run = promisify(execFile)
const ROOT = path.resolve(__dirname, '../..')
const COMMITTEE = 'u_committee_jj'
const RESIDENT = 'u_resident_jj1'

/** `npm run backup|restore -- <file>` on GONGZHI_DB=db, as an operator runs it (tsx, a process of its own). */
async function cli(command: 'backup' | 'restore', db: string, file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/backup.ts', command, file], {
      cwd: ROOT,
      env: { ...process.env, GONGZHI_DB: db },
    })
    return { code: 0, out: stdout }
  } catch (err) {
    const e = err as { code?: number; stderr?: string }
    return { code: e.code ?? 1, out: e.stderr ?? '' }
  }
}

let h: Harness
beforeEach(async () => {
  h = await makeHarness({ engine: 'sqlite' })
})
afterEach(() => h.close())

const publish = (title: string) => h.ok<{ id: string }>('notice.publish', { title, body: '正文', category: 'notice' }, COMMITTEE)

test('a backup taken while serving restores into a new file that answers as the database did at the backup', async () => {
  await publish('备份之前')
  const before = await h.ok<NoticeListPage>('notice.list', {}, RESIDENT)
  const backup = path.join(h.dir, 'backups', 'gongzhi.backup.db')
  const taken = await cli('backup', h.location, backup)
  expect(taken).toMatchObject({ code: 0, out: expect.stringContaining('已备份') })
  await publish('备份之后')

  const restoredFile = path.join(h.dir, 'restored', 'gongzhi.db')
  const restored = await cli('restore', restoredFile, backup)
  expect(restored).toMatchObject({ code: 0, out: expect.stringContaining('已从') })

  const store = openSqliteStore(restoredFile)
  try {
    const deps = await createDeps(store, { devLogin: false, wechat: null, secret: 'test-secret-test-secret-test-secret' }, { clock: h.clock })
    const reply = await dispatch({ action: 'notice.list', payload: {} }, { userId: RESIDENT }, deps)
    expect(reply).toEqual({ ok: true, data: before })
    expect(JSON.stringify(reply)).not.toContain('备份之后')
  } finally {
    store.close()
  }
})

test('a backup never overwrites a file; a damaged or foreign file is not restored, and the database is left as it was', async () => {
  const backup = path.join(h.dir, 'b.db')
  expect((await cli('backup', h.location, backup)).code).toBe(0)
  expect(await cli('backup', h.location, backup)).toMatchObject({ code: 1, out: expect.stringContaining('exists already') })

  const target = path.join(h.dir, 'target.db')
  const damaged = path.join(h.dir, 'damaged.db')
  const bytes = fs.readFileSync(backup)
  bytes.fill(0x5a, 4096, 8192)
  fs.writeFileSync(damaged, bytes)
  const refused = await cli('restore', target, damaged)
  expect(refused.code).toBe(1)
  expect(refused.out).toMatch(/失败：.*(damaged|malformed|not a database)/)
  expect(fs.existsSync(target)).toBe(false)

  const foreign = path.join(h.dir, 'foreign.db')
  fs.writeFileSync(foreign, 'not a database at all')
  expect((await cli('restore', target, foreign)).code).toBe(1)
  expect(fs.existsSync(target)).toBe(false)
})
