import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ApiReply } from '@/domain/shared/envelope'
import type { DevLoginInput } from '@/domain/auth'
import { fixedClock } from '../../../cloud/adapters/system/clock'
import { openSqliteStore, type SqliteStore } from '../../../cloud/adapters/sqlite/store'
import { dispatch } from '../../../cloud/api/dispatch'
import { createDeps, type Deps } from '../../../cloud/compose'
import type { Logger } from '../../../cloud/shared/ports'
import { seedDemo } from '../../../cloud/seed/seedSqlite'

export const NOW = '2025-03-01T02:00:00.000Z'

export interface Harness {
  dir: string
  file: string
  store: SqliteStore
  deps: Deps
  clock: ReturnType<typeof fixedClock>
  errors: unknown[]
  call<T = unknown>(action: string, payload?: unknown, as?: string | null, requestId?: string): Promise<ApiReply<T>>
  /** call and expect ok; returns data */
  ok<T = unknown>(action: string, payload?: unknown, as?: string | null, requestId?: string): Promise<T>
  devLogin(input: DevLoginInput): Promise<string>
  counts(): Record<string, number>
  close(): void
}

export function tempDir(prefix = 'gongzhi-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export async function makeHarness(opts: { seed?: boolean; deps?: Partial<Omit<Deps, 'store'>> } = {}): Promise<Harness> {
  const dir = tempDir()
  const file = path.join(dir, 'test.db')
  const store = openSqliteStore(file)
  const clock = fixedClock(NOW)
  if (opts.seed !== false) await seedDemo(store.db, new Date(NOW))
  const errors: unknown[] = []
  const log: Logger = { error: (o) => errors.push(o), warn: () => undefined }
  const deps = await createDeps(store, { devLogin: true, wechat: null, secret: 'test-secret-test-secret-test-secret' }, { clock, log, ...opts.deps })
  const call: Harness['call'] = (action, payload, as, requestId) =>
    dispatch({ action, ...(payload === undefined ? {} : { payload }), ...(requestId ? { requestId } : {}) }, as ? { userId: as } : null, deps) as never
  return {
    dir,
    file,
    store,
    deps,
    clock,
    errors,
    call,
    async ok(action, payload, as, requestId) {
      const r = await call(action, payload, as, requestId)
      if (!r.ok) throw new Error(`${action} failed: ${JSON.stringify(r.error)}`)
      return r.data as never
    },
    async devLogin(input) {
      const r = await call<{ user: { id: string } }>('auth.devLogin', input)
      if (!r.ok) throw new Error(`devLogin failed: ${JSON.stringify(r.error)}`)
      return r.data.user.id
    },
    counts() {
      const tables = [
        'users', 'user_roles', 'user_grids', 'notices', 'notice_grids', 'notice_reads', 'audit_log', 'idempotency',
        'households', 'resident_applications', 'volunteer_applications',
        'reports', 'report_events', 'report_photos', 'report_supports', 'mediations', 'mediation_sessions',
        'report_deadlines', 'messages', 'files',
      ]
      return Object.fromEntries(
        tables.map((t) => [t, (store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
      )
    },
    close() {
      store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
