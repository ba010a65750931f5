/**
 * The call-outs feature's port contract: what the use cases rely on from CalloutRepo (cloud/callouts/ports.ts),
 * declared once and run against every engine by a thin test file (test/api/callouts.contract.test.ts: SQLite;
 * test/postgres/callouts.contract.test.ts: PostgreSQL, with SQLite as the reference). Each scenario runs on a fresh
 * store with the same fixture; its deterministic result is compared deep-equal with the reference engine's. The
 * races (Promise.all) are real concurrency between sessions on PostgreSQL; on SQLite one connection runs them in turn.
 */
import type { CalloutRecord, CalloutRepo, NewCallout, SignedUpMessages } from '../../cloud/callouts/ports'
import type { MessageRepo } from '../../cloud/messages/ports'
import type { ShiftRepo } from '../../cloud/patrols/ports'
import type { AuditEntry, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'

export interface CalloutsContractStore {
  users: UserRepo
  callouts: CalloutRepo
  messages: MessageRepo
  shifts: ShiftRepo
}

export interface CalloutsContractEngine {
  store: CalloutsContractStore
  fixtures: FixtureWriter
  close(): Promise<void>
}

export type OpenCalloutsEngine = () => Promise<CalloutsContractEngine>

const NOW = '2025-03-01T02:00:00.000Z'
const HOUR = 3600_000
const after = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()
const START = after(HOUR)
const END = after(3 * HOUR)

const IDS = { street: 'st_east', c: 'c_jj', other: 'c_hx', g1: 'g_jj_1', g2: 'g_jj_2', gx: 'g_hx_1', committee: 'u_committee' }
const VOLUNTEERS = ['u_v1', 'u_v2', 'u_v3', 'u_v4', 'u_v5', 'u_v6', 'u_v7', 'u_v8', 'u_v9', 'u_v10']

function person(id: string, name: string, p: Partial<NewUser> = {}): NewUser {
  return { id, name, phone: null, roles: ['resident'], communityId: IDS.c, gridId: IDS.g1, householdId: null, verified: true, workerGridIds: [], createdAt: NOW, ...p }
}

async function buildFixture(e: CalloutsContractEngine): Promise<void> {
  await e.fixtures.street({ id: IDS.street, name: '城东街道', seq: 0 })
  await e.fixtures.community({ id: IDS.c, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.other, streetId: IDS.street, name: '华兴社区', kind: 'community', seq: 1 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.c, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.g2, communityId: IDS.c, name: '第二网格', seq: 1, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.gx, communityId: IDS.other, name: '华兴一网格', seq: 0, boundary: null, servicePhone: null })
  await e.store.users.create(person(IDS.committee, '陈秀兰', { roles: ['committee'], gridId: null }))
  for (const [i, id] of VOLUNTEERS.entries()) await e.store.users.create(person(id, `志愿者${i + 1}`, { roles: ['resident', 'volunteer'] }))
  await e.store.users.create(person('u_r1', '王建华'))
  await e.store.users.create(person('u_r2', '李秀芳', { gridId: IDS.g2 }))
  await e.store.users.create(person('u_unverified', '张国军', { verified: false, roles: ['resident', 'volunteer'] }))
  await e.store.users.create(person('u_roster', '赵老伯', { rosterOnly: true }))
  await e.store.users.create(person('u_hx', '黄德静', { communityId: IDS.other, gridId: IDS.gx, roles: ['resident', 'volunteer'] }))
}

function callout(id: string, p: Partial<NewCallout> = {}): NewCallout {
  return {
    id,
    communityId: IDS.c,
    title: `动员 ${id}`,
    kind: 'floodWatch',
    description: '堤坝值守',
    place: '锦江堤坝',
    latitude: 29.63,
    longitude: 120.4258,
    radius: 300,
    startAt: START,
    endAt: END,
    toVolunteers: true,
    toResidents: true,
    gridIds: [IDS.g1],
    tasks: [
      { id: `${id}_t1`, name: '巡查', capacity: 3 },
      { id: `${id}_t2`, name: '搬运', capacity: 1 },
    ],
    createdBy: IDS.committee,
    createdAt: NOW,
    ...p,
  }
}

const audit = (targetId: string, action = 'callout.create'): AuditEntry => ({ at: NOW, actorId: IDS.committee, action, targetType: 'callout', targetId, communityId: IDS.c })
const key = (requestId: string, fingerprint = 'fp'): IdempotencyKey => ({ userId: IDS.committee, action: 'callout.create', requestId, fingerprint })
const text = { title: '社区动员', body: '请回复' }
const tell: (title: string) => SignedUpMessages = (title) => (c, userIds) =>
  userIds.map((userId) => ({ id: `m_${title}_${userId}`, userId, kind: 'shift', title, body: c.title, target: { type: 'callout', id: c.id }, createdAt: NOW }))
const fix = (at: string, inside = true) => ({ at, latitude: 29.63, longitude: 120.4258, accuracy: 5, coordSystem: 'gcj02' as const, distance: inside ? 10 : 900, inside })
const bare = ({ seq: _seq, ...rest }: CalloutRecord) => rest

export function calloutsContract(engine: string, open: OpenCalloutsEngine, opts: { reference?: OpenCalloutsEngine } = {}): void {
  function scenario(title: string, run: (s: CalloutsContractStore) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenCalloutsEngine) => {
        const e = await openIt()
        try {
          await buildFixture(e)
          return await run(e.store)
        } finally {
          await e.close()
        }
      }
      const result = await runOn(open)
      if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
    })
  }

  describe(`callouts port contract on ${engine}`, () => {
    scenario('create: the verified people of the grids with the audience’s role, a message each, once per key', async (s) => {
      const made = await s.callouts.create(callout('co_1'), text, audit('co_1'), key('rq-1'))
      expect(made.kind).toBe('created')
      if (made.kind !== 'created') return
      expect([...made.recipientIds].sort()).toEqual([...VOLUNTEERS, 'u_r1'].sort())
      expect(made.callout).toMatchObject({ recipients: 11, status: 'open', answeredYes: 0, gridIds: [IDS.g1] })
      expect(made.callout.tasks.map((t) => [t.name, t.capacity, t.taken, t.checkedIn])).toEqual([['巡查', 3, 0, 0], ['搬运', 1, 0, 0]])
      const inbox = await s.messages.list('u_r1', { unreadOnly: false, limit: 10, after: null })
      expect(inbox.map((m) => [m.title, m.target])).toEqual([['社区动员', { type: 'callout', id: 'co_1' }]])
      expect(await s.messages.list('u_r2', { unreadOnly: false, limit: 10, after: null })).toEqual([])
      const again = await s.callouts.create(callout('co_1b'), text, audit('co_1b'), key('rq-1'))
      expect(again).toMatchObject({ kind: 'replayed', callout: { id: 'co_1' } })
      expect(await s.callouts.create(callout('co_1c'), text, audit('co_1c'), key('rq-1', 'other'))).toEqual({ kind: 'keyReused' })
      expect(await s.callouts.get('co_1b')).toBeNull()
      const vols = await s.callouts.create(callout('co_2', { toResidents: false, gridIds: [IDS.g1, IDS.g2] }), text, audit('co_2'), null)
      expect(vols.kind === 'created' && [...vols.recipientIds].sort()).toEqual([...VOLUNTEERS].sort())
      return bare((await s.callouts.get('co_1'))!)
    })

    scenario('answer: a seat per 能来, moved on a change of task, freed by 来不了; full, no such task, not addressed', async (s) => {
      await s.callouts.create(callout('co_1'), text, audit('co_1'), null)
      const out: unknown[] = []
      out.push(await s.callouts.answer('co_1', 'u_v1', 'yes', 'co_1_t2', after(10)))
      out.push(await s.callouts.answer('co_1', 'u_v2', 'yes', 'co_1_t2', after(20)))
      out.push(await s.callouts.answer('co_1', 'u_v1', 'yes', 'co_1_t1', after(30)))
      out.push(await s.callouts.answer('co_1', 'u_v2', 'yes', 'co_1_t2', after(40)))
      out.push(await s.callouts.answer('co_1', 'u_v2', 'no', null, after(50)))
      out.push(await s.callouts.answer('co_1', 'u_v3', 'yes', 'nope', after(60)))
      out.push(await s.callouts.answer('co_1', 'u_r2', 'yes', 'co_1_t1', after(70)))
      expect(out.map((o) => (o as { kind: string }).kind)).toEqual(['answered', 'full', 'answered', 'answered', 'answered', 'noTask', 'notAddressed'])
      const c = (await s.callouts.get('co_1'))!
      expect(c.tasks.map((t) => t.taken)).toEqual([1, 0])
      expect([c.answeredYes, c.answeredNo]).toEqual([1, 1])
      expect(await s.callouts.recipient('co_1', 'u_v1')).toEqual({ calloutId: 'co_1', userId: 'u_v1', answer: 'yes', taskId: 'co_1_t1', answeredAt: after(30), checkinAt: null, checkinDistance: null })
      expect((await s.callouts.unanswered('co_1', 100)).map((p) => p.userId)).toEqual(['u_r1', 'u_v10', 'u_v3', 'u_v4', 'u_v5', 'u_v6', 'u_v7', 'u_v8', 'u_v9'])
      expect(await s.callouts.unanswered('co_1', 2)).toEqual([{ userId: 'u_r1', name: '王建华' }, { userId: 'u_v10', name: '志愿者10' }])
      return [out, bare(c)]
    })

    scenario('answer: refused against an overlapping patrol signup (and a signup against a standing 能来), after the end and once closed', async (s) => {
      await s.callouts.create(callout('co_1'), text, audit('co_1'), null)
      await s.shifts.create(
        [{ id: 'sh_1', communityId: IDS.c, seriesId: null, title: '夜巡', latitude: 29.63, longitude: 120.4258, radius: 300, meetingPoint: null, note: null, startAt: after(2 * HOUR), endAt: after(4 * HOUR), capacity: 5, createdBy: IDS.committee, createdAt: NOW }],
        audit('sh_1', 'shift.create'),
        null,
      )
      await s.shifts.signup('sh_1', 'u_v1', 'su_1', NOW)
      const clash = await s.callouts.answer('co_1', 'u_v1', 'yes', 'co_1_t1', after(10))
      expect(clash).toEqual({ kind: 'overlap', with: { id: 'sh_1', title: '夜巡', startAt: after(2 * HOUR) } })
      expect(await s.callouts.answer('co_1', 'u_v1', 'no', null, after(10))).toMatchObject({ kind: 'answered' })
      // the other way round: a patrol signup overlapping a standing 能来 is refused by the shifts' store
      await s.callouts.answer('co_1', 'u_v3', 'yes', 'co_1_t1', after(10))
      expect(await s.shifts.signup('sh_1', 'u_v3', 'su_3', after(11))).toEqual({ kind: 'calloutOverlap', with: { id: 'co_1', title: '动员 co_1', startAt: START } })
      expect(await s.callouts.answer('co_1', 'u_v2', 'yes', 'co_1_t1', END)).toEqual({ kind: 'ended' })
      await s.callouts.close('co_1', '取消', after(20), END, tell('closed'), audit('co_1', 'callout.close'))
      expect(await s.callouts.answer('co_1', 'u_v2', 'no', null, after(30))).toEqual({ kind: 'closed' })
      expect((await s.callouts.get('co_1'))!.tasks.map((t) => t.taken)).toEqual([1, 0])
      return clash
    })

    scenario('10 people at once for 3 seats → 3 answered, 7 full; the seat count matches the answers', async (s) => {
      await s.callouts.create(callout('co_1'), text, audit('co_1'), null)
      const outs = await Promise.all(VOLUNTEERS.map((u) => s.callouts.answer('co_1', u, 'yes', 'co_1_t1', after(10))))
      const kinds = outs.map((o) => o.kind).sort()
      expect(kinds).toEqual([...Array(3).fill('answered'), ...Array(7).fill('full')])
      const c = (await s.callouts.get('co_1'))!
      expect([c.tasks[0]!.taken, c.answeredYes]).toEqual([3, 3])
      return kinds
    })

    scenario('checkin: only for 能来, in the window and inside; a second is the first; not after a close', async (s) => {
      await s.callouts.create(callout('co_1'), text, audit('co_1'), null)
      expect(await s.callouts.checkin('co_1', 'u_v1', fix(START))).toEqual({ kind: 'notComing' })
      expect(await s.callouts.checkin('co_1', 'u_r2', fix(START))).toEqual({ kind: 'notAddressed' })
      await s.callouts.answer('co_1', 'u_v1', 'yes', 'co_1_t1', after(10))
      await s.callouts.answer('co_1', 'u_v2', 'yes', 'co_1_t1', after(10))
      expect(await s.callouts.checkin('co_1', 'u_v1', fix(after(30 * 60_000)))).toEqual({ kind: 'early' })
      expect(await s.callouts.checkin('co_1', 'u_v1', fix(after(50 * 60_000), false))).toEqual({ kind: 'outside' })
      const done = await s.callouts.checkin('co_1', 'u_v1', fix(after(50 * 60_000)))
      expect(done).toMatchObject({ kind: 'checkedIn', recipient: { checkinAt: after(50 * 60_000), checkinDistance: 10 } })
      expect(await s.callouts.checkin('co_1', 'u_v1', fix(after(55 * 60_000)))).toMatchObject({ kind: 'already', recipient: { checkinAt: after(50 * 60_000) } })
      expect(await s.callouts.answer('co_1', 'u_v1', 'no', null, after(56 * 60_000))).toEqual({ kind: 'checkedIn' })
      expect(await s.callouts.checkin('co_1', 'u_v2', fix(after(3 * HOUR + 1)))).toEqual({ kind: 'ended' })
      await s.callouts.close('co_1', '结束', after(2 * HOUR), after(2 * HOUR), tell('closed'), audit('co_1', 'callout.close'))
      expect(await s.callouts.checkin('co_1', 'u_v2', fix(after(2 * HOUR)))).toEqual({ kind: 'closed' })
      expect((await s.callouts.get('co_1'))!.tasks[0]).toMatchObject({ taken: 2, checkedIn: 1 })
      expect(await s.callouts.attendance('u_v1')).toEqual([{ calloutId: 'co_1', title: '动员 co_1', startAt: START, endAt: after(2 * HOUR), status: 'closed', checkinAt: after(50 * 60_000) }])
      expect(await s.callouts.attendance('u_v2')).toEqual([])
      return done
    })

    scenario('close and extend: once, only while open and not ended; those signed up are told in the same step', async (s) => {
      await s.callouts.create(callout('co_1'), text, audit('co_1'), null)
      await s.callouts.answer('co_1', 'u_v1', 'yes', 'co_1_t1', after(10))
      await s.callouts.answer('co_1', 'u_v2', 'no', null, after(10))
      expect(await s.callouts.extend('co_1', after(2 * HOUR), after(20), after(25 * HOUR), tell('ext'), audit('co_1', 'callout.extend'))).toEqual({ kind: 'notLater' })
      expect(await s.callouts.extend('co_1', after(26 * HOUR), after(20), after(25 * HOUR), tell('ext'), audit('co_1', 'callout.extend'))).toEqual({ kind: 'tooLong' })
      const ext = await s.callouts.extend('co_1', after(4 * HOUR), after(20), after(25 * HOUR), tell('ext'), audit('co_1', 'callout.extend'))
      expect(ext).toMatchObject({ kind: 'extended', callout: { endAt: after(4 * HOUR) } })
      expect(ext.kind === 'extended' && ext.messages.map((m) => m.userId)).toEqual(['u_v1'])
      expect((await s.messages.list('u_v1', { unreadOnly: false, limit: 10, after: null })).map((m) => m.title)).toContain('ext')
      expect(await s.callouts.extend('co_1', after(5 * HOUR), after(4 * HOUR), after(25 * HOUR), tell('ext'), audit('co_1', 'callout.extend'))).toEqual({ kind: 'ended' })
      const closed = await s.callouts.close('co_1', '雨停', after(2 * HOUR), after(2 * HOUR), tell('closed'), audit('co_1', 'callout.close'))
      expect(closed).toMatchObject({ kind: 'closed', callout: { status: 'closed', closedAt: after(2 * HOUR), closeReason: '雨停', endAt: after(2 * HOUR) } })
      expect(await s.callouts.close('co_1', '再', after(2 * HOUR), after(2 * HOUR), tell('closed'), audit('co_1', 'callout.close'))).toEqual({ kind: 'alreadyClosed' })
      expect(await s.callouts.extend('co_1', after(5 * HOUR), after(2 * HOUR), after(25 * HOUR), tell('ext'), audit('co_1', 'callout.extend'))).toEqual({ kind: 'closed' })
      expect(await s.callouts.close('nope', '再', NOW, NOW, tell('closed'), audit('nope', 'callout.close'))).toEqual({ kind: 'notFound' })
      return bare((await s.callouts.get('co_1'))!)
    })

    scenario('list: open first, latest start first; by community or by recipient; the cursor follows', async (s) => {
      await s.callouts.create(callout('co_a', { startAt: after(HOUR), endAt: after(2 * HOUR) }), text, audit('co_a'), null)
      await s.callouts.create(callout('co_b', { startAt: after(5 * HOUR), endAt: after(6 * HOUR) }), text, audit('co_b'), null)
      await s.callouts.create(callout('co_c', { startAt: after(3 * HOUR), endAt: after(4 * HOUR), gridIds: [IDS.g2] }), text, audit('co_c'), null)
      await s.callouts.close('co_b', '取消', NOW, after(6 * HOUR), tell('closed'), audit('co_b', 'callout.close'))
      const q = { communityId: IDS.c, recipientId: null, now: NOW, after: null, limit: 10 }
      const all = await s.callouts.list(q)
      expect(all.map((c) => [c.id, c.rank])).toEqual([['co_c', 0], ['co_a', 0], ['co_b', 1]])
      const first = await s.callouts.list({ ...q, limit: 2 })
      const last = first[1]!
      const rest = await s.callouts.list({ ...q, after: { rank: last.rank, startAt: last.startAt, seq: last.seq } })
      expect(rest.map((c) => c.id)).toEqual(['co_b'])
      const mine = await s.callouts.list({ ...q, communityId: null, recipientId: 'u_v1' })
      expect(mine.map((c) => c.id)).toEqual(['co_a', 'co_b'])
      const later = await s.callouts.list({ ...q, now: after(2 * HOUR) })
      expect(later.map((c) => [c.id, c.rank])).toEqual([['co_c', 0], ['co_b', 1], ['co_a', 1]])
      return all.map(({ seq: _s, ...c }) => c)
    })
  })
}
