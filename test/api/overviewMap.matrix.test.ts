/**
 * Who reads which 一张图 (overview.map), through the dispatcher: the same rules as the 总览. Every role against
 * its own area, an area under it and one beside it; the grids each one gets are those of its area only.
 */
import type { OverviewMap } from '@/domain/overview'
import { makeHarness, type Harness } from './support/harness'
import { COMMITTEE, OTHER_COMMITTEE, STREET, VERIFIED, WORKER } from './support/demoUsers'
import { addOtherStreet } from './support/departmentFixtures'
import { makeDepartment } from './support/departmentFixtures'

let h: Harness
const who: Record<string, string> = {}
beforeAll(async () => {
  h = await makeHarness()
  const other = await addOtherStreet(h)
  // another district of 江城市 (with a street, community and grid), and a district of another city
  await h.sql.exec(`
    INSERT INTO districts (id, city_id, name, seq) VALUES ('d_xishan', 'ct_jiangcheng', '西山区', 2);
    INSERT INTO streets (id, name, seq, district_id) VALUES ('st_xishan', '西山街道', 3, 'd_xishan');
    INSERT INTO communities (id, street_id, name, kind, seq) VALUES ('c_xishan', 'st_xishan', '西山社区', 'community', 4);
    INSERT INTO grids (id, community_id, name, seq) VALUES ('g_xs_1', 'c_xishan', '第一网格', 1);
    INSERT INTO cities (id, name, seq) VALUES ('ct_far', '远方市', 2);
    INSERT INTO districts (id, city_id, name, seq) VALUES ('d_far', 'ct_far', '远方区', 1);`)
  Object.assign(who, {
    resident: VERIFIED,
    volunteer: 'u_volunteer_jj1',
    worker: WORKER,
    committee: COMMITTEE,
    otherCommittee: OTHER_COMMITTEE,
    street: STREET,
    otherStreet: other.streetStaff,
    district: 'u_district',
    otherDistrict: await h.devLogin({ role: 'district', communityId: 'c_xishan', name: '西山区干部' }),
    city: 'u_city',
    department: (await makeDepartment(h)).members[0],
  })
})
afterAll(() => h.close())

type Area = { kind: 'grid' | 'community' | 'street' | 'district'; id: string } | undefined
const ALLOWED: [string, Area, string][] = [
  ['worker', undefined, '第一网格'],
  ['worker', { kind: 'grid', id: 'g_jj_1' }, '第一网格'],
  ['committee', undefined, '锦江社区'],
  ['committee', { kind: 'community', id: 'c_jinjiang' }, '锦江社区'],
  ['committee', { kind: 'grid', id: 'g_jj_2' }, '第二网格'],
  ['otherCommittee', undefined, '临江村'],
  ['street', undefined, '振兴街道'],
  ['street', { kind: 'community', id: 'c_jinjiang' }, '锦江社区'],
  ['street', { kind: 'community', id: 'c_linjiang' }, '临江村'],
  ['street', { kind: 'grid', id: 'g_lj_1' }, '第一网格'],
  ['otherStreet', { kind: 'community', id: 'c_nanhu' }, '南湖社区'],
  ['district', undefined, '滨江区'],
  ['district', { kind: 'street', id: 'st_zhenxing' }, '振兴街道'],
  ['district', { kind: 'community', id: 'c_linjiang' }, '临江村'],
  ['otherDistrict', undefined, '西山区'],
  ['city', undefined, '江城市'],
  ['city', { kind: 'district', id: 'd_xishan' }, '西山区'],
  ['city', { kind: 'street', id: 'st_zhenxing' }, '振兴街道'],
  ['city', { kind: 'grid', id: 'g_xs_1' }, '第一网格'],
]

test.each(ALLOWED)('%s reads %j', async (caller, area, name) => {
  const m = await h.ok<OverviewMap>('overview.map', area ? { area } : {}, who[caller])
  expect(m.area.name).toBe(name)
})

