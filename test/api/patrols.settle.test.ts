/**
 * The lazy time rule (forgotten check-outs, no-shows) runs before every patrol action, so it must cost what is
 * due, not the patrol history: every statement it runs is checked with EXPLAIN QUERY PLAN on a database holding
 * years of settled shifts (no full SCAN of shifts or shift_signups), and the work is done once per shift.
 */
import type { Db } from '../../cloud/adapters/sqlite/open'
import { shiftRepo } from '../../cloud/adapters/sqlite/patrols'
import { makeHarness, NOW, type Harness } from './support/harness'
import { addVolunteers, CENTRE, createShift } from './support/shiftFixtures'

const HOUR = 3600_000
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
beforeEach(async () => {
  // the SQLite repository's query plans: on SQLite whatever the run's engine
  h = await makeHarness({ engine: 'sqlite' })
})
afterEach(() => h.close())

type Ran = { sql: string; args: unknown[] }

/** The store's database, recording every statement run through it (with its arguments). */
function recording(db: Db): { db: Db; ran: Ran[] } {
  const ran: Ran[] = []
  const wrapped = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          const st = target.prepare(sql)
          return new Proxy(st, {
            get(t, p) {
              const v = Reflect.get(t, p) as unknown
              if (typeof v !== 'function') return v
              if (p === 'run' || p === 'get' || p === 'all' || p === 'iterate') {
                return (...args: unknown[]) => {
                  ran.push({ sql, args })
                  return (v as (...a: unknown[]) => unknown).apply(t, args)
                }
              }
              return (v as (...a: unknown[]) => unknown).bind(t)
            },
          })
        }
      }
      const v = Reflect.get(target, prop) as unknown
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
    },
  })
  return { db: wrapped, ran }
}

const plans = (db: Db, ran: Ran[]) =>
  ran.map((r) => ({ sql: r.sql.replace(/\s+/g, ' ').trim(), plan: (db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[]).map((x) => x.detail) }))

const fullScans = (p: ReturnType<typeof plans>) => p.filter((x) => x.plan.some((d) => /^SCAN (?!CONSTANT)/.test(d)))

/** `n` past shifts, each with one checked-out and one no-show signup, inserted straight (the history). */
async function history(n: number): Promise<void> {
  const [a, b] = await addVolunteers(h, 2)
  const db = h.sqlite().db
  const shift = db.prepare(`INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, created_by, created_at)
    VALUES (?, 'c_jinjiang', '历史巡逻', ?, ?, 300, ?, ?, 5, 'u_committee_jj', ?)`)
  const signup = db.prepare(`INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at, checkin_at, checkin_coord,
    checkout_at, hours_tenths) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const start = at(-(i + 2) * 24 * HOUR)
      const end = at(-(i + 2) * 24 * HOUR + 2 * HOUR)
      shift.run(`old_${i}`, CENTRE.latitude, CENTRE.longitude, start, end, start)
      signup.run(`old_${i}_a`, `old_${i}`, a!.id, 'checkedOut', start, start, start, 'gcj02', end, 20)
      signup.run(`old_${i}_b`, `old_${i}`, b!.id, 'confirmed', start, start, null, null, null, null)
    }
  })()
}

test('nothing due: every statement the settle runs is an index search, not a scan of the history', async () => {
  await history(2000)
  // the first settle after the history closes it (2000 no-shows) …
  expect(await h.store.shifts.settle(NOW)).toBe(2000)
  expect((h.sqlite().db.prepare("SELECT count(*) AS n FROM shift_signups WHERE status = 'noShow'").get() as { n: number }).n).toBe(2000)
  // … and from then on a settle with nothing due reads no history
  const rec = recording(h.sqlite().db)
  const repo = shiftRepo(rec.db)
  expect(await repo.settle(at(HOUR))).toBe(0)
  expect(rec.ran.length).toBeGreaterThan(0)
  const p = plans(h.sqlite().db, rec.ran)
  expect(fullScans(p)).toEqual([])
  expect(p.flatMap((x) => x.plan)).toContainEqual(expect.stringMatching(/USING (COVERING )?INDEX shifts_unsettled/))
})

test('something due: closed once, by index, and the shift marked settled', async () => {
  await history(500)
  await h.store.shifts.settle(NOW)
  const s = await createShift(h, { startAt: at(HOUR), endAt: at(3 * HOUR) })
  const [came, never] = await addVolunteers(h, 2)
  for (const v of [came!, never!]) await h.ok('shift.signup', { id: s.id }, v.id)
  h.clock.set(at(HOUR))
  await h.ok('shift.checkin', { id: s.id, ...CENTRE, accuracy: 5 }, came!.id)

  const rec = recording(h.sqlite().db)
  const repo = shiftRepo(rec.db)
  expect(await repo.settle(at(3 * HOUR))).toBe(2)
  expect(fullScans(plans(h.sqlite().db, rec.ran))).toEqual([])
  const rows = h.sqlite().db.prepare('SELECT user_id, status, auto_checkout FROM shift_signups WHERE shift_id = ? ORDER BY seq').all(s.id)
  expect(rows).toEqual([
    { user_id: came!.id, status: 'checkedOut', auto_checkout: 1 },
    { user_id: never!.id, status: 'noShow', auto_checkout: 0 },
  ])
  expect(h.sqlite().db.prepare('SELECT settled_at FROM shifts WHERE id = ?').get(s.id)).toEqual({ settled_at: at(3 * HOUR) })
  expect(await repo.settle(at(4 * HOUR))).toBe(0)
})
