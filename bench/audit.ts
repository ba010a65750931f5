/**
 * `npm run bench:audit` — 操作日志's reads at BENCH_AUDIT_ROWS entries (default 100,000) over 1,000 communities of
 * 40 actions, plus system rows, on SQLite: audit.actions and audit.list's first page for the city's scope (every
 * community and the system rows) and a street's (10 communities), each the repository's statement against the
 * statement it replaced (every row of the scope read: SELECT DISTINCT, and a sort of the scope). Median of 20
 * calls. Never asserted.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../cloud/adapters/sqlite/store'
import type { AuditFilter } from '../cloud/shared/ports'
import { fmt, latencies, pct } from './support/run'

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 100_000)
const COMMUNITIES = 1000
const CALLS = 20

async function median(fn: () => unknown): Promise<number> {
  return pct(await latencies(fn, CALLS, 3), 50)
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-audit-bench-'))
  const store = openSqliteStore(path.join(dir, 'audit.db'))
  try {
    const { db } = store
    const insert = db.prepare('INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id) VALUES (?, ?, ?, ?, ?, ?)')
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) {
        const c = i % 11 === 10 ? null : `c_${String((i * 7919) % COMMUNITIES).padStart(4, '0')}`
        insert.run(new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), `u_${i % 500}`, `feature${i % 10}.verb${(i >> 3) % 4}`, 'x', `t_${i}`, c)
      }
    })()
    db.exec('ANALYZE')
    const all = Array.from({ length: COMMUNITIES }, (_, c) => `c_${String(c).padStart(4, '0')}`)
    const street = all.slice(30, 40)
    const none = { actorId: null, action: null, actionPrefix: null, targetType: null, targetId: null, since: null, until: null }
    const oldActions = db.prepare('SELECT DISTINCT action FROM audit_log WHERE (community_id IN (SELECT value FROM json_each(?)) OR community_id IS NULL) ORDER BY action')
    const oldStreetActions = db.prepare('SELECT DISTINCT action FROM audit_log WHERE community_id IN (SELECT value FROM json_each(?)) ORDER BY action')
    const oldList = db.prepare('SELECT * FROM audit_log WHERE (community_id IN (SELECT value FROM json_each(?)) OR community_id IS NULL) ORDER BY at DESC, id DESC LIMIT 21')
    const oldStreetList = db.prepare('SELECT * FROM audit_log WHERE community_id IN (SELECT value FROM json_each(?)) ORDER BY at DESC, id DESC LIMIT 21')
    const city: AuditFilter = { ...none, communityIds: all, system: true }
    const st: AuditFilter = { ...none, communityIds: street, system: false }
    const rows: [string, number, number][] = [
      ['audit.actions · 市', await median(() => oldActions.all(JSON.stringify(all))), await median(() => store.audit.actions(city))],
      ['audit.actions · 街道', await median(() => oldStreetActions.all(JSON.stringify(street))), await median(() => store.audit.actions(st))],
      ['audit.list 首页 · 市', await median(() => oldList.all(JSON.stringify(all))), await median(() => store.audit.search(city, { after: null, limit: 21 }))],
      ['audit.list 首页 · 街道', await median(() => oldStreetList.all(JSON.stringify(street))), await median(() => store.audit.search(st, { after: null, limit: 21 }))],
    ]
    console.log(`bench:audit — ${fmt(ROWS)} entries, ${fmt(COMMUNITIES)} communities; median of ${CALLS} calls`)
    console.log(`| read | before (every row of the scope) ms | after ms |\n|---|---|---|\n${rows.map(([n, a, b]) => `| ${n} | ${fmt(a, 1)} | ${fmt(b, 1)} |`).join('\n')}`)
  } finally {
    store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
