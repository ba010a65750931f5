/**
 * Concurrency, for real: several PROCESSES, each with its own better-sqlite3 connection to the same
 * database file, fire the same action at the same moment. (Within one process better-sqlite3 runs every
 * statement synchronously on one connection, so a single-process test could not show a race between
 * statements; across processes the writers really contend for SQLite's write lock, and any
 * read-then-write gap in the use case or the adapter would let two of them both "win".)
 *
 * What it proves: notice.confirm is one atomic upsert (first confirmedAt kept by COALESCE), and
 * notice.publish with a requestId is one row (the idempotency check and insert share one IMMEDIATE
 * transaction). The clock is the real one in the workers, so a last-writer-wins bug shows as different
 * confirmedAt values.
 */
import { makeHarness, type Harness } from './support/harness'
import { race } from './support/race'

jest.setTimeout(60_000)

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
  // the workers use the real clock: give them a notice that is live now
  await h.sql.run("UPDATE notices SET publish_at = '2000-01-01T00:00:00.000Z', expire_at = NULL WHERE id = 'n_water_cut'")
})
afterAll(() => h.close())

test('50 parallel notice.confirm by one user (5 processes × 10) → one row, one confirmedAt', async () => {
  const replies = await race({
    location: h.location,
    action: 'notice.confirm',
    payload: { id: 'n_water_cut' },
    userId: 'u_resident_jj1',
    processes: 5,
    perProcess: 10,
  })
  expect(replies).toHaveLength(50)
  const times = new Set(replies.map((r) => (r.ok ? (r.data as { confirmedAt: string }).confirmedAt : `error ${JSON.stringify(r)}`)))
  expect([...times]).toHaveLength(1)
  const rows = (await h.sql.all("SELECT confirmed_at FROM notice_reads WHERE notice_id = 'n_water_cut' AND user_id = 'u_resident_jj1'")) as { confirmed_at: string }[]
  expect(rows).toEqual([{ confirmed_at: [...times][0] }])
})

test('the same publish with one requestId from 4 processes × 5 → one notice, one audit entry, same id everywhere', async () => {
  const before = await h.counts()
  const replies = await race({
    location: h.location,
    action: 'notice.publish',
    payload: { title: '并发发布', body: '只应出现一次', category: 'notice', gridIds: ['g_jj_1'] },
    userId: 'u_committee_jj',
    requestId: 'race-publish-0001',
    processes: 4,
    perProcess: 5,
  })
  expect(replies.every((r) => r.ok)).toBe(true)
  const ids = new Set(replies.map((r) => (r.ok ? (r.data as { id: string }).id : '')))
  expect(ids.size).toBe(1)
  const after = await h.counts()
  expect(after.notices).toBe(before.notices + 1)
  expect(after.notice_grids).toBe(before.notice_grids + 1)
  expect(after.audit_log).toBe(before.audit_log + 1)
  expect(after.idempotency).toBe(before.idempotency + 1)
})
