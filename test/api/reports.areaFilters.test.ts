/**
 * 问题总览's list (report.list scope `area`) by 总览's period and by one community (issue 19: every overview figure
 * opens the list it counts): `from`/`to` China days (both included) on the creation time, `communityId` within the
 * caller's area. Each list is compared with the rows selected in the test; who may name which community; bad input.
 */
import type { ReportListPage } from '@/domain/reports'
import { addOtherStreet, OTHER_STREET } from './support/departmentFixtures'
import { makeHarness, type Harness } from './support/harness'
import { reportAt } from './support/ledgerFixtures'
import { WHO } from './support/reportFixtures'

jest.setTimeout(60_000)

let h: Harness
let jjEdge: string
beforeAll(async () => {
  h = await makeHarness()
  await addOtherStreet(h)
  await reportAt(h, WHO.resident, '2025-01-31T16:00:00.000Z', { description: '二月第一天零点的随手拍问题' })
  await reportAt(h, WHO.resident, '2025-02-10T02:00:00.000Z', { description: '二月中旬楼道灯坏了的问题' })
  jjEdge = await reportAt(h, WHO.resident, '2025-02-28T16:00:00.000Z', { description: '三月第一天零点的随手拍问题' })
  await reportAt(h, WHO.residentOther, '2025-02-15T02:00:00.000Z', { description: '临江村二月的随手拍问题' })
})
afterAll(() => h.close())

/** Every page of the area list for these filters. */
async function listed(filters: Record<string, unknown>, as: string): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const page: ReportListPage = await h.ok('report.list', { scope: 'area', ...filters, ...(cursor ? { cursor } : {}), limit: 50 }, as)
    ids.push(...page.items.map((r) => r.id))
    cursor = page.nextCursor
  } while (cursor)
  return ids
}

/** The rows the list should hold, selected here: created in [from, to) in the communities, newest first. */
async function expected(communities: string[], from: string | null, to: string | null): Promise<string[]> {
  const rows = await h.sql.all<{ id: string }>(
    `SELECT id FROM reports WHERE community_id IN (${communities.map(() => '?').join(', ')})
       AND created_at >= ? AND created_at < ? ORDER BY seq DESC`,
    [...communities, from ?? '2000-01-01T00:00:00.000Z', to ?? '2100-01-01T00:00:00.000Z'],
  )
  return rows.map((r) => r.id)
}

const FEB_FROM = '2025-01-31T16:00:00.000Z'
const FEB_TO = '2025-02-28T16:00:00.000Z'

test('the period: reports created on its China days, both ends included, the next day’s midnight not', async () => {
  const feb = await listed({ from: '2025-02-01', to: '2025-02-28' }, WHO.committee)
  expect(feb).toEqual(await expected(['c_jinjiang'], FEB_FROM, FEB_TO))
  expect(feb.length).toBeGreaterThanOrEqual(2)
  expect(feb).not.toContain(jjEdge)
  expect(await listed({ from: '2025-03-01', to: '2025-03-01' }, WHO.committee)).toContain(jjEdge)
  // open ends
  expect(await listed({ from: '2025-03-01' }, WHO.committee)).toEqual(await expected(['c_jinjiang'], '2025-02-28T16:00:00.000Z', null))
  expect(await listed({ to: '2025-01-31' }, WHO.committee)).toEqual(await expected(['c_jinjiang'], null, FEB_FROM))
  // with the other filters, as 总览's category figures open it
  const environment = await listed({ from: '2025-02-01', to: '2025-02-28', category: 'environment' }, WHO.committee)
  const env = await h.sql.all<{ id: string }>(
    `SELECT id FROM reports WHERE community_id = ? AND category = ? AND created_at >= ? AND created_at < ? ORDER BY seq DESC`,
    ['c_jinjiang', 'environment', FEB_FROM, FEB_TO],
  )
  expect(environment).toEqual(env.map((r) => r.id))
})

test('a street opens one community of its own: that community’s rows only', async () => {
  const street = await listed({ from: '2025-02-01', to: '2025-02-28' }, WHO.street)
  const communities = (await h.sql.all<{ id: string }>('SELECT id FROM communities WHERE street_id = (SELECT street_id FROM communities WHERE id = ?)', ['c_jinjiang'])).map((c) => c.id)
  expect(street).toEqual(await expected(communities, FEB_FROM, FEB_TO))
  const linjiang = await listed({ communityId: 'c_linjiang', from: '2025-02-01', to: '2025-02-28' }, WHO.street)
  expect(linjiang).toEqual(await expected(['c_linjiang'], FEB_FROM, FEB_TO))
  expect(linjiang.length).toBeGreaterThanOrEqual(1)
  expect(await listed({ communityId: 'c_jinjiang' }, WHO.district)).toEqual(await expected(['c_jinjiang'], null, null))
  expect(await listed({ communityId: 'c_linjiang' }, WHO.city)).toEqual(await expected(['c_linjiang'], null, null))
  // the committee naming its own community: the same as naming none
  expect(await listed({ communityId: 'c_jinjiang' }, WHO.committee)).toEqual(await listed({}, WHO.committee))
})

test('who may name which community', async () => {
  const code = async (as: string, communityId: string) => {
    const r = await h.call('report.list', { scope: 'area', communityId }, as)
    return r.ok ? 'ok' : r.error.code
  }
  expect(await code(WHO.committee, 'c_jinjiang')).toBe('ok')
  expect(await code(WHO.committee, 'c_linjiang')).toBe('FORBIDDEN')
  expect(await code(WHO.committeeOther, 'c_jinjiang')).toBe('FORBIDDEN')
  expect(await code(WHO.street, 'c_linjiang')).toBe('ok')
  expect(await code(WHO.street, OTHER_STREET.communityId)).toBe('FORBIDDEN')
  expect(await code(WHO.district, OTHER_STREET.communityId)).toBe('FORBIDDEN')
  expect(await code(WHO.city, 'c_jinjiang')).toBe('ok')
  for (const who of [WHO.resident, WHO.volunteer, WHO.worker]) expect(await code(who, 'c_jinjiang')).toBe('FORBIDDEN')
  // a grid of another community than the one named
  const r = await h.call('report.list', { scope: 'area', communityId: 'c_linjiang', gridId: OTHER_STREET.gridId }, WHO.street)
  expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('bad input: INVALID_INPUT with a Chinese message', async () => {
  const bad = async (payload: Record<string, unknown>) => {
    const r = await h.call('report.list', payload, WHO.street)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  }
  await bad({ scope: 'area', from: '2025-02-30' })
  await bad({ scope: 'area', from: '2025/02/01' })
  await bad({ scope: 'area', to: 20250201 })
  await bad({ scope: 'area', from: 'x'.repeat(100_000) })
  await bad({ scope: 'area', from: '2025-03-02', to: '2025-03-01' })
  await bad({ scope: 'area', communityId: 'c_nowhere' })
  await bad({ scope: 'area', communityId: "c_jinjiang' OR 1=1 --" })
  await bad({ scope: 'area', communityId: 42 })
  // the other lists take neither
  await bad({ scope: 'public', from: '2025-02-01' })
  await bad({ scope: 'queue', communityId: 'c_jinjiang' })
  await bad({ scope: 'mine', to: '2025-02-01' })
})
