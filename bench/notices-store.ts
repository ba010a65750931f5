/**
 * `npx tsx bench/notices-store.ts` — notice.list in-process (no HTTP) on `npm run bench`'s data (bench/speed/data.ts:
 * 6,000 verified residents of one grid, 40 notices to the whole community): the store's list and unread count and the
 * whole dispatch (caller + use case + view), median and p99 over CALLS calls after a warm-up; READS=n first marks
 * n notices read by every resident (the read table a busy community has). A before/after probe, never asserted.
 * PROFILE=1 runs only the dispatch loop (for `node --cpu-prof --import tsx bench/notices-store.ts`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../cloud/adapters/sqlite/store'
import { createDeps } from '../cloud/compose'
import { dispatch } from '../cloud/api/dispatch'
import { latencies } from './support/run'
import { prepare } from './speed/data'

const CALLS = Number(process.env.CALLS ?? 3000)
const READS = Number(process.env.READS ?? 0)

async function time(name: string, fn: () => Promise<unknown>): Promise<void> {
  const t = await latencies(fn, CALLS, 300)
  const at = (p: number) => (t[Math.min(t.length - 1, Math.floor(p * t.length))]! * 1000).toFixed(0)
  console.log(`${name.padEnd(40)} p50 ${at(0.5).padStart(6)} µs   p99 ${at(0.99).padStart(6)} µs`)
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-notices-'))
  const file = path.join(dir, 'notices.db')
  const data = await prepare(file)
  const store = openSqliteStore(file)
  if (READS > 0) {
    const at = new Date().toISOString()
    const read = store.db.prepare('INSERT INTO notice_reads (notice_id, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
    store.db.transaction(() => {
      for (const n of data.important.slice(0, READS)) for (const u of data.users) read.run(n, u, at)
    })()
  }
  const log = { error: (o: unknown) => console.error(o), warn: () => undefined }
  const deps = await createDeps(store, { devLogin: false, wechat: null, secret: 'bench-secret-bench-secret-bench-secret' }, { log })
  let k = 0
  const viewer = () => data.users[k++ % data.users.length]!
  const list = async () => {
    const r = await dispatch({ action: 'notice.list', payload: { limit: 20 } }, { userId: viewer() }, deps)
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r.data
  }
  console.log(`SQLite, ${data.users.length} residents, 40 notices, ${READS} of them read by everyone, ${CALLS} calls each (shared 2-core machine: noisy)`)
  if (process.env.PROFILE) {
    for (let i = 0; i < CALLS; i++) await list()
  } else {
    const member = { kind: 'member' as const, communityId: 'c_jinjiang', gridIds: ['g_jj_1'] }
    const iso = () => new Date().toISOString()
    await time('store users.get (the caller)', () => store.users.get(viewer()))
    await time('store notices.list (resident, 21)', () => store.notices.list(member, { viewerId: viewer(), now: iso(), limit: 21, after: null }))
    await time('store notices.countUnread (resident)', () => store.notices.countUnread(member, { viewerId: viewer(), now: iso() }))
    await time('dispatch notice.list (resident)', list)
    console.log(`reply bytes ${JSON.stringify({ ok: true, data: await list() }).length}`)
  }
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
