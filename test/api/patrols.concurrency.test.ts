/**
 * Signups under real contention: worker processes with their own connections to the same SQLite file, all
 * released at once (support/race.ts), so the writers truly race for the write lock.
 */
import type { ApiReply } from '@/domain/shared/envelope'
import type { MessagePage } from '@/domain/messages'
import type { ShiftDetail, SignupResult } from '@/domain/patrols'
import { makeHarness, type Harness } from './support/harness'
import { race } from './support/race'
import { addVolunteers, codes, COMMITTEE, createShift, signupRows, statusCount } from './support/shiftFixtures'

jest.setTimeout(180_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

async function twoHundredSignUp(): Promise<{ id: string; users: string[]; replies: ApiReply<SignupResult>[] }> {
  const shift = await createShift(h, { capacity: 20 })
  const users = (await addVolunteers(h, 200)).map((v) => v.id)
  const replies = (await race({
    location: h.location,
    action: 'shift.signup',
    payload: { id: shift.id },
    userId: users,
    userPerDispatch: true,
    processes: 10,
    perProcess: 20,
  })) as ApiReply<SignupResult>[]
  return { id: shift.id, users, replies }
}

test('200 volunteers sign up at once for 20 seats → 20 confirmed, 180 waitlisted at 1–180 in arrival order', async () => {
  const { id, users, replies } = await twoHundredSignUp()
  expect(codes(replies)).toEqual({ ok: 200 })
  const results = replies.map((r) => (r.ok ? r.data : null))
  expect(results.filter((r) => r?.status === 'confirmed')).toHaveLength(20)
  expect(results.filter((r) => r?.status === 'waitlisted')).toHaveLength(180)

  const rows = await signupRows(h, id)
  expect(await rows).toHaveLength(200)
  expect(new Set(rows.map((r) => r.user_id)).size).toBe(200)
  // arrival order is the commit order: the first 20 to commit hold the seats, the rest wait in that order
  expect(rows.slice(0, 20).every((r) => r.status === 'confirmed')).toBe(true)
  expect(rows.slice(20).every((r) => r.status === 'waitlisted')).toBe(true)
  // each reply's position is the rank of that volunteer's row
  const positionOf = new Map(rows.slice(20).map((r, i) => [r.user_id, i + 1]))
  replies.forEach((r, i) => {
    if (r.ok && r.data.status === 'waitlisted') expect(r.data.position).toBe(positionOf.get(users[i]!))
  })
  const positions = results.flatMap((r) => (r?.status === 'waitlisted' ? [r.position] : [])).sort((a, b) => a - b)
  expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1))

  const detail = await h.ok<ShiftDetail>('shift.get', { id }, COMMITTEE)
  expect(detail).toMatchObject({ confirmed: 20, seatsLeft: 0, waitlistLength: 180 })
  expect(detail.roster.filter((e) => e.status === 'waitlisted').map((e) => e.position)).toEqual(positions)
})

