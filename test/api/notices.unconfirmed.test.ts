/**
 * notice.unconfirmed (issue 11): for an important notice, the people of its audience who have not confirmed it and
 * the roster households in scope where nobody uses the app — the clerk's list to phone or visit, grid by grid.
 * Its length is the figure the stats give for it; names and phones as cloud/residents/policy.ts allows; a read
 * with phones in full is audited.
 */
import type { Notice, NoticeStats, NoticeUnconfirmedItem } from '@/domain/notices'
import type { Page } from '@/domain/shared/text'
import { COMMITTEE, OTHER_COMMITTEE, STREET, VERIFIED, WORKER } from './support/demoUsers'
import { makeHarness, type Harness } from './support/harness'

const VOLUNTEER = 'u_volunteer_jj1' // 第一网格, household h_jj_1_02
const R2 = 'u_resident_jj2' // 第二网格, household h_jj_2_01

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const publish = (p: Record<string, unknown> = {}) =>
  h.ok<Notice>('notice.publish', { title: '燃气检修', body: '正文', category: 'notice', important: true, ...p }, COMMITTEE)

async function all(id: string, as: string, extra: Record<string, unknown> = {}, limit = 100): Promise<NoticeUnconfirmedItem[]> {
  const out: NoticeUnconfirmedItem[] = []
  let cursor: string | null = null
  for (let i = 0; i < 100; i++) {
    const page: Page<NoticeUnconfirmedItem> = await h.ok('notice.unconfirmed', { id, limit, ...extra, ...(cursor ? { cursor } : {}) }, as)
    expect(page.items.length).toBeLessThanOrEqual(limit)
    out.push(...page.items)
    cursor = page.nextCursor
    if (!cursor) return out
  }
  throw new Error('too many pages')
}

describe('who is on the list', () => {
  test('people of the audience who have not confirmed, and roster households where nobody is in the audience', async () => {
    const n = await publish({ gridIds: ['g_jj_1', 'g_jj_2'] })
    await h.ok('notice.confirm', { id: n.id }, VOLUNTEER)
    await h.ok('notice.get', { id: n.id }, VERIFIED) // read, not confirmed
    const items = await all(n.id, COMMITTEE)

    const people = items.filter((i) => i.kind === 'person')
    expect(people.map((p) => p.id).sort()).toEqual([R2, VERIFIED].sort())
    expect(people.find((p) => p.id === VERIFIED)).toMatchObject({ read: true, gridName: '第一网格', address: '1栋1单元101', rosterOnly: false })
    expect(people.find((p) => p.id === R2)).toMatchObject({ read: false, gridName: '第二网格' })

    // 10 roster households per grid; h_jj_1_01, h_jj_1_02 and h_jj_2_01 have someone in the audience
    const households = items.filter((i) => i.kind === 'household')
    expect(households).toHaveLength(17)
    expect(households.map((x) => x.id)).not.toContain('h_jj_1_02') // the volunteer confirmed for that household's only account
    expect(households.every((x) => x.read === false && x.address !== null && x.phoneOfHousehold)).toBe(true)

    // grid by grid, then by address
    expect(items.map((i) => i.gridId)).toEqual([...items.map((i) => i.gridId)].sort())
    expect(items.findIndex((i) => i.gridId === 'g_jj_2')).toBe(items.filter((i) => i.gridId === 'g_jj_1').length)
  })

  test('its length is the stats’ figure, in total and per grid', async () => {
    const n = await publish()
    await h.ok('notice.confirm', { id: n.id }, VERIFIED)
    const s = await h.ok<NoticeStats>('notice.stats', { id: n.id }, COMMITTEE)
    expect(s.unconfirmed).toBe(s.audience - s.confirmed + s.householdsWithoutAccount)
    expect(await all(n.id, COMMITTEE)).toHaveLength(s.unconfirmed)
    for (const g of s.byGrid) {
      const rows = await all(n.id, COMMITTEE, { gridId: g.gridId })
      expect(rows).toHaveLength(g.unconfirmed)
      expect(rows.every((r) => r.gridId === g.gridId)).toBe(true)
    }
    // the roster's households in scope, and those where nobody is counted
    expect(s.households).toBe(30)
    expect(s.householdsWithoutAccount).toBe(27)
  })

  test('a person registered by the committee (no smartphone) is on it, marked so', async () => {
    const n = await publish({ gridIds: ['g_jj_1'] })
    const member = await h.ok<{ id: string }>('resident.register', { householdId: 'h_jj_1_05', name: '赵老伯' }, COMMITTEE)
    const items = await all(n.id, COMMITTEE)
    expect(items.find((i) => i.id === member.id)).toMatchObject({ kind: 'person', rosterOnly: true, name: '赵老伯' })
    expect(items.map((i) => i.id)).not.toContain('h_jj_1_05')
  })

  test('pages by cursor without gaps or repeats', async () => {
    const n = await publish()
    const whole = await all(n.id, COMMITTEE)
    for (const limit of [1, 4, 7]) expect(await all(n.id, COMMITTEE, {}, limit)).toEqual(whole)
  })
})

