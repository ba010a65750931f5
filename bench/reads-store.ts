/**
 * `npx tsx bench/reads-store.ts` — the read paths of issue 15 timed in-process on a fresh SQLite file (no HTTP):
 * each store call and each whole dispatch (caller + use case + view) of notice.list, report.list (every scope),
 * motion.get and shift.list, median and p99 over CALLS calls after a warm-up. Data: the demo + NOTICES notices +
 * the demo's reports copied REPORT_COPIES times. A quick before/after probe, never asserted; noisy on a shared machine.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../cloud/adapters/sqlite/store'
import { seedDemo } from '../cloud/seed/seedSqlite'
import { createDeps } from '../cloud/compose'
import { dispatch } from '../cloud/api/dispatch'
import { latencies } from './support/run'
import { NOTICE_CATEGORIES } from '@/domain/notices'

const CALLS = Number(process.env.CALLS ?? 3000)
const NOTICES = 200
const REPORT_COPIES = Number(process.env.REPORT_COPIES ?? 300)
const RESIDENT = 'u_resident_jj1'
const WORKER = 'u_worker_jj1'
const COMMITTEE = 'u_committee_jj'

async function time(name: string, fn: () => Promise<unknown>): Promise<void> {
  const t = await latencies(fn, CALLS, 200)
  const at = (p: number) => (t[Math.min(t.length - 1, Math.floor(p * t.length))]! * 1000).toFixed(0)
  console.log(`${name.padEnd(40)} p50 ${at(0.5).padStart(6)} µs   p99 ${at(0.99).padStart(6)} µs`)
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-reads-'))
  const store = openSqliteStore(path.join(dir, 'reads.db'))
  const now = new Date()
  await seedDemo(store.db, now)
  for (let i = 0; i < NOTICES; i++) {
    const id = `bench_n_${i}`
    const at = new Date(now.getTime() - (NOTICES - i) * 60_000).toISOString()
    const gridIds = i % 2 === 0 ? null : [['g_jj_1', 'g_jj_2', 'g_jj_3'][i % 3] as string]
    const notice = { id, communityId: 'c_jinjiang', authorId: COMMITTEE, title: `通知 ${i}`, body: '正文。'.repeat(40) }
    await store.notices.publish(
      { ...notice, category: NOTICE_CATEGORIES[i % 4] ?? 'notice', pinned: i % 40 === 0, important: i % 3 === 0, gridIds, publishAt: at, expireAt: null, createdAt: at },
      { at, actorId: COMMITTEE, action: 'notice.publish', targetType: 'notice', targetId: id, communityId: 'c_jinjiang' },
      null,
    )
  }
  // the demo's reports copied: every column as is but the id (seq is the rowid)
  const cols = store.db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('reports')").all().map((c) => c.name).filter((c) => c !== 'seq')
  const copy = store.db.prepare(`INSERT INTO reports (${cols.join(', ')}) SELECT ${cols.map((c) => (c === 'id' ? "id || '-b' || ?" : c)).join(', ')} FROM reports WHERE id NOT LIKE '%-b%'`)
  store.db.transaction(() => {
    for (let k = 0; k < REPORT_COPIES; k++) copy.run(String(k))
  })()
  const reports = store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports').get()!.n
  const log = { error: (o: unknown) => console.error(o), warn: () => undefined }
  const deps = await createDeps(store, { devLogin: false, wechat: null, secret: 'bench-secret-bench-secret-bench-secret' }, { log })
  const call = async (action: string, payload: unknown, as: string) => {
    const r = await dispatch({ action, payload }, { userId: as }, deps)
    if (!r.ok) throw new Error(`${action}: ${JSON.stringify(r.error)}`)
    return r.data
  }
  const motion = store.db.prepare<[], { id: string }>("SELECT id FROM motions WHERE community_id = 'c_jinjiang' ORDER BY created_at DESC LIMIT 1").get()!.id
  console.log(`SQLite, ${NOTICES} notices + demo, ${reports} reports, ${CALLS} calls each (shared 2-core machine: noisy)`)

  const resident = (await store.users.get(RESIDENT))!
  const iso = () => new Date().toISOString()
  const member = { kind: 'member' as const, communityId: 'c_jinjiang', gridIds: ['g_jj_1'] }
  // the time rules run before a read (the first warm-up call does any work there is; then an indexed read finds none)
  const settleBefore = () => new Date(Date.now() - 7 * 24 * 3600_000).toISOString()
  await time('store reports.autoClose (per-read sweep)', () => store.reports.autoClose({ communityId: 'c_jinjiang' }, settleBefore(), iso(), () => 'unused'))
  await time('store shifts.settle (per-read settle)', () => store.shifts.settle(iso()))
  await time('store users.get (the caller)', () => store.users.get(RESIDENT))
  await time('store notices.list (resident, 21)', () => store.notices.list(member, { viewerId: resident.id, now: iso(), limit: 21, after: null }))
  await time('store notices.countUnread (resident)', () => store.notices.countUnread(member, { viewerId: resident.id, now: iso() }))
  await time('store reports.list queue (worker, 21)', () => store.reports.list({ kind: 'queue', level: 'grid', gridIds: ['g_jj_1'] }, { limit: 21, after: null }))
  await time('store reports.list area (committee, 21)', () => store.reports.list({ kind: 'area', communityId: 'c_jinjiang' }, { limit: 21, after: null }))
  await time('store reports.list public (21)', () => store.reports.list({ kind: 'public', communityId: 'c_jinjiang' }, { limit: 21, after: null }))

  await time('dispatch notice.list (resident)', () => call('notice.list', {}, RESIDENT))
  await time('dispatch report.list mine (resident)', () => call('report.list', { scope: 'mine' }, RESIDENT))
  await time('dispatch report.list public (resident)', () => call('report.list', { scope: 'public' }, RESIDENT))
  await time('dispatch report.list queue (worker)', () => call('report.list', { scope: 'queue' }, WORKER))
  await time('dispatch report.list area (committee)', () => call('report.list', { scope: 'area' }, COMMITTEE))
  await time('dispatch motion.get (resident)', () => call('motion.get', { id: motion }, RESIDENT))
  await time('dispatch shift.list (resident)', () => call('shift.list', {}, RESIDENT))
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