test('50 random withdrawals at once → confirmed = min(20, remaining), promoted in waitlist order, none twice', async () => {
  const { id, users } = await twoHundredSignUp()
  const before = await signupRows(h, id)
  const leaving = shuffled(users, 7).slice(0, 50)
  const replies = await race({
    location: h.location,
    action: 'shift.withdraw',
    payload: { id },
    userId: leaving,
    userPerDispatch: true,
    processes: 5,
    perProcess: 10,
  })
  expect(codes(replies)).toEqual({ ok: 50 })

  const after = await signupRows(h, id)
  const gone = new Set(leaving)
  expect(after.filter((r) => r.status === 'withdrawn').map((r) => r.user_id).sort()).toEqual([...leaving].sort())
  const remaining = 200 - 50
  expect(await statusCount(h, id, 'confirmed')).toBe(Math.min(20, remaining))
  expect(await statusCount(h, id, 'waitlisted')).toBe(remaining - 20)
  // the seats freed went to the earliest still waiting: confirmed now = the first 20 stayers in arrival order
  const stayers = before.filter((r) => !gone.has(r.user_id)).map((r) => r.user_id)
  const confirmedNow = after.filter((r) => r.status === 'confirmed').map((r) => r.user_id)
  expect(new Set(confirmedNow)).toEqual(new Set(stayers.slice(0, 20)))
  // nobody holds two rows that are not withdrawn, and each is confirmed at most once
  const active = after.filter((r) => r.status !== 'withdrawn').map((r) => r.user_id)
  expect(new Set(active).size).toBe(active.length)

  // exactly one 候补成功 message per promotion. A leaver who was waiting may be promoted a moment before their
  // own withdrawal lands (and then free the seat again), so promotions = the seats confirmed leavers freed plus
  // those promoted-then-gone: every row that was waitlisted before and has a confirmed_at now.
  const confirmedAt = new Map(
    ((await h.sql.all('SELECT user_id, confirmed_at FROM shift_signups WHERE shift_id = ?', [id])) as { user_id: string; confirmed_at: string | null }[]).map(
      (r) => [r.user_id, r.confirmed_at],
    ),
  )
  const promoted = before.filter((r) => r.status === 'waitlisted' && confirmedAt.get(r.user_id)).map((r) => r.user_id)
  const promotedThenGone = promoted.filter((u) => gone.has(u)).length
  const withdrawnSeats = before.filter((r) => gone.has(r.user_id) && r.status === 'confirmed').length
  expect(promoted).toHaveLength(withdrawnSeats + promotedThenGone)
  expect(promoted.filter((u) => !gone.has(u)).sort()).toEqual(confirmedNow.filter((u) => before.find((r) => r.user_id === u)!.status === 'waitlisted').sort())
  for (const u of promoted) {
    const page = await h.ok<MessagePage>('message.list', {}, u)
    expect(page.items.filter((m) => m.kind === 'shift' && m.target?.id === id)).toHaveLength(1)
  }
  const msgs = (await h.sql.get("SELECT count(*) AS n FROM messages WHERE kind = 'shift' AND target_id = ?", [id])) as { n: number }
  expect(msgs.n).toBe(promoted.length)
})

test('one volunteer signing up 20 times at once (4 processes) → one signup', async () => {
  const shift = await createShift(h, { capacity: 5 })
  const [v] = await addVolunteers(h, 1)
  const replies = (await race({ location: h.location, action: 'shift.signup', payload: { id: shift.id }, userId: v!.id, processes: 4, perProcess: 5 })) as ApiReply<SignupResult>[]
  expect(codes(replies)).toEqual({ ok: 20 })
  expect(replies.every((r) => r.ok && r.data.status === 'confirmed')).toBe(true)
  expect(await signupRows(h, shift.id)).toHaveLength(1)
})

test('one volunteer signing up 20 times at once in one process → one signup (waitlisted at 1 when full)', async () => {
  const shift = await createShift(h, { capacity: 1 })
  const [first, v] = await addVolunteers(h, 2)
  await h.ok('shift.signup', { id: shift.id }, first!.id)
  const replies = await Promise.all(Array.from({ length: 20 }, () => h.call<SignupResult>('shift.signup', { id: shift.id }, v!.id)))
  expect(replies.map((r) => (r.ok ? r.data : r.error))).toEqual(Array.from({ length: 20 }, () => ({ status: 'waitlisted', position: 1 })))
  expect(await signupRows(h, shift.id)).toHaveLength(2)
})

test('residents who are not volunteers are refused, also in parallel; nothing written', async () => {
  const shift = await createShift(h)
  const residents = (await addVolunteers(h, 20, { volunteer: false })).map((v) => v.id)
  const replies = await race({ location: h.location, action: 'shift.signup', payload: { id: shift.id }, userId: residents, userPerDispatch: true, processes: 4, perProcess: 5 })
  expect(codes(replies)).toEqual({ FORBIDDEN: 20 })
  expect(replies.every((r) => !r.ok && r.error.message === '报名巡逻需先成为志愿者')).toBe(true)
  expect(await signupRows(h, shift.id)).toHaveLength(0)
})
