/**
 * The patrols feature's port contract: what the use cases rely on from ShiftRepo (cloud/patrols/ports.ts), declared
 * once and run against every engine by a thin test file (test/api/patrols.contract.test.ts: SQLite;
 * test/postgres/patrols.contract.test.ts: PostgreSQL, with SQLite as the reference), in the shape of
 * notices.contract.ts: each scenario on a fresh store with the same fixture, its deterministic result compared
 * deep-equal with the reference engine's when one is given.
 *
 * `addLog` (a patrol log, with its 发现隐患 report in the same transaction, made with report.create's own steps) is
 * here with the reports and files repositories beside the shift store; `logs` and `priorLog` are also read over
 * rows written by engine.exec (shift_logs and idempotency rows, as addLog leaves them).
 *
 * The races (Promise.all) are real concurrency between sessions on PostgreSQL (a pool of more connections than
 * the calls of a race, connected beforehand); on SQLite one connection runs them one after another, and the
 * multi-process race suite (test/api/patrols.concurrency.test.ts) proves the same there. A result that depends on
 * how a race interleaved (which of 40 volunteers got the 5 seats) is asserted, not compared across engines.
 */
import type { FileRecord, FileRepo } from '../../cloud/files/ports'
import type { MessageRecord, MessageRepo, NewMessage } from '../../cloud/messages/ports'
import type { CheckinFix, LogReport, NewShift, ShiftListQuery, ShiftRecord, ShiftRepo, SignupRecord } from '../../cloud/patrols/ports'
import type { NewReport, ReportRepo } from '../../cloud/reports/ports'
import type { AuditEntry, AuditRepo, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'

export interface PatrolsContractStore {
  users: UserRepo
  audit: AuditRepo
  messages: MessageRepo
  shifts: ShiftRepo
  /** addLog's report and its photos */
  reports: ReportRepo
  files: FileRepo
}

export interface PatrolsContractEngine {
  store: PatrolsContractStore
  fixtures: FixtureWriter
  /** runs one statement of the rows no method of this contract writes (shift logs, a log's idempotency row); $1 … parameters */
  exec(sql: string, values: unknown[]): Promise<void>
  close(): Promise<void>
}

export type OpenPatrolsEngine = () => Promise<PatrolsContractEngine>

export const NOW = '2025-03-01T02:00:00.000Z'
const HOUR = 3600_000
const at = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString()
const minutes = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString()

export const IDS = {
  street: 'st_east',
  community: 'c_jj',
  other: 'c_hx',
  g1: 'g_jj_1',
  committee: 'u_committee',
  alice: 'u_alice',
  bob: 'u_bob',
  carol: 'u_carol',
  dave: 'u_dave',
  erin: 'u_erin',
}

const CREATED = '2025-01-01T00:00:00.000Z'

function person(id: string, name: string, communityId = IDS.community): NewUser {
  return {
    id,
    name,
    phone: null,
    roles: ['resident', 'volunteer'],
    communityId,
    gridId: communityId === IDS.community ? IDS.g1 : null,
    householdId: null,
    verified: true,
    workerGridIds: [],
    createdAt: CREATED,
  }
}

async function buildFixture(e: PatrolsContractEngine): Promise<void> {
  await e.fixtures.street({ id: IDS.street, name: '城东街道', seq: 0 })
  await e.fixtures.community({ id: IDS.community, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.other, streetId: IDS.street, name: '华兴社区', kind: 'community', seq: 1 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.community, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.store.users.create({ ...person(IDS.committee, '社区干部'), roles: ['committee'] })
  await e.store.users.create(person(IDS.alice, '陈一'))
  await e.store.users.create(person(IDS.bob, '陈二'))
  await e.store.users.create(person(IDS.carol, '陈三'))
  await e.store.users.create(person(IDS.dave, '陈四'))
  await e.store.users.create(person(IDS.erin, '陈五'))
}

/** `n` volunteers u_v0000 … (names 巡逻0000 …), made one after the other. */
async function volunteers(s: PatrolsContractStore, n: number): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const id = `u_v${String(i).padStart(4, '0')}`
    await s.users.create(person(id, `巡逻${String(i).padStart(4, '0')}`))
    out.push(id)
  }
  return out
}

// ---------- helpers ----------

function shift(id: string, startHours: number, p: Partial<NewShift> = {}): NewShift {
  return {
    id,
    communityId: IDS.community,
    seriesId: null,
    title: `夜巡 ${id}`,
    latitude: 30.657,
    longitude: 104.066,
    radius: 300,
    meetingPoint: '社区服务中心门口',
    note: null,
    startAt: at(startHours),
    endAt: at(startHours + 2),
    capacity: 3,
    createdBy: IDS.committee,
    createdAt: NOW,
    ...p,
  }
}

function audit(targetId: string, action = 'shift.create'): AuditEntry {
  return { at: NOW, actorId: IDS.committee, action, targetType: 'shift', targetId, communityId: IDS.community, detail: { n: 1 } }
}

async function make(s: PatrolsContractStore, ...shifts: NewShift[]): Promise<ShiftRecord[]> {
  const out = await s.shifts.create(shifts, audit(shifts[0].id), null)
  if (out.kind !== 'created') throw new Error(`create: ${out.kind}`)
  return out.shifts
}

/** message ids in the order made, the same on both engines */
function idMaker(prefix = 'm') {
  let n = 0
  return () => `${prefix}_${String(++n).padStart(4, '0')}`
}

function promotion(newId: () => string) {
  return (sh: ShiftRecord, userId: string): NewMessage => ({
    id: newId(),
    userId,
    kind: 'shift',
    title: '候补转正',
    body: `${sh.title}：你已从候补转为正式报名`,
    target: { type: 'shift', id: sh.id },
    createdAt: NOW,
  })
}

function cancelMessages(newId: () => string) {
  return (sh: ShiftRecord, userIds: string[]): NewMessage[] =>
    userIds.map((userId) => ({ id: newId(), userId, kind: 'shift', title: '巡逻取消', body: `${sh.title}：${sh.cancelReason}`, target: { type: 'shift', id: sh.id }, createdAt: NOW }))
}

function fix(atIso: string, p: Partial<CheckinFix> = {}): CheckinFix {
  return { at: atIso, latitude: 30.6571, longitude: 104.0661, accuracy: 20, coordSystem: 'gcj02', distance: 15, inside: true, ...p }
}

/** a 发现隐患 report by alice in the patrol's grid */
function hazard(id: string, createdAt: string): NewReport {
  return {
    id,
    communityId: IDS.community,
    streetId: IDS.street,
    districtId: null,
    cityId: null,
    gridId: IDS.g1,
    reporterId: IDS.alice,
    category: 'safety_hazard',
    description: `巡逻发现隐患 ${id}`,
    latitude: 30.657,
    longitude: 104.066,
    address: null,
    coordSource: 'gcj02',
    anonymous: false,
    visibility: 'public',
    moderation: 'clean',
    assigneeId: null,
    acceptBy: at(24),
    resolveBy: at(24 * 7),
    createdAt,
  }
}

function photo(id: string, ownerId: string): FileRecord {
  return { id, ownerId, mime: 'image/jpeg', bytes: 1000, width: 640, height: 480, sha256: `sha-${id}`, path: `2025/03/${id}.jpg`, createdAt: NOW, check: 'none' }
}

/** a record without its seq (a number each engine draws; races and rollbacks may leave gaps on PostgreSQL) */
const bare = <T extends { seq: number }>({ seq: _seq, ...rest }: T) => rest
const bareMessage = ({ seq: _seq, ...rest }: MessageRecord) => rest

async function listAll(s: PatrolsContractStore, q: Omit<ShiftListQuery, 'after' | 'limit'>, limit: number): Promise<ShiftRecord[]> {
  const out: ShiftRecord[] = []
  let after: ShiftListQuery['after'] = null
  for (let i = 0; i < 50; i++) {
    const page: ShiftRecord[] = await s.shifts.list({ ...q, after, limit })
    expect(page.length).toBeLessThanOrEqual(limit)
    out.push(...page)
    if (page.length < limit) return out
    const last = page[page.length - 1]
    after = { startAt: last.startAt, seq: last.seq }
  }
  throw new Error('too many pages')
}

const ids = (items: { id: string }[]) => items.map((i) => i.id)
const who = (items: SignupRecord[]) => items.map((r) => [r.userId, r.status, r.position])
const count = <T>(items: T[], pred: (x: T) => boolean) => items.filter(pred).length

// ---------- the suite ----------

export function patrolsContract(engine: string, open: OpenPatrolsEngine, opts: { reference?: OpenPatrolsEngine } = {}): void {
  /** A scenario on a fresh store with the fixture; its result, if any, must be deep-equal on the reference engine. */
  function scenario(title: string, run: (s: PatrolsContractStore, e: PatrolsContractEngine) => Promise<unknown>, timeout?: number): void {
    test(
      title,
      async () => {
        const runOn = async (openIt: OpenPatrolsEngine) => {
          const e = await openIt()
          try {
            await buildFixture(e)
            return await run(e.store, e)
          } finally {
            await e.close()
          }
        }
        const result = await runOn(open)
        if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
      },
      timeout,
    )
  }

  describe(`patrols port contract on ${engine}`, () => {
    describe('create, get and the lists', () => {
      scenario('create writes every occurrence and the audit in one step; a retried key replays, another input is keyReused', async (s) => {
        const key: IdempotencyKey = { userId: IDS.committee, action: 'shift.create', requestId: 'req-1', fingerprint: 'fp-1' }
        const series = [shift('sh_a', 24, { seriesId: 'sh_a', note: '带手电' }), shift('sh_b', 24 * 8, { seriesId: 'sh_a' })]
        const made = await s.shifts.create(series, audit('sh_a'), key)
        expect(made.kind).toBe('created')
        if (made.kind === 'keyReused') throw new Error('keyReused')
        expect(made.shifts.map(bare)).toEqual([
          { ...series[0], status: 'scheduled', cancelReason: null, cancelledAt: null, seated: 0, waitlisted: 0 },
          { ...series[1], status: 'scheduled', cancelReason: null, cancelledAt: null, seated: 0, waitlisted: 0 },
        ])
        expect(made.shifts[0].seq).toBeLessThan(made.shifts[1].seq)
        const again = await s.shifts.create([shift('sh_other', 24)], audit('sh_other'), key)
        expect(again).toEqual({ kind: 'replayed', shifts: made.shifts })
        expect(await s.shifts.get('sh_other')).toBeNull()
        expect(await s.shifts.create([shift('sh_x', 24)], audit('sh_x'), { ...key, fingerprint: 'fp-2' })).toEqual({ kind: 'keyReused' })
        expect(await s.shifts.get('sh_x')).toBeNull()
        expect(await s.shifts.get('sh_a')).toEqual(made.shifts[0])
        expect(await s.shifts.get('nothing')).toBeNull()
        const trail = await s.audit.list({ targetId: 'sh_a', limit: 10 })
        expect(trail.map(({ id: _id, ...e }) => e)).toEqual([audit('sh_a')])
        expect(await s.audit.list({ targetId: 'sh_x', limit: 10 })).toEqual([])
        return { made: made.shifts.map(bare), trail: trail.map(({ id: _id, ...e }) => e) }
      })

      scenario('20 creates at once with one key: one created, 19 replayed, one set of shifts and one audit entry', async (s) => {
        const key: IdempotencyKey = { userId: IDS.committee, action: 'shift.create', requestId: 'req-race', fingerprint: 'fp' }
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => s.shifts.create([shift(`sh_r${i}`, 24), shift(`sh_r${i}_w2`, 24 * 8)], audit(`sh_r${i}`), key)),
        )
        expect(count(results, (r) => r.kind === 'created')).toBe(1)
        expect(count(results, (r) => r.kind === 'replayed')).toBe(19)
        const winner = results.find((r) => r.kind === 'created')
        if (!winner || winner.kind === 'keyReused') throw new Error('no winner')
        for (const r of results) expect(r.kind !== 'keyReused' && ids(r.shifts)).toEqual(ids(winner.shifts))
        const listed = await listAll(s, { communityId: IDS.community, from: NOW, to: null, mineOf: null, order: 'asc' }, 10)
        expect(listed).toHaveLength(2)
        expect((await s.audit.list({ limit: 100 })).filter((a) => a.action === 'shift.create')).toHaveLength(1)
        return { kinds: results.map((r) => r.kind).sort(), listed: listed.length }
      })

      scenario('list: by start then creation order, both ways, paged by (startAt, seq); from, to, mineOf and the community', async (s) => {
        // three shifts at the same start (ties broken by creation order), one ended, one far, one elsewhere
        await make(s, shift('sh_t1', 10), shift('sh_t2', 10), shift('sh_t3', 10))
        await make(s, shift('sh_early', 5, { capacity: 1 }))
        await make(s, shift('sh_ended', -5))
        await make(s, shift('sh_running', -1))
        await make(s, shift('sh_far', 24 * 30))
        await make(s, shift('sh_hx', 10, { communityId: IDS.other }))
        await make(s, shift('sh_long_ago', -24 * 3))
        await s.shifts.signup('sh_t2', IDS.alice, 'su_1', NOW)
        await s.shifts.signup('sh_far', IDS.alice, 'su_2', NOW)
        await s.shifts.signup('sh_early', IDS.alice, 'su_3', NOW)
        await s.shifts.signup('sh_early', IDS.bob, 'su_4', NOW)
        await s.shifts.withdraw('sh_early', IDS.alice, NOW, promotion(idMaker()))

        const q = { communityId: IDS.community, from: NOW, to: null, mineOf: null }
        const asc = await listAll(s, { ...q, order: 'asc' }, 100)
        expect(ids(asc)).toEqual(['sh_running', 'sh_early', 'sh_t1', 'sh_t2', 'sh_t3', 'sh_far'])
        const desc = await listAll(s, { ...q, order: 'desc' }, 100)
        expect(ids(desc)).toEqual([...ids(asc)].reverse())
        for (const limit of [1, 2, 4]) {
          expect(ids(await listAll(s, { ...q, order: 'asc' }, limit))).toEqual(ids(asc))
          expect(ids(await listAll(s, { ...q, order: 'desc' }, limit))).toEqual(ids(desc))
        }
        // `to`: shifts starting before it; `from`: shifts ending at or after it (sh_ended ended at -3 h)
        const window = await listAll(s, { ...q, from: at(-3), to: at(10), order: 'asc' }, 100)
        expect(ids(window)).toEqual(['sh_ended', 'sh_running', 'sh_early'])
        // mineOf: signups not withdrawn (alice withdrew from sh_early)
        const mine = await listAll(s, { ...q, mineOf: IDS.alice, order: 'asc' }, 1)
        expect(ids(mine)).toEqual(['sh_t2', 'sh_far'])
        expect(ids(await listAll(s, { ...q, mineOf: IDS.bob, order: 'desc' }, 100))).toEqual(['sh_early'])
        expect(await listAll(s, { ...q, communityId: 'c_none', order: 'asc' }, 10)).toEqual([])
        const counts = asc.map((x) => [x.id, x.seated, x.waitlisted])
        expect(counts).toEqual([['sh_running', 0, 0], ['sh_early', 1, 0], ['sh_t1', 0, 0], ['sh_t2', 1, 0], ['sh_t3', 0, 0], ['sh_far', 1, 0]])
        // the reminders' window: scheduled shifts starting in (from, to], soonest first
        // every community's (the sweep's), sh_hx made after sh_t3
        expect(ids(await s.shifts.startingBetween(at(5), at(10)))).toEqual(['sh_t1', 'sh_t2', 'sh_t3', 'sh_hx'])
        expect(ids(await s.shifts.startingBetween(at(4), at(5)))).toEqual(['sh_early'])
        expect(await s.shifts.startingBetween(at(11), at(12))).toEqual([])
        return { asc: asc.map(bare), window: window.map(bare), mine: ids(mine) }
      })
    })

    describe('signup, waitlist, withdraw and promotion', () => {
      scenario('signup seats while seats remain, then waitlists in arrival order; existing, refusals and overlap', async (s) => {
        await make(s, shift('sh_1', 10, { capacity: 2 }))
        await make(s, shift('sh_overlap', 11), shift('sh_touch', 12), shift('sh_started', -1))
        await make(s, shift('sh_cancel', 30))
        await s.shifts.cancel('sh_cancel', '下雨', NOW, cancelMessages(idMaker('c')), audit('sh_cancel', 'shift.cancel'))
        const a = await s.shifts.signup('sh_1', IDS.alice, 'su_a', minutes(1))
        const b = await s.shifts.signup('sh_1', IDS.bob, 'su_b', minutes(2))
        const c = await s.shifts.signup('sh_1', IDS.carol, 'su_c', minutes(3))
        const d = await s.shifts.signup('sh_1', IDS.dave, 'su_d', minutes(4))
        expect([a, b, c, d].map((r) => r.kind)).toEqual(['signedUp', 'signedUp', 'signedUp', 'signedUp'])
        const signups = [a, b, c, d].map((r) => (r.kind === 'signedUp' ? r.signup : null))
        expect(signups.map((x) => x && [x.status, x.position, x.confirmedAt])).toEqual([
          ['confirmed', null, minutes(1)],
          ['confirmed', null, minutes(2)],
          ['waitlisted', 1, null],
          ['waitlisted', 2, null],
        ])
        expect(signups[0] && bare(signups[0])).toEqual({
          id: 'su_a',
          shiftId: 'sh_1',
          userId: IDS.alice,
          userName: '陈一',
          status: 'confirmed',
          position: null,
          signedUpAt: minutes(1),
          confirmedAt: minutes(1),
          checkinAt: null,
          checkinCoord: null,
          checkinPosition: null,
          checkinDistance: null,
          checkoutAt: null,
          autoCheckout: false,
          hours: null,
        })
        // the same user again: their signup, nothing new
        const again = await s.shifts.signup('sh_1', IDS.carol, 'su_c2', minutes(5))
        expect(again).toEqual({ kind: 'existing', signup: signups[2] })
        expect(await s.shifts.signup('nothing', IDS.alice, 'su_x', NOW)).toEqual({ kind: 'notFound' })
        expect(await s.shifts.signup('sh_cancel', IDS.alice, 'su_x', NOW)).toEqual({ kind: 'cancelled' })
        expect(await s.shifts.signup('sh_started', IDS.alice, 'su_x', NOW)).toEqual({ kind: 'started' })
        // at the start exactly: started
        expect(await s.shifts.signup('sh_1', IDS.erin, 'su_x', at(10))).toEqual({ kind: 'started' })
        // overlap with a signup (even waitlisted) of the same user; touching ends do not overlap
        expect(await s.shifts.signup('sh_overlap', IDS.carol, 'su_x', NOW)).toEqual({
          kind: 'overlap',
          with: { id: 'sh_1', title: '夜巡 sh_1', startAt: at(10) },
        })
        expect((await s.shifts.signup('sh_touch', IDS.alice, 'su_t', NOW)).kind).toBe('signedUp')
        const roster = await s.shifts.roster('sh_1')
        expect(who(roster)).toEqual([
          [IDS.alice, 'confirmed', null],
          [IDS.bob, 'confirmed', null],
          [IDS.carol, 'waitlisted', 1],
          [IDS.dave, 'waitlisted', 2],
        ])
        const got = await s.shifts.get('sh_1')
        expect([got?.seated, got?.waitlisted]).toEqual([2, 2])
        const of = await s.shifts.signupsOf(IDS.alice, ['sh_1', 'sh_touch', 'sh_overlap', 'nothing'])
        expect(of.map((x) => x.shiftId).sort()).toEqual(['sh_1', 'sh_touch'])
        expect(await s.shifts.signupsOf(IDS.alice, [])).toEqual([])
        return { signups: signups.map((x) => x && bare(x)), roster: roster.map(bare), of: of.map(bare).sort((x, y) => x.shiftId.localeCompare(y.shiftId)) }
      })

      scenario('withdraw: a seat freed promotes the earliest waiting once, with its message; the cut-off and the refusals', async (s) => {
        await make(s, shift('sh_1', 10, { capacity: 2 }), shift('sh_soon', 1), shift('sh_cancel', 30))
        for (const [u, i] of [[IDS.alice, 1], [IDS.bob, 2], [IDS.carol, 3], [IDS.dave, 4], [IDS.erin, 5]] as const) {
          await s.shifts.signup('sh_1', u, `su_${i}`, minutes(i))
        }
        const newId = idMaker()
        // a waitlisted volunteer leaves: nobody promoted, the ranks close up
        expect(await s.shifts.withdraw('sh_1', IDS.dave, minutes(10), promotion(newId))).toEqual({ kind: 'withdrawn', promoted: null })
        expect(who(await s.shifts.roster('sh_1'))).toEqual([
          [IDS.alice, 'confirmed', null],
          [IDS.bob, 'confirmed', null],
          [IDS.carol, 'waitlisted', 1],
          [IDS.erin, 'waitlisted', 2],
        ])
        // a seat holder leaves: the first waiting (carol) is confirmed and told
        const out = await s.shifts.withdraw('sh_1', IDS.alice, minutes(11), promotion(newId))
        expect(out).toEqual({
          kind: 'withdrawn',
          promoted: { id: 'm_0001', userId: IDS.carol, kind: 'shift', title: '候补转正', body: '夜巡 sh_1：你已从候补转为正式报名', target: { type: 'shift', id: 'sh_1' }, createdAt: NOW },
        })
        const roster = await s.shifts.roster('sh_1')
        expect(who(roster)).toEqual([
          [IDS.bob, 'confirmed', null],
          [IDS.carol, 'confirmed', null],
          [IDS.erin, 'waitlisted', 1],
        ])
        expect(roster[1].confirmedAt).toBe(minutes(11))
        const told = await s.messages.list(IDS.carol, { unreadOnly: false, limit: 10, after: null })
        expect(told.map(bareMessage)).toEqual([{ ...(out.kind === 'withdrawn' ? out.promoted : null), readAt: null }])
        // again: alreadyWithdrawn; never signed up: notSignedUp; unknown shift: notFound
        expect(await s.shifts.withdraw('sh_1', IDS.alice, minutes(12), promotion(newId))).toEqual({ kind: 'alreadyWithdrawn' })
        expect(await s.shifts.withdraw('sh_soon', IDS.alice, minutes(12), promotion(newId))).toEqual({ kind: 'notSignedUp' })
        expect(await s.shifts.withdraw('nothing', IDS.alice, minutes(12), promotion(newId))).toEqual({ kind: 'notFound' })
        // back again: a new row at the back of the line
        const back = await s.shifts.signup('sh_1', IDS.alice, 'su_back', minutes(13))
        expect(back.kind === 'signedUp' && [back.signup.status, back.signup.position]).toEqual(['waitlisted', 2])
        // the cut-off (startAt − 2 h) included; after it: cutoffPassed
        await s.shifts.signup('sh_soon', IDS.bob, 'su_soon', NOW)
        expect(await s.shifts.withdraw('sh_soon', IDS.bob, minutes(-59), promotion(newId))).toEqual({ kind: 'cutoffPassed' })
        expect(await s.shifts.withdraw('sh_1', IDS.erin, at(8), promotion(newId))).toEqual({ kind: 'withdrawn', promoted: null })
        expect(await s.shifts.withdraw('sh_1', IDS.bob, at(8.01), promotion(newId))).toEqual({ kind: 'cutoffPassed' })
        // a cancelled shift: cancelled
        await s.shifts.signup('sh_cancel', IDS.carol, 'su_cx', NOW)
        await s.shifts.cancel('sh_cancel', '下雨', NOW, cancelMessages(idMaker('c')), audit('sh_cancel', 'shift.cancel'))
        expect(await s.shifts.withdraw('sh_cancel', IDS.carol, minutes(1), promotion(newId))).toEqual({ kind: 'cancelled' })
        const final = await s.shifts.roster('sh_1')
        expect(who(final)).toEqual([
          [IDS.bob, 'confirmed', null],
          [IDS.carol, 'confirmed', null],
          [IDS.alice, 'waitlisted', 1],
        ])
        return { out, roster: roster.map(bare), final: final.map(bare), told: told.map(bareMessage) }
      })

      scenario('cancel: before the start only, one message per signup standing (in arrival order), the audit; again: as it is', async (s) => {
        await make(s, shift('sh_1', 10, { capacity: 1 }), shift('sh_started', -1))
        await s.shifts.signup('sh_1', IDS.alice, 'su_1', minutes(1))
        await s.shifts.signup('sh_1', IDS.bob, 'su_2', minutes(2))
        await s.shifts.signup('sh_1', IDS.carol, 'su_3', minutes(3))
        await s.shifts.withdraw('sh_1', IDS.bob, minutes(4), promotion(idMaker()))
        const newId = idMaker('c')
        const out = await s.shifts.cancel('sh_1', '暴雨预警', minutes(5), cancelMessages(newId), audit('sh_1', 'shift.cancel'))
        expect(out.kind).toBe('cancelled')
        if (out.kind !== 'cancelled') throw new Error(out.kind)
        expect([out.shift.status, out.shift.cancelReason, out.shift.cancelledAt]).toEqual(['cancelled', '暴雨预警', minutes(5)])
        expect(out.messages.map((m) => m.userId)).toEqual([IDS.alice, IDS.carol])
        expect(await s.messages.unread(IDS.bob)).toBe(0)
        expect(await s.messages.unread(IDS.carol)).toBe(1)
        const second = await s.shifts.cancel('sh_1', '别的理由', minutes(6), cancelMessages(newId), audit('sh_1', 'shift.cancel'))
        expect(second).toEqual({ kind: 'alreadyCancelled', shift: out.shift })
        expect(await s.messages.unread(IDS.carol)).toBe(1)
        expect(await s.shifts.cancel('sh_started', '晚了', NOW, cancelMessages(newId), audit('sh_started', 'shift.cancel'))).toEqual({ kind: 'started' })
        expect(await s.shifts.cancel('nothing', '无', NOW, cancelMessages(newId), audit('nothing', 'shift.cancel'))).toEqual({ kind: 'notFound' })
        expect((await s.audit.list({ targetId: 'sh_1', limit: 10 })).map((a) => a.action)).toEqual(['shift.cancel', 'shift.create'])
        expect(await s.audit.list({ targetId: 'sh_started', limit: 10 })).toEqual([])
        expect((await s.shifts.get('sh_started'))?.status).toBe('scheduled')
        // the cancelled shift is still listed, and no longer in the reminders' window
        expect(await s.shifts.startingBetween(NOW, at(11))).toEqual([])
        return { out: { ...out, shift: bare(out.shift) } }
      })
    })

    describe('check-in, check-out, settle, totals and the board', () => {
      scenario('check-in: once, in the window, inside the area; every refusal says why; check-out once with its hours', async (s) => {
        await make(s, shift('sh_1', 1, { capacity: 2 }), shift('sh_cancel', 5))
        await s.shifts.signup('sh_1', IDS.alice, 'su_a', NOW)
        await s.shifts.signup('sh_1', IDS.bob, 'su_b', NOW)
        await s.shifts.signup('sh_1', IDS.carol, 'su_c', NOW)
        await s.shifts.signup('sh_cancel', IDS.dave, 'su_d', NOW)
        await s.shifts.cancel('sh_cancel', '下雨', NOW, cancelMessages(idMaker('c')), audit('sh_cancel', 'shift.cancel'))
        const early = await s.shifts.checkin('sh_1', IDS.alice, fix(minutes(44)))
        expect(early).toEqual({ kind: 'early' })
        const outside = await s.shifts.checkin('sh_1', IDS.alice, fix(minutes(45), { inside: false, distance: 900 }))
        expect(outside).toEqual({ kind: 'outside' })
        const waiting = await s.shifts.checkin('sh_1', IDS.carol, fix(minutes(50)))
        expect(waiting.kind).toBe('notConfirmed')
        expect(await s.shifts.checkin('sh_1', IDS.erin, fix(minutes(50)))).toEqual({ kind: 'notConfirmed', signup: null })
        expect(await s.shifts.checkin('sh_cancel', IDS.dave, fix(at(5)))).toEqual({ kind: 'cancelled' })
        expect(await s.shifts.checkin('nothing', IDS.dave, fix(at(5)))).toEqual({ kind: 'cancelled' })
        expect(await s.shifts.checkin('sh_1', IDS.bob, fix(at(3.01)))).toEqual({ kind: 'ended' })
        // the window opens 15 minutes before the start, itself included
        const inAt = await s.shifts.checkin('sh_1', IDS.alice, fix(minutes(45), { latitude: 30.6572, longitude: 104.0662, coordSystem: 'wgs84', distance: 42 }))
        expect(inAt.kind).toBe('checkedIn')
        if (inAt.kind !== 'checkedIn') throw new Error(inAt.kind)
        expect([inAt.signup.status, inAt.signup.checkinAt, inAt.signup.checkinCoord, inAt.signup.checkinPosition, inAt.signup.checkinDistance]).toEqual([
          'checkedIn', minutes(45), 'wgs84', { latitude: 30.6572, longitude: 104.0662 }, 42,
        ])
        const second = await s.shifts.checkin('sh_1', IDS.alice, fix(minutes(70)))
        expect(second).toEqual({ kind: 'already', signup: inAt.signup })
        // check-out: not checked in, by hand (hours from the start), again, at the end exactly
        expect(await s.shifts.checkout('sh_1', IDS.bob, at(2))).toEqual({ kind: 'notCheckedIn', signup: expect.objectContaining({ status: 'confirmed' }) })
        expect(await s.shifts.checkout('sh_1', IDS.erin, at(2))).toEqual({ kind: 'notCheckedIn', signup: null })
        const outBy = await s.shifts.checkout('sh_1', IDS.alice, minutes(60 + 97))
        expect(outBy.kind).toBe('checkedOut')
        if (outBy.kind !== 'checkedOut') throw new Error(outBy.kind)
        expect([outBy.signup.status, outBy.signup.checkoutAt, outBy.signup.autoCheckout, outBy.signup.hours]).toEqual(['checkedOut', minutes(157), false, 1.6])
        expect(await s.shifts.checkout('sh_1', IDS.alice, at(3))).toEqual({ kind: 'already', signup: outBy.signup })
        // bob at the end exactly, then out after the end: closed at the end, automatically
        const bobIn = await s.shifts.checkin('sh_1', IDS.bob, fix(at(3)))
        expect(bobIn.kind).toBe('checkedIn')
        const bobOut = await s.shifts.checkout('sh_1', IDS.bob, at(4))
        expect(bobOut.kind === 'checkedOut' && [bobOut.signup.checkoutAt, bobOut.signup.autoCheckout, bobOut.signup.hours]).toEqual([at(3), true, 0])
        const roster = await s.shifts.roster('sh_1')
        return { waiting, inAt, second, outBy, bobOut, roster: roster.map(bare) }
      })

      scenario('settle: ended shifts close check-ins at the end and mark no-shows, once; totals and the board count what is closed', async (s) => {
        // march: two past shifts, one running, one future, one cancelled; april: one past shift (start month counts)
        await make(s, shift('sh_p1', -48, { capacity: 5 }), shift('sh_p2', -24, { capacity: 5 }), shift('sh_run', -1, { capacity: 5 }), shift('sh_fut', 24))
        await make(s, shift('sh_cx', 30))
        const signAll = async (id: string, users: string[], atIso: string) => {
          for (const [i, u] of users.entries()) await s.shifts.signup(id, u, `su_${id}_${i}`, atIso)
        }
        await signAll('sh_p1', [IDS.alice, IDS.bob, IDS.carol], at(-72))
        await signAll('sh_p2', [IDS.alice, IDS.bob, IDS.dave], at(-72))
        await signAll('sh_run', [IDS.alice, IDS.erin], at(-72))
        await signAll('sh_fut', [IDS.bob], NOW)
        await signAll('sh_cx', [IDS.carol], NOW)
        await s.shifts.cancel('sh_cx', '下雨', NOW, cancelMessages(idMaker('c')), audit('sh_cx', 'shift.cancel'))
        // p1: alice in and out by hand (1 h), bob in and forgot, carol never came
        await s.shifts.checkin('sh_p1', IDS.alice, fix(at(-48)))
        await s.shifts.checkout('sh_p1', IDS.alice, at(-47))
        await s.shifts.checkin('sh_p1', IDS.bob, fix(at(-47.5)))
        // p2: alice forgot (2 h), bob in late (0.5 h), dave never came
        await s.shifts.checkin('sh_p2', IDS.alice, fix(at(-24.2)))
        await s.shifts.checkin('sh_p2', IDS.bob, fix(at(-22.5)))
        // running: alice in; erin not yet — nothing to settle there
        await s.shifts.checkin('sh_run', IDS.alice, fix(at(-1)))

        expect(await s.shifts.settle(at(-60))).toBe(0)
        const n = await s.shifts.settle(NOW)
        // p1: bob closed, carol noShow; p2: alice and bob closed, dave noShow
        expect(n).toBe(5)
        expect(await s.shifts.settle(NOW)).toBe(0)
        expect(await s.shifts.settle(minutes(1))).toBe(0)
        const p1 = await s.shifts.roster('sh_p1')
        const p2 = await s.shifts.roster('sh_p2')
        expect(p1.map((r) => [r.userId, r.status, r.checkoutAt, r.autoCheckout, r.hours])).toEqual([
          [IDS.alice, 'checkedOut', at(-47), false, 1],
          [IDS.bob, 'checkedOut', at(-46), true, 1.5],
          [IDS.carol, 'noShow', null, false, null],
        ])
        expect(p2.map((r) => [r.userId, r.status, r.hours])).toEqual([
          [IDS.alice, 'checkedOut', 2],
          [IDS.bob, 'checkedOut', 0.5],
          [IDS.dave, 'noShow', null],
        ])
        expect(who(await s.shifts.roster('sh_run'))).toEqual([[IDS.alice, 'checkedIn', null], [IDS.erin, 'confirmed', null]])
        // a no-show still holds the seat it had
        expect((await s.shifts.get('sh_p1'))?.seated).toBe(3)
        // later, the running shift ends
        expect(await s.shifts.settle(at(1))).toBe(2)
        expect(who(await s.shifts.roster('sh_run'))).toEqual([[IDS.alice, 'checkedOut', null], [IDS.erin, 'noShow', null]])

        const march = { from: '2025-02-28T16:00:00.000Z', to: '2025-03-31T16:00:00.000Z' }
        const feb = { from: '2025-01-31T16:00:00.000Z', to: '2025-02-28T16:00:00.000Z' }
        const totals = {
          alice: await s.shifts.totals(IDS.alice, march),
          aliceFeb: await s.shifts.totals(IDS.alice, feb),
          bob: await s.shifts.totals(IDS.bob, march),
          carol: await s.shifts.totals(IDS.carol, march),
          nobody: await s.shifts.totals('u_nobody', march),
        }
        expect(totals.alice).toEqual({ hoursThisMonth: 2, hoursTotal: 5, shiftsDone: 3, noShows: 0 })
        expect(totals.aliceFeb).toEqual({ hoursThisMonth: 3, hoursTotal: 5, shiftsDone: 3, noShows: 0 })
        expect(totals.carol).toEqual({ hoursThisMonth: 0, hoursTotal: 0, shiftsDone: 0, noShows: 1 })
        expect(totals.nobody).toEqual({ hoursThisMonth: 0, hoursTotal: 0, shiftsDone: 0, noShows: 0 })
        const board = { march: await s.shifts.board(IDS.community, march), feb: await s.shifts.board(IDS.community, feb), other: await s.shifts.board(IDS.other, march) }
        expect(board.feb).toEqual([
          { userId: IDS.alice, name: '陈一', hours: 3, shifts: 2 },
          { userId: IDS.bob, name: '陈二', hours: 2, shifts: 2 },
        ])
        expect(board.other).toEqual([])
        return { n, p1: p1.map(bare), p2: p2.map(bare), totals, board }
      })

      scenario('logs: newest first (ties by insertion), with the authors\' names, one user\'s only; priorLog reads a key', async (s, e) => {
        await make(s, shift('sh_1', -1))
        const log = (id: string, userId: string, note: string, atIso: string) =>
          e.exec('INSERT INTO shift_logs (id, shift_id, user_id, note, report_id, at) VALUES ($1, $2, $3, $4, NULL, $5)', [id, 'sh_1', userId, note, atIso])
        await log('lg_1', IDS.alice, '东门正常', minutes(-50))
        await log('lg_2', IDS.bob, '北门路灯坏了', minutes(-30))
        await log('lg_3', IDS.alice, '巡查完毕', minutes(-30))
        await log('lg_4', IDS.alice, '返回', minutes(-10))
        const all = await s.shifts.logs('sh_1', null)
        expect(all.map((l) => [l.id, l.userName])).toEqual([['lg_4', '陈一'], ['lg_3', '陈一'], ['lg_2', '陈二'], ['lg_1', '陈一']])
        const bobs = await s.shifts.logs('sh_1', IDS.bob)
        expect(bobs).toEqual([{ id: 'lg_2', shiftId: 'sh_1', userId: IDS.bob, userName: '陈二', note: '北门路灯坏了', reportId: null, at: minutes(-30) }])
        expect(await s.shifts.logs('nothing', null)).toEqual([])

        const key: IdempotencyKey = { userId: IDS.alice, action: 'shift.log', requestId: 'req-log', fingerprint: 'fp-log' }
        expect(await s.shifts.priorLog(key)).toBeNull()
        await e.exec('INSERT INTO idempotency (user_id, action, request_id, fingerprint, result, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          key.userId, key.action, key.requestId, key.fingerprint, JSON.stringify({ logId: 'lg_4', reportId: null }), NOW,
        ])
        expect(await s.shifts.priorLog(key)).toEqual({ kind: 'replayed', logId: 'lg_4', reportId: null })
        expect(await s.shifts.priorLog({ ...key, fingerprint: 'other' })).toEqual({ kind: 'keyReused' })
        expect(await s.shifts.priorLog({ ...key, requestId: 'req-other' })).toBeNull()
        return { all, bobs }
      })
    })

    describe('addLog: a patrol log, with its 发现隐患 report in the same step', () => {
      scenario('addLog: only while checked in and before the end; the report made with it; a retried key replays; a refusal writes nothing', async (s) => {
        await make(s, shift('sh_1', -1))
        await s.shifts.signup('sh_1', IDS.alice, 'su_1', at(-5))
        await s.files.create(photo('f_a', IDS.alice))
        await s.files.create(photo('f_b', IDS.bob))
        const entry = (id: string, atIso: string) => ({ id, shiftId: 'sh_1', userId: IDS.alice, note: `巡逻记录 ${id}`, reportId: null, at: atIso })
        const logKey = (requestId: string, fingerprint = 'fp'): IdempotencyKey => ({ userId: IDS.alice, action: 'shift.log', requestId, fingerprint })
        const reportKey = (requestId: string, fingerprint = 'fp'): IdempotencyKey => ({ userId: IDS.alice, action: 'report.create', requestId, fingerprint })
        const withReport = (id: string, photoIds: string[], key: IdempotencyKey | null): LogReport => ({
          report: hazard(id, minutes(-20)),
          photoIds,
          messages: [{ id: `m_${id}`, userId: IDS.committee, kind: 'report', title: '发现隐患', body: id, target: { type: 'report', id }, createdAt: minutes(-20) }],
          key,
        })

        expect(await s.shifts.addLog(entry('lg_0', minutes(-40)), null)).toEqual({ kind: 'refused', reason: 'notCheckedIn' })
        // refused with a report: the report is rolled back with the log
        expect(await s.shifts.addLog(entry('lg_0', minutes(-40)), logKey('req-0'), withReport('r_0', [], reportKey('rq-0')))).toEqual({ kind: 'refused', reason: 'notCheckedIn' })
        expect(await s.reports.get('r_0')).toBeNull()
        expect(await s.shifts.priorLog(logKey('req-0'))).toBeNull()
        await s.shifts.checkin('sh_1', IDS.alice, fix(minutes(-30)))

        const plain = await s.shifts.addLog(entry('lg_1', minutes(-25)), logKey('req-1'))
        expect(plain).toEqual({ kind: 'logged', logId: 'lg_1', reportId: null, newReport: false })
        const made = await s.shifts.addLog(entry('lg_2', minutes(-20)), logKey('req-2'), withReport('r_1', ['f_a'], reportKey('rq-1')))
        expect(made).toEqual({ kind: 'logged', logId: 'lg_2', reportId: 'r_1', newReport: true })
        const report = await s.reports.get('r_1')
        expect([report?.category, report?.cover, report?.status]).toEqual(['safety_hazard', 'f_a', 'submitted'])
        expect(await s.messages.unread(IDS.committee)).toBe(1)
        // the same log key again: the first result, nothing new; another input: keyReused
        expect(await s.shifts.addLog(entry('lg_9', minutes(-10)), logKey('req-2'), withReport('r_9', [], reportKey('rq-9')))).toEqual({ kind: 'replayed', logId: 'lg_2', reportId: 'r_1' })
        expect(await s.shifts.addLog(entry('lg_9', minutes(-10)), logKey('req-2', 'other'))).toEqual({ kind: 'keyReused' })
        expect(await s.shifts.priorLog(logKey('req-2'))).toEqual({ kind: 'replayed', logId: 'lg_2', reportId: 'r_1' })
        expect(await s.reports.get('r_9')).toBeNull()
        // a new log key whose report key was used: the report replays and the log already written for it answers
        expect(await s.shifts.addLog(entry('lg_3', minutes(-10)), logKey('req-3'), withReport('r_3', [], reportKey('rq-1')))).toEqual({ kind: 'logged', logId: 'lg_2', reportId: 'r_1', newReport: false })
        expect(await s.shifts.priorLog(logKey('req-3'))).toEqual({ kind: 'replayed', logId: 'lg_2', reportId: 'r_1' })
        // the report's own refusals: nothing written, neither key used
        expect(await s.shifts.addLog(entry('lg_4', minutes(-5)), logKey('req-4'), withReport('r_4', ['f_b'], reportKey('rq-4')))).toEqual({ kind: 'badPhotos' })
        expect(await s.shifts.addLog(entry('lg_4', minutes(-5)), logKey('req-4'), withReport('r_4', [], reportKey('rq-1', 'other')))).toEqual({ kind: 'keyReused' })
        expect(await s.reports.get('r_4')).toBeNull()
        expect(await s.shifts.priorLog(logKey('req-4'))).toBeNull()
        // past the end, then checked out
        expect(await s.shifts.addLog(entry('lg_5', minutes(61)), logKey('req-5'), withReport('r_5', [], null))).toEqual({ kind: 'refused', reason: 'ended' })
        await s.shifts.checkout('sh_1', IDS.alice, minutes(1))
        expect(await s.shifts.addLog(entry('lg_6', minutes(2)), null)).toEqual({ kind: 'refused', reason: 'checkedOut' })
        expect(await s.reports.get('r_5')).toBeNull()
        const logs = await s.shifts.logs('sh_1', null)
        expect(logs.map((l) => [l.id, l.reportId])).toEqual([['lg_2', 'r_1'], ['lg_1', null]])
        return { logs, report: report && { ...report, seq: 0 } }
      })

      scenario('10 retries of one log with its report at once: one log, one report, one message; the others replay it', async (s) => {
        await make(s, shift('sh_1', -1))
        await s.shifts.signup('sh_1', IDS.alice, 'su_1', at(-5))
        await s.shifts.checkin('sh_1', IDS.alice, fix(minutes(-30)))
        const key: IdempotencyKey = { userId: IDS.alice, action: 'shift.log', requestId: 'req-race', fingerprint: 'fp' }
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            s.shifts.addLog({ id: `lg_${i}`, shiftId: 'sh_1', userId: IDS.alice, note: '北门有隐患', reportId: null, at: minutes(-10) }, key, {
              report: hazard(`r_${i}`, minutes(-10)),
              photoIds: [],
              messages: [{ id: `m_${i}`, userId: IDS.committee, kind: 'report', title: '发现隐患', body: '北门', target: { type: 'report', id: `r_${i}` }, createdAt: minutes(-10) }],
              key: { userId: IDS.alice, action: 'report.create', requestId: 'rq-race', fingerprint: 'fp' },
            }),
          ),
        )
        expect(count(results, (r) => r.kind === 'logged')).toBe(1)
        expect(count(results, (r) => r.kind === 'replayed')).toBe(9)
        const winner = results.find((r) => r.kind === 'logged')
        if (winner?.kind !== 'logged') throw new Error('no winner')
        for (const r of results) expect(r.kind === 'logged' || r.kind === 'replayed' ? [r.logId, r.reportId] : r.kind).toEqual([winner.logId, winner.reportId])
        expect(await s.shifts.logs('sh_1', null)).toHaveLength(1)
        expect(await s.messages.unread(IDS.committee)).toBe(1)
        return { kinds: results.map((r) => r.kind).sort() }
      })
    })

    describe('races', () => {
      scenario('40 volunteers sign up at once for 5 seats: exactly 5 seated, 35 waitlisted ranked 1..35 in arrival order', async (s) => {
        const people = await volunteers(s, 40)
        await make(s, shift('sh_1', 10, { capacity: 5 }))
        const results = await Promise.all(people.map((u, i) => s.shifts.signup('sh_1', u, `su_${String(i).padStart(3, '0')}`, NOW)))
        expect(results.every((r) => r.kind === 'signedUp')).toBe(true)
        const roster = await s.shifts.roster('sh_1')
        expect(count(roster, (r) => r.status === 'confirmed')).toBe(5)
        expect(count(roster, (r) => r.status === 'waitlisted')).toBe(35)
        // the seated arrived first: every seat holder's arrival is before every waiting one's, ranks follow arrival
        const seated = roster.filter((r) => r.status === 'confirmed')
        const waiting = roster.filter((r) => r.status === 'waitlisted')
        expect(Math.max(...seated.map((r) => r.seq))).toBeLessThan(Math.min(...waiting.map((r) => r.seq)))
        expect(waiting.map((r) => r.position)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1))
        expect(waiting.map((r) => r.seq)).toEqual([...waiting.map((r) => r.seq)].sort((a, b) => a - b))
        // what each caller was told is what the roster holds
        const told = results.map((r) => (r.kind === 'signedUp' ? r.signup.status : r.kind))
        expect(count(told, (x) => x === 'confirmed')).toBe(5)
        const sh = await s.shifts.get('sh_1')
        expect([sh?.seated, sh?.waitlisted]).toEqual([5, 35])
        return { seated: 5, waitlisted: 35, counts: [sh?.seated, sh?.waitlisted] }
      })

      scenario(
        '200 volunteers at once for 20 seats: 20 seated, 180 waitlisted in order; then the 20 leave at once and the first 20 waiting are promoted once each',
        async (s) => {
          const people = await volunteers(s, 200)
          await make(s, shift('sh_1', 10, { capacity: 20 }))
          await Promise.all(people.map((u, i) => s.shifts.signup('sh_1', u, `su_${String(i).padStart(3, '0')}`, NOW)))
          const roster = await s.shifts.roster('sh_1')
          expect(count(roster, (r) => r.status === 'confirmed')).toBe(20)
          expect(count(roster, (r) => r.status === 'waitlisted')).toBe(180)
          const seated = roster.filter((r) => r.status === 'confirmed').map((r) => r.userId)
          const firstWaiting = roster.filter((r) => r.status === 'waitlisted').slice(0, 20).map((r) => r.userId)
          let n = 0
          const out = await Promise.all(seated.map((u) => s.shifts.withdraw('sh_1', u, minutes(1), promotion(() => `m_${String(++n).padStart(4, '0')}`))))
          expect(out.every((r) => r.kind === 'withdrawn' && r.promoted !== null)).toBe(true)
          const promoted = out.map((r) => (r.kind === 'withdrawn' ? r.promoted?.userId : null))
          expect(new Set(promoted).size).toBe(20)
          expect([...promoted].sort()).toEqual([...firstWaiting].sort())
          const after = await s.shifts.roster('sh_1')
          expect(after.filter((r) => r.status === 'confirmed').map((r) => r.userId).sort()).toEqual([...firstWaiting].sort())
          expect(count(after, (r) => r.status === 'waitlisted')).toBe(160)
          expect(after.filter((r) => r.status === 'waitlisted').map((r) => r.position)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1))
          for (const u of firstWaiting) expect(await s.messages.unread(u)).toBe(1)
          return { seated: 20, promoted: 20, waitlisted: 160 }
        },
        120_000,
      )

      scenario('one volunteer at once: 10 signups → one row; 10 withdraws → one withdrawn, one promotion; two overlapping shifts → one seat', async (s) => {
        await make(s, shift('sh_1', 10, { capacity: 1 }), shift('sh_2', 11), shift('sh_3', 10.5))
        await s.shifts.signup('sh_1', IDS.bob, 'su_bob', NOW)
        const tries = await Promise.all(Array.from({ length: 10 }, (_, i) => s.shifts.signup('sh_1', IDS.alice, `su_a${i}`, NOW)))
        expect(count(tries, (r) => r.kind === 'signedUp')).toBe(1)
        expect(count(tries, (r) => r.kind === 'existing')).toBe(9)
        expect(new Set(tries.map((r) => (r.kind === 'signedUp' || r.kind === 'existing' ? r.signup.id : '')))).toHaveProperty('size', 1)
        expect(who(await s.shifts.roster('sh_1'))).toEqual([[IDS.bob, 'confirmed', null], [IDS.alice, 'waitlisted', 1]])

        let n = 0
        const leaves = await Promise.all(Array.from({ length: 10 }, () => s.shifts.withdraw('sh_1', IDS.bob, minutes(1), promotion(() => `m_${++n}`))))
        expect(count(leaves, (r) => r.kind === 'withdrawn')).toBe(1)
        expect(count(leaves, (r) => r.kind === 'alreadyWithdrawn')).toBe(9)
        expect(leaves.find((r) => r.kind === 'withdrawn')).toEqual({ kind: 'withdrawn', promoted: expect.objectContaining({ userId: IDS.alice }) })
        expect(await s.messages.unread(IDS.alice)).toBe(1)
        expect(who(await s.shifts.roster('sh_1'))).toEqual([[IDS.alice, 'confirmed', null]])

        // carol at once on two shifts that overlap each other: one seat, the other refused as overlapping
        const both = await Promise.all([s.shifts.signup('sh_2', IDS.carol, 'su_c2', NOW), s.shifts.signup('sh_3', IDS.carol, 'su_c3', NOW)])
        expect(both.map((r) => r.kind).sort()).toEqual(['overlap', 'signedUp'])
        expect((await s.shifts.signupsOf(IDS.carol, ['sh_2', 'sh_3'])).length).toBe(1)
        return { tries: tries.map((r) => r.kind).sort(), leaves: leaves.map((r) => r.kind).sort(), both: both.map((r) => r.kind).sort() }
      })

      scenario('at once: 10 check-ins → one; 10 check-outs → one with its hours; 10 cancels → one, its messages once; 10 settles → once', async (s) => {
        await make(s, shift('sh_1', -1, { capacity: 5 }), shift('sh_2', 10), shift('sh_3', -3))
        await s.shifts.signup('sh_1', IDS.alice, 'su_1', at(-5))
        await s.shifts.signup('sh_2', IDS.bob, 'su_2', NOW)
        await s.shifts.signup('sh_2', IDS.carol, 'su_3', NOW)
        await s.shifts.signup('sh_3', IDS.dave, 'su_4', at(-5))
        await s.shifts.signup('sh_3', IDS.erin, 'su_5', at(-5))
        await s.shifts.checkin('sh_3', IDS.dave, fix(at(-3)))

        const ins = await Promise.all(Array.from({ length: 10 }, (_, i) => s.shifts.checkin('sh_1', IDS.alice, fix(minutes(-60 + i)))))
        expect(count(ins, (r) => r.kind === 'checkedIn')).toBe(1)
        expect(count(ins, (r) => r.kind === 'already')).toBe(9)
        const checkinOf = (r: (typeof ins)[number]) => (r.kind === 'checkedIn' || r.kind === 'already' ? r.signup.checkinAt : r.kind)
        const first = checkinOf(ins.find((r) => r.kind === 'checkedIn') ?? ins[0])
        for (const r of ins) expect(checkinOf(r)).toBe(first)

        const outs = await Promise.all(Array.from({ length: 10 }, (_, i) => s.shifts.checkout('sh_1', IDS.alice, minutes(i))))
        expect(count(outs, (r) => r.kind === 'checkedOut')).toBe(1)
        expect(count(outs, (r) => r.kind === 'already')).toBe(9)
        const closed = (await s.shifts.roster('sh_1'))[0]
        for (const r of outs) expect(r.kind !== 'notCheckedIn' && r.signup).toEqual(closed)

        let m = 0
        const cancels = await Promise.all(
          Array.from({ length: 10 }, () => s.shifts.cancel('sh_2', '暴雨', NOW, cancelMessages(() => `c_${++m}`), audit('sh_2', 'shift.cancel'))),
        )
        expect(count(cancels, (r) => r.kind === 'cancelled')).toBe(1)
        expect(count(cancels, (r) => r.kind === 'alreadyCancelled')).toBe(9)
        expect(await s.messages.unread(IDS.bob)).toBe(1)
        expect(await s.messages.unread(IDS.carol)).toBe(1)
        expect((await s.audit.list({ targetId: 'sh_2', limit: 20 })).filter((a) => a.action === 'shift.cancel')).toHaveLength(1)

        const settles = await Promise.all(Array.from({ length: 10 }, () => s.shifts.settle(NOW)))
        // sh_3: dave closed at the end, erin noShow — written once across the ten
        expect(settles.reduce((a, b) => a + b, 0)).toBe(2)
        const sh3 = await s.shifts.roster('sh_3')
        expect(sh3.map((r) => [r.userId, r.status, r.hours])).toEqual([[IDS.dave, 'checkedOut', 2], [IDS.erin, 'noShow', null]])
        return { ins: ins.map((r) => r.kind).sort(), outs: outs.map((r) => r.kind).sort(), cancels: cancels.map((r) => r.kind).sort(), settled: settles.reduce((a, b) => a + b, 0), sh3: sh3.map(bare) }
      })

      scenario('signups racing a cancel: each is seated or refused as cancelled, and the cancel tells exactly the ones seated', async (s) => {
        const people = await volunteers(s, 30)
        await make(s, shift('sh_1', 10, { capacity: 10 }))
        let m = 0
        const [cancel, ...signups] = await Promise.all([
          new Promise((r) => setTimeout(r, 5)).then(() => s.shifts.cancel('sh_1', '暴雨', NOW, cancelMessages(() => `c_${++m}`), audit('sh_1', 'shift.cancel'))),
          ...people.map((u, i) => s.shifts.signup('sh_1', u, `su_${i}`, NOW)),
        ])
        expect(cancel.kind).toBe('cancelled')
        const joined = people.filter((_, i) => signups[i].kind === 'signedUp')
        expect(count(signups, (r) => r.kind === 'signedUp') + count(signups, (r) => r.kind === 'cancelled')).toBe(30)
        if (cancel.kind !== 'cancelled') throw new Error(cancel.kind)
        expect(cancel.messages.map((x) => x.userId).sort()).toEqual([...joined].sort())
        for (const u of people) expect(await s.messages.unread(u)).toBe(joined.includes(u) ? 1 : 0)
        return undefined
      })
    })
  })
}
