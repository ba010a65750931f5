/**
 * The port contract of the organisation import (OrgRepo, cloud/org/ports.ts): declared once, run on SQLite
 * (test/api/org.contract.test.ts) and PostgreSQL (test/postgres/org.contract.test.ts), each test on a new store.
 * Both engines must give the same ids, places and outcomes for the same sheet.
 */
import type { OrgRepo } from '../../cloud/org/ports'
import { importOrg } from '../../cloud/org'
import type { CommunityRepo, UserRepo } from '../../cloud/shared/ports'
import type { Exec } from './engines'

export interface OrgContractEngine {
  store: { org: OrgRepo; communities: CommunityRepo; users: UserRepo }
  exec: Exec
  /** rows of a query (`$1…` parameters) */
  query<T>(sql: string, values: unknown[]): Promise<T[]>
  close(): Promise<void>
}

const SHEET = `市,区,街道,社区,类型,网格
江城市,滨江区,长河街道,长河社区,社区,第一网格
江城市,滨江区,长河街道,长河社区,社区,第二网格
江城市,滨江区,浦沿街道,东冠村,村,一组
江城市,西湖区,北山街道,北山社区,社区,第一网格
`

const places = (e: OrgContractEngine) =>
  e.query<{ city: string; district: string; street: string; community: string; kind: string; grid: string }>(
    `SELECT ct.name AS city, d.name AS district, s.name AS street, c.name AS community, c.kind, g.name AS grid
     FROM grids g JOIN communities c ON c.id = g.community_id JOIN streets s ON s.id = c.street_id
     JOIN districts d ON d.id = s.district_id JOIN cities ct ON ct.id = d.city_id ORDER BY g.seq`,
    [],
  )

