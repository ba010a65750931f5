/**
 * audit.actions on SQLite reads the index, not the scope's entries (issue 19): the statement is a loose index scan
 * on audit_community_action (migration 036) — every access to audit_log a SEARCH of that index, none a SCAN — and
 * its answer equals a plain SELECT DISTINCT over thousands of entries, with the system rows only when in scope.
 * audit.list over many communities merges each community's newest rows, read from audit_community_at.
 */
import { auditRepo } from '../../cloud/adapters/sqlite/audit'
import { openSqliteEngine } from '../contract/engines'

jest.setTimeout(60_000)

const ACTIONS = ['notice.publish', 'report.transition', 'household.export', 'shift.create']

test('distinct actions by seeks on audit_community_action, equal to SELECT DISTINCT over 6,000 entries', async () => {
  const { store, close } = await openSqliteEngine()
  try {
    const { db } = store
    const insert = db.prepare('INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id) VALUES (?, ?, ?, ?, ?, ?)')
    db.transaction(() => {
      for (let i = 0; i < 6000; i++) {
        const community = i % 3 === 0 ? 'c_a' : i % 3 === 1 ? 'c_b' : null
        // c_a has all four names, c_b the first two, the system rows one
        const action = community === 'c_a' ? ACTIONS[i % 4]! : community === 'c_b' ? ACTIONS[i % 2]! : 'user.grantRole'
        insert.run(new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(), 'u_x', action, 'notice', `t_${i}`, community)
      }
    })()
    db.exec('ANALYZE')
    const prepare = jest.spyOn(db, 'prepare')
    const repo = auditRepo(db)
    const sql = prepare.mock.calls.map(([s]) => String(s)).find((s) => s.includes('WITH RECURSIVE'))
    prepare.mockRestore()
    expect(sql).toBeDefined()

    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql!}`).all('["c_a","c_b"]', 1) as { detail: string }[]
    const onLog = plan.map((p) => p.detail).filter((d) => /\baudit_log\b/.test(d))
    expect(onLog.length).toBeGreaterThan(0)
    for (const d of onLog) expect(d).toMatch(/^SEARCH audit_log USING COVERING INDEX audit_community_action \(community_id/)

    const plain = (where: string, ...p: unknown[]) =>
      (db.prepare(`SELECT DISTINCT action FROM audit_log WHERE ${where} ORDER BY action`).all(...p) as { action: string }[]).map((r) => r.action)
    expect(await repo.actions({ communityIds: ['c_a'], system: false })).toEqual(plain("community_id = 'c_a'"))
    expect(await repo.actions({ communityIds: ['c_b'], system: false })).toEqual(['notice.publish', 'report.transition'])
    expect(await repo.actions({ communityIds: ['c_a', 'c_b'], system: true })).toEqual(plain('1 = 1'))
    expect(await repo.actions({ communityIds: ['c_b', 'c_none'], system: true })).toEqual(['notice.publish', 'report.transition', 'user.grantRole'])
    expect(await repo.actions({ communityIds: [], system: false })).toEqual([])
  } finally {
    await close()
  }
})

test('a list over many communities reads each one\'s newest rows by index and merges them, equal to a plain sort', async () => {
  const { store, close } = await openSqliteEngine()
  try {
    const { db } = store
    const insert = db.prepare('INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id) VALUES (?, ?, ?, ?, ?, ?)')
    db.transaction(() => {
      for (let i = 0; i < 6000; i++) {
        const community = i % 3 === 0 ? 'c_a' : i % 3 === 1 ? 'c_b' : null
        // times repeat (every 7 rows share one) so that the (at, id) order matters
        insert.run(new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 7) * 1000).toISOString(), 'u_x', ACTIONS[i % 4]!, 'notice', `t_${i}`, community)
      }
    })()
    db.exec('ANALYZE')
    const prepare = jest.spyOn(db, 'prepare')
    const repo = auditRepo(db)
    const base = { actorId: null, action: null, actionPrefix: null, targetType: null, targetId: null, since: null, until: null }
    const scope = { ...base, communityIds: ['c_a', 'c_b'], system: true }
    const page = await repo.search(scope, { after: null, limit: 21 })
    const sql = prepare.mock.calls.map(([s]) => String(s)).find((s) => s.includes('json_each(?) c JOIN audit_log'))
    prepare.mockRestore()
    expect(sql).toBeDefined()
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql!}`).all('["c_a","c_b"]', 21, 21, 21) as { detail: string }[]).map((p) => p.detail)
    for (const d of plan.filter((x) => /\baudit_log\b/.test(x))) expect(d).toMatch(/^SEARCH audit_log USING (INTEGER PRIMARY KEY|(COVERING )?INDEX audit_community_at)/)

    const plain = (where: string, limit: number, ...p: unknown[]) =>
      (db.prepare(`SELECT id FROM audit_log WHERE ${where} ORDER BY at DESC, id DESC LIMIT ${limit}`).all(...p) as { id: number }[]).map((r) => r.id)
    expect(page.map((r) => r.id)).toEqual(plain('1 = 1', 21))
    // a keyset page inside a run of equal times, and a filter
    const last = page[page.length - 1]!
    const next = await repo.search(scope, { after: [last.at, last.id], limit: 21 })
    expect(next.map((r) => r.id)).toEqual(plain('(at < ? OR (at = ? AND id < ?))', 21, last.at, last.at, last.id))
    const two = await repo.search({ ...scope, system: false, action: 'shift.create' }, { after: null, limit: 10 })
    expect(two.map((r) => r.id)).toEqual(plain("community_id IN ('c_a', 'c_b') AND action = 'shift.create'", 10))
  } finally {
    await close()
  }
})
