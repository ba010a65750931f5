/**
 * Issue 15: group commit on the SQLite store (cloud/adapters/sqlite/groupCommit.ts). The four write actions called
 * together through the dispatcher share COMMITs (one fsync for many requests), each reply comes only after the
 * COMMIT that made its write durable, a request whose transaction fails in a batch loses nothing of the others and
 * leaves nothing of itself, and a COMMIT that fails fails its whole batch. What is committed is read through a new
 * connection on the file (it sees only committed rows).
 */
import Database from 'better-sqlite3'
import type { ApiReply } from '@/domain/shared/envelope'
import { groupCommitOf } from '../../cloud/adapters/sqlite/groupCommit'
import { makeHarness, type Harness } from './support/harness'
import { addVoters, COMMITTEE, openVote, type Voter } from './support/motionFixtures'
import { addVolunteers, shiftInput } from './support/shiftFixtures'

jest.setTimeout(120_000)

let h: Harness
let voters: Voter[]
beforeAll(async () => {
  h = await makeHarness({ engine: 'sqlite' })
  voters = await addVoters(h, 40, { ownHouseholds: true })
})
afterAll(() => h.close())

/** Batch sizes seen by the group's test hook; `settled` counts the replies received so far. */
function watch(beforeCommit?: (size: number) => void) {
  const seen = { sizes: [] as number[], committed: 0, settled: 0, early: false }
  groupCommitOf(h.sqlite().db).beforeCommit = (size) => {
    // every reply received so far belongs to a batch whose COMMIT returned before this one started
    if (seen.settled > seen.committed) seen.early = true
    seen.sizes.push(size)
    beforeCommit?.(size)
    seen.committed += size
  }
  const track = <T>(p: Promise<ApiReply<T>>) =>
    p.finally(() => {
      seen.settled++
    })
  return { seen, track }
}
afterEach(() => {
  groupCommitOf(h.sqlite().db).beforeCommit = null
})

/** Reads the file through a connection of its own: only what was committed. */
function committed<T>(sql: string, ...params: unknown[]): T {
  const other = new Database(h.location, { readonly: true })
  try {
    return other.prepare(sql).get(...params) as T
  } finally {
    other.close()
  }
}

test('the four writes of one turn share commits, each answered after its commit, all on the file', async () => {
  const volunteers = await addVolunteers(h, 8)
  const motionId = await openVote(h)
  const notice = await h.ok<{ id: string }>('notice.publish', { title: '停水通知', body: '明日停水', category: 'notice', important: true }, COMMITTEE)
  const shift = await h.ok<{ shifts: { id: string }[] }>('shift.create', shiftInput({ capacity: 8 }), COMMITTEE)
  const shiftId = shift.shifts[0]!.id
  const batch = voters.slice(0, 20)
  const { seen, track } = watch()

  const replies = await Promise.all([
    ...batch.map((v) => track(h.call('notice.confirm', { id: notice.id }, v.id))),
    ...batch.map((v, i) => track(h.call('report.create', { category: 'environment', description: `楼下垃圾堆了三天没人清运 ${i}` }, v.id))),
    ...batch.map((v, i) => track(h.call('motion.cast', { id: motionId, choice: i % 2 ? 'yes' : 'no' }, v.id))),
    ...volunteers.map((v) => track(h.call('shift.signup', { id: shiftId }, v.id))),
  ])

  expect(replies.filter((r) => !r.ok)).toEqual([])
  expect(seen.early).toBe(false)
  expect(seen.committed).toBe(68)
  // 68 requests made durable by a few commits, not 68 (at most 64 per batch)
  expect(seen.sizes.length).toBeLessThan(10)
  expect(Math.max(...seen.sizes)).toBeGreaterThan(1)
  const ids = batch.map((v) => v.id)
  const marks = ids.map(() => '?').join(',')
  expect(committed(`SELECT count(*) AS n FROM notice_reads WHERE notice_id = ? AND confirmed_at IS NOT NULL AND user_id IN (${marks})`, notice.id, ...ids)).toEqual({ n: 20 })
  expect(committed(`SELECT count(*) AS n FROM reports WHERE reporter_id IN (${marks})`, ...ids)).toEqual({ n: 20 })
  expect(committed('SELECT count(*) AS n FROM motion_voters WHERE motion_id = ?', motionId)).toEqual({ n: 20 })
  expect(committed("SELECT count(*) AS n FROM shift_signups WHERE shift_id = ? AND status = 'confirmed'", shiftId)).toEqual({ n: 8 })
})