export function orgContract(label: string, open: () => Promise<OrgContractEngine>) {
  describe(`OrgRepo on ${label}`, () => {
    let e: OrgContractEngine
    beforeEach(async () => {
      e = await open()
    })
    afterEach(() => e.close())

    test('a sheet into an empty database: every place created, in sheet order, under its parent', async () => {
      const out = await importOrg(SHEET, e.store)
      expect(out).toEqual({
        cities: { created: 1, kept: 0 },
        districts: { created: 2, kept: 0 },
        streets: { created: 3, kept: 0 },
        communities: { created: 3, kept: 0 },
        grids: { created: 4, kept: 0 },
        moved: { streets: 0, reports: 0 },
      })
      expect(await places(e)).toEqual([
        { city: '江城市', district: '滨江区', street: '长河街道', community: '长河社区', kind: 'community', grid: '第一网格' },
        { city: '江城市', district: '滨江区', street: '长河街道', community: '长河社区', kind: 'community', grid: '第二网格' },
        { city: '江城市', district: '滨江区', street: '浦沿街道', community: '东冠村', kind: 'village', grid: '一组' },
        { city: '江城市', district: '西湖区', street: '北山街道', community: '北山社区', kind: 'community', grid: '第一网格' },
      ])
      const [first] = await e.query<{ id: string }>('SELECT id FROM communities ORDER BY seq LIMIT 1', [])
      const community = await e.store.communities.get(first!.id)
      expect(community).toMatchObject({ name: '长河社区', streetName: '长河街道', grids: [{ name: '第一网格' }, { name: '第二网格' }] })
      expect(community?.districtId).toMatch(/^d_[0-9a-f]{12}$/)
      expect(community?.cityId).toMatch(/^ct_[0-9a-f]{12}$/)
    })

    test('the same sheet again changes nothing; a longer one adds only what is new', async () => {
      await importOrg(SHEET, e.store)
      const ids = await e.query<{ id: string }>('SELECT id FROM grids ORDER BY id', [])
      expect(await importOrg(SHEET, e.store)).toMatchObject({ cities: { created: 0, kept: 1 }, grids: { created: 0, kept: 4 } })
      expect(await e.query<{ id: string }>('SELECT id FROM grids ORDER BY id', [])).toEqual(ids)
      const out = await importOrg(`${SHEET}江城市,西湖区,北山街道,北山社区,社区,第二网格\n`, e.store)
      expect(out).toMatchObject({ districts: { created: 0, kept: 2 }, communities: { created: 0, kept: 3 }, grids: { created: 1, kept: 4 } })
      expect((await places(e)).at(-1)).toMatchObject({ community: '北山社区', grid: '第二网格' })
    })

    test('a street written under another district moves there, its reports with it; places already there are found by name', async () => {
      // 振兴街道 exists before any sheet (as the demo's does), under no district, with a community, a grid and a report
      await e.exec("INSERT INTO streets (id, name, seq) VALUES ('st_old', '振兴街道', 0)", [])
      await e.exec("INSERT INTO communities (id, street_id, name, kind, seq) VALUES ('c_old', 'st_old', '锦江社区', 'community', 0)", [])
      await e.exec("INSERT INTO grids (id, community_id, name, seq) VALUES ('g_old', 'c_old', '第一网格', 0)", [])
      await e.store.users.create({ id: 'u_1', name: '王建华', phone: null, roles: ['resident'], communityId: 'c_old', gridId: 'g_old', householdId: null, verified: true, workerGridIds: [], createdAt: '2025-01-01T00:00:00.000Z' })
      await e.exec(
        `INSERT INTO reports (id, community_id, street_id, grid_id, reporter_id, category, description, anonymous, visibility, moderation,
           status, level, max_level, accept_by, resolve_by, created_at, updated_at)
         VALUES ('r_1', 'c_old', 'st_old', 'g_old', 'u_1', 'environment', '垃圾', $1, 'public', 'clean', 'submitted', 'grid', 'grid',
           '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
        [label === 'SQLite' ? 0 : false],
      )
      const first = await importOrg('市,区,街道,社区,类型,网格\n江城市,滨江区,振兴街道,锦江社区,社区,第一网格\n', e.store)
      expect(first).toMatchObject({ streets: { created: 0, kept: 1 }, communities: { kept: 1 }, grids: { kept: 1 }, moved: { streets: 1, reports: 1 } })
      const [placed] = await e.query<{ district_id: string; city_id: string }>("SELECT district_id, city_id FROM reports WHERE id = 'r_1'", [])
      expect((await e.store.users.get('u_1'))).toMatchObject({ districtId: placed!.district_id, cityId: placed!.city_id })
      const moved = await importOrg('市,区,街道,社区,类型,网格\n江城市,西湖区,振兴街道,锦江社区,村,第一网格\n', e.store)
      expect(moved).toMatchObject({ districts: { created: 1 }, moved: { streets: 1, reports: 1 } })
      const [after] = await e.query<{ district: string; kind: string }>(
        "SELECT d.name AS district, c.kind FROM reports r JOIN districts d ON d.id = r.district_id JOIN communities c ON c.id = r.community_id WHERE r.id = 'r_1'",
        [],
      )
      expect(after).toEqual({ district: '西湖区', kind: 'village' })
    })

    test('two streets of one name in the database: refused, nothing written', async () => {
      await e.exec("INSERT INTO streets (id, name, seq) VALUES ('st_a', '长河街道', 0), ('st_b', '长河街道', 1)", [])
      await expect(importOrg(SHEET, e.store)).rejects.toMatchObject({ code: 'CONFLICT' })
      expect(await e.query('SELECT id FROM cities', [])).toEqual([])
      expect(await e.query('SELECT id FROM streets ORDER BY id', [])).toEqual([{ id: 'st_a' }, { id: 'st_b' }])
    })

    test('two imports at once: one after the other, each place once', async () => {
      const outs = await Promise.all([importOrg(SHEET, e.store), importOrg(SHEET, e.store), importOrg(SHEET, e.store)])
      expect(outs.map((o) => o.grids.created).sort()).toEqual([0, 0, 4])
      expect(await places(e)).toHaveLength(4)
    })
  })
}


