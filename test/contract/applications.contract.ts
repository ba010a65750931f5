/**
 * The port contract of resident applications (ResidentApplicationRepo) and volunteer applications
 * (VolunteerApplicationRepo), with the shared repositories they are read with (users, audit). Declared once and run
 * against every engine by a thin test file (test/api/applications.contract.test.ts: SQLite;
 * test/postgres/applications.contract.test.ts: PostgreSQL), in the shape of residents.contract.ts: each scenario
 * runs on a fresh store with the same fixture, asserts the behaviour and returns what is deterministic about it;
 * given a `reference` engine, the same scenario runs there and the two results must be deep-equal. The `seq` values
 * themselves are not compared (a PostgreSQL identity may skip a number a rolled-back insert took): their order is.
 *
 * The races (10 calls at once through Promise.all) are real concurrency between sessions on PostgreSQL (a pool of
 * more connections than calls, connected beforehand); on SQLite one connection runs them one after another, and
 * test/api/residents.concurrency.test.ts proves the same across processes there.
 */
import type { ApplicationStatus, Relation } from '@/domain/residents'
import type { NewResidentApplication, ResidentApplicationRecord, ResidentApplicationRepo, ReviewDecision, SeqCursor } from '../../cloud/residents/ports'
import type { AuditEntry, AuditRepo, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { NewVolunteerApplication, VolunteerApplicationRecord, VolunteerApplicationRepo } from '../../cloud/volunteers/ports'
import type { FixtureWriter } from './fixtures'

export interface ApplicationsContractStore {
  users: UserRepo
  audit: AuditRepo
  residentApplications: ResidentApplicationRepo
  volunteerApplications: VolunteerApplicationRepo
}

export interface ApplicationsContractEngine {
  store: ApplicationsContractStore
  fixtures: FixtureWriter
  close(): Promise<void>
}

export type OpenApplicationsEngine = () => Promise<ApplicationsContractEngine>

const NOW = '2025-03-01T02:00:00.000Z'
const CREATED = '2025-01-01T00:00:00.000Z'
const minutes = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString()

// ---------- the fixture ----------

const IDS = {
  street: 'st_east',
  community: 'c_jj',
  sibling: 'c_hx',
  g1: 'g_jj_1',
  g2: 'g_jj_2',
  gSibling: 'g_hx_1',
  committee: 'u_committee',
  verified: 'u_v', // already verified in h_1
  siblingUser: 'u_hx',
}
/** applicants u_a0 … u_a11: not verified, in the community */
const applicant = (i: number) => `u_a${i}`

function person(id: string, name: string, p: Partial<NewUser>): NewUser {
  return {
    id, name, phone: null, roles: ['resident'], communityId: IDS.community, gridId: null, householdId: null,
    verified: false, workerGridIds: [], createdAt: CREATED, ...p,
  }
}

async function buildFixture(e: ApplicationsContractEngine): Promise<void> {
  const f = e.fixtures
  await f.street({ id: IDS.street, name: '城东街道', seq: 0 })
  await f.community({ id: IDS.community, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await f.community({ id: IDS.sibling, streetId: IDS.street, name: '河西村', kind: 'village', seq: 1 })
  await f.grid({ id: IDS.g1, communityId: IDS.community, name: '第一网格', seq: 1, boundary: null, servicePhone: null })
  await f.grid({ id: IDS.g2, communityId: IDS.community, name: '第二网格', seq: 2, boundary: null, servicePhone: null })
  await f.grid({ id: IDS.gSibling, communityId: IDS.sibling, name: '一组', seq: 0, boundary: null, servicePhone: null })
  const hh = (id: string, gridId: string, building: string, unit: string, room: string, headName: string, phone: string | null = null) =>
    f.household({ id, gridId, building, unit, room, headName, adults: 2, phone, updatedAt: CREATED })
  await hh('h_1', IDS.g1, '1栋', '1单元', '101', '张一')
  await hh('h_2', IDS.g1, '1栋', '1单元', '102', '张二', '13800000002') // the roster has the 户主's phone
  await hh('h_3', IDS.g2, '2', '', '1', '李三')
  await hh('h_hx', IDS.gSibling, '1', '', '1', '河西一')

  const u = e.store.users
  await u.create(person(IDS.committee, '周主任', { roles: ['committee'], verified: true }))
  await u.create(person(IDS.verified, '陈一', { gridId: IDS.g1, householdId: 'h_1', verified: true }))
  await u.create(person(IDS.siblingUser, '河西人', { communityId: IDS.sibling }))
  for (let i = 0; i < 12; i++) await u.create(person(applicant(i), `微信用户 ${i}`, {}))
}

// ---------- helpers ----------

let n = 0
function residentApp(userId: string, p: Partial<NewResidentApplication> = {}): NewResidentApplication {
  return {
    id: `ra_${userId}_${++n}`, userId, communityId: IDS.community, gridId: IDS.g1, building: '1', unit: '1', room: '101',
    name: '王五', relation: 'member' as Relation, createdAt: NOW, ...p,
  }
}
function volunteerApp(userId: string, p: Partial<NewVolunteerApplication> = {}): NewVolunteerApplication {
  return { id: `va_${userId}_${++n}`, userId, communityId: IDS.community, skills: '修水管', availability: '周末', createdAt: NOW, ...p }
}
const key = (userId: string, requestId: string, fingerprint = 'f1', action = 'resident.apply'): IdempotencyKey => ({
  userId, action, requestId, fingerprint,
})
const decision = (approve: boolean, at = minutes(5), reason: string | null = approve ? null : '信息不符'): ReviewDecision => ({
  reviewerId: IDS.committee, approve, reason, at,
})
const audit = (targetId: string, i = 0): AuditEntry => ({
  at: minutes(5), actorId: IDS.committee, action: 'application.review', targetType: 'application', targetId,
  communityId: IDS.community, detail: { i },
})
/** audit records without their ids (a sequence may skip on one engine) */
const entries = (records: (AuditEntry & { id: number })[]) => records.map(({ id: _id, ...rest }) => rest)

type Lister<R> = (communityId: string, opts: { status?: ApplicationStatus; limit: number; after: SeqCursor | null }) => Promise<{ record: R; seq: number }[]>

/** Every page by the cursor the use case makes (the last item's seq); seq must be positive and strictly decreasing. */
async function listAll<R extends { id: string }>(list: Lister<R>, communityId: string, limit: number, status?: ApplicationStatus): Promise<R[]> {
  const out: R[] = []
  let after: SeqCursor | null = null
  let last = Infinity
  for (let i = 0; i < 100; i++) {
    const page: { record: R; seq: number }[] = await list(communityId, { status, limit, after })
    expect(page.length).toBeLessThanOrEqual(limit)
    for (const p of page) {
      expect(Number.isSafeInteger(p.seq) && p.seq > 0 && p.seq < last).toBe(true)
      last = p.seq
    }
    out.push(...page.map((p) => p.record))
    if (page.length < limit) return out
    after = page[page.length - 1]!.seq
  }
  throw new Error('too many pages')
}

const ids = (items: { id: string }[]) => items.map((i) => i.id)
const kinds = (outs: { kind: string }[]) => outs.map((o) => o.kind).sort()

// ---------- the suite ----------

export function applicationsContract(engine: string, open: OpenApplicationsEngine, opts: { reference?: OpenApplicationsEngine } = {}): void {
  function scenario(title: string, run: (s: ApplicationsContractStore) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenApplicationsEngine) => {
        const e = await openIt()
        try {
          n = 0
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

  describe(`applications port contract on ${engine}`, () => {
    describe('resident applications: apply', () => {
      scenario('a member claim is pending; a 户主 claim with the roster name verifies and binds the user; refusals', async (s) => {
        const r = s.residentApplications
        const member = await r.apply(residentApp(applicant(0), { name: '王五', relation: 'member' }), null)
        expect(member.kind).toBe('pending')
        const rec = (member as { application: ResidentApplicationRecord }).application
        expect(rec).toEqual({
          id: 'ra_u_a0_1', userId: applicant(0), communityId: IDS.community, gridId: IDS.g1, gridName: '第一网格',
          building: '1', unit: '1', room: '101', name: '王五', relation: 'member', status: 'pending', householdId: null,
          reason: null, reviewerId: null, createdAt: NOW, reviewedAt: null, rosterHouseholdId: 'h_1', rosterHeadName: '张一',
        })
        expect(await r.get(rec.id)).toEqual(rec)
        expect(await r.apply(residentApp(applicant(0)), null)).toEqual({ kind: 'alreadyPending' })
        expect(await r.apply(residentApp(IDS.verified), null)).toEqual({ kind: 'alreadyVerified' })

        // the 户主 by the roster's name (another spelling of the room): verified at once, the user bound and renamed
        const head = await r.apply(residentApp(applicant(1), { name: '张一', relation: 'head', building: '1栋', unit: '1单元', room: '101室' }), null)
        expect(head).toMatchObject({ kind: 'verified', application: { status: 'verified', householdId: 'h_1', reviewedAt: NOW } })
        expect(await s.users.get(applicant(1))).toMatchObject({ verified: true, name: '张一', householdId: 'h_1', gridId: IDS.g1, communityId: IDS.community })
        expect(await r.relationOf(applicant(1), 'h_1')).toBe('head')
        expect(await r.relationOf(applicant(0), 'h_1')).toBeNull()
        // the seat is taken now: the same claim by someone else waits for review
        const second = await r.apply(residentApp(applicant(2), { name: '张一', relation: 'head' }), null)
        expect(second).toMatchObject({ kind: 'pending', application: { householdId: null } })
        // another name: review; no such room: review, no roster match
        const wrongName = await r.apply(residentApp(applicant(3), { name: '张三', relation: 'head', room: '102' }), null)
        expect(wrongName).toMatchObject({ kind: 'pending', application: { rosterHouseholdId: 'h_2', rosterHeadName: '张二' } })
        const noRoom = await r.apply(residentApp(applicant(4), { relation: 'head', room: '999' }), null)
        expect(noRoom).toMatchObject({ kind: 'pending', application: { rosterHouseholdId: null, rosterHeadName: null } })

        // the roster has the 户主's phone: a typed phone is not enough, the verified same number is
        await s.users.setPhone(applicant(5), '13800000002', false)
        const typed = await r.apply(residentApp(applicant(5), { name: '张二', relation: 'head', room: '102' }), null)
        expect(typed.kind).toBe('pending')
        await s.users.setPhone(applicant(6), '13800000002', true)
        const byPhone = await r.apply(residentApp(applicant(6), { name: '张二', relation: 'head', room: '102' }), null)
        expect(byPhone).toMatchObject({ kind: 'verified', application: { householdId: 'h_2' } })

        expect(await r.latestOf(applicant(0))).toEqual(rec)
        expect(await r.latestOf(IDS.committee)).toBeNull()
        return { member, head, second, wrongName, noRoom, typed, byPhone, user: await s.users.get(applicant(6)) }
      })

      scenario('the same requestId again answers the first reply, whatever happened since; another input: keyReused; a refusal keeps no key', async (s) => {
        const r = s.residentApplications
        const k = key(applicant(0), 'req-1')
        const first = await r.apply(residentApp(applicant(0), { id: 'ra_first', name: '张一', relation: 'head' }), k)
        expect(first.kind).toBe('verified')
        const again = await r.apply(residentApp(applicant(0), { id: 'ra_again', name: '张一', relation: 'head' }), k)
        expect(again).toEqual({ kind: 'replayed', result: { status: 'verified', applicationId: 'ra_first' } })
        expect(await r.get('ra_again')).toBeNull()
        expect(await r.apply(residentApp(applicant(0), { id: 'ra_other' }), { ...k, fingerprint: 'f2' })).toEqual({ kind: 'keyReused' })

        const k1 = key(applicant(1), 'req-2')
        const pending = await r.apply(residentApp(applicant(1), { id: 'ra_p' }), k1)
        expect(pending.kind).toBe('pending')
        // reviewed since: the retry still gets the first reply
        expect((await r.review('ra_p', decision(true), 'h_1', audit('ra_p'))).kind).toBe('done')
        expect(await r.apply(residentApp(applicant(1), { id: 'ra_p2' }), k1)).toEqual({ kind: 'replayed', result: { status: 'pending', applicationId: 'ra_p' } })

        // refused (a pending application): nothing kept under the key, so after a rejection the same key applies afresh
        await r.apply(residentApp(applicant(2), { id: 'ra_q' }), null)
        const k2 = key(applicant(2), 'req-3')
        expect(await r.apply(residentApp(applicant(2), { id: 'ra_q2' }), k2)).toEqual({ kind: 'alreadyPending' })
        await r.review('ra_q', decision(false), null, audit('ra_q'))
        const fresh = await r.apply(residentApp(applicant(2), { id: 'ra_q3' }), k2)
        expect(fresh).toMatchObject({ kind: 'pending', application: { id: 'ra_q3' } })
        return { first, again, pending, fresh }
      })
    })

    describe('resident applications: list and review', () => {
      scenario('list: newest first by seq; every page size gives the same list; the status filter; nothing from another community', async (s) => {
        const r = s.residentApplications
        for (let i = 0; i < 8; i++) await r.apply(residentApp(applicant(i), { id: `ra_${i}`, createdAt: minutes(i % 3) }), null)
        await r.apply(residentApp(IDS.siblingUser, { id: 'ra_hx', communityId: IDS.sibling, gridId: IDS.gSibling }), null)
        await r.review('ra_2', decision(true), 'h_1', audit('ra_2'))
        await r.review('ra_5', decision(false), null, audit('ra_5'))
        const list = r.list.bind(r)
        const all = await listAll(list, IDS.community, 100)
        // insertion order, not createdAt
        expect(ids(all)).toEqual(['ra_7', 'ra_6', 'ra_5', 'ra_4', 'ra_3', 'ra_2', 'ra_1', 'ra_0'])
        for (const limit of [1, 2, 3, 7]) expect(await listAll(list, IDS.community, limit)).toEqual(all)
        expect(ids(await listAll(list, IDS.community, 2, 'pending'))).toEqual(['ra_7', 'ra_6', 'ra_4', 'ra_3', 'ra_1', 'ra_0'])
        expect(ids(await listAll(list, IDS.community, 1, 'verified'))).toEqual(['ra_2'])
        expect(ids(await listAll(list, IDS.community, 1, 'rejected'))).toEqual(['ra_5'])
        expect(ids(await listAll(list, IDS.sibling, 10))).toEqual(['ra_hx'])
        // a later application of the same person is their latest
        await r.apply(residentApp(applicant(5), { id: 'ra_5b' }), null)
        expect((await r.latestOf(applicant(5)))?.id).toBe('ra_5b')
        expect(ids(await listAll(list, IDS.community, 3))[0]).toBe('ra_5b')
        return { all }
      })

      scenario('review: approval binds the user to the household, rejection keeps the reason; decided once; headTaken', async (s) => {
        const r = s.residentApplications
        await r.apply(residentApp(applicant(0), { id: 'ra_m' }), null)
        const done = await r.review('ra_m', decision(true), 'h_1', audit('ra_m'))
        expect(done).toMatchObject({ kind: 'done', application: { status: 'verified', householdId: 'h_1', reviewerId: IDS.committee, reviewedAt: minutes(5), reason: null } })
        expect(await s.users.get(applicant(0))).toMatchObject({ verified: true, name: '王五', householdId: 'h_1', gridId: IDS.g1 })
        expect(await r.relationOf(applicant(0), 'h_1')).toBe('member')
        expect(await r.review('ra_m', decision(false), null, audit('ra_m', 1))).toEqual({ kind: 'alreadyDecided' })
        expect(await r.review('nothing', decision(true), 'h_1', audit('nothing'))).toEqual({ kind: 'alreadyDecided' })

        await r.apply(residentApp(applicant(1), { id: 'ra_r' }), null)
        const rejected = await r.review('ra_r', decision(false), null, audit('ra_r'))
        expect(rejected).toMatchObject({ kind: 'done', application: { status: 'rejected', reason: '信息不符', householdId: null } })
        expect(await s.users.get(applicant(1))).toMatchObject({ verified: false, householdId: null })

        // two 户主 claims of h_3 for review (another name): the first approved holds the seat
        await r.apply(residentApp(applicant(2), { id: 'ra_h1', gridId: IDS.g2, building: '2', unit: '', room: '1', relation: 'head' }), null)
        await r.apply(residentApp(applicant(3), { id: 'ra_h2', gridId: IDS.g2, building: '2', unit: '', room: '1', relation: 'head' }), null)
        expect((await r.review('ra_h1', decision(true), 'h_3', audit('ra_h1'))).kind).toBe('done')
        expect(await r.review('ra_h2', decision(true), 'h_3', audit('ra_h2'))).toEqual({ kind: 'headTaken' })
        expect((await r.get('ra_h2'))?.status).toBe('pending')
        expect(await r.relationOf(applicant(2), 'h_3')).toBe('head')

        // approval without a household: decided, nobody bound (applicantVerified needs a verification by other
        // means, which no repository of this contract writes: test/api/residents.* prove it on SQLite)
        const log = async () => entries(await s.audit.list({ limit: 50 }))
        const before = await log()
        expect(await r.review('ra_h2', decision(true), null, audit('ra_h2', 2))).toMatchObject({ kind: 'done', application: { status: 'verified', householdId: null } })
        expect(await s.users.get(applicant(3))).toMatchObject({ verified: false })
        expect((await log()).length).toBe(before.length + 1)
        return { done, rejected, log: await log(), h2: await r.get('ra_h2') }
      })
    })

    describe('resident applications: races', () => {
      scenario('10 concurrent reviews of one application: exactly one decides, binds and writes the audit entry', async (s) => {
        const r = s.residentApplications
        await r.apply(residentApp(applicant(0), { id: 'ra_x' }), null)
        const outs = await Promise.all(
          Array.from({ length: 10 }, (_, i) => r.review('ra_x', decision(i % 2 === 0, minutes(5 + i)), i % 2 === 0 ? 'h_1' : null, audit('ra_x', i))),
        )
        expect(kinds(outs)).toEqual([...Array(9).fill('alreadyDecided'), 'done'])
        const won = outs.find((o) => o.kind === 'done') as { application: ResidentApplicationRecord }
        expect(await r.get('ra_x')).toEqual(won.application)
        const log = await s.audit.list({ targetId: 'ra_x', limit: 20 })
        expect(log).toHaveLength(1)
        expect(log[0]!.detail).toEqual({ i: (Date.parse(won.application.reviewedAt!) - Date.parse(minutes(5))) / 60_000 })
        expect((await s.users.get(applicant(0)))?.verified).toBe(won.application.status === 'verified')
        return { kinds: kinds(outs) }
      })

      scenario('10 concurrent applications of one person: one pending, the others alreadyPending', async (s) => {
        const r = s.residentApplications
        const outs = await Promise.all(Array.from({ length: 10 }, (_, i) => r.apply(residentApp(applicant(0), { id: `ra_c${i}` }), null)))
        expect(kinds(outs)).toEqual([...Array(9).fill('alreadyPending'), 'pending'])
        expect(await listAll(r.list.bind(r), IDS.community, 100)).toHaveLength(1)
        return { kinds: kinds(outs) }
      })

      scenario('10 concurrent retries with one requestId: one application, the others replay its reply', async (s) => {
        const r = s.residentApplications
        const k = key(applicant(0), 'req-race')
        const outs = await Promise.all(
          Array.from({ length: 10 }, (_, i) => r.apply(residentApp(applicant(0), { id: `ra_k${i}`, name: '张一', relation: 'head' }), k)),
        )
        expect(kinds(outs)).toEqual([...Array(9).fill('replayed'), 'verified'])
        const won = outs.find((o) => o.kind === 'verified') as { application: ResidentApplicationRecord }
        for (const o of outs) if (o.kind === 'replayed') expect(o.result).toEqual({ status: 'verified', applicationId: won.application.id })
        expect(await listAll(r.list.bind(r), IDS.community, 100)).toHaveLength(1)
        return { kinds: kinds(outs) }
      })

      scenario('10 people claim one 户主 seat at once with the roster name: exactly one is verified, the others wait for review', async (s) => {
        const r = s.residentApplications
        const outs = await Promise.all(
          Array.from({ length: 10 }, (_, i) => r.apply(residentApp(applicant(i), { id: `ra_s${i}`, name: '张一', relation: 'head' }), null)),
        )
        expect(kinds(outs)).toEqual([...Array(9).fill('pending'), 'verified'])
        const won = outs.find((o) => o.kind === 'verified') as { application: ResidentApplicationRecord }
        const bound = []
        for (let i = 0; i < 10; i++) if ((await s.users.get(applicant(i)))?.householdId === 'h_1') bound.push(applicant(i))
        expect(bound).toEqual([won.application.userId])
        return { kinds: kinds(outs) }
      })
    })

    describe('volunteer applications', () => {
      scenario('apply, refusals, review: approval grants the role once; list pages newest first; requestId retries', async (s) => {
        const v = s.volunteerApplications
        await s.users.setPhone(applicant(0), '13900000000', false)
        const created = await v.apply(volunteerApp(applicant(0), { id: 'va_0' }), key(applicant(0), 'v-1', 'f1', 'volunteer.apply'))
        const rec = (created as { application: VolunteerApplicationRecord }).application
        expect(rec).toEqual({
          id: 'va_0', userId: applicant(0), communityId: IDS.community, name: '微信用户 0', phone: '13900000000', gridId: null,
          gridName: null, skills: '修水管', availability: '周末', status: 'pending', reason: null, createdAt: NOW, reviewedAt: null,
        })
        expect(await v.apply(volunteerApp(applicant(0), { id: 'va_0b' }), key(applicant(0), 'v-1', 'f1', 'volunteer.apply'))).toEqual({ kind: 'replayed', application: rec })
        expect(await v.apply(volunteerApp(applicant(0)), key(applicant(0), 'v-1', 'f2', 'volunteer.apply'))).toEqual({ kind: 'keyReused' })
        expect(await v.apply(volunteerApp(applicant(0)), null)).toEqual({ kind: 'alreadyPending' })
        const done = await v.review('va_0', decision(true), audit('va_0'))
        expect(done).toMatchObject({ kind: 'done', application: { status: 'verified', reviewedAt: minutes(5) } })
        expect((await s.users.get(applicant(0)))?.roles.filter((x) => x === 'volunteer')).toEqual(['volunteer'])
        expect(await v.review('va_0', decision(false), audit('va_0', 1))).toEqual({ kind: 'alreadyDecided' })
        expect(await v.apply(volunteerApp(applicant(0)), null)).toEqual({ kind: 'alreadyVolunteer' })

        // the user's grid shows on the record (the verified one's)
        await v.apply(volunteerApp(IDS.verified, { id: 'va_v' }), null)
        expect(await v.get('va_v')).toMatchObject({ gridId: IDS.g1, gridName: '第一网格', name: '陈一' })
        for (let i = 1; i < 7; i++) await v.apply(volunteerApp(applicant(i), { id: `va_${i}`, createdAt: minutes(-i) }), null)
        await v.review('va_3', decision(false), audit('va_3'))
        await v.apply(volunteerApp(IDS.siblingUser, { id: 'va_hx', communityId: IDS.sibling }), null)
        const list = v.list.bind(v)
        const all = await listAll(list, IDS.community, 100)
        expect(ids(all)).toEqual(['va_6', 'va_5', 'va_4', 'va_3', 'va_2', 'va_1', 'va_v', 'va_0'])
        for (const limit of [1, 2, 5]) expect(await listAll(list, IDS.community, limit)).toEqual(all)
        expect(ids(await listAll(list, IDS.community, 2, 'pending'))).toEqual(['va_6', 'va_5', 'va_4', 'va_2', 'va_1', 'va_v'])
        expect(ids(await listAll(list, IDS.sibling, 2))).toEqual(['va_hx'])
        await v.apply(volunteerApp(applicant(3), { id: 'va_3b' }), null)
        expect((await v.latestOf(applicant(3)))?.id).toBe('va_3b')
        expect(await v.latestOf(IDS.committee)).toBeNull()
        return { created, done, all, log: entries(await s.audit.list({ limit: 20 })) }
      })

      scenario('races: 10 reviews of one application decide it once (one role, one audit entry); 10 applications of one person make one', async (s) => {
        const v = s.volunteerApplications
        await v.apply(volunteerApp(applicant(0), { id: 'va_x' }), null)
        const reviews = await Promise.all(Array.from({ length: 10 }, (_, i) => v.review('va_x', decision(true, minutes(5 + i)), audit('va_x', i))))
        expect(kinds(reviews)).toEqual([...Array(9).fill('alreadyDecided'), 'done'])
        expect(await s.audit.list({ targetId: 'va_x', limit: 20 })).toHaveLength(1)
        expect((await s.users.get(applicant(0)))?.roles.filter((x) => x === 'volunteer')).toEqual(['volunteer'])

        const applies = await Promise.all(Array.from({ length: 10 }, (_, i) => v.apply(volunteerApp(applicant(1), { id: `va_c${i}` }), null)))
        expect(kinds(applies)).toEqual([...Array(9).fill('alreadyPending'), 'created'])
        const k = key(applicant(2), 'v-race', 'f1', 'volunteer.apply')
        const retries = await Promise.all(Array.from({ length: 10 }, (_, i) => v.apply(volunteerApp(applicant(2), { id: `va_k${i}` }), k)))
        expect(kinds(retries)).toEqual(['created', ...Array(9).fill('replayed')])
        expect(await listAll(v.list.bind(v), IDS.community, 100)).toHaveLength(3)
        return { reviews: kinds(reviews), applies: kinds(applies), retries: kinds(retries) }
      })
    })
  })
}
