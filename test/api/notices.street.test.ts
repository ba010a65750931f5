/**
 * Street staff see the notices of every community under their street (list, detail, stats), each marked with its
 * community; a committee sees only its own community's; a street above other communities sees none of these
 * (issue 11). 振兴街道 holds 锦江社区 and 临江村; 城南街道 (made here) holds 南湖社区.
 */
import type { Notice, NoticeListPage, NoticeStats } from '@/domain/notices'
import { COMMITTEE, OTHER_COMMITTEE, STREET } from './support/demoUsers'
import { makeHarness, type Harness } from './support/harness'

let h: Harness
let otherStreet: string
let jinjiang: Notice // 锦江社区, whole community
let linjiang: Notice // 临江村, one grid

beforeAll(async () => {
  h = await makeHarness()
  await h.sql.exec(`
    INSERT INTO streets (id, name, seq) VALUES ('st_chengnan', '城南街道', 2);
    INSERT INTO communities (id, street_id, name, kind, seq) VALUES ('c_nanhu', 'st_chengnan', '南湖社区', 'community', 3);
    INSERT INTO grids (id, community_id, name, seq) VALUES ('g_nh_1', 'c_nanhu', '第一网格', 1);`)
  otherStreet = await h.devLogin({ role: 'street', communityId: 'c_nanhu' })
  jinjiang = await h.ok<Notice>('notice.publish', { title: '锦江的通知', body: '正文', category: 'notice', important: true }, COMMITTEE)
  linjiang = await h.ok<Notice>(
    'notice.publish',
    { title: '临江的通知', body: '正文', category: 'notice', important: true, gridIds: ['g_lj_1'] },
    OTHER_COMMITTEE,
  )
})
afterAll(() => h.close())

const listed = async (as: string) => (await h.ok<NoticeListPage>('notice.list', { limit: 100 }, as)).items

type Cell = { lists: boolean; get: 'ok' | 'NOT_FOUND'; stats: 'ok' | 'NOT_FOUND' }
const SEES: Cell = { lists: true, get: 'ok', stats: 'ok' }
const NOT: Cell = { lists: false, get: 'NOT_FOUND', stats: 'NOT_FOUND' }

// viewer × notice → outcome
const MATRIX: [string, () => string, { jinjiang: Cell; linjiang: Cell }][] = [
  ['street of both communities', () => STREET, { jinjiang: SEES, linjiang: SEES }],
  ['another street', () => otherStreet, { jinjiang: NOT, linjiang: NOT }],
  ['committee of 锦江社区', () => COMMITTEE, { jinjiang: SEES, linjiang: NOT }],
  ['committee of 临江村', () => OTHER_COMMITTEE, { jinjiang: NOT, linjiang: SEES }],
]

describe.each(MATRIX)('%s', (_who, as, expected) => {
  test.each(['jinjiang', 'linjiang'] as const)('the %s notice: list, get, stats', async (which) => {
    const n = which === 'jinjiang' ? jinjiang : linjiang
    const want = expected[which]
    expect((await listed(as())).some((i) => i.id === n.id)).toBe(want.lists)
    const get = await h.call<Notice>('notice.get', { id: n.id }, as())
    expect(get.ok ? 'ok' : get.error.code).toBe(want.get)
    const stats = await h.call<NoticeStats>('notice.stats', { id: n.id }, as())
    expect(stats.ok ? 'ok' : stats.error.code).toBe(want.stats)
  })
})

describe('the street’s view', () => {
  test('every item says which community it is from; the detail too, with its grids by name', async () => {
    const items = await listed(STREET)
    expect(items.find((i) => i.id === jinjiang.id)?.communityName).toBe('锦江社区')
    expect(items.find((i) => i.id === linjiang.id)?.communityName).toBe('临江村')
    expect(items.find((i) => i.id === 'n_lj_meeting')?.communityName).toBe('临江村')
    const detail = await h.ok<Notice>('notice.get', { id: linjiang.id }, STREET)
    expect(detail).toMatchObject({ communityName: '临江村', gridIds: ['g_lj_1'], gridNames: ['第一网格'], canConfirm: false })
  })

  test('stats of another community under the street are that community’s grids', async () => {
    const s = await h.ok<NoticeStats>('notice.stats', { id: linjiang.id }, STREET)
    expect(s.byGrid.map((g) => g.gridId)).toEqual(['g_lj_1'])
    expect(s).toEqual(await h.ok<NoticeStats>('notice.stats', { id: linjiang.id }, OTHER_COMMITTEE))
  })

  test('unread counts the notices of every community under the street', async () => {
    const page = await h.ok<NoticeListPage>('notice.list', { limit: 100 }, STREET)
    const unread = page.items.filter((i) => i.unread)
    expect(page.unread).toBe(unread.length)
    expect(new Set(unread.map((i) => i.communityName))).toEqual(new Set(['锦江社区', '临江村']))
  })

  test('a street reads but does not manage or confirm: withdraw and confirm are FORBIDDEN, nothing written', async () => {
    const before = await h.counts()
    expect(await h.call('notice.withdraw', { id: linjiang.id }, STREET)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('notice.confirm', { id: linjiang.id }, STREET)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('notice.withdraw', { id: linjiang.id }, otherStreet)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.counts()).toEqual(before)
  })

  test('a withdrawn notice is gone for the street too', async () => {
    const n = await h.ok<Notice>('notice.publish', { title: '撤回的', body: '正文', category: 'notice' }, OTHER_COMMITTEE)
    await h.ok('notice.withdraw', { id: n.id }, OTHER_COMMITTEE)
    expect((await listed(STREET)).some((i) => i.id === n.id)).toBe(false)
    expect(await h.call('notice.get', { id: n.id }, STREET)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
