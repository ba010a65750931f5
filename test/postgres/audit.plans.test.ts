/**
 * audit.actions on PostgreSQL reads the index, not the scope's entries (issue 19): EXPLAIN ANALYZE of its statement
 * over 6,000 entries shows no Seq Scan of audit_log and about one index row per distinct name and community (a loose
 * index scan on audit_community_action, migration 036), and the answer equals a plain SELECT DISTINCT. audit.list
 * over many communities reads each one's newest rows by index (at most a page per community), not the scope sorted.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { postgresEngines } from '../contract/engines'

jest.setTimeout(60_000)

const postgres = postgresEngines()
const ACTIONS = ['notice.publish', 'report.transition', 'household.export', 'shift.create']

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Actual Rows': number
  'Actual Loops': number
  Plans?: PlanNode[]
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)]

test('audit.actions by seeks on audit_community_action, audit.list by a per-community merge: few index rows of 6,000', async () => {
  const { pool, close } = await postgres.open()
  try {
    await pool.query(
      `INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id)
       SELECT timestamptz '2025-01-01T00:00:00Z' + i * interval '1 second', 'u_x',
         CASE i % 3 WHEN 0 THEN ($1::text[])[1 + i % 4] WHEN 1 THEN ($1::text[])[1 + i % 2] ELSE 'user.grantRole' END,
         'notice', 't_' || i, CASE i % 3 WHEN 0 THEN 'c_a' WHEN 1 THEN 'c_b' END
       FROM generate_series(0, 5999) AS i`,
      [ACTIONS],
    )
    await pool.query('ANALYZE audit_log')
    const repo = postgresRepositories(pool).audit
    const query = jest.spyOn(pool, 'query')
    const got = await repo.actions({ communityIds: ['c_a', 'c_b'], system: true })
    const sql = query.mock.calls.map(([q]) => (typeof q === 'string' ? q : '')).find((q) => q.includes('WITH RECURSIVE'))
    query.mockRestore()
    expect(sql).toBeDefined()

    const plain = async (where: string) =>
      (await pool.query<{ action: string }>(`SELECT DISTINCT action COLLATE "C" AS action FROM audit_log WHERE ${where} ORDER BY 1`)).rows.map((r) => r.action)
    expect(got).toEqual(await plain('true'))
    expect(await repo.actions({ communityIds: ['c_b'], system: false })).toEqual(await plain(`community_id = 'c_b'`))
    expect(await repo.actions({ communityIds: ['c_b', 'c_none'], system: true })).toEqual(['notice.publish', 'report.transition', 'user.grantRole'])
    expect(await repo.actions({ communityIds: [], system: false })).toEqual([])

    const out = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql!}`, [['c_a', 'c_b'], true])
    const onLog = nodes(out.rows[0]!['QUERY PLAN'][0].Plan).filter((n) => n['Relation Name'] === 'audit_log')
    expect(onLog.length).toBeGreaterThan(0)
    for (const n of onLog) {
      expect(n['Node Type']).toMatch(/^Index (Only )?Scan$/)
      expect(n['Index Name']).toBe('audit_community_action')
    }
    // each seek reads at most one index row; names: 4 in c_a, 2 in c_b, 1 system, each found by one seek, and one
    // more seek per group (c_a, c_b, system) finds none — 10 seeks, not 6,000 rows
    for (const n of onLog) expect(n['Actual Rows']).toBeLessThanOrEqual(1)
    expect(onLog.reduce((sum, n) => sum + n['Actual Loops'], 0)).toBe(4 + 2 + 1 + 3)

    // audit.list over many communities: each one's newest rows by index, merged — at most 21 per group read
    const filter = { communityIds: ['c_a', 'c_b'], system: true, actorId: null, action: null, actionPrefix: null, targetType: null, targetId: null, since: null, until: null }
    const listed = jest.spyOn(pool, 'query')
    const page = await repo.search(filter, { after: null, limit: 21 })
    const listSql = listed.mock.calls.map(([q]) => (typeof q === 'string' ? q : '')).find((q) => q.includes('CROSS JOIN LATERAL'))
    listed.mockRestore()
    expect(listSql).toBeDefined()
    const want = await pool.query<{ id: string }>('SELECT id FROM audit_log ORDER BY at DESC, id DESC LIMIT 21')
    expect(page.map((r) => String(r.id))).toEqual(want.rows.map((r) => String(r.id)))
    const listPlan = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${listSql!}`, [['c_a', 'c_b'], 21])
    const listScans = nodes(listPlan.rows[0]!['QUERY PLAN'][0].Plan).filter((n) => n['Relation Name'] === 'audit_log')
    for (const n of listScans) expect(n['Node Type']).toMatch(/^Index (Only )?Scan$/)
    expect(listScans.reduce((sum, n) => sum + n['Actual Rows'] * n['Actual Loops'], 0)).toBeLessThanOrEqual(3 * 21)
  } finally {
    await close()
  }
})
