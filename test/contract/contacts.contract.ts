/**
 * The port contract of contacts (ContactRepo, issue 17), declared once and run against every engine by thin test
 * files (test/api/contacts.contract.test.ts: SQLite; test/postgres/contacts.contract.test.ts: PostgreSQL, with
 * SQLite as the reference: each scenario's deterministic result must be deep-equal on both). The races (calls at once
 * through Promise.all) are real concurrency between sessions on PostgreSQL; SQLite runs them one after another.
 */
import { MAX_HOUSEHOLDS_PER_CADRE } from '@/domain/contacts'
import type { ContactRepo, NewAssignment, NewCadre, NewContactLog } from '../../cloud/contacts/ports'
import type { RaiseReport } from '../../cloud/contacts/ports'
import type { ReportRepo } from '../../cloud/reports/ports'
import type { AuditEntry, AuditRepo, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'

export interface ContactsContractStore {
  users: UserRepo
  audit: AuditRepo
  reports: ReportRepo
  contacts: ContactRepo
}

export interface ContactsContractEngine {
  store: ContactsContractStore
  fixtures: FixtureWriter
  close(): Promise<void>
}

export type OpenContactsEngine = () => Promise<ContactsContractEngine>

const NOW = '2025-03-01T02:00:00.000Z'
const CREATED = '2025-01-01T00:00:00.000Z'
const minutes = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString()

const C = 'c_jj'
const OTHER = 'c_hx'
const CADRE = 'u_cadre'
const CADRE2 = 'u_cadre2'
const FAR = 'u_far' // a cadre of the other community
const COMMITTEE = 'u_committee'
const HH = (i: number) => `h_${String(i).padStart(2, '0')}`
const HOUSEHOLDS = 60

function person(id: string, name: string, p: Partial<NewUser> = {}): NewUser {
  return {
    id, name, phone: null, roles: ['resident'], communityId: C, gridId: 'g_1', householdId: null, verified: true, workerGridIds: [],
    createdAt: CREATED, ...p,
  }
}

async function buildFixture(e: ContactsContractEngine): Promise<void> {
  const f = e.fixtures
  await f.street({ id: 'st', name: '城东街道', seq: 0 })
  await f.community({ id: C, streetId: 'st', name: '锦江社区', kind: 'community', seq: 0 })
  await f.community({ id: OTHER, streetId: 'st', name: '河西村', kind: 'village', seq: 1 })
  await f.grid({ id: 'g_1', communityId: C, name: '第一网格', seq: 1, boundary: null, servicePhone: null })
  await f.grid({ id: 'g_2', communityId: C, name: '第二网格', seq: 2, boundary: null, servicePhone: null })
  await f.grid({ id: 'g_hx', communityId: OTHER, name: '一组', seq: 0, boundary: null, servicePhone: null })
  for (let i = 1; i <= HOUSEHOLDS; i++) {
    await f.household({ id: HH(i), gridId: i % 2 ? 'g_1' : 'g_2', building: `${Math.ceil(i / 10)}栋`, unit: '', room: String(100 + i), headName: `户主${i}`, adults: 2, phone: null, updatedAt: CREATED })
  }
  await f.household({ id: 'h_hx', gridId: 'g_hx', building: '1组', unit: '', room: '1', headName: '河西户', adults: 1, phone: null, updatedAt: CREATED })
  const u = e.store.users
  await u.create(person(COMMITTEE, '周主任', { roles: ['committee'], gridId: null }))
  await u.create(person(CADRE, '杨党员', { phone: '13900000001', householdId: HH(1) }))
  await u.create(person(CADRE2, '李楼长', { phone: '13900000002', householdId: HH(2), gridId: 'g_2' }))
  await u.create(person(FAR, '河西干部', { communityId: OTHER, gridId: 'g_hx' }))
}

const cadre = (userId: string, p: Partial<NewCadre> = {}): NewCadre => ({
  userId, communityId: C, title: 'partyMember', publishPhone: true, publicNote: '晚上可打电话', at: NOW, ...p,
})
const assignment = (householdId: string, cadreId: string, at = NOW, communityId = C): NewAssignment => ({
  householdId, cadreId, communityId, assignedBy: COMMITTEE, at,
})
const audit = (action: string, targetId: string): AuditEntry => ({ at: NOW, actorId: COMMITTEE, action, targetType: 'household', targetId, communityId: C })
let n = 0
const log = (householdId: string, p: Partial<NewContactLog> = {}): NewContactLog => ({
  id: `cl_${++n}`, householdId, cadreId: CADRE, communityId: C, kind: 'visit', at: minutes(-60), note: '上门走访', createdAt: NOW, ...p,
})
const key = (requestId: string, fingerprint = 'f1', userId = CADRE): IdempotencyKey => ({ userId, action: 'contact.log', requestId, fingerprint })

function prepared(id: string, reporterId = CADRE, k: IdempotencyKey | null = null): RaiseReport {
  return {
    report: {
      id, communityId: C, streetId: 'st', districtId: null, cityId: null, gridId: 'g_1', reporterId, category: 'facility',
      description: '楼道灯坏了好几天', latitude: null, longitude: null, address: null, coordSource: null, anonymous: false,
      visibility: 'private', moderation: 'clean', assigneeId: null, acceptBy: minutes(600), resolveBy: minutes(6000), createdAt: NOW,
    },
    photoIds: [],
    messages: [],
    key: k,
  }
}

export function contactsContract(engine: string, open: OpenContactsEngine, opts: { reference?: OpenContactsEngine } = {}): void {
  function scenario(title: string, run: (s: ContactsContractStore) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenContactsEngine) => {
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

  describe(`contacts port contract on ${engine}`, () => {
    scenario('setCadre upserts the attribute with its audit entry; cadre reads it back', async (s) => {
      const c = s.contacts
      expect(await c.cadre(CADRE)).toBeNull()
      const first = await c.setCadre(cadre(CADRE), audit('contact.setCadre', CADRE))
      expect(first).toEqual({
        userId: CADRE, communityId: C, name: '杨党员', phone: '13900000001', title: 'partyMember', publishPhone: true,
        publicNote: '晚上可打电话', households: 0, lastLogAt: null, createdAt: NOW, updatedAt: NOW,
      })
      const changed = await c.setCadre(cadre(CADRE, { title: 'buildingHead', publishPhone: false, publicNote: null, at: minutes(5) }), audit('contact.setCadre', CADRE))
      expect(changed).toMatchObject({ title: 'buildingHead', publishPhone: false, publicNote: null, createdAt: NOW, updatedAt: minutes(5) })
      expect(await c.cadre(CADRE)).toEqual(changed)
      expect((await s.audit.list({ targetId: CADRE, limit: 10 })).map((a) => a.action)).toEqual(['contact.setCadre', 'contact.setCadre'])
      return { first, changed }
    })

    scenario('setCadre for a person who moved: the former community’s households lose them, the counter starts again', async (s) => {
      const c = s.contacts
      await c.setCadre(cadre(CADRE), audit('x', CADRE))
      await c.assign(assignment(HH(1), CADRE), audit('a', HH(1)))
      await c.assign(assignment(HH(3), CADRE), audit('a', HH(3)))
      const moved = await c.setCadre(cadre(CADRE, { communityId: OTHER, at: minutes(9) }), audit('x', CADRE))
      expect(moved).toMatchObject({ communityId: OTHER, households: 0, createdAt: NOW, updatedAt: minutes(9) })
      expect(await c.assignmentOf(HH(1))).toBeNull()
      expect((await c.overview(C, 1)).cadres).toEqual([])
      expect(await c.assign(assignment('h_hx', CADRE, NOW, OTHER), audit('a', 'h_hx'))).toEqual({ kind: 'assigned', previousCadreId: null })
      // the same community again keeps the households
      expect((await c.setCadre(cadre(CADRE, { communityId: OTHER, title: 'groupHead' }), audit('x', CADRE))).households).toBe(1)
      return moved
    })

    scenario('assign: one contact per household, reassign moves the counters, unchanged, notCadre, full', async (s) => {
      const c = s.contacts
      await c.setCadre(cadre(CADRE), audit('x', CADRE))
      await c.setCadre(cadre(CADRE2), audit('x', CADRE2))
      await c.setCadre(cadre(FAR, { communityId: OTHER }), audit('x', FAR))
      const outs = [
        await c.assign(assignment(HH(1), CADRE), audit('contact.assign', HH(1))),
        await c.assign(assignment(HH(1), CADRE), audit('contact.assign', HH(1))),
        await c.assign(assignment(HH(1), CADRE2, minutes(1)), audit('contact.assign', HH(1))),
        await c.assign(assignment(HH(3), FAR), audit('contact.assign', HH(3))),
        await c.assign(assignment(HH(3), COMMITTEE), audit('contact.assign', HH(3))),
      ]
      expect(outs).toEqual([
        { kind: 'assigned', previousCadreId: null },
        { kind: 'unchanged' },
        { kind: 'assigned', previousCadreId: CADRE },
        { kind: 'notCadre' },
        { kind: 'notCadre' },
      ])
      expect(await c.assignmentOf(HH(1))).toEqual({ cadreId: CADRE2, communityId: C })
      expect(await c.assignmentOf(HH(3))).toBeNull()
      expect((await c.cadre(CADRE))?.households).toBe(0)
      expect((await c.cadre(CADRE2))?.households).toBe(1)
      // the cap
      for (let i = 2; i < 2 + MAX_HOUSEHOLDS_PER_CADRE; i++) expect((await c.assign(assignment(HH(i), CADRE), audit('a', HH(i)))).kind).toBe('assigned')
      expect(await c.assign(assignment(HH(2 + MAX_HOUSEHOLDS_PER_CADRE), CADRE), audit('a', 'x'))).toEqual({ kind: 'full' })
      expect((await c.cadre(CADRE))?.households).toBe(MAX_HOUSEHOLDS_PER_CADRE)
      // two assign entries for HH(1) (the unchanged one wrote none)
      expect((await s.audit.list({ targetId: HH(1), limit: 10 })).map((a) => a.detail)).toEqual([
        { previousCadreId: CADRE }, { previousCadreId: null },
      ])
      return outs
    })

    scenario('log: only the contact; replayed and keyReused by key; the last contact per household, oldest first', async (s) => {
      const c = s.contacts
      await c.setCadre(cadre(CADRE), audit('x', CADRE))
      for (const i of [1, 3, 5]) await c.assign(assignment(HH(i), CADRE), audit('a', HH(i)))
      const first = await c.log(log(HH(1), { kind: 'call', at: minutes(-30), note: '电话\n问候' }), key('r1'))
      expect(first).toEqual({
        kind: 'logged',
        log: { id: 'cl_1', householdId: HH(1), cadreId: CADRE, cadreName: '杨党员', kind: 'call', at: minutes(-30), note: '电话\n问候', createdAt: NOW },
      })
      expect(await c.log(log(HH(1), { kind: 'call', at: minutes(-30), note: '电话\n问候' }), key('r1'))).toEqual({ kind: 'replayed', log: (first as { log: unknown }).log })
      expect(await c.log(log(HH(1)), key('r1', 'f2'))).toEqual({ kind: 'keyReused' })
      expect(await c.log(log(HH(7)), key('r2'))).toEqual({ kind: 'notContact' })
      // a refusal keeps no key: the same key may log once the household is theirs
      await c.assign(assignment(HH(7), CADRE), audit('a', HH(7)))
      expect((await c.log(log(HH(7), { at: minutes(-300) }), key('r2'))).kind).toBe('logged')
      await c.log(log(HH(3), { at: minutes(-600), kind: 'wechat' }), null)
      await c.log(log(HH(3), { at: minutes(-10), kind: 'visit' }), null)
      const households = await c.householdsOf(CADRE)
      expect(households.map((h) => [h.householdId, h.lastContactAt, h.lastKind])).toEqual([
        [HH(1), minutes(-30), 'call'],
        [HH(3), minutes(-10), 'visit'],
        [HH(5), null, null],
        [HH(7), minutes(-300), 'visit'],
      ])
      expect((await c.cadre(CADRE))?.lastLogAt).toBe(minutes(-10))
      expect((await c.history(HH(3), 10)).map((l) => l.kind)).toEqual(['visit', 'wechat'])
      expect(await c.history(HH(3), 1)).toHaveLength(1)
      return households
    })

    scenario('contactOf, overview and removeCadre', async (s) => {
      const c = s.contacts
      await c.setCadre(cadre(CADRE, { publishPhone: false }), audit('x', CADRE))
      await c.setCadre(cadre(CADRE2), audit('x', CADRE2))
      await c.assign(assignment(HH(1), CADRE), audit('a', HH(1)))
      await c.assign(assignment(HH(2), CADRE2), audit('a', HH(2)))
      expect(await c.contactOf(HH(1))).toEqual({ cadreId: CADRE, name: '杨党员', phone: '13900000001', title: 'partyMember', publishPhone: false, publicNote: '晚上可打电话' })
      expect(await c.contactOf(HH(4))).toBeNull()
      const o = await c.overview(C, 5)
      expect(o.cadres.map((x) => [x.userId, x.households])).toEqual([[CADRE2, 1], [CADRE, 1]]) // by name: 李 before 杨
      expect(o.uncoveredTotal).toBe(HOUSEHOLDS - 2)
      expect(o.uncovered.map((h) => h.householdId)).toEqual([HH(3), HH(5), HH(7), HH(9), HH(11)]) // 第一网格 first, by building and room
      expect(o.uncovered[0]).toEqual({ householdId: HH(3), building: '1栋', unit: '', room: '103', headName: '户主3', gridName: '第一网格' })
      expect((await c.overview(OTHER, 5)).uncoveredTotal).toBe(1)
      expect(await c.removeCadre(CADRE, OTHER, audit('r', CADRE))).toEqual({ removed: false, households: 0 })
      expect(await c.removeCadre(CADRE, C, audit('r', CADRE))).toEqual({ removed: true, households: 1 })
      expect(await c.cadre(CADRE)).toBeNull()
      expect(await c.assignmentOf(HH(1))).toBeNull()
      return o
    })

    scenario('raise: the report and its on-behalf marks in one transaction; not the contact: nothing; a replay by key', async (s) => {
      const c = s.contacts
      await c.setCadre(cadre(CADRE), audit('x', CADRE))
      await c.assign(assignment(HH(1), CADRE), audit('a', HH(1)))
      const note = '代为上报：由联系户党员代住户上报'
      const k: IdempotencyKey = { userId: CADRE, action: 'contact.raise', requestId: 'q1', fingerprint: 'f' }
      expect(await c.raise(prepared('r_1', CADRE, k), { householdId: HH(1), raisedBy: CADRE, note })).toEqual({ kind: 'created', reportId: 'r_1' })
      expect(await c.raise(prepared('r_2', CADRE, k), { householdId: HH(1), raisedBy: CADRE, note })).toEqual({ kind: 'replayed', reportId: 'r_1' })
      expect(await c.raise(prepared('r_3', CADRE), { householdId: HH(2), raisedBy: CADRE, note })).toEqual({ kind: 'notContact' })
      expect(await s.reports.get('r_3')).toBeNull()
      const detail = await s.reports.detail('r_1', CADRE)
      expect(detail?.events[0]).toMatchObject({ action: 'create', note })
      expect((await s.reports.get('r_1'))?.reporterId).toBe(CADRE)
      return detail?.events.map((e) => [e.action, e.note])
    })

    scenario('races: one household assigned to two cadres at once; ten assigns at the cap; one key logged ten times', async (s) => {
      const c = s.contacts
      await c.setCadre(cadre(CADRE), audit('x', CADRE))
      await c.setCadre(cadre(CADRE2), audit('x', CADRE2))
      const both = await Promise.all(Array.from({ length: 10 }, (_, i) => c.assign(assignment(HH(1), i % 2 ? CADRE : CADRE2), audit('a', HH(1)))))
      expect(both.every((o) => o.kind === 'assigned' || o.kind === 'unchanged')).toBe(true)
      const holder = (await c.assignmentOf(HH(1)))!.cadreId
      expect([(await c.cadre(CADRE))!.households, (await c.cadre(CADRE2))!.households]).toEqual(holder === CADRE ? [1, 0] : [0, 1])

      for (let i = 11; i < 11 + MAX_HOUSEHOLDS_PER_CADRE - 2; i++) await c.assign(assignment(HH(i), CADRE2), audit('a', HH(i)))
      const before = (await c.cadre(CADRE2))!.households
      const outs = await Promise.all(Array.from({ length: 8 }, (_, i) => c.assign(assignment(HH(2 + i), CADRE2), audit('a', HH(2 + i)))))
      const assigned = outs.filter((o) => o.kind === 'assigned').length
      expect(before + assigned).toBe(MAX_HOUSEHOLDS_PER_CADRE)
      expect(outs.filter((o) => o.kind === 'full')).toHaveLength(outs.length - assigned)
      expect((await c.cadre(CADRE2))!.households).toBe(MAX_HOUSEHOLDS_PER_CADRE)

      await c.assign(assignment(HH(60), CADRE), audit('a', HH(60)))
      const logs = await Promise.all(Array.from({ length: 10 }, () => c.log(log(HH(60), { id: `cl_race_${++n}` }), key('same'))))
      expect(logs.filter((o) => o.kind === 'logged')).toHaveLength(1)
      expect(logs.filter((o) => o.kind === 'replayed')).toHaveLength(9)
      expect(await c.history(HH(60), 10)).toHaveLength(1)
      // Who won HH(1) is up to the race, so how many of the eight fit differs between runs; the cap reached does not.
      return { atCap: (await c.cadre(CADRE2))!.households, logs: logs.map((o) => o.kind).sort() }
    })
  })
}