describe('privacy', () => {
  test('the committee sees names, phones and addresses in full, and each read with phones is audited', async () => {
    const n = await publish({ gridIds: ['g_jj_1'] })
    const auditBefore = (await h.store.audit.list({ targetId: n.id, limit: 50 })).length
    const page = await h.ok<Page<NoticeUnconfirmedItem>>('notice.unconfirmed', { id: n.id, limit: 5 }, COMMITTEE)
    const me = page.items.find((i) => i.id === VERIFIED)
    expect(me).toMatchObject({ name: '王建华', phone: '13900000001', phoneOfHousehold: false })
    expect(page.items.filter((i) => i.kind === 'household')[0]?.phone).toMatch(/^1390000\d{4}$/)
    const audit = await h.store.audit.list({ targetId: n.id, limit: 50 })
    expect(audit).toHaveLength(auditBefore + 1)
    expect(audit[0]).toMatchObject({ action: 'notice.unconfirmed', actorId: COMMITTEE, communityId: 'c_jinjiang', detail: { gridId: null, rows: 5, phones: 5 } })
  })

  test('the street sees the list masked: names and phones, no addresses; nothing in full, nothing audited', async () => {
    const n = await publish({ gridIds: ['g_jj_1'] })
    const auditBefore = (await h.store.audit.list({ targetId: n.id, limit: 50 })).length
    const items = await all(n.id, STREET)
    expect(items.find((i) => i.id === VERIFIED)).toMatchObject({ name: '王*华', phone: '139****0001', address: null })
    expect(items.every((i) => i.address === null && (i.phone === null || i.phone.includes('*')))).toBe(true)
    expect(await h.store.audit.list({ targetId: n.id, limit: 50 })).toHaveLength(auditBefore)
  })
})

describe('refusals', () => {
  test.each([
    ['a resident of the audience', VERIFIED, 'FORBIDDEN'],
    ['a grid worker of the grid', WORKER, 'FORBIDDEN'],
    ['another community’s committee', OTHER_COMMITTEE, 'NOT_FOUND'],
  ])('%s → %s, nothing written', async (_who, as, code) => {
    const n = await publish({ gridIds: ['g_jj_1'] })
    const before = await h.counts()
    expect(await h.call('notice.unconfirmed', { id: n.id }, as)).toMatchObject({ ok: false, error: { code } })
    expect(await h.counts()).toEqual(before)
  })

  test('a notice that asks nobody to confirm → CONFLICT; a grid outside its scope → INVALID_INPUT', async () => {
    const ordinary = await publish({ important: false })
    expect(await h.call('notice.unconfirmed', { id: ordinary.id }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const n = await publish({ gridIds: ['g_jj_1'] })
    expect(await h.call('notice.unconfirmed', { id: n.id, gridId: 'g_jj_2' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.call('notice.unconfirmed', { id: n.id, cursor: 'bm9wZQ' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
