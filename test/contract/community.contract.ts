/**
 * The port contract of the first sign-in's choice of a community: the list to choose from (CommunityRepo.search) and
 * the one conditional write (UserRepo.chooseCommunity). Declared once, run on SQLite (test/api/community.contract.test.ts)
 * and PostgreSQL (test/postgres/community.contract.test.ts), each test on a new store.
 *
 * The race (several choices of one person at once through Promise.all) is real concurrency between sessions on
 * PostgreSQL; on SQLite one connection runs them one after another (the IMMEDIATE transaction is the guard there).
 */
import type { AuditEntry, AuditRepo, CommunityChoiceRecord, CommunityRepo, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'

export interface CommunityContractEngine {
  store: { communities: CommunityRepo; users: UserRepo; audit: AuditRepo }
  fixtures: FixtureWriter
  close(): Promise<void>
}

const AT = '2025-03-01T02:00:00.000Z'

/** Two districts (the second one first by seq), a street under each and one under none. */
async function organisation(f: FixtureWriter): Promise<void> {
  await f.city({ id: 'ct_1', name: '江城市', seq: 0 })
  await f.district({ id: 'd_binjiang', cityId: 'ct_1', name: '滨江区', seq: 1 })
  await f.district({ id: 'd_xihu', cityId: 'ct_1', name: '西湖区', seq: 0 })
  await f.street({ id: 'st_changhe', name: '长河街道', seq: 0, districtId: 'd_binjiang' })
  await f.street({ id: 'st_beishan', name: '北山街道', seq: 0, districtId: 'd_xihu' })
  await f.street({ id: 'st_zhenxing', name: '振兴街道', seq: 0 })
  await f.community({ id: 'c_changhe', streetId: 'st_changhe', name: '长河社区', kind: 'community', seq: 0 })
  await f.community({ id: 'c_dongguan', streetId: 'st_changhe', name: '东冠村', kind: 'village', seq: 1 })
  await f.community({ id: 'c_beishan', streetId: 'st_beishan', name: '北山社区', kind: 'community', seq: 0 })
  await f.community({ id: 'c_jinjiang', streetId: 'st_zhenxing', name: '锦江社区', kind: 'community', seq: 0 })
  await f.grid({ id: 'g_jinjiang', communityId: 'c_jinjiang', name: '第一网格', seq: 0, boundary: null, servicePhone: null })
}

const person = (id: string, over: Partial<NewUser> = {}): NewUser => ({
  id,
  name: '新用户',
  openid: `o_${id}`,
  roles: ['resident'],
  communityId: null,
  gridId: null,
  householdId: null,
  verified: false,
  workerGridIds: [],
  createdAt: AT,
  ...over,
})

const audit = (userId: string, communityId: string): AuditEntry => ({
  at: AT,
  actorId: userId,
  action: 'me.chooseCommunity',
  targetType: 'user',
  targetId: userId,
  communityId,
})

const names = (rows: CommunityChoiceRecord[]) => rows.map((r) => r.name)

/** Every page of a search, `limit` at a time, following each page's last key. */
async function allPages(repo: CommunityRepo, query: string | null, limit: number): Promise<CommunityChoiceRecord[]> {
  const out: CommunityChoiceRecord[] = []
  let after: CommunityChoiceRecord['key'] | null = null
  for (let guard = 0; guard < 10_000; guard++) {
    const page: CommunityChoiceRecord[] = await repo.search({ query, limit, after })
    out.push(...page)
    if (page.length < limit) return out
    after = page[page.length - 1]!.key
  }
  throw new Error('search never ended')
}

export function communityContract(label: string, open: () => Promise<CommunityContractEngine>) {
  describe(`choosing a community on ${label}`, () => {
    let e: CommunityContractEngine
    beforeEach(async () => {
      e = await open()
      await organisation(e.fixtures)
    })
    afterEach(() => e.close())

    test('search: the organisation\'s order (district, street, community by seq), streets under no district last', async () => {
      const all = await e.store.communities.search({ query: null, limit: 100, after: null })
      expect(all.map(({ key: _key, ...c }) => c)).toEqual([
        { id: 'c_beishan', name: '北山社区', streetName: '北山街道', districtName: '西湖区' },
        { id: 'c_changhe', name: '长河社区', streetName: '长河街道', districtName: '滨江区' },
        { id: 'c_dongguan', name: '东冠村', streetName: '长河街道', districtName: '滨江区' },
        { id: 'c_jinjiang', name: '锦江社区', streetName: '振兴街道', districtName: null },
      ])
      // one at a time, each page after the last key: the same list
      expect(names(await allPages(e.store.communities, null, 1))).toEqual(names(all))
    })

    test('search: a part of the community\'s, the street\'s or the district\'s name', async () => {
      const find = async (q: string) => names(await e.store.communities.search({ query: q, limit: 100, after: null }))
      expect(await find('东冠')).toEqual(['东冠村'])
      expect(await find('长河街道')).toEqual(['长河社区', '东冠村'])
      expect(await find('西湖')).toEqual(['北山社区'])
      expect(await find('社区')).toEqual(['北山社区', '长河社区', '锦江社区'])
      expect(await find('没有这个地方')).toEqual([])
      // LIKE's wildcards are plain characters here
      expect(await find('%')).toEqual([])
      expect(await find('_')).toEqual([])
    })

    test('search: a city of 1,000 communities pages through completely, in order, without repeats', async () => {
      await e.fixtures.district({ id: 'd_big', cityId: 'ct_1', name: '新城区', seq: 2 })
      for (let s = 0; s < 10; s++) {
        await e.fixtures.street({ id: `st_big_${s}`, name: `新城${s}号街道`, seq: s, districtId: 'd_big' })
        for (let c = 0; c < 100; c++) {
          await e.fixtures.community({ id: `c_big_${s}_${c}`, streetId: `st_big_${s}`, name: `新城社区${s}-${c}`, kind: 'community', seq: c })
        }
      }
      const pages = await allPages(e.store.communities, null, 100)
      expect(pages).toHaveLength(1004)
      expect(new Set(pages.map((c) => c.id)).size).toBe(1004)
      const big = pages.filter((c) => c.id.startsWith('c_big_')).map((c) => c.id)
      expect(big.slice(0, 3)).toEqual(['c_big_0_0', 'c_big_0_1', 'c_big_0_2'])
      expect(big.at(-1)).toBe('c_big_9_99')
      expect(pages.at(-1)?.id).toBe('c_jinjiang')
      expect((await allPages(e.store.communities, '新城3号', 20)).map((c) => c.id)).toEqual(Array.from({ length: 100 }, (_, c) => `c_big_3_${c}`))
    })

    test('chooseCommunity: a person with none gets it, with its audit entry, in one write', async () => {
      await e.store.users.create(person('u_new'))
      const chosen = await e.store.users.chooseCommunity('u_new', 'c_jinjiang', audit('u_new', 'c_jinjiang'))
      expect(chosen).toMatchObject({ id: 'u_new', communityId: 'c_jinjiang', communityName: '锦江社区', streetId: 'st_zhenxing', gridId: null, verified: false })
      expect((await e.store.users.get('u_new'))?.communityId).toBe('c_jinjiang')
      expect(await e.store.audit.list({ targetId: 'u_new', limit: 10 })).toMatchObject([{ action: 'me.chooseCommunity', actorId: 'u_new', communityId: 'c_jinjiang' }])
    })

    test('chooseCommunity: refused (null, nothing written) with a community already, with a staff role, for an unknown community', async () => {
      await e.store.users.create(person('u_placed', { communityId: 'c_jinjiang', gridId: 'g_jinjiang' }))
      await e.store.users.create(person('u_worker', { roles: ['gridWorker'] }))
      await e.store.users.create(person('u_street', { roles: ['street'] }))
      await e.store.users.create(person('u_new'))
      expect(await e.store.users.chooseCommunity('u_placed', 'c_beishan', audit('u_placed', 'c_beishan'))).toBeNull()
      expect(await e.store.users.chooseCommunity('u_worker', 'c_beishan', audit('u_worker', 'c_beishan'))).toBeNull()
      expect(await e.store.users.chooseCommunity('u_street', 'c_beishan', audit('u_street', 'c_beishan'))).toBeNull()
      expect(await e.store.users.chooseCommunity('u_new', 'c_nowhere', audit('u_new', 'c_nowhere'))).toBeNull()
      expect(await e.store.users.chooseCommunity('u_nobody', 'c_beishan', audit('u_nobody', 'c_beishan'))).toBeNull()
      expect((await e.store.users.get('u_placed'))?.communityId).toBe('c_jinjiang')
      expect((await e.store.users.get('u_worker'))?.communityId).toBeNull()
      expect((await e.store.users.get('u_new'))?.communityId).toBeNull()
      for (const id of ['u_placed', 'u_worker', 'u_street', 'u_new', 'u_nobody']) expect(await e.store.audit.list({ targetId: id, limit: 10 })).toEqual([])
    })

    test('chooseCommunity: ten different choices of one person at once → exactly one is written', async () => {
      await e.store.users.create(person('u_race'))
      const targets = ['c_beishan', 'c_changhe', 'c_dongguan', 'c_jinjiang']
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => {
          const c = targets[i % targets.length]!
          return e.store.users.chooseCommunity('u_race', c, audit('u_race', c))
        }),
      )
      const winners = results.filter((r) => r !== null)
      expect(winners).toHaveLength(1)
      const stored = await e.store.users.get('u_race')
      expect(stored?.communityId).toBe(winners[0]!.communityId)
      expect(await e.store.audit.list({ targetId: 'u_race', limit: 20 })).toMatchObject([{ communityId: stored?.communityId }])
    })
  })
}