test('each level’s grids: those of its area only', async () => {
  const grids = async (caller: string, area?: Area) => (await h.ok<OverviewMap>('overview.map', area ? { area } : {}, who[caller])).grids.map((g) => g.id)
  expect(await grids('worker')).toEqual(['g_jj_1'])
  expect(await grids('committee')).toEqual(['g_jj_1', 'g_jj_2', 'g_jj_3'])
  expect(await grids('committee', { kind: 'grid', id: 'g_jj_2' })).toEqual(['g_jj_2'])
  const street = await grids('street')
  expect(street.filter((g) => g.startsWith('g_jj_'))).toEqual(['g_jj_1', 'g_jj_2', 'g_jj_3'])
  expect(street.some((g) => g.startsWith('g_lj_'))).toBe(true)
  expect(street).not.toContain('g_xs_1')
  expect(await grids('otherDistrict')).toEqual(['g_xs_1'])
  expect(await grids('city')).toEqual(expect.arrayContaining(['g_jj_1', 'g_lj_1', 'g_xs_1']))
  const points = (await h.ok<OverviewMap>('overview.map', {}, who.committee)).points.items
  expect(points.every((p) => p.gridId.startsWith('g_jj_'))).toBe(true)
})

const FORBIDDEN: [string, Area, string][] = [
  ['resident', undefined, '只有网格员和社区、街道、区、市的工作人员可以查看总览'],
  ['volunteer', undefined, '只有网格员和社区、街道、区、市的工作人员可以查看总览'],
  ['department', undefined, '只有网格员和社区、街道、区、市的工作人员可以查看总览'],
  ['resident', { kind: 'community', id: 'c_jinjiang' }, '只有网格员和社区、街道、区、市的工作人员可以查看总览'],
  ['worker', { kind: 'grid', id: 'g_jj_2' }, '只能查看本辖区的总览'],
  ['worker', { kind: 'community', id: 'c_jinjiang' }, '只能查看本辖区的总览'],
  ['committee', { kind: 'community', id: 'c_linjiang' }, '只能查看本辖区的总览'],
  ['committee', { kind: 'grid', id: 'g_lj_1' }, '只能查看本辖区的总览'],
  ['committee', { kind: 'street', id: 'st_zhenxing' }, '只能查看本辖区的总览'],
  ['otherCommittee', { kind: 'community', id: 'c_jinjiang' }, '只能查看本辖区的总览'],
  ['street', { kind: 'community', id: 'c_nanhu' }, '只能查看本辖区的总览'],
  ['street', { kind: 'street', id: 'st_chengnan' }, '只能查看本辖区的总览'],
  ['street', { kind: 'district', id: 'd_binjiang' }, '只能查看本辖区的总览'],
  ['otherStreet', { kind: 'community', id: 'c_jinjiang' }, '只能查看本辖区的总览'],
  ['district', { kind: 'street', id: 'st_xishan' }, '只能查看本辖区的总览'],
  ['district', { kind: 'street', id: 'st_chengnan' }, '只能查看本辖区的总览'],
  ['district', { kind: 'district', id: 'd_xishan' }, '只能查看本辖区的总览'],
  ['otherDistrict', { kind: 'grid', id: 'g_jj_1' }, '只能查看本辖区的总览'],
  ['city', { kind: 'district', id: 'd_far' }, '只能查看本辖区的总览'],
]

test.each(FORBIDDEN)('%s asking %j → FORBIDDEN', async (caller, area, message) => {
  const r = await h.call('overview.map', area ? { area } : {}, who[caller])
  expect(r.ok ? 'ok' : r.error).toEqual({ code: 'FORBIDDEN', message })
})

test.each(['grid', 'community', 'street', 'district'] as const)('an unknown %s → NOT_FOUND', async (kind) => {
  const r = await h.call('overview.map', { area: { kind, id: `${kind}_nowhere` } }, who.city)
  expect(r.ok ? 'ok' : r.error).toEqual({ code: 'NOT_FOUND', message: '区域不存在' })
})

test('signed out → UNAUTHENTICATED', async () => {
  const r = await h.call('overview.map', {}, null)
  expect(r.ok ? 'ok' : r.error.code).toBe('UNAUTHENTICATED')
})
