/**
 * Call-out answers under real contention: worker processes with their own connections to the same store, all
 * released at once (support/race.ts). The call-out is far in the future (workers run on the system clock).
 */
import type { ApiReply } from '@/domain/shared/envelope'
import type { CalloutAnswerResult } from '@/domain/callouts'
import { makeHarness, type Harness } from './support/harness'
import { codes, race } from './support/race'
import { createCallout, FAR_END, FAR_START, gridVolunteers, taskOf } from './support/calloutFixtures'
import { createShift } from './support/shiftFixtures'

jest.setTimeout(120_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

/** Every task's seat count equals its 能来 rows, and never passes the capacity. */
async function seatsConsistent(calloutId: string): Promise<void> {
  const tasks = await h.sql.all<{ id: string; taken: number; capacity: number; n: number }>(
    `SELECT t.id, t.taken, t.capacity, (SELECT count(*) FROM callout_recipients r WHERE r.task_id = t.id) AS n
     FROM callout_tasks t WHERE t.callout_id = ?`,
    [calloutId],
  )
  for (const t of tasks) {
    expect(Number(t.taken)).toBe(Number(t.n))
    expect(Number(t.taken)).toBeLessThanOrEqual(Number(t.capacity))
  }
}

test('the last seat: two people in two processes answer 能来 at once → one gets it, the other FULL', async () => {
  const [a, b] = await gridVolunteers(h, 2)
  const c = await createCallout(h, { tasks: [{ name: '沙袋搬运', capacity: 1 }] })
  const replies = (await race({
    location: h.location,
    action: 'callout.answer',
    payload: { id: c.id, answer: 'yes', taskId: taskOf(c, '沙袋搬运') },
    userId: [a!.id, b!.id],
    processes: 2,
    perProcess: 1,
  })) as ApiReply<CalloutAnswerResult>[]
  expect(codes(replies)).toEqual({ ok: 1, FULL: 1 })
  const refused = replies.find((r) => !r.ok)
  expect(!refused?.ok && refused?.error.message).toBe('这项任务的名额已满，请选择其他任务')
  const yes = await h.sql.all<{ user_id: string }>("SELECT user_id FROM callout_recipients WHERE callout_id = ? AND answer = 'yes'", [c.id])
  expect(yes).toHaveLength(1)
  await seatsConsistent(c.id)
})

test('30 people race for 3 seats → exactly 3 seated, 27 FULL, nothing half-written', async () => {
  const vs = await gridVolunteers(h, 30)
  const c = await createCallout(h, { tasks: [{ name: '集中筛查引导', capacity: 3 }] })
  const replies = await race({
    location: h.location,
    action: 'callout.answer',
    payload: { id: c.id, answer: 'yes', taskId: taskOf(c, '集中筛查引导') },
    userId: vs.map((v) => v.id),
    userPerDispatch: true,
    processes: 3,
    perProcess: 10,
  })
  expect(codes(replies)).toEqual({ ok: 3, FULL: 27 })
  await seatsConsistent(c.id)
})

test('people swapping between two tasks at once: no deadlock, seats always match the answers', async () => {
  const vs = await gridVolunteers(h, 8)
  const c = await createCallout(h, { tasks: [{ name: '甲', capacity: 8 }, { name: '乙', capacity: 8 }] })
  const [t1, t2] = [taskOf(c, '甲'), taskOf(c, '乙')]
  // half start on 甲, half on 乙; then each switches to the other at once
  for (const [i, v] of vs.entries()) await h.ok('callout.answer', { id: c.id, answer: 'yes', taskId: i % 2 ? t2 : t1 }, v.id)
  const toT2 = vs.filter((_, i) => i % 2 === 0).map((v) => v.id)
  const toT1 = vs.filter((_, i) => i % 2 === 1).map((v) => v.id)
  const [r1, r2] = await Promise.all([
    race({ location: h.location, action: 'callout.answer', payload: { id: c.id, answer: 'yes', taskId: t2 }, userId: toT2, userPerDispatch: true, processes: 2, perProcess: 2 }),
    race({ location: h.location, action: 'callout.answer', payload: { id: c.id, answer: 'yes', taskId: t1 }, userId: toT1, userPerDispatch: true, processes: 2, perProcess: 2 }),
  ])
  expect(codes([...r1, ...r2])).toEqual({ ok: 8 })
  await seatsConsistent(c.id)
})

test('能来 and an overlapping patrol signup by the same people at once: never both', async () => {
  const vs = await gridVolunteers(h, 6)
  const c = await createCallout(h, { tasks: [{ name: '巡查', capacity: 10 }] })
  const shift = await createShift(h, { startAt: FAR_START, endAt: FAR_END, capacity: 10 })
  const users = vs.map((v) => v.id)
  const [answers, signups] = await Promise.all([
    race({ location: h.location, action: 'callout.answer', payload: { id: c.id, answer: 'yes', taskId: taskOf(c, '巡查') }, userId: users, userPerDispatch: true, processes: 2, perProcess: 3 }),
    race({ location: h.location, action: 'shift.signup', payload: { id: shift.id }, userId: users, userPerDispatch: true, processes: 2, perProcess: 3 }),
  ])
  expect(codes([...answers, ...signups])).toEqual({ ok: 6, SHIFT_OVERLAP: 6 })
  const yes = await h.sql.all<{ user_id: string }>("SELECT user_id FROM callout_recipients WHERE callout_id = ? AND answer = 'yes'", [c.id])
  const signed = await h.sql.all<{ user_id: string }>("SELECT user_id FROM shift_signups WHERE shift_id = ? AND status <> 'withdrawn'", [shift.id])
  const both = yes.map((r) => r.user_id).filter((u) => signed.some((s) => s.user_id === u))
  expect(both).toEqual([])
  expect(yes.length + signed.length).toBe(6)
  await seatsConsistent(c.id)
})
