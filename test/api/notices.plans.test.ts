/**
 * Issue 15: notice.list's page query walks notices_feed (community, pinned, publish_at, id) and stops at the page's
 * end. With the community's name joined, SQLite's planner (after ANALYZE: a handful of communities) scanned
 * communities first, then every notice, and sorted them all in a temporary b-tree. Checked on the SQLite repository
 * built on a recording connection, for a resident's, a committee's and a second page's list.
 */
import type { NoticeListPage } from '@/domain/notices'
import type { Db } from '../../cloud/adapters/sqlite/open'
import { noticeRepo } from '../../cloud/adapters/sqlite/notices'
import { COMMITTEE, VERIFIED } from './support/demoUsers'
import { makeHarness, type Harness } from './support/harness'

jest.setTimeout(60_000)

let h: Harness
beforeAll(async () => {
  h = await makeHarness({ engine: 'sqlite' })
})
afterAll(() => h.close())

/** The statements run through `db` (as writes.plans.test.ts). */
function recording(db: Db): { db: Db; ran: { sql: string; args: unknown[] }[] } {
  const ran: { sql: string; args: unknown[] }[] = []
  const wrapped = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'prepare') {
        const v = Reflect.get(target, prop) as unknown
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
      }
      return (sql: string) => {
        const st = target.prepare(sql)
        const proxy: typeof st = new Proxy(st, {
          get(t, p) {
            const v = Reflect.get(t, p) as unknown
            if (typeof v !== 'function') return v
            // raw(true) and the like return the statement: keep recording it
            if (p !== 'all' && p !== 'get') {
              return (...args: unknown[]) => {
                const out = (v as (...a: unknown[]) => unknown).apply(t, args)
                return out === t ? proxy : out
              }
            }
            return (...args: unknown[]) => {
              ran.push({ sql, args })
              return (v as (...a: unknown[]) => unknown).apply(t, args)
            }
          },
        })
        return proxy
      }
    },
  })
  return { db: wrapped, ran }
}

test('the page query reads notices_feed in order: no scan of notices or communities, no sort', async () => {
  for (let i = 0; i < 30; i++) {
    await h.ok('notice.publish', { title: `通知 ${i}`, body: '正文'.repeat(i + 1), category: 'notice', ...(i % 3 === 0 ? { gridIds: ['g_jj_1'] } : {}) }, COMMITTEE)
    h.clock.advance(60_000)
  }
  const db = h.sqlite().db
  db.exec('ANALYZE')
  const rec = recording(db)
  Object.assign(h.store, { notices: noticeRepo(rec.db) })
  const first = await h.ok<NoticeListPage>('notice.list', { limit: 20 }, VERIFIED)
  expect(first.items).toHaveLength(20)
  await h.ok('notice.list', { limit: 20, cursor: first.nextCursor }, VERIFIED)
  await h.ok('notice.list', { limit: 20 }, COMMITTEE)

  const pages = rec.ran.filter((r) => /ORDER BY n\.pinned DESC/.test(r.sql))
  expect(pages).toHaveLength(3)
  for (const r of pages) {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[]).map((x) => x.detail)
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH n USING INDEX notices_feed \(community_id=\?\)/))
    expect(plan.filter((d) => /^SCAN (n|c)\b|TEMP B-TREE/.test(d))).toEqual([])
  }
})
