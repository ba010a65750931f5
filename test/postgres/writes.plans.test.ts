/**
 * Issue 15 on PostgreSQL: the write actions' statements keep their indexes (as test/api/writes.plans.test.ts on
 * SQLite). notice.confirm, report.create (and its replay), motion.cast and shift.signup (confirmed, waitlisted) run
 * through the dispatcher over the PostgreSQL repositories on a recording pool; after ANALYZE, every statement they
 * ran is EXPLAINed with its own parameters and enable_seqscan off, so a Seq Scan left in a plan means no index can
 * serve that statement (the seeded tables are small enough for the planner to prefer a scan otherwise).
 */
import type { Pool, PoolClient } from 'pg'
import { motionRepo } from '../../cloud/adapters/postgres/motions'
import { noticeRepo } from '../../cloud/adapters/postgres/notices'
import { postgresShiftRepo } from '../../cloud/adapters/postgres/patrols'
import { reportRepo } from '../../cloud/adapters/postgres/reports'
import type { PostgresStore } from '../../cloud/adapters/postgres/store'
import { makeHarness, type Harness } from '../api/support/harness'
import { addVoters, COMMITTEE, openVote } from '../api/support/motionFixtures'
import { addVolunteers, shiftInput } from '../api/support/shiftFixtures'

jest.setTimeout(60_000)

let h: Harness
beforeAll(async () => {
  h = await makeHarness({ engine: 'postgres' })
})
afterAll(() => h.close())

type Ran = { sql: string; args: unknown[] }

/** The pool, recording every statement sent through it or through a client it lends. */
function recording(pool: Pool): { pool: Pool; ran: Ran[] } {
  const ran: Ran[] = []
  const recorder = (q: (...a: unknown[]) => unknown) => (text: unknown, values?: unknown) => {
    if (typeof text === 'string') ran.push({ sql: text, args: Array.isArray(values) ? values : [] })
    return q(text, values)
  }
  const client = (c: PoolClient) =>
    new Proxy(c, {
      get(t, p) {
        if (p === 'query') return recorder(t.query.bind(t) as (...a: unknown[]) => unknown)
        const v = Reflect.get(t, p) as unknown
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v
      },
    })
  const wrapped = new Proxy(pool, {
    get(t, p) {
      if (p === 'query') return recorder(t.query.bind(t) as (...a: unknown[]) => unknown)
      if (p === 'connect') return async () => client(await t.connect())
      const v = Reflect.get(t, p) as unknown
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v
    },
  })
  return { pool: wrapped, ran }
}

const flat = (sql: string) => sql.replace(/\s+/g, ' ').trim()

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  Plans?: PlanNode[]
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)]

test('every statement of the four writes can use an index; the ones that matter use theirs', async () => {
  const voters = await addVoters(h, 2, { ownHouseholds: true })
  const volunteers = await addVolunteers(h, 2)
  const motionId = await openVote(h)
  const notice = await h.ok<{ id: string }>('notice.publish', { title: '停水通知', body: '明日停水', category: 'notice', important: true }, COMMITTEE)
  const shift = await h.ok<{ shifts: { id: string }[] }>('shift.create', shiftInput({ capacity: 1 }), COMMITTEE)

  const pool = (h.store as unknown as PostgresStore).pool
  const rec = recording(pool)
  Object.assign(h.store, {
    notices: noticeRepo(rec.pool),
    reports: reportRepo(rec.pool),
    motions: motionRepo(rec.pool),
    shifts: postgresShiftRepo(rec.pool),
  })
  const [a, b] = voters
  await h.ok('notice.confirm', { id: notice.id }, a!.id)
  await h.ok('report.create', { category: 'environment', description: '楼道灯坏了一个星期' }, a!.id, 'plans-request-000001')
  await h.ok('report.create', { category: 'environment', description: '楼道灯坏了一个星期' }, a!.id, 'plans-request-000001') // replayed
  await h.ok('motion.cast', { id: motionId, choice: 'yes' }, b!.id)
  expect(await h.ok('shift.signup', { id: shift.shifts[0]!.id }, volunteers[0]!.id)).toMatchObject({ status: 'confirmed' })
  expect(await h.ok('shift.signup', { id: shift.shifts[0]!.id }, volunteers[1]!.id)).toMatchObject({ status: 'waitlisted' })

  const plans = new Map<string, PlanNode[]>()
  const c = await pool.connect()
  try {
    await c.query('ANALYZE')
    await c.query('BEGIN')
    await c.query('SET LOCAL enable_seqscan = off')
    for (const r of rec.ran) {
      if (!/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(r.sql)) continue
      const out = await c.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${r.sql}`, r.args)
      plans.set(flat(r.sql), nodes(out.rows[0]!['QUERY PLAN'][0].Plan))
    }
    await c.query('ROLLBACK')
  } finally {
    c.release()
  }
  const touched = (table: string) => [...plans.keys()].filter((sql) => new RegExp(`\\b(FROM|INTO|UPDATE) ${table}\\b`).test(sql))
  for (const table of ['notice_reads', 'reports', 'report_events', 'motion_voters', 'motion_ballots', 'shift_signups', 'idempotency']) {
    expect([table, touched(table).length > 0]).toEqual([table, true])
  }

  // no statement is left with a table scan when scans are discouraged: an index serves each
  const scans = [...plans].filter(([, ns]) => ns.some((n) => n['Node Type'] === 'Seq Scan')).map(([sql, ns]) => [sql, ns.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])])
  expect(scans).toEqual([])

  const indexesOf = (pattern: RegExp) => {
    const found = [...plans].filter(([sql]) => pattern.test(sql))
    expect([pattern.source, found.length > 0]).toEqual([pattern.source, true])
    return found.flatMap(([, ns]) => ns.map((n) => n['Index Name']).filter((x) => x !== undefined))
  }
  // a shift's seats: by an index led by shift_id (032 dropped shift_signups_open; the planner takes one of these)
  expect(indexesOf(/FROM shift_signups WHERE shift_id = \$1 AND status IN/)).toEqual([expect.stringMatching(/^shift_signups_(queue|once)$/)])
  // the grid's 网格员 for a new report, and each step's photos within the report's

  expect(indexesOf(/FROM user_grids ug WHERE ug\.grid_id = \$1/)).toContain('user_grids_grid')
  expect(indexesOf(/FROM report_events e .*WHERE e\.report_id = \$1/)).toEqual(expect.arrayContaining(['report_events_report', 'report_photos_report']))
})
