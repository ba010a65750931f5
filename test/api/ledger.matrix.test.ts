/**
 * Who may export whose 台账 (issue 19): every role × own / another area. A committee never sees another community;
 * a street, district and city their whole area or a community under them; a grid worker their grids; residents and
 * volunteers FORBIDDEN; refused exports write nothing.
 */
import type { LedgerExport } from '@/domain/ledger'
import type { Harness } from './support/harness'
import { WHO } from './support/reportFixtures'
import { FEB, readBack, rowsOf, ledgerHarness } from './support/ledgerFixtures'

jest.setTimeout(60_000)

let h: Harness
beforeAll(async () => {
  h = await ledgerHarness()
  // a second street with a community, under no district: outside 滨江区 and 江城市
  await h.sql.run('INSERT INTO streets (id, name, seq) VALUES (?, ?, ?)', ['st_far', '远郊街道', 9])
  await h.sql.run('INSERT INTO communities (id, street_id, name, kind, seq) VALUES (?, ?, ?, ?, ?)', ['c_far', 'st_far', '远郊社区', 'community', 9])
})
afterAll(() => h.close())

const exportsMade = async () => Number(await h.sql.value('SELECT count(*) FROM audit_log WHERE action = ?', ['ledger.export']))

async function communitiesIn(out: LedgerExport): Promise<Set<string>> {
  return new Set(rowsOf(await readBack(h, out), '问题清单').slice(1).map((r) => String(r[3])))
}

const month = (communityId?: string) => ({ kind: 'month', month: FEB.month, ...(communityId ? { communityId } : {}) })

describe.each([
  ['resident', WHO.resident],
  ['volunteer', WHO.volunteer],
  ['resident of another community', WHO.residentOther],
])('%s', (_name, who) => {
  test.each([undefined, 'c_jinjiang', 'c_linjiang'])('FORBIDDEN (communityId %s), nothing written', async (c) => {
    const before = await exportsMade()
    const r = await h.call('ledger.export', month(c), who)
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
    expect(await exportsMade()).toBe(before)
  })
})

test.each([
  ['committee', WHO.committee, undefined, ['锦江社区']],
  ['committee naming its own', WHO.committee, 'c_jinjiang', ['锦江社区']],
  ['the other committee', WHO.committeeOther, undefined, ['临江村']],
  ['street, whole area', WHO.street, undefined, ['锦江社区', '临江村']],
  ['street, a community under it', WHO.street, 'c_linjiang', ['临江村']],
  ['district, whole area', WHO.district, undefined, ['锦江社区', '临江村']],
  ['district, a community under it', WHO.district, 'c_jinjiang', ['锦江社区']],
  ['city, whole area', WHO.city, undefined, ['锦江社区', '临江村']],
  ['grid worker', WHO.worker, undefined, ['锦江社区']],
] as const)('%s: its own area only', async (_name, who, c, communities) => {
  const before = await exportsMade()
  const out = await h.ok<LedgerExport>('ledger.export', month(c), who)
  expect([...(await communitiesIn(out))].sort()).toEqual([...communities].sort())
  expect(await exportsMade()).toBe(before + 1)
})

test('a grid worker: their grids’ reports only', async () => {
  const out = await h.ok<LedgerExport>('ledger.export', { kind: 'reports' }, WHO.worker2)
  const grids = new Set(rowsOf(await readBack(h, out), '问题清单').slice(1).map((r) => String(r[4])))
  const want = await h.sql.all<{ name: string }>('SELECT DISTINCT g.name FROM reports r JOIN grids g ON g.id = r.grid_id WHERE r.grid_id IN (?, ?)', ['g_jj_2', 'g_jj_3'])
  expect(grids).toEqual(new Set(want.map((g) => g.name)))
})

test.each([
  ['committee, another community', WHO.committee, { kind: 'month', month: FEB.month, communityId: 'c_linjiang' }],
  ['the other committee, 锦江', WHO.committeeOther, { kind: 'month', month: FEB.month, communityId: 'c_jinjiang' }],
  ['street, a community of another street', WHO.street, { kind: 'month', month: FEB.month, communityId: 'c_far' }],
  ['district, a community under no district of theirs', WHO.district, { kind: 'month', month: FEB.month, communityId: 'c_far' }],
  ['city, a community outside the city', WHO.city, { kind: 'month', month: FEB.month, communityId: 'c_far' }],
  ['grid worker, another community', WHO.worker, { kind: 'month', month: FEB.month, communityId: 'c_linjiang' }],
  ['grid worker, a grid not theirs', WHO.worker, { kind: 'reports', gridId: 'g_jj_2' }],
  ['committee, a grid of another community', WHO.committee, { kind: 'reports', gridId: 'g_lj_1' }],
] as const)('%s: FORBIDDEN, nothing written', async (_name, who, payload) => {
  const before = await exportsMade()
  expect(await h.call('ledger.export', payload, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await exportsMade()).toBe(before)
})

test('signed out: UNAUTHENTICATED', async () => {
  expect(await h.call('ledger.export', month(), null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
})
