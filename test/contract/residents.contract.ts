/**
 * The residents feature's port contract, as far as PostgreSQL has it: the household roster (HouseholdRepo) and
 * the shared repositories it is read with (users, audit). Declared once and run against every engine by a thin
 * test file (test/api/residents.contract.test.ts: SQLite; test/postgres/residents.contract.test.ts: PostgreSQL),
 * in the shape of notices.contract.ts: each scenario runs on a fresh store with the same fixture, asserts the
 * behaviour and returns what is deterministic about it; given a `reference` engine, the same scenario runs there
 * and the two results must be deep-equal.
 *
 * The races (several imports at once through Promise.all) are real concurrency between sessions on PostgreSQL (a
 * pool of more connections than calls, connected beforehand); on SQLite one connection runs them one after
 * another, and test/api/residents.concurrency.test.ts proves the same across processes there.
 *
 * Resident and volunteer applications have their own contract: applications.contract.ts.
 */
import type { HouseholdCursor, HouseholdRecord, HouseholdRepo, HouseholdScope, ImportOutcome, RosterRow } from '../../cloud/residents/ports'
import type { AuditEntry, AuditRepo, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'

export interface ResidentsContractStore {
  users: UserRepo
  audit: AuditRepo
  households: HouseholdRepo
}

export interface ResidentsContractEngine {
  store: ResidentsContractStore
  fixtures: FixtureWriter
  close(): Promise<void>
}

export type OpenResidentsEngine = () => Promise<ResidentsContractEngine>

export const NOW = '2025-03-01T02:00:00.000Z'
const CREATED = '2025-01-01T00:00:00.000Z'
const minutes = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString()

// ---------- the fixture ----------

export const IDS = {
  street: 'st_east',
  community: 'c_jj',
  sibling: 'c_hx',
  g1: 'g_jj_1',
  g2: 'g_jj_2',
  g3: 'g_jj_3', // seq 0: listed first
  gSibling: 'g_hx_1',
  committee: 'u_committee',
  resident1: 'u_r1', // verified, h_1_01
  resident1b: 'u_r1b', // verified, h_1_01
  pending: 'u_p1', // not verified, h_1_01: not a member
}

function person(id: string, name: string, p: Partial<NewUser>): NewUser {
  return {
    id,
    name,
    phone: null,
    roles: ['resident'],
    communityId: IDS.community,
    gridId: null,
    householdId: null,
    verified: true,
    workerGridIds: [],
    createdAt: CREATED,
    ...p,
  }
}

async function buildFixture(e: ResidentsContractEngine): Promise<void> {
  const f = e.fixtures
  await f.street({ id: IDS.street, name: '城东街道', seq: 0 })
  await f.community({ id: IDS.community, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await f.community({ id: IDS.sibling, streetId: IDS.street, name: '河西村', kind: 'village', seq: 1 })
  await f.grid({ id: IDS.g1, communityId: IDS.community, name: '第一网格', seq: 1, boundary: null, servicePhone: null })
  await f.grid({ id: IDS.g2, communityId: IDS.community, name: '第二网格', seq: 2, boundary: null, servicePhone: null })
  await f.grid({ id: IDS.g3, communityId: IDS.community, name: '第三网格', seq: 0, boundary: null, servicePhone: null })
  await f.grid({ id: IDS.gSibling, communityId: IDS.sibling, name: '一组', seq: 0, boundary: null, servicePhone: null })
  const hh = (id: string, gridId: string, building: string, unit: string, room: string, headName: string, adults: number | null = 2) =>
    f.household({ id, gridId, building, unit, room, headName, adults, phone: null, updatedAt: CREATED })
  // text orders by code point (SQLite's BINARY), not as a locale would: '10' < '1栋' < '9' < 'B' < 'a' < '东'
  await hh('h_1_01', IDS.g1, '1栋', '1单元', '101', '张一')
  await hh('h_1_02', IDS.g1, '10', '', '1', '张二')
  await hh('h_1_03', IDS.g1, '9', '', '1', '张三', null)
  await hh('h_1_04', IDS.g1, 'B', '', '1', '张四')
  await hh('h_1_05', IDS.g1, 'a', '', '1', '张五')
  await hh('h_1_06', IDS.g1, '东', '', '1', '张六')
  await hh('h_1_08', IDS.g1, '9', '', '2', '张八')
  await hh('h_1_07', IDS.g1, '9', '', '10', '张七') // '10' < '2'
  await hh('h_2_01', IDS.g2, '5', '1', '101', '李一')
  await hh('h_3_01', IDS.g3, '9', '', '1', '王一')
  await hh('h_hx_01', IDS.gSibling, '1', '', '1', '河西一')

  const u = e.store.users
  await u.create(person(IDS.committee, '周主任', { roles: ['committee'] }))
  await u.create(person(IDS.resident1, '陈一', { gridId: IDS.g1, householdId: 'h_1_01' }))
  await u.create(person(IDS.resident1b, '陈二', { gridId: IDS.g1, householdId: 'h_1_01' }))
  await u.create(person(IDS.pending, '陈三', { gridId: IDS.g1, householdId: 'h_1_01', verified: false }))
}

// ---------- helpers ----------

const whole: HouseholdScope = { communityId: IDS.community, gridIds: null }

async function listAll(s: ResidentsContractStore, scope: HouseholdScope, limit: number): Promise<HouseholdRecord[]> {
  const out: HouseholdRecord[] = []
  let after: HouseholdCursor | null = null
  for (let i = 0; i < 100; i++) {
    const page: HouseholdRecord[] = await s.households.list(scope, { limit, after })
    expect(page.length).toBeLessThanOrEqual(limit)
    out.push(...page)
    if (page.length < limit) return out
    const l = page[page.length - 1]
    after = { gridSeq: l.gridSeq, building: l.building, unit: l.unit, room: l.room, id: l.id }
  }
  throw new Error('too many pages')
}

const ids = (items: { id: string }[]) => items.map((i) => i.id)
/** audit records without their ids (a sequence may skip on one engine) */
const entries = (records: (AuditEntry & { id: number })[]) => records.map(({ id: _id, ...rest }) => rest)

const roster = (gridId: string, building: string, unit: string, room: string, headName: string, adults = 2, phone: string | null = null): RosterRow => ({
  gridId, building, unit, room, headName, adults, phone,
})

const importAudit = (n: number): AuditEntry => ({
  at: minutes(n), actorId: IDS.committee, action: 'household.import', targetType: 'community', targetId: IDS.community,
  communityId: IDS.community, detail: { n },
})

/** New household ids, unique across imports: `h_new_<import>_<n>`. */
function idsFor(importNo: number): () => string {
  let n = 0
  return () => `h_new_${importNo}_${++n}`
}

/** A household without its id and update time (which a race's winner decides), for comparing across engines. */
const place = (h: HouseholdRecord) => `${h.gridId} ${h.building}/${h.unit}/${h.room} ${h.headName} ${h.adults} ${h.phone ?? '-'}`

// ---------- the suite ----------

export function residentsContract(engine: string, open: OpenResidentsEngine, opts: { reference?: OpenResidentsEngine } = {}): void {
  /** A scenario on a fresh store with the fixture; its result, if any, must be deep-equal on the reference engine. */
  function scenario(title: string, run: (s: ResidentsContractStore) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenResidentsEngine) => {
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

  describe(`residents port contract on ${engine}`, () => {
    describe('households: reads', () => {
      scenario('get and findByRoom: the record as the use cases read it; members are the verified people bound to it', async (s) => {
        const h1 = await s.households.get('h_1_01')
        expect(h1).toEqual({
          id: 'h_1_01', communityId: IDS.community, gridId: IDS.g1, gridName: '第一网格', gridSeq: 1,
          building: '1栋', unit: '1单元', room: '101', headName: '张一', adults: 2, phone: null, updatedAt: CREATED, members: 2,
        })
        // another spelling of the same room finds it (the normalised keys); the text stays as stored
        expect(await s.households.findByRoom(IDS.g1, '1', '1', '101室')).toEqual(h1)
        expect(await s.households.findByRoom(IDS.g1, ' 1 栋', '1 单元', '101')).toEqual(h1)
        expect(await s.households.findByRoom(IDS.g2, '1', '1', '101')).toBeNull()
        expect(await s.households.get('nothing')).toBeNull()
        // adults NULL reads as 0; no one bound: 0 members
        const h3 = await s.households.get('h_1_03')
        expect(h3).toMatchObject({ adults: 0, members: 0 })
        return { h1, h3 }
      })

      scenario('list: grid seq, then building, unit, room, id in code-point order; every page size gives the same list', async (s) => {
        const all = await listAll(s, whole, 100)
        expect(ids(all)).toEqual(['h_3_01', 'h_1_02', 'h_1_01', 'h_1_03', 'h_1_07', 'h_1_08', 'h_1_04', 'h_1_05', 'h_1_06', 'h_2_01'])
        for (const limit of [1, 2, 3, 7]) expect(await listAll(s, whole, limit)).toEqual(all)
        const g1 = await listAll(s, { communityId: IDS.community, gridIds: [IDS.g1] }, 2)
        expect(g1.every((h) => h.gridId === IDS.g1)).toBe(true)
        expect(ids(g1)).toEqual(ids(all).filter((id) => id.startsWith('h_1_')))
        expect(ids(await listAll(s, { communityId: IDS.community, gridIds: [IDS.g2, IDS.g3] }, 1))).toEqual(['h_3_01', 'h_2_01'])
        // no grid, a grid of another community, another community: nothing leaks across
        expect(await s.households.list({ communityId: IDS.community, gridIds: [] }, { limit: 10, after: null })).toEqual([])
        expect(await s.households.list({ communityId: IDS.community, gridIds: [IDS.gSibling] }, { limit: 10, after: null })).toEqual([])
        expect(ids(await listAll(s, { communityId: IDS.sibling, gridIds: null }, 10))).toEqual(['h_hx_01'])
        return { all }
      })

      scenario('exportAll: every household of the scope in list order, and its audit entry with the count, together', async (s) => {
        const rows = await s.households.exportAll({ communityId: IDS.community, gridIds: [IDS.g1, IDS.g3] }, (n) => ({
          at: NOW, actorId: IDS.committee, action: 'household.export', targetType: 'community', targetId: IDS.community,
          communityId: IDS.community, detail: { rows: n },
        }))
        expect(ids(rows)).toEqual(ids(await listAll(s, { communityId: IDS.community, gridIds: [IDS.g1, IDS.g3] }, 100)))
        const log = await s.audit.list({ targetId: IDS.community, limit: 5 })
        expect(log).toHaveLength(1)
        expect(log[0]).toMatchObject({ action: 'household.export', detail: { rows: 9 } })
        return { rows, log: entries(log) }
      })
    })

    describe('households: the roster import', () => {
      scenario('added, updated, unchanged by the normalised room; one audit entry with the counts; a repeat writes nothing', async (s) => {
        const rows = [
          roster(IDS.g1, '1', '1', '101室', '张一', 3), // h_1_01 under another spelling: adults changed → updated
          roster(IDS.g1, '10', '', '1', '张二'), // same → unchanged
          roster(IDS.g2, '6', '2', '201', '新户', 1, '13800000001'), // new → added
          roster(IDS.g3, '9', '', '3', '新户二', 0), // new → added
        ]
        let called = 0
        const newIds = () => `h_new_${++called}`
        const first = await s.households.importRoster(rows, newIds, NOW, importAudit(1))
        expect(first).toEqual<ImportOutcome>({ added: 2, updated: 1, unchanged: 1 })
        expect(called).toBe(2)
        const h1 = await s.households.get('h_1_01')
        // the text stays as first imported; the values and the update time are the new ones
        expect(h1).toMatchObject({ building: '1栋', unit: '1单元', room: '101', adults: 3, updatedAt: NOW, members: 2 })
        expect(await s.households.get('h_new_1')).toMatchObject({ gridId: IDS.g2, building: '6', unit: '2', room: '201', headName: '新户', adults: 1, phone: '13800000001', updatedAt: NOW })

        const again = await s.households.importRoster(rows, newIds, minutes(1), importAudit(2))
        expect(again).toEqual<ImportOutcome>({ added: 0, updated: 0, unchanged: 4 })
        expect(called).toBe(2)
        expect((await s.households.get('h_1_01'))?.updatedAt).toBe(NOW)

        const log = await s.audit.list({ targetId: IDS.community, limit: 5 })
        expect(entries(log)).toEqual([{ ...importAudit(1), detail: { n: 1, added: 2, updated: 1, unchanged: 1 } }])

        // a changed phone is an update; null and a number differ
        expect(await s.households.importRoster([roster(IDS.g2, '6', '2', '201', '新户', 1, null)], newIds, minutes(2), importAudit(3))).toEqual({
          added: 0, updated: 1, unchanged: 0,
        })
        return { first, again, h1, all: (await listAll(s, whole, 100)).map(place) }
      })

      scenario('10 concurrent imports of one new roster: each room added once, every other import finds it unchanged, one audit entry', async (s) => {
        const rows = [
          roster(IDS.g1, '20', '1', '101', '赵一'),
          roster(IDS.g1, '20', '1', '102', '赵二'),
          roster(IDS.g2, '21', '', '1', '赵三'),
          roster(IDS.g3, '22', '', '1', '赵四'),
          roster(IDS.g1, '1', '1', '101', '张一改'), // an existing one: updated by the first import only
        ]
        const before = (await listAll(s, whole, 100)).length
        const outs = await Promise.all(Array.from({ length: 10 }, (_, i) => s.households.importRoster(rows, idsFor(i), NOW, importAudit(i))))
        const kinds = outs.map((o) => `${o.added}/${o.updated}/${o.unchanged}`).sort()
        expect(kinds).toEqual(['0/0/5', '0/0/5', '0/0/5', '0/0/5', '0/0/5', '0/0/5', '0/0/5', '0/0/5', '0/0/5', '4/1/0'])
        const after = await listAll(s, whole, 100)
        expect(after.length).toBe(before + 4)
        const log = await s.audit.list({ targetId: IDS.community, limit: 20 })
        expect(log).toHaveLength(1)
        expect(log[0]).toMatchObject({ action: 'household.import', detail: { added: 4, updated: 1, unchanged: 0 } })
        return { kinds, after: after.map(place) }
      })

      scenario('10 concurrent imports changing one room: each is one whole update, and the room ends as one of them wrote it', async (s) => {
        const outs = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            s.households.importRoster(
              [roster(IDS.g1, '1', '1', '101', `户主${i}`, i), roster(IDS.g2, '30', '', `${i}`, `新${i}`)],
              idsFor(i),
              NOW,
              importAudit(i),
            ),
          ),
        )
        // each import sees the committed result of the ones before it: always a change (another name), one new room each
        expect(outs.every((o) => o.added === 1 && o.updated === 1 && o.unchanged === 0)).toBe(true)
        const h1 = await s.households.get('h_1_01')
        const i = Number(h1?.headName.replace('户主', ''))
        expect(h1?.adults).toBe(i) // name and adults from one and the same import
        expect(await s.audit.list({ targetId: IDS.community, limit: 20 })).toHaveLength(10)
        return { outs, added: (await listAll(s, { communityId: IDS.community, gridIds: [IDS.g2] }, 100)).map(place) }
      })
    })
  })
}