test('in one batch a failing transaction loses nothing of the others and leaves nothing of itself', async () => {
  const db = h.sqlite().db
  // fails report.create after its report row was written (the event comes after it in the same transaction)
  db.exec(`CREATE TEMP TRIGGER fail_marked_report AFTER INSERT ON main.report_events
    WHEN (SELECT description FROM main.reports WHERE id = NEW.report_id) LIKE '%坏账%'
    BEGIN SELECT RAISE(ABORT, 'marked to fail'); END`)
  try {
    const batch = voters.slice(20, 26)
    const before = committed<{ reports: number; events: number }>('SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM report_events) AS events')
    const { seen, track } = watch()
    const replies = await Promise.all(
      batch.map((v, i) => track(h.call('report.create', { category: 'environment', description: i === 2 ? '坏账：这一条会失败' : `路灯不亮了 ${i}` }, v.id))),
    )
    expect(seen.sizes).toEqual([6])
    expect(seen.early).toBe(false)
    expect(replies.map((r) => r.ok)).toEqual([true, true, false, true, true, true])
    expect(committed("SELECT count(*) AS n FROM reports WHERE description LIKE '%坏账%'")).toEqual({ n: 0 })
    expect(committed('SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM report_events) AS events')).toEqual({
      reports: before.reports + 5,
      events: before.events + 5,
    })
    expect(committed('SELECT count(*) AS n FROM reports WHERE reporter_id = ?', batch[2]!.id)).toEqual({ n: 0 })
  } finally {
    db.exec('DROP TRIGGER temp.fail_marked_report')
  }
})

test('a COMMIT that fails fails every request of its batch and keeps none; the next batch goes on', async () => {
  const notice = await h.ok<{ id: string }>('notice.publish', { title: '停电通知', body: '周六停电', category: 'notice', important: true }, COMMITTEE)
  const batch = voters.slice(26, 31)
  let fail = true
  const { seen, track } = watch(() => {
    if (!fail) return
    fail = false
    throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' })
  })
  const replies = await Promise.all(batch.map((v) => track(h.call('notice.confirm', { id: notice.id }, v.id))))
  expect(seen.sizes).toEqual([5])
  expect(replies.map((r) => r.ok)).toEqual([false, false, false, false, false])
  seen.committed += 5 // failed, answered: the next batch's check counts them as settled
  expect(committed('SELECT count(*) AS n FROM notice_reads WHERE notice_id = ? AND confirmed_at IS NOT NULL', notice.id)).toEqual({ n: 0 })
  expect(h.sqlite().db.inTransaction).toBe(false)

  const again = await Promise.all(batch.map((v) => track(h.call('notice.confirm', { id: notice.id }, v.id))))
  expect(again.filter((r) => !r.ok)).toEqual([])
  expect(seen.sizes).toEqual([5, 5])
  expect(committed('SELECT count(*) AS n FROM notice_reads WHERE notice_id = ? AND confirmed_at IS NOT NULL', notice.id)).toEqual({ n: 5 })
})

test('one request id sent twice in one batch: one report, the second a replay of the first', async () => {
  const [v] = voters.slice(31, 32)
  const { seen, track } = watch()
  const input = { category: 'environment', description: '井盖松动，夜里有响声' }
  const [a, b] = await Promise.all([
    track(h.call<{ id: string }>('report.create', input, v!.id, 'req-groupcommit-twice-000001')),
    track(h.call<{ id: string }>('report.create', input, v!.id, 'req-groupcommit-twice-000001')),
  ])
  expect(seen.sizes).toEqual([2])
  expect(a.ok && b.ok && a.data.id === b.data.id).toBe(true)
  expect(committed('SELECT count(*) AS n FROM reports WHERE reporter_id = ?', v!.id)).toEqual({ n: 1 })
})

test('writes arriving while another process holds the lock wait off the event loop and then share one commit', async () => {
  const notice = await h.ok<{ id: string }>('notice.publish', { title: '开会通知', body: '周日开会', category: 'notice', important: true }, COMMITTEE)
  const batch = voters.slice(32, 40)
  const { seen, track } = watch()
  const other = new Database(h.location)
  other.exec('BEGIN IMMEDIATE')
  let pending: Promise<ApiReply<unknown>>[] = []
  try {
    pending = batch.slice(0, 4).map((v) => track(h.call('notice.confirm', { id: notice.id }, v.id)))
    await new Promise((resolve) => setTimeout(resolve, 30))
    // more arrive during the wait: they join the same batch
    pending.push(...batch.slice(4).map((v) => track(h.call('notice.confirm', { id: notice.id }, v.id))))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(seen.settled).toBe(0)
  } finally {
    other.exec('COMMIT')
    other.close()
  }
  const replies = await Promise.all(pending)
  expect(replies.filter((r) => !r.ok)).toEqual([])
  expect(seen.sizes).toEqual([8])
  expect(committed('SELECT count(*) AS n FROM notice_reads WHERE notice_id = ? AND confirmed_at IS NOT NULL', notice.id)).toEqual({ n: 8 })
})
