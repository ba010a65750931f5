/**
 * Issue 15: a write that finds the SQLite file's write lock held by another process (a second server process on the
 * same WAL file) waits for it off the event loop. busy_timeout used to sleep inside the call, so the whole process
 * stopped — reads and other requests included — until the lock came free or 5 s passed. Here a second connection
 * holds the write lock while the four write actions of the issue are called: each stays pending, the process goes
 * on serving reads meanwhile, and once the other writer commits each completes and is stored.
 */
import Database from 'better-sqlite3'
import { makeHarness, type Harness } from './support/harness'
import { addVoters, COMMITTEE, openVote } from './support/motionFixtures'
import { addVolunteers, shiftInput } from './support/shiftFixtures'

jest.setTimeout(60_000)

let h: Harness
beforeAll(async () => {
  h = await makeHarness({ engine: 'sqlite' })
})
afterAll(() => h.close())

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
}

test('the four writes wait for another writer without blocking the event loop, then complete', async () => {
  const [voter] = await addVoters(h, 1, { ownHouseholds: true })
  const [volunteer] = await addVolunteers(h, 1)
  const motionId = await openVote(h)
  const notice = await h.ok<{ id: string }>('notice.publish', { title: '停水通知', body: '明日停水', category: 'notice', important: true }, COMMITTEE)
  const shift = await h.ok<{ shifts: { id: string }[] }>('shift.create', shiftInput(), COMMITTEE)

  const other = new Database(h.location)
  other.exec('BEGIN IMMEDIATE')
  const settled: string[] = []
  const track = <T>(name: string, p: Promise<T>) => p.finally(() => settled.push(name))
  let pending: Promise<unknown>[]
  try {
    pending = [
      track('notice.confirm', h.ok('notice.confirm', { id: notice.id }, voter!.id)),
      track('report.create', h.ok('report.create', { category: 'environment', description: '楼道灯坏了一个星期' }, voter!.id)),
      track('motion.cast', h.ok('motion.cast', { id: motionId, choice: 'yes' }, voter!.id)),
      track('shift.signup', h.ok('shift.signup', { id: shift.shifts[0]!.id }, volunteer!.id)),
    ]
    // the process keeps turning: timers fire and a read action completes while the four wait for the lock
    await turns(20)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await h.ok<{ id: string }>('me.get', {}, voter!.id)).toMatchObject({ id: voter!.id })
    await turns(20)
    expect(settled).toEqual([])
  } finally {
    other.exec('COMMIT')
    other.close()
  }
  await Promise.all(pending)
  expect(settled.sort()).toEqual(['motion.cast', 'notice.confirm', 'report.create', 'shift.signup'])
  expect(await h.sql.get('SELECT confirmed_at FROM notice_reads WHERE notice_id = ? AND user_id = ?', [notice.id, voter!.id])).toEqual({
    confirmed_at: expect.any(String),
  })
  expect(await h.sql.get('SELECT count(*) AS n FROM reports WHERE reporter_id = ?', [voter!.id])).toEqual({ n: 1 })
  expect(await h.sql.get('SELECT count(*) AS n FROM motion_voters WHERE motion_id = ? AND voter_key = ?', [motionId, voter!.id])).toEqual({ n: 1 })
  expect(await h.sql.get("SELECT status FROM shift_signups WHERE shift_id = ? AND user_id = ?", [shift.shifts[0]!.id, volunteer!.id])).toEqual({
    status: 'confirmed',
  })
})
