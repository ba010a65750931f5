/**
 * Issue 15: the write actions' statements keep their indexes. Each of notice.confirm, report.create, motion.cast
 * and shift.signup (confirmed and waitlisted) runs through the dispatcher over the SQLite repositories built on a
 * recording connection; every statement it ran is checked with EXPLAIN QUERY PLAN: no full SCAN of a table, and
 * the statements that matter read the index named here. Migration 032 dropped shift_signups_open because no plan
 * read it and added user_grids_grid: if a change makes one of these statements lose its index, this fails.
 */
import type { Db } from '../../cloud/adapters/sqlite/open'
import { motionRepo } from '../../cloud/adapters/sqlite/motions'
import { noticeRepo } from '../../cloud/adapters/sqlite/notices'
import { shiftRepo } from '../../cloud/adapters/sqlite/patrols'
import { reportRepo } from '../../cloud/adapters/sqlite/reports'
import { makeHarness, type Harness } from './support/harness'
import { addVoters, COMMITTEE, openVote } from './support/motionFixtures'
import { addVolunteers, shiftInput } from './support/shiftFixtures'

jest.setTimeout(60_000)

let h: Harness
beforeAll(async () => {
  // the SQLite repositories' query plans: on SQLite whatever the run's engine
  h = await makeHarness({ engine: 'sqlite' })
})
afterAll(() => h.close())

type Ran = { sql: string; args: unknown[] }

/** The store's database, recording every statement run through it (with its arguments), as patrols.settle.test.ts. */
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

const flat = (sql: string) => sql.replace(/\s+/g, ' ').trim()

test('every statement of the four writes reads an index; the ones that matter read theirs', async () => {
  const voters = await addVoters(h, 2, { ownHouseholds: true })
  const volunteers = await addVolunteers(h, 2)
  const motionId = await openVote(h)
  const notice = await h.ok<{ id: string }>('notice.publish', { title: '停水通知', body: '明日停水', category: 'notice', important: true }, COMMITTEE)
  const shift = await h.ok<{ shifts: { id: string }[] }>('shift.create', shiftInput({ capacity: 1 }), COMMITTEE)

  const db = h.sqlite().db
  const rec = recording(db)
  Object.assign(h.store, { notices: noticeRepo(rec.db), reports: reportRepo(rec.db), motions: motionRepo(rec.db), shifts: shiftRepo(rec.db) })
  const [a, b] = voters
  await h.ok('notice.confirm', { id: notice.id }, a!.id)
  const before = rec.ran.length
  await h.ok('report.create', { category: 'environment', description: '楼道灯坏了一个星期' }, a!.id, 'plans-request-000001')
  // read once (issue 15): the new report's row is loaded one time for the reply, its timeline once
  const created = rec.ran.slice(before).map((r) => flat(r.sql))
  expect(created.filter((sql) => /FROM reports r .*WHERE r\.id = \?/.test(sql))).toHaveLength(1)
  expect(created.filter((sql) => /FROM report_events e /.test(sql))).toHaveLength(1)
  await h.ok('report.create', { category: 'environment', description: '楼道灯坏了一个星期' }, a!.id, 'plans-request-000001') // replayed
  await h.ok('motion.cast', { id: motionId, choice: 'yes' }, b!.id)
  expect(await h.ok('shift.signup', { id: shift.shifts[0]!.id }, volunteers[0]!.id)).toMatchObject({ status: 'confirmed' })
  expect(await h.ok('shift.signup', { id: shift.shifts[0]!.id }, volunteers[1]!.id)).toMatchObject({ status: 'waitlisted' })

  const plans = new Map<string, string[]>()
  for (const r of rec.ran) {
    if (/^\s*(PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(r.sql)) continue
    plans.set(flat(r.sql), (db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[]).map((x) => x.detail))
  }
  const touched = (table: string) => [...plans.keys()].filter((sql) => new RegExp(`\\b(FROM|INTO|UPDATE) ${table}\\b`).test(sql))
  for (const table of ['notice_reads', 'reports', 'report_events', 'motion_voters', 'motion_ballots', 'shift_signups', 'idempotency']) {
    expect([table, touched(table).length > 0]).toEqual([table, true])
  }

  // no statement walks a whole table (an INSERT's plan lists the child tables' foreign-key lookups, which SQLite
  // runs only while a deferred violation is outstanding: not these)
  const scans = [...plans].filter(([sql, plan]) => !sql.startsWith('INSERT') && plan.some((d) => /^SCAN (?!CONSTANT|\()/.test(d)))
  expect(scans).toEqual([])

  const planOf = (pattern: RegExp) => {
    const found = [...plans].filter(([sql]) => pattern.test(sql))
    expect([pattern.source, found.length > 0]).toEqual([pattern.source, true])
    return found.flatMap(([, plan]) => plan).join(' | ')
  }
  // a shift's seats: counted in shift_signups_queue (shift_id, status, seq), the index 032 left to do it
  expect(planOf(/count\(\*\) AS n FROM shift_signups WHERE shift_id = \?/)).toMatch(/USING COVERING INDEX shift_signups_queue/)
  // one active signup per volunteer and shift: the partial unique index
  expect(planOf(/FROM shift_signups su .*WHERE su\.shift_id = \? AND su\.user_id = \?/)).toMatch(/INDEX shift_signups_once/)
  // the retry key, the confirmation and the ballot: primary keys
  expect(planOf(/FROM idempotency WHERE/)).toMatch(/PRIMARY KEY/)
  expect(planOf(/FROM notices .*WHERE/)).toMatch(/sqlite_autoindex_notices_1|PRIMARY KEY/)
  // the new report read back: by its id (the unique index), its timeline by report_events_report
  expect(planOf(/FROM reports r .*WHERE r\.id = \?/)).toMatch(/sqlite_autoindex_reports_1/)
  expect(planOf(/FROM report_events e .*WHERE e\.report_id = \?/)).toMatch(/INDEX report_events_report/)
  // each step's photos within the report's (report_photos_report: report_id, event_id, seq), not the whole index
  expect(planOf(/FROM report_events e .*WHERE e\.report_id = \?/)).toMatch(/SEARCH p USING (COVERING )?INDEX report_photos_report \(report_id=\? AND event_id=\?\)/)
  // the grid's 网格员 for a new report: by grid (user_grids_grid, migration 032)
  expect(planOf(/FROM user_grids ug WHERE ug\.grid_id = \?/)).toMatch(/INDEX user_grids_grid/)
})
