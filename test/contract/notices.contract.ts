/**
 * The notices feature's port contract: what the use cases rely on from NoticeRepo and the shared repositories it
 * stands on (users, communities, audit, settings), declared once and run against every engine by a thin test file
 * (test/api/notices.contract.test.ts: SQLite; test/postgres/notices.contract.test.ts: PostgreSQL).
 *
 * Each test is a scenario run on a fresh store with the same fixture (one street with two communities, a second
 * street, grids, roster households, people). A scenario asserts the behaviour and returns what is deterministic
 * about it; given a `reference` engine, the suite runs the same scenario there too and expects the two results to
 * be deep-equal — the same records, shapes, orders and figures on both engines.
 *
 * The races (20 calls at once through Promise.all) are real concurrency between sessions on PostgreSQL (a pool of
 * more connections than calls); on SQLite one connection runs them one after another, and the multi-process race
 * suites (test/api/*.concurrency.test.ts) prove the same there.
 */
import type { NoticeAudience, NoticeCursor, NoticeListItem, NoticeRepo, NoticeUnconfirmedRecord, NewNotice } from '../../cloud/notices/ports'
import type { AuditEntry, AuditRepo, CommunityRepo, IdempotencyKey, NewUser, SettingsRepo, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'

export interface ContractStore {
  users: UserRepo
  communities: CommunityRepo
  audit: AuditRepo
  settings: SettingsRepo
  notices: NoticeRepo
}

export interface ContractEngine {
  store: ContractStore
  fixtures: FixtureWriter
  close(): Promise<void>
}

export type OpenEngine = () => Promise<ContractEngine>

export const NOW = '2025-03-01T02:00:00.000Z'
export const hours = (n: number) => new Date(Date.parse(NOW) + n * 3600_000).toISOString()

// ---------- the fixture ----------

export const IDS = {
  street: 'st_east',
  otherStreet: 'st_south',
  community: 'c_jj',
  sibling: 'c_hx', // the same street
  farCommunity: 'c_nh', // the other street
  g1: 'g_jj_1',
  g2: 'g_jj_2',
  g3: 'g_jj_3', // no residents, two households
  gSibling: 'g_hx_1',
  gFar: 'g_nh_1',
  committee: 'u_committee',
  committee2: 'u_committee_b',
  resident1: 'u_r1', // g1, h_1_01
  volunteer1: 'u_v1', // g1, h_1_02 (volunteer only)
  resident2: 'u_r2', // g2, h_2_01
  unplaced: 'u_r0', // the community, no grid: reads whole-community notices, not counted
  worker: 'u_worker', // grid worker of g1 and g2
  streetStaff: 'u_street',
  siblingCommittee: 'u_committee_hx',
  siblingResident: 'u_r_hx',
  city: 'ct_jc',
  district: 'd_bj',
  otherDistrict: 'd_cn',
  farCommittee: 'u_committee_nh',
}

const CREATED = '2025-01-01T00:00:00.000Z'

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

async function buildFixture(e: ContractEngine): Promise<void> {
  const f = e.fixtures
  await f.city({ id: IDS.city, name: '江城市', seq: 0 })
  await f.district({ id: IDS.district, cityId: IDS.city, name: '滨江区', seq: 0 })
  await f.district({ id: IDS.otherDistrict, cityId: IDS.city, name: '城南区', seq: 1 })
  await f.street({ id: IDS.street, name: '城东街道', seq: 0, districtId: IDS.district })
  await f.street({ id: IDS.otherStreet, name: '城南街道', seq: 1, districtId: IDS.otherDistrict })
  await f.community({ id: IDS.community, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await f.community({ id: IDS.sibling, streetId: IDS.street, name: '河西村', kind: 'village', seq: 1 })
  await f.community({ id: IDS.farCommunity, streetId: IDS.otherStreet, name: '南湖社区', kind: 'community', seq: 2 })
  // seq, not id, orders grids: g_jj_3 is shown first
  await f.grid({ id: IDS.g1, communityId: IDS.community, name: '第一网格', seq: 1, boundary: [[30.1, 104.1], [30.2, 104.1], [30.2, 104.2]], servicePhone: '028-1234567' })
  await f.grid({ id: IDS.g2, communityId: IDS.community, name: '第二网格', seq: 2, boundary: null, servicePhone: null })
  await f.grid({ id: IDS.g3, communityId: IDS.community, name: '第三网格', seq: 0, boundary: null, servicePhone: null })
  await f.grid({ id: IDS.gSibling, communityId: IDS.sibling, name: '一组', seq: 0, boundary: null, servicePhone: null })
  await f.grid({ id: IDS.gFar, communityId: IDS.farCommunity, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  const hh = (id: string, gridId: string, building: string, unit: string, room: string, headName: string) =>
    f.household({ id, gridId, building, unit, room, headName, adults: 2, phone: `1380000${id.slice(-4).replace(/\D/g, '0')}`, updatedAt: CREATED })
  await hh('h_1_01', IDS.g1, '1', '1', '101', '张一')
  await hh('h_1_02', IDS.g1, '1', '1', '102', '张二')
  await hh('h_1_03', IDS.g1, '1', '2', '201', '张三')
  await hh('h_1_04', IDS.g1, '2', '', '101', '张四')
  await hh('h_2_01', IDS.g2, '5', '1', '101', '李一')
  await hh('h_2_02', IDS.g2, '5', '1', '102', '李二')
  await hh('h_3_01', IDS.g3, '9', '', '1', '王一')
  await hh('h_3_02', IDS.g3, '9', '', '2', '王二')

  const u = e.store.users
  await u.create(person(IDS.committee, '周主任', { roles: ['committee'], phone: '13900000001' }))
  await u.create(person(IDS.committee2, '吴委员', { roles: ['committee'] }))
  await u.create(person(IDS.resident1, '陈一', { gridId: IDS.g1, householdId: 'h_1_01', phone: '13800000011', openid: 'o_r1' }))
  await u.create(person(IDS.volunteer1, '陈二', { roles: ['volunteer'], gridId: IDS.g1, householdId: 'h_1_02' }))
  await u.create(person(IDS.resident2, '刘一', { gridId: IDS.g2, householdId: 'h_2_01', verified: false }))
  await u.create(person(IDS.unplaced, '孙一', {}))
  await u.create(person(IDS.worker, '网格员', { roles: ['gridWorker', 'volunteer'], workerGridIds: [IDS.g2, IDS.g1] }))
  await u.create(person(IDS.streetStaff, '街道干部', { roles: ['street'], communityId: null }))
  await u.create(person(IDS.siblingCommittee, '河西主任', { roles: ['committee'], communityId: IDS.sibling }))
  await u.create(person(IDS.siblingResident, '河西村民', { communityId: IDS.sibling, gridId: IDS.gSibling }))
  await u.create(person(IDS.farCommittee, '南湖主任', { roles: ['committee'], communityId: IDS.farCommunity }))
}

// ---------- helpers ----------

let noticeSeq = 0
function notice(p: Partial<NewNotice> & { id: string }): NewNotice {
  return {
    communityId: IDS.community,
    authorId: IDS.committee,
    title: `通知 ${p.id}`,
    body: '正文',
    category: 'notice',
    pinned: false,
    important: false,
    gridIds: null,
    publishAt: NOW,
    expireAt: null,
    createdAt: NOW,
    ...p,
  }
}

function auditOf(n: { id: string; communityId: string; authorId: string }, action = 'notice.publish'): AuditEntry {
  return { at: NOW, actorId: n.authorId, action, targetType: 'notice', targetId: n.id, communityId: n.communityId, detail: { seq: ++noticeSeq } }
}

async function publish(s: ContractStore, p: Partial<NewNotice> & { id: string }, idem: IdempotencyKey | null = null) {
  const n = notice(p)
  const out = await s.notices.publish(n, auditOf(n), idem)
  if (out.kind !== 'created') throw new Error(`publish ${p.id}: ${out.kind}`)
  return out.notice
}

const member = (gridIds: string[], communityId = IDS.community): NoticeAudience => ({ kind: 'member', communityId, gridIds })
const staff = (communityId = IDS.community): NoticeAudience => ({ kind: 'staff', communityId })
const streetAudience = (streetId = IDS.street): NoticeAudience => ({ kind: 'tier', tier: 'street', id: streetId })

async function listAll(s: ContractStore, audience: NoticeAudience, viewerId: string, now = NOW, limit = 100): Promise<NoticeListItem[]> {
  const out: NoticeListItem[] = []
  let after: NoticeCursor | null = null
  for (let i = 0; i < 50; i++) {
    const page: NoticeListItem[] = await s.notices.list(audience, { viewerId, now, limit, after })
    expect(page.length).toBeLessThanOrEqual(limit)
    out.push(...page)
    if (page.length < limit) return out
    const last = page[page.length - 1]
    after = { pinned: last.pinned, publishAt: last.publishAt, id: last.id }
  }
  throw new Error('too many pages')
}

async function unconfirmedAll(s: ContractStore, noticeId: string, gridId: string | null, limit: number): Promise<NoticeUnconfirmedRecord[]> {
  const out: NoticeUnconfirmedRecord[] = []
  let after = null
  for (let i = 0; i < 100; i++) {
    const page = await s.notices.unconfirmed(noticeId, { gridId, limit, after }, () => null)
    out.push(...page)
    if (page.length < limit) return out
    const l = page[page.length - 1]
    after = { gridSeq: l.gridSeq, gridId: l.gridId, address: l.sortAddress, kind: l.kind, id: l.id }
  }
  throw new Error('too many pages')
}

const ids = (items: { id: string }[]) => items.map((i) => i.id)
/** audit records without their ids (a sequence may skip on one engine; the order is asserted where it matters) */
const entries = (records: (AuditEntry & { id: number })[]) => records.map(({ id: _id, ...rest }) => rest)

// ---------- the suite ----------

export function noticesContract(engine: string, open: OpenEngine, opts: { reference?: OpenEngine } = {}): void {
  /** A scenario on a fresh store with the fixture; its result, if any, must be deep-equal on the reference engine. */
  function scenario(title: string, run: (s: ContractStore) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenEngine) => {
        const e = await openIt()
        try {
          await buildFixture(e)
          noticeSeq = 0
          return await run(e.store)
        } finally {
          await e.close()
        }
      }
      const result = await runOn(open)
      if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
    })
  }

  describe(`notices port contract on ${engine}`, () => {
    describe('people and places', () => {
      scenario('users and communities come back in the shapes the use cases read', async (s) => {
        const r1 = await s.users.get(IDS.resident1)
        expect(r1).toEqual({
          id: IDS.resident1, name: '陈一', phone: '13800000011', openid: 'o_r1', roles: ['resident'],
          communityId: IDS.community, communityName: '锦江社区', streetId: IDS.street, districtId: IDS.district, cityId: IDS.city,
          gridId: IDS.g1, gridName: '第一网格', householdId: 'h_1_01', verified: true, rosterOnly: false, grids: [], createdAt: CREATED,
        })
        const worker = await s.users.get(IDS.worker)
        // roles in code-point order, worker grids in seed order
        expect(worker?.roles).toEqual(['gridWorker', 'volunteer'])
        expect(worker?.grids).toEqual([{ id: IDS.g1, name: '第一网格' }, { id: IDS.g2, name: '第二网格' }])
        const street = await s.users.get(IDS.streetStaff)
        expect(street).toMatchObject({ communityId: null, communityName: null, streetId: null, districtId: null, cityId: null, gridId: null, gridName: null, openid: null })
        expect(await s.users.get('nobody')).toBeNull()

        const community = await s.communities.get(IDS.community)
        expect(community).toEqual({
          id: IDS.community, name: '锦江社区', streetId: IDS.street, streetName: '城东街道', districtId: IDS.district, cityId: IDS.city,
          grids: [
            { id: IDS.g3, name: '第三网格', servicePhone: null },
            { id: IDS.g1, name: '第一网格', servicePhone: '028-1234567' },
            { id: IDS.g2, name: '第二网格', servicePhone: null },
          ],
        })
        expect((await s.communities.first())?.id).toBe(IDS.community)
        expect(await s.communities.grid(IDS.g1)).toEqual({
          id: IDS.g1, communityId: IDS.community, name: '第一网格', boundary: [[30.1, 104.1], [30.2, 104.1], [30.2, 104.2]],
        })
        expect(ids(await s.communities.grids(IDS.community))).toEqual([IDS.g3, IDS.g1, IDS.g2])
        expect(await s.communities.get('nowhere')).toBeNull()
        expect(await s.communities.grid('nowhere')).toBeNull()
        expect(['h_3_01', 'h_3_02']).toContain(await s.communities.pickHousehold(IDS.g3))
        expect(await s.communities.pickHousehold(IDS.gFar)).toBeNull()

        await s.communities.setGridPhone(IDS.g2, '028-7654321', { ...auditOf({ id: IDS.g2, communityId: IDS.community, authorId: IDS.committee }, 'grid.setPhone'), targetType: 'grid' })
        expect((await s.communities.get(IDS.community))?.grids.find((g) => g.id === IDS.g2)?.servicePhone).toBe('028-7654321')
        expect(await s.users.count()).toBe(11)
        return { r1, worker, street, community: await s.communities.get(IDS.community), audit: entries(await s.audit.list({ targetId: IDS.g2, limit: 5 })) }
      })

      scenario('findOrCreateByOpenid: 20 concurrent sign-ins of one new openid make one user', async (s) => {
        const before = await s.users.count()
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            s.users.findOrCreateByOpenid('o_new', person(`u_new_${String(i).padStart(2, '0')}`, '新用户', { gridId: IDS.g1, roles: ['resident'] })),
          ),
        )
        expect(results.filter((r) => r.created)).toHaveLength(1)
        expect(new Set(results.map((r) => r.user.id)).size).toBe(1)
        expect(await s.users.count()).toBe(before + 1)
        const again = await s.users.findOrCreateByOpenid('o_new', person('u_other', '别人', {}))
        expect(again.created).toBe(false)
        expect(again.user.id).toBe(results[0].user.id)
        const existing = await s.users.findOrCreateByOpenid('o_r1', person('u_other', '别人', {}))
        expect(existing).toMatchObject({ created: false, user: { id: IDS.resident1 } })
        const { id: _id, ...user } = again.user
        return { user, count: await s.users.count() }
      })

      scenario('users: list pages by name then id; setPhone; assignGrids changes once', async (s) => {
        const all = await s.users.list(IDS.community, { limit: 100, after: null })
        const names = all.map((u) => `${u.name}\u0000${u.id}`)
        expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
        const paged: string[] = []
        let after = null
        for (;;) {
          const page = await s.users.list(IDS.community, { limit: 2, after })
          paged.push(...ids(page))
          if (page.length < 2) break
          after = { name: page[1].name, id: page[1].id }
        }
        expect(paged).toEqual(ids(all))
        expect(ids(await s.users.list(IDS.community, { role: 'committee', limit: 10, after: null })).sort()).toEqual([IDS.committee, IDS.committee2].sort())
        expect(ids(await s.users.list(IDS.community, { query: '00000011', limit: 10, after: null }))).toEqual([IDS.resident1])
        expect(ids(await s.users.list(IDS.community, { query: '5栋1单元', limit: 10, after: null }))).toEqual([IDS.resident2])

        const phoned = await s.users.setPhone(IDS.resident2, '13700000000', true)
        expect(phoned?.phone).toBe('13700000000')
        const audit = auditOf({ id: IDS.resident1, communityId: IDS.community, authorId: IDS.committee }, 'member.assignGrids')
        const first = await s.users.assignGrids(IDS.resident1, [IDS.g2, IDS.g1, IDS.g2], audit)
        expect(first.changed).toBe(true)
        expect(first.user.roles).toEqual(['gridWorker', 'resident'])
        expect(ids(first.user.grids)).toEqual([IDS.g1, IDS.g2])
        expect((await s.users.assignGrids(IDS.resident1, [IDS.g1, IDS.g2], audit)).changed).toBe(false)
        const cleared = await s.users.assignGrids(IDS.resident1, [], audit)
        expect(cleared.user).toMatchObject({ roles: ['resident'], grids: [] })
        const log = await s.audit.list({ targetId: IDS.resident1, limit: 10 })
        expect(log).toHaveLength(2)
        expect(log[0].id).toBeGreaterThan(log[1].id)
        return { all, phoned, first, cleared, log: entries(log) }
      })

      scenario('users.grantRole: the user of the openid becomes staff of the community, once, with its audit; an unknown openid is null', async (s) => {
        await s.users.findOrCreateByOpenid('o_staff', person('u_staff', '新干部', { gridId: IDS.g1, roles: ['resident'] }))
        const audit = (userId: string) => auditOf({ id: userId, communityId: IDS.sibling, authorId: 'operator' }, 'user.grantRole')
        const granted = await s.users.grantRole('o_staff', 'committee', IDS.sibling, audit)
        expect(granted).toMatchObject({ id: 'u_staff', roles: ['committee', 'resident'], communityId: IDS.sibling, gridId: null, householdId: null })
        const again = await s.users.grantRole('o_staff', 'committee', IDS.sibling, audit)
        expect(again?.roles).toEqual(['committee', 'resident'])
        expect(await s.users.grantRole('o_nobody', 'street', IDS.community, audit)).toBeNull()
        const log = await s.audit.list({ targetId: 'u_staff', limit: 10 })
        expect(log.map((e) => e.action)).toEqual(['user.grantRole', 'user.grantRole'])
        return { granted, log: entries(log) }
      })

      scenario('users.register: one name per household (also at once), replay by requestId, keyReused', async (s) => {
        const audit = auditOf({ id: 'h_1_03', communityId: IDS.community, authorId: IDS.committee }, 'resident.register')
        const roster = (id: string, name: string) => person(id, name, { gridId: IDS.g1, householdId: 'h_1_03', rosterOnly: true })
        const key = (requestId: string, fingerprint = 'f1'): IdempotencyKey => ({ userId: IDS.committee, action: 'resident.register', requestId, fingerprint })
        const made = await s.users.register(roster('u_rr1', '赵 老伯'), audit, key('k1'))
        expect(made).toMatchObject({ kind: 'created', user: { id: 'u_rr1', rosterOnly: true, openid: null, householdId: 'h_1_03' } })
        expect(await s.users.register(roster('u_rr2', '赵老伯'), audit, key('k1'))).toMatchObject({ kind: 'replayed', user: { id: 'u_rr1' } })
        expect(await s.users.register(roster('u_rr2', '赵老伯'), audit, key('k1', 'f2'))).toEqual({ kind: 'keyReused' })
        expect(await s.users.register(roster('u_rr2', '赵\u3000老伯'), audit, key('k2'))).toEqual({ kind: 'duplicateName' })
        // a duplicate name wrote nothing, not even its key: the key is free for another person
        expect(await s.users.register(roster('u_rr3', '赵小妹'), audit, key('k2'))).toMatchObject({ kind: 'created', user: { id: 'u_rr3' } })
        // the same new name registered 10 times at once (different requests): one person
        const race = await Promise.all(Array.from({ length: 10 }, (_, i) => s.users.register(roster(`u_race_${i}`, '钱阿姨'), audit, key(`race-${i}`))))
        expect(race.filter((r) => r.kind === 'created')).toHaveLength(1)
        expect(race.filter((r) => r.kind === 'duplicateName')).toHaveLength(9)
        const members = (await s.users.list(IDS.community, { limit: 100, after: null })).filter((u) => u.householdId === 'h_1_03')
        expect(members.map((u) => u.name).sort()).toEqual(['赵 老伯', '赵小妹', '钱阿姨'].sort())
        expect(await s.audit.list({ targetId: 'h_1_03', limit: 10 })).toHaveLength(3)
        return { made, kinds: race.map((r) => r.kind).sort(), names: members.map((u) => u.name) }
      })
    })

    describe('settings', () => {
      scenario('getOrSet stores once: the first value stays, 20 concurrent callers all get the stored one', async (s) => {
        expect(await s.settings.get('secret')).toBeNull()
        expect(await s.settings.getOrSet('secret', 'a')).toBe('a')
        expect(await s.settings.getOrSet('secret', 'b')).toBe('a')
        const raced = await Promise.all(Array.from({ length: 20 }, (_, i) => s.settings.getOrSet('raced', `v${i}`)))
        expect(new Set(raced).size).toBe(1)
        expect(await s.settings.get('raced')).toBe(raced[0])
        return { secret: await s.settings.get('secret'), distinct: new Set(raced).size }
      })
    })

    describe('publish', () => {
      scenario('a published notice comes back as written, with its names, street and sorted grids; one audit entry', async (s) => {
        const scoped = await publish(s, { id: 'n_scoped', gridIds: [IDS.g2, IDS.g1], pinned: true, important: true, category: 'safety', expireAt: hours(48) })
        expect(scoped).toEqual({
          id: 'n_scoped', communityId: IDS.community, communityName: '锦江社区', streetId: IDS.street, districtId: IDS.district,
          cityId: IDS.city, authorId: IDS.committee,
          authorName: '周主任', title: '通知 n_scoped', body: '正文', excerpt: '正文', category: 'safety', pinned: true, important: true,
          gridIds: [IDS.g1, IDS.g2], publishAt: NOW, expireAt: hours(48), withdrawnAt: null, createdAt: NOW,
        })
        expect(await s.notices.get('n_scoped')).toEqual(scoped)
        const whole = await publish(s, { id: 'n_whole' })
        expect(whole.gridIds).toBeNull()
        expect(await s.notices.get('nothing')).toBeNull()
        const log = await s.audit.list({ targetId: 'n_scoped', limit: 10 })
        expect(entries(log)).toEqual([{ ...auditOf(scoped), detail: { seq: 1 } }])
        const latest = await s.audit.list({ limit: 1 })
        expect(latest[0].targetId).toBe('n_whole')
        return { scoped, whole, log: entries(log) }
      })

      scenario('with a requestId: a retry replays the first notice; another input under the key is keyReused; nothing more is written', async (s) => {
        const key: IdempotencyKey = { userId: IDS.committee, action: 'notice.publish', requestId: 'req-1', fingerprint: 'fp-1' }
        const first = await s.notices.publish(notice({ id: 'n_first' }), auditOf(notice({ id: 'n_first' })), key)
        expect(first.kind).toBe('created')
        const retry = await s.notices.publish(notice({ id: 'n_retry' }), auditOf(notice({ id: 'n_retry' })), key)
        expect(retry).toEqual({ kind: 'replayed', notice: first.kind === 'created' ? first.notice : null })
        const reused = await s.notices.publish(notice({ id: 'n_other', title: '别的' }), auditOf(notice({ id: 'n_other' })), { ...key, fingerprint: 'fp-2' })
        expect(reused).toEqual({ kind: 'keyReused' })
        expect(await s.notices.get('n_retry')).toBeNull()
        expect(await s.notices.get('n_other')).toBeNull()
        // the key is per user and action: another member's same requestId is a new notice
        const other = await s.notices.publish(notice({ id: 'n_b', authorId: IDS.committee2 }), auditOf(notice({ id: 'n_b' })), { ...key, userId: IDS.committee2 })
        expect(other.kind).toBe('created')
        expect(ids(await listAll(s, staff(), IDS.committee))).toEqual(['n_first', 'n_b'].sort().reverse())
        expect(await s.audit.list({ targetId: 'n_retry', limit: 5 })).toEqual([])
        expect(await s.audit.list({ targetId: 'n_other', limit: 5 })).toEqual([])
        return { first, retry, reused, other }
      })

      scenario('20 concurrent publishes with one requestId: one notice, one audit entry, every caller gets it', async (s) => {
        const key: IdempotencyKey = { userId: IDS.committee, action: 'notice.publish', requestId: 'race-1', fingerprint: 'fp' }
        const outs = await Promise.all(
          Array.from({ length: 20 }, (_, i) => {
            const n = notice({ id: `n_race_${String(i).padStart(2, '0')}`, gridIds: [IDS.g1] })
            return s.notices.publish(n, auditOf(n), key)
          }),
        )
        expect(outs.filter((o) => o.kind === 'created')).toHaveLength(1)
        expect(outs.filter((o) => o.kind === 'replayed')).toHaveLength(19)
        const noticeIds = new Set(outs.map((o) => (o.kind === 'keyReused' ? null : o.notice.id)))
        expect(noticeIds.size).toBe(1)
        const listed = await listAll(s, staff(), IDS.committee)
        expect(listed).toHaveLength(1)
        expect(await s.audit.list({ limit: 100 })).toHaveLength(1)
        const { id: _id, title: _t, ...rest } = listed[0]
        return rest
      })
    })

    describe('lists', () => {
      /** 8 notices: pinned first, then newest, then id (descending) — ties on publishAt included */
      async function feed(s: ContractStore) {
        await publish(s, { id: 'n_a', publishAt: hours(-5) })
        await publish(s, { id: 'n_b', publishAt: hours(-3), gridIds: [IDS.g1] })
        await publish(s, { id: 'n_c', publishAt: hours(-3), gridIds: [IDS.g2] })
        await publish(s, { id: 'n_d', publishAt: hours(-1), pinned: true })
        await publish(s, { id: 'n_e', publishAt: hours(-8), pinned: true, gridIds: [IDS.g2] })
        await publish(s, { id: 'n_f', publishAt: hours(-3), authorId: IDS.committee2 })
        await publish(s, { id: 'n_long', publishAt: hours(-2), body: '长'.repeat(299) + '尾巴' })
        await publish(s, { id: 'n_exact', publishAt: hours(-4), body: '满'.repeat(300) })
      }

      scenario('ordering and paging by cursor: pinned, publishAt, id descending; every page size gives the same list', async (s) => {
        await feed(s)
        const full = await listAll(s, staff(), IDS.committee)
        expect(ids(full)).toEqual(['n_d', 'n_e', 'n_long', 'n_f', 'n_c', 'n_b', 'n_exact', 'n_a'])
        for (const limit of [1, 2, 3, 7]) expect(ids(await listAll(s, staff(), IDS.committee, NOW, limit))).toEqual(ids(full))
        const long = full.find((n) => n.id === 'n_long')
        // the excerpt stored at publish; a list carries no body
        expect(long).toMatchObject({ excerpt: '长'.repeat(60) + '…', read: false, confirmed: false })
        expect(long).not.toHaveProperty('body')
        expect(full.find((n) => n.id === 'n_exact')).toMatchObject({ excerpt: '满'.repeat(60) + '…' })
        expect(full.find((n) => n.id === 'n_e')?.gridIds).toEqual([IDS.g2])
        return full
      })

      scenario('audiences: a member sees live notices to the community or their grids; staff every one not withdrawn; a street, district or city every community under it', async (s) => {
        await feed(s)
        await publish(s, { id: 'n_later', publishAt: hours(5) })
        await publish(s, { id: 'n_expired', publishAt: hours(-30), expireAt: hours(-1) })
        await publish(s, { id: 'n_gone', publishAt: hours(-6) })
        await s.notices.withdraw('n_gone', hours(-0.5), auditOf(notice({ id: 'n_gone' }), 'notice.withdraw'))
        await publish(s, { id: 'n_hx', communityId: IDS.sibling, authorId: IDS.siblingCommittee, publishAt: hours(-2) })
        await publish(s, { id: 'n_nh', communityId: IDS.farCommunity, authorId: IDS.farCommittee, publishAt: hours(-2) })

        const g1 = ids(await listAll(s, member([IDS.g1]), IDS.resident1))
        expect(g1).toEqual(['n_d', 'n_long', 'n_f', 'n_b', 'n_exact', 'n_a'])
        const both = ids(await listAll(s, member([IDS.g1, IDS.g2]), IDS.worker))
        expect(both).toEqual(['n_d', 'n_e', 'n_long', 'n_f', 'n_c', 'n_b', 'n_exact', 'n_a'])
        const none = ids(await listAll(s, member([]), IDS.unplaced))
        expect(none).toEqual(['n_d', 'n_long', 'n_f', 'n_exact', 'n_a'])
        // once it is live, the scheduled notice reaches members; once expired, it leaves
        expect(ids(await listAll(s, member([IDS.g1]), IDS.resident1, hours(6)))).toContain('n_later')
        expect(ids(await listAll(s, member([IDS.g1]), IDS.resident1, hours(-2)))).toContain('n_expired')

        const staffList = ids(await listAll(s, staff(), IDS.committee))
        expect(staffList).toEqual(['n_d', 'n_e', 'n_later', 'n_long', 'n_f', 'n_c', 'n_b', 'n_exact', 'n_a', 'n_expired'])
        const streetList = await listAll(s, streetAudience(), IDS.streetStaff)
        expect(ids(streetList)).toEqual(['n_d', 'n_e', 'n_later', 'n_long', 'n_hx', 'n_f', 'n_c', 'n_b', 'n_exact', 'n_a', 'n_expired'])
        expect(streetList.find((n) => n.id === 'n_hx')).toMatchObject({ communityName: '河西村', communityId: IDS.sibling })
        expect(ids(await listAll(s, streetAudience(IDS.otherStreet), IDS.streetStaff))).toEqual(['n_nh'])
        // a district and the city: every community under them, the same way
        const tier = (t: 'district' | 'city', id: string): NoticeAudience => ({ kind: 'tier', tier: t, id })
        expect(ids(await listAll(s, tier('district', IDS.district), IDS.streetStaff))).toEqual(ids(streetList))
        expect(ids(await listAll(s, tier('district', IDS.otherDistrict), IDS.streetStaff))).toEqual(['n_nh'])
        const cityList = ids(await listAll(s, tier('city', IDS.city), IDS.streetStaff))
        expect(cityList).toEqual(['n_d', 'n_e', 'n_later', 'n_nh', 'n_long', 'n_hx', 'n_f', 'n_c', 'n_b', 'n_exact', 'n_a', 'n_expired'])
        expect(await s.notices.countUnread(tier('city', IDS.city), { viewerId: IDS.streetStaff, now: NOW })).toBe(
          await s.notices.countUnread(streetAudience(), { viewerId: IDS.streetStaff, now: NOW }) + 1,
        )
        expect(await listAll(s, member([IDS.gFar], IDS.farCommunity), IDS.resident1)).toEqual([expect.objectContaining({ id: 'n_nh' })])
        return { g1, both, none, staffList, streetList, cityList }
      })

      scenario('unread: live, not opened, not the viewer’s own; the count equals what the list marks unread', async (s) => {
        await feed(s)
        await publish(s, { id: 'n_later', publishAt: hours(5) })
        await publish(s, { id: 'n_gone', publishAt: hours(-6) })
        await s.notices.withdraw('n_gone', hours(-0.5), auditOf(notice({ id: 'n_gone' }), 'notice.withdraw'))
        await publish(s, { id: 'n_hx', communityId: IDS.sibling, authorId: IDS.siblingCommittee, publishAt: hours(-2) })
        const unreadIn = async (audience: NoticeAudience, viewer: string, now = NOW) => {
          const items = await listAll(s, audience, viewer, now)
          const live = (n: NoticeListItem) => n.withdrawnAt === null && n.publishAt <= now && (n.expireAt === null || n.expireAt > now)
          const marked = items.filter((n) => live(n) && !n.read && n.authorId !== viewer).map((n) => n.id)
          const count = await s.notices.countUnread(audience, { viewerId: viewer, now })
          expect(count).toBe(marked.length)
          return marked
        }
        const counts: Record<string, string[]> = {}
        counts.resident = await unreadIn(member([IDS.g1]), IDS.resident1)
        expect(counts.resident).toHaveLength(6)
        await s.notices.markRead('n_d', IDS.resident1, NOW)
        await s.notices.confirm('n_b', IDS.resident1, NOW)
        counts.residentAfter = await unreadIn(member([IDS.g1]), IDS.resident1)
        expect(counts.residentAfter).toEqual(['n_long', 'n_f', 'n_exact', 'n_a'])
        // the committee: its own notices are never unread, a colleague's is; the scheduled one is not yet
        counts.committee = await unreadIn(staff(), IDS.committee)
        expect(counts.committee).toEqual(['n_f'])
        counts.committee2 = await unreadIn(staff(), IDS.committee2)
        expect(counts.committee2).not.toContain('n_f')
        expect(counts.committee2).not.toContain('n_later')
        counts.committeeLater = await unreadIn(staff(), IDS.committee2, hours(6))
        expect(counts.committeeLater).toContain('n_later')
        counts.street = await unreadIn(streetAudience(), IDS.streetStaff)
        expect(counts.street).toContain('n_hx')
        expect(counts.street).toHaveLength(9)
        return counts
      })
    })

    describe('reads and confirmations', () => {
      scenario('markRead keeps the first time; readOf; list flags', async (s) => {
        await publish(s, { id: 'n_1', important: true })
        expect(await s.notices.readOf('n_1', IDS.resident1)).toBeNull()
        const first = await s.notices.markRead('n_1', IDS.resident1, hours(1))
        expect(first).toEqual({ readAt: hours(1), confirmedAt: null })
        expect(await s.notices.markRead('n_1', IDS.resident1, hours(2))).toEqual(first)
        const raced = await Promise.all(Array.from({ length: 20 }, (_, i) => s.notices.markRead('n_1', IDS.resident2, hours(1 + i / 100))))
        expect(new Set(raced.map((r) => r.readAt)).size).toBe(1)
        expect(await s.notices.readOf('n_1', IDS.resident1)).toEqual(first)
        const listed = (await listAll(s, member([IDS.g1]), IDS.resident1, hours(3)))[0]
        expect(listed).toMatchObject({ read: true, confirmed: false })
        return { first, listed }
      })

      scenario('confirm once: the first time stays; without a read it records the read too; null when not live', async (s) => {
        await publish(s, { id: 'n_1', important: true, expireAt: hours(10) })
        await publish(s, { id: 'n_later', publishAt: hours(5) })
        await s.notices.markRead('n_1', IDS.resident1, hours(1))
        const c1 = await s.notices.confirm('n_1', IDS.resident1, hours(2))
        expect(c1).toEqual({ readAt: hours(1), confirmedAt: hours(2) })
        expect(await s.notices.confirm('n_1', IDS.resident1, hours(3))).toEqual(c1)
        expect(await s.notices.markRead('n_1', IDS.resident1, hours(4))).toEqual(c1)
        const fresh = await s.notices.confirm('n_1', IDS.resident2, hours(2))
        expect(fresh).toEqual({ readAt: hours(2), confirmedAt: hours(2) })
        // not live: scheduled, expired, withdrawn, or no such notice — and nothing is recorded
        expect(await s.notices.confirm('n_later', IDS.resident1, hours(4))).toBeNull()
        expect(await s.notices.confirm('n_1', IDS.volunteer1, hours(10))).toBeNull()
        expect(await s.notices.readOf('n_later', IDS.resident1)).toBeNull()
        expect(await s.notices.readOf('n_1', IDS.volunteer1)).toBeNull()
        expect(await s.notices.confirm('nothing', IDS.resident1, hours(4))).toBeNull()
        await s.notices.withdraw('n_1', hours(5), auditOf(notice({ id: 'n_1' }), 'notice.withdraw'))
        expect(await s.notices.confirm('n_1', IDS.resident1, hours(6))).toBeNull()
        expect(await s.notices.confirm('n_later', IDS.resident1, hours(6))).toEqual({ readAt: hours(6), confirmedAt: hours(6) })
        return { c1, fresh }
      })

      scenario('20 concurrent confirms by one person: one row, every call returns the same confirmedAt', async (s) => {
        await publish(s, { id: 'n_1', important: true })
        const outs = await Promise.all(
          Array.from({ length: 20 }, (_, i) => s.notices.confirm('n_1', IDS.resident1, new Date(Date.parse(NOW) + 1000 + i).toISOString())),
        )
        expect(outs.every((o) => o !== null)).toBe(true)
        const times = new Set(outs.map((o) => o?.confirmedAt))
        expect(times.size).toBe(1)
        const stored = await s.notices.readOf('n_1', IDS.resident1)
        expect(stored?.confirmedAt).toBe([...times][0])
        expect((await s.notices.stats('n_1')).confirmed).toBe(1)
        return { distinct: times.size, confirmed: (await s.notices.stats('n_1')).confirmed }
      })

      scenario('withdraw once: the first call sets the time and its audit entry; later and concurrent ones return null', async (s) => {
        await publish(s, { id: 'n_1' })
        const first = await s.notices.withdraw('n_1', hours(1), auditOf(notice({ id: 'n_1' }), 'notice.withdraw'))
        expect(first).toEqual({ withdrawnAt: hours(1) })
        expect(await s.notices.withdraw('n_1', hours(2), auditOf(notice({ id: 'n_1' }), 'notice.withdraw'))).toBeNull()
        expect((await s.notices.get('n_1'))?.withdrawnAt).toBe(hours(1))
        await publish(s, { id: 'n_2' })
        const raced = await Promise.all(
          Array.from({ length: 10 }, (_, i) => s.notices.withdraw('n_2', hours(1 + i), auditOf(notice({ id: 'n_2' }), 'notice.withdraw'))),
        )
        expect(raced.filter((r) => r !== null)).toHaveLength(1)
        const log = await s.audit.list({ targetId: 'n_2', limit: 20 })
        expect(log.map((l) => l.action)).toEqual(['notice.withdraw', 'notice.publish'])
        expect(await s.notices.withdraw('nothing', hours(1), auditOf(notice({ id: 'nothing' }), 'notice.withdraw'))).toBeNull()
        return { first, withdrawn: raced.filter((r) => r !== null).length, n1: await s.notices.get('n_1') }
      })
    })

    describe('stats and the unconfirmed list', () => {
      async function scene(s: ContractStore) {
        const scoped = await publish(s, { id: 'n_scoped', important: true, gridIds: [IDS.g1, IDS.g3] })
        const whole = await publish(s, { id: 'n_whole', important: true })
        for (const id of [scoped.id, whole.id]) {
          await s.notices.confirm(id, IDS.volunteer1, hours(1))
          await s.notices.markRead(id, IDS.resident1, hours(1))
          await s.notices.confirm(id, IDS.unplaced, hours(1)) // not counted: no grid
          await s.notices.confirm(id, IDS.worker, hours(1)) // not counted: no grid of residence
        }
        return { scoped, whole }
      }

      scenario('stats: the audience, reads, confirmations and roster households, in total and per grid of scope', async (s) => {
        const { scoped, whole } = await scene(s)
        const sScoped = await s.notices.stats(scoped.id)
        const fig = (audience: number, read: number, confirmed: number, households: number, householdsWithoutAccount: number) => ({
          audience, read, confirmed, households, householdsWithoutAccount, unconfirmed: audience - confirmed + householdsWithoutAccount,
        })
        expect(sScoped).toEqual({
          ...fig(2, 2, 1, 6, 4),
          byGrid: [
            { gridId: IDS.g3, gridName: '第三网格', ...fig(0, 0, 0, 2, 2) },
            { gridId: IDS.g1, gridName: '第一网格', ...fig(2, 2, 1, 4, 2) },
          ],
        })
        const sWhole = await s.notices.stats(whole.id)
        expect(sWhole).toMatchObject(fig(3, 2, 1, 8, 5))
        expect(sWhole.byGrid.map((g) => g.gridId)).toEqual([IDS.g3, IDS.g1, IDS.g2])
        expect(await s.notices.stats('nothing')).toEqual({ ...fig(0, 0, 0, 0, 0), byGrid: [] })
        return { sScoped, sWhole }
      })

      scenario('unconfirmed: people then households by grid and address, paged by cursor, one grid or all; its audit entry', async (s) => {
        const { scoped, whole } = await scene(s)
        const all = await unconfirmedAll(s, whole.id, null, 100)
        expect(all.map((l) => `${l.gridId} ${l.kind} ${l.id}`)).toEqual([
          `${IDS.g3} household h_3_01`,
          `${IDS.g3} household h_3_02`,
          `${IDS.g1} person ${IDS.resident1}`,
          `${IDS.g1} household h_1_03`,
          `${IDS.g1} household h_1_04`,
          `${IDS.g2} person ${IDS.resident2}`,
          `${IDS.g2} household h_2_02`,
        ])
        expect(all.length).toBe((await s.notices.stats(whole.id)).unconfirmed)
        expect(all[2]).toEqual({
          kind: 'person', id: IDS.resident1, name: '陈一', phone: '13800000011', householdPhone: '13800001001',
          gridId: IDS.g1, gridName: '第一网格', gridSeq: 1, building: '1', unit: '1', room: '101', read: true, rosterOnly: false,
          sortAddress: '1\u001f1\u001f101',
        })
        expect(all[3]).toMatchObject({ kind: 'household', name: '张三', phone: null, read: false, rosterOnly: false, unit: '2' })
        for (const limit of [1, 2, 3]) expect(await unconfirmedAll(s, whole.id, null, limit)).toEqual(all)
        expect(ids(await unconfirmedAll(s, whole.id, IDS.g2, 1))).toEqual([IDS.resident2, 'h_2_02'])
        expect(ids(await unconfirmedAll(s, scoped.id, null, 2))).toEqual(['h_3_01', 'h_3_02', IDS.resident1, 'h_1_03', 'h_1_04'])

        // a person without a household sorts last in their grid
        await s.users.create(person('u_lodger', '租客', { gridId: IDS.g2 }))
        expect(ids(await unconfirmedAll(s, whole.id, IDS.g2, 1))).toEqual([IDS.resident2, 'h_2_02', 'u_lodger'])

        const page = await s.notices.unconfirmed(whole.id, { gridId: null, limit: 2, after: null }, (rows) => ({
          at: NOW, actorId: IDS.committee, action: 'notice.unconfirmed', targetType: 'notice', targetId: whole.id,
          communityId: IDS.community, detail: { lines: rows.length },
        }))
        expect(page).toHaveLength(2)
        const log = await s.audit.list({ targetId: whole.id, limit: 5 })
        expect(log[0]).toMatchObject({ action: 'notice.unconfirmed', detail: { lines: 2 } })
        return { all, log: entries(log) }
      })
    })
  })
}
