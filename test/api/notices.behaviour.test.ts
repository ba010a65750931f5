/** What each notice action does for the people allowed to take it. */
import type { Notice, NoticeListPage, NoticeStats } from '@/domain/notices'
import { makeHarness, NOW, type Harness } from './support/harness'

const COMMITTEE = 'u_committee_jj'
const R1 = 'u_resident_jj1' // 第一网格
const R2 = 'u_resident_jj2' // 第二网格
const VOL = 'u_volunteer_jj1' // 第一网格

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const publish = (p: Record<string, unknown>, requestId?: string) =>
  h.ok<Notice>('notice.publish', { title: '标题', body: '正文', category: 'notice', ...p }, COMMITTEE, requestId)
const list = (as: string, p: Record<string, unknown> = {}) => h.ok<NoticeListPage>('notice.list', p, as)
const hours = (n: number) => new Date(Date.parse(NOW) + n * 3600_000).toISOString()

describe('notice.publish', () => {
  test('returns the notice with its id, scope and the author name; audit entry written', async () => {
    const n = await publish({ title: '停电通知', gridIds: ['g_jj_2', 'g_jj_1', 'g_jj_1'], pinned: true, important: true })
    expect(n).toMatchObject({
      title: '停电通知',
      gridIds: ['g_jj_1', 'g_jj_2'],
      pinned: true,
      important: true,
      state: 'live',
      authorName: '陈秀兰',
      publishAt: NOW,
      expireAt: null,
    })
    expect(n.id).toMatch(/^[A-Za-z0-9_-]+$/)
    const audit = await h.store.audit.list({ targetId: n.id, limit: 10 })
    expect(audit).toEqual([expect.objectContaining({ action: 'notice.publish', actorId: COMMITTEE, communityId: 'c_jinjiang' })])
  })

  test('the same requestId twice is one notice, the same reply', async () => {
    const a = await publish({ title: '重试' }, 'req-retry-0001')
    const before = await h.counts()
    h.clock.advance(60_000)
    const b = await publish({ title: '重试' }, 'req-retry-0001')
    expect(b.id).toBe(a.id)
    expect(b.publishAt).toBe(a.publishAt)
    expect(await h.counts()).toEqual(before)
  })

  test('the same requestId with different content is a CONFLICT; other users have their own keys', async () => {
    await publish({ title: '第一次' }, 'req-reused-0001')
    const r = await h.call('notice.publish', { title: '第二次', body: '正文', category: 'notice' }, COMMITTEE, 'req-reused-0001')
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const other = await h.devLogin({ role: 'committee' })
    const o = await h.ok<Notice>('notice.publish', { title: '第一次', body: '正文', category: 'notice' }, other, 'req-reused-0001')
    expect(o.authorName).not.toBe('陈秀兰')
  })

  test('a publish time in the past means now; a future one schedules it', async () => {
    const past = await publish({ publishAt: hours(-5) })
    expect(past.publishAt).toBe(NOW)
    const later = await publish({ publishAt: '2025-03-01T18:00:00+08:00', expireAt: hours(48) })
    expect(later).toMatchObject({ state: 'scheduled', publishAt: '2025-03-01T10:00:00.000Z' })
  })
})

describe('notice.list', () => {
  test('pinned first, then newest; scheduled, expired and withdrawn are left out for residents', async () => {
    const old = await publish({ title: '旧', publishAt: hours(1) })
    h.clock.advance(2 * 3600_000)
    const fresh = await publish({ title: '新' })
    const scheduled = await publish({ title: '定时', publishAt: hours(10) })
    const expiring = await publish({ title: '将过期', expireAt: hours(3) })
    const gone = await publish({ title: '撤回' })
    await h.ok('notice.withdraw', { id: gone.id }, COMMITTEE)
    h.clock.advance(3600_000) // now = NOW + 3h: `expiring` has expired
    const ids = (await list(R1, { limit: 100 })).items.map((i) => i.id)
    expect(ids[0]).toBe('n_fire_check') // the pinned demo notice
    expect(ids.indexOf(fresh.id)).toBeLessThan(ids.indexOf(old.id))
    expect(ids).not.toContain(scheduled.id)
    expect(ids).not.toContain(expiring.id)
    expect(ids).not.toContain(gone.id)
    expect(ids).not.toContain('n_new_year_show') // scheduled demo notice
  })

  test('committee sees scheduled and expired notices with their state, never withdrawn ones', async () => {
    const scheduled = await publish({ title: '定时', publishAt: hours(10) })
    const expiring = await publish({ title: '将过期', expireAt: hours(1) })
    const gone = await publish({ title: '撤回' })
    await h.ok('notice.withdraw', { id: gone.id }, COMMITTEE)
    h.clock.advance(2 * 3600_000)
    const items = (await list(COMMITTEE, { limit: 100 })).items
    const state = Object.fromEntries(items.map((i) => [i.id, i.state]))
    expect(state[scheduled.id]).toBe('scheduled')
    expect(state[expiring.id]).toBe('expired')
    expect(state[gone.id]).toBeUndefined()
    const street = (await list('u_street', { limit: 100 })).items.map((i) => i.id)
    expect(street).toContain(scheduled.id)
  })

  test('pages by cursor without gaps or repeats, at most `limit` per page', async () => {
    for (let i = 0; i < 25; i++) {
      await publish({ title: `第 ${i} 条`, pinned: i % 7 === 0 })
      h.clock.advance(i % 3 === 0 ? 0 : 1000) // some share a publish time: the id breaks the tie
    }
    const all = (await list(R1, { limit: 100 })).items.map((i) => i.id)
    for (const limit of [1, 2, 3, 4, 7]) {
      const seen: string[] = []
      let cursor: string | undefined
      let pages = 0
      do {
        const page = await list(R1, { limit, ...(cursor ? { cursor } : {}) })
        expect(page.items.length).toBeLessThanOrEqual(limit)
        seen.push(...page.items.map((i) => i.id))
        cursor = page.nextCursor ?? undefined
        pages++
      } while (cursor && pages < 100)
      expect(seen).toEqual(all)
      expect(pages).toBe(Math.ceil(all.length / limit))
    }
    expect(all.length).toBe(25 + 4) // 4 demo notices are live in 第一网格
  })

  test('default page is 20 items; never more than 100', async () => {
    for (let i = 0; i < 110; i++) await publish({ title: `批量 ${i}` })
    const page = await list(R1)
    expect(page.items).toHaveLength(20)
    expect(page.nextCursor).not.toBeNull()
    const biggest = await list(R1, { limit: 100 })
    expect(biggest.items).toHaveLength(100)
    expect(biggest.nextCursor).not.toBeNull()
    expect(await h.call('notice.list', { limit: 101 }, R1)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  test('read and confirmed are the caller’s own', async () => {
    await h.ok('notice.confirm', { id: 'n_water_cut' }, R1)
    const mine = (await list(R1)).items.find((i) => i.id === 'n_water_cut')
    const theirs = (await list(VOL)).items.find((i) => i.id === 'n_water_cut')
    expect(mine).toMatchObject({ read: true, confirmed: true })
    expect(theirs).toMatchObject({ read: false, confirmed: false })
  })

  test('unread counts every live notice in scope the caller has not opened, on every page', async () => {
    const scheduled = await publish({ title: '明天发布', publishAt: hours(24) })
    const other = await publish({ title: '只给第二网格', gridIds: ['g_jj_2'] })
    const before = await list(R1, { limit: 1 })
    const liveInScope = (await h.sql.get(
      `SELECT count(*) AS n FROM notices n WHERE n.community_id = 'c_jinjiang' AND n.withdrawn_at IS NULL
         AND n.publish_at <= ? AND (n.expire_at IS NULL OR n.expire_at > ?)
         AND (n.whole_community = ? OR EXISTS (SELECT 1 FROM notice_grids g WHERE g.notice_id = n.id AND g.grid_id = 'g_jj_1'))
         AND NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ?)`,
      [NOW, NOW, 1, R1],
    )) as { n: number }
    expect(before.items).toHaveLength(1)
    expect(before.unread).toBe(liveInScope.n)
    expect(before.unread).toBeGreaterThan(1)

    await h.ok('notice.get', { id: before.items[0].id }, R1)
    await h.ok('notice.get', { id: before.items[0].id }, R1)
    const after = await list(R1, { limit: 1, cursor: before.nextCursor })
    expect(after.unread).toBe(before.unread - 1)
    // neither the scheduled notice nor another grid's counts for R1; R2's count is their own
    expect([scheduled.id, other.id]).not.toContain(before.items[0].id)
    expect((await list(R2)).unread).toBe((await list(R2)).items.filter((n) => !n.read).length)
  })

  test('an unverified resident without a grid sees whole-community notices only', async () => {
    const scoped = await publish({ gridIds: ['g_jj_1'] })
    const whole = await publish({})
    const newcomer = await h.devLogin({ role: 'resident', verified: false })
    await h.sql.run('UPDATE users SET grid_id = NULL WHERE id = ?', [newcomer])
    const ids = (await list(newcomer, { limit: 100 })).items.map((i) => i.id)
    expect(ids).toContain(whole.id)
    expect(ids).not.toContain(scoped.id)
  })
})

describe('notice.get', () => {
  test('records the first read only; canConfirm for the audience', async () => {
    const first = await h.ok<Notice>('notice.get', { id: 'n_water_cut' }, R1)
    expect(first).toMatchObject({ read: true, confirmed: false, canConfirm: true, authorName: '陈秀兰' })
    h.clock.advance(60_000)
    await h.ok('notice.get', { id: 'n_water_cut' }, R1)
    expect(await h.store.notices.readOf('n_water_cut', R1)).toEqual({ readAt: NOW, confirmedAt: null })
    const staff = await h.ok<Notice>('notice.get', { id: 'n_water_cut' }, COMMITTEE)
    expect(staff.canConfirm).toBe(false)
  })

  test('withdrawn → NOT_FOUND for everyone', async () => {
    const n = await publish({})
    await h.ok('notice.withdraw', { id: n.id }, COMMITTEE)
    for (const who of [R1, COMMITTEE, 'u_street']) {
      expect(await h.call('notice.get', { id: n.id }, who)).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
  })

  test('a scheduled notice does not exist for residents yet; the committee reads it; nobody confirms it', async () => {
    const later = await publish({ title: '明天的通知', important: true, publishAt: hours(24) })
    const before = await h.counts()
    expect(await h.call('notice.get', { id: later.id }, R1)).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect(await h.call('notice.confirm', { id: later.id }, R1)).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect(await h.counts()).toEqual(before)
    expect(await h.ok<Notice>('notice.get', { id: later.id }, COMMITTEE)).toMatchObject({ state: 'scheduled', canConfirm: false })

    h.clock.advance(25 * 3600_000)
    expect(await h.ok<{ confirmedAt: string }>('notice.confirm', { id: later.id }, R1)).toHaveProperty('confirmedAt')
  })

  test('a notice that does not exist → NOT_FOUND', async () => {
    expect(await h.call('notice.get', { id: 'n_nope' }, R1)).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })
})

describe('notice.confirm', () => {
  test('once: repeated confirms keep the first time, and mark it read', async () => {
    const a = await h.ok<{ confirmedAt: string }>('notice.confirm', { id: 'n_grid1_cleanup' }, VOL)
    h.clock.advance(5 * 60_000)
    const b = await h.ok<{ confirmedAt: string }>('notice.confirm', { id: 'n_grid1_cleanup' }, VOL)
    expect(b.confirmedAt).toBe(a.confirmedAt)
    expect(a.confirmedAt).toBe(NOW)
    const n = await h.ok<Notice>('notice.get', { id: 'n_grid1_cleanup' }, VOL)
    expect(n).toMatchObject({ read: true, confirmed: true, confirmedAt: NOW })
    const rows = (await h.sql.get("SELECT count(*) AS n FROM notice_reads WHERE notice_id = 'n_grid1_cleanup'")) as { n: number }
    expect(rows.n).toBe(1)
  })

  test('an expired notice can no longer be confirmed', async () => {
    const n = await publish({ expireAt: hours(1) })
    h.clock.advance(2 * 3600_000)
    expect(await h.call('notice.confirm', { id: n.id }, R1)).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })
})

describe('notice.stats', () => {
  test('audience, read and confirmed per grid in scope', async () => {
    const n = await publish({ gridIds: ['g_jj_1', 'g_jj_2'], important: true })
    const extra = await h.devLogin({ role: 'resident', gridId: 'g_jj_2' })
    const extraHousehold = ((await h.sql.get('SELECT household_id AS h FROM users WHERE id = ?', [extra])) as { h: string }).h
    await h.devLogin({ role: 'resident', gridId: 'g_jj_3' }) // out of scope: not counted
    await h.ok('notice.get', { id: n.id }, R1)
    await h.ok('notice.confirm', { id: n.id }, VOL)
    await h.ok('notice.confirm', { id: n.id }, extra)
    await h.ok('notice.get', { id: n.id }, 'u_worker_jj1') // staff reads are not audience reads
    const s = await h.ok<NoticeStats>('notice.stats', { id: n.id }, COMMITTEE)
    // people are counted; the roster's 10 households per grid beside them (extra lives in a household of 第二网格)
    const g2WithoutAccount = extraHousehold === 'h_jj_2_01' ? 9 : 8
    expect(s).toEqual({
      important: true,
      audience: 4,
      read: 3,
      confirmed: 2,
      households: 20,
      householdsWithoutAccount: 8 + g2WithoutAccount,
      unconfirmed: 2 + 8 + g2WithoutAccount,
      byGrid: [
        { gridId: 'g_jj_1', gridName: '第一网格', audience: 2, read: 2, confirmed: 1, households: 10, householdsWithoutAccount: 8, unconfirmed: 9 },
        { gridId: 'g_jj_2', gridName: '第二网格', audience: 2, read: 1, confirmed: 1, households: 10, householdsWithoutAccount: g2WithoutAccount, unconfirmed: 1 + g2WithoutAccount },
      ],
    })
    expect(await h.ok('notice.stats', { id: n.id }, 'u_street')).toEqual(s)
  })

  test('whole-community notices list every grid of the community', async () => {
    const s = await h.ok<NoticeStats>('notice.stats', { id: 'n_water_cut' }, COMMITTEE)
    expect(s.byGrid.map((g) => g.gridName)).toEqual(['第一网格', '第二网格', '第三网格'])
    expect(s.audience).toBe(4) // 4 demo residents/volunteers in 锦江社区
  })

  test('a resident not yet placed in a grid is not counted, so the totals are the sum of the grids', async () => {
    const newcomer = await h.devLogin({ role: 'resident', verified: false })
    await h.sql.run('UPDATE users SET grid_id = NULL WHERE id = ?', [newcomer])
    await h.ok('notice.get', { id: 'n_water_cut' }, newcomer)
    const s = await h.ok<NoticeStats>('notice.stats', { id: 'n_water_cut' }, COMMITTEE)
    const sum = (k: 'audience' | 'read' | 'confirmed') => s.byGrid.reduce((t, g) => t + g[k], 0)
    expect([s.audience, s.read, s.confirmed]).toEqual([sum('audience'), sum('read'), sum('confirmed')])
    expect((await h.ok<Notice>('notice.get', { id: 'n_water_cut' }, newcomer)).canConfirm).toBe(false)
    expect(await h.call('notice.confirm', { id: 'n_water_cut' }, newcomer)).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })
})

describe('notice.withdraw', () => {
  test('once: a repeated withdraw answers with the first withdrawal and writes nothing; audit entry kept', async () => {
    const n = await publish({})
    h.clock.advance(1000)
    const w = await h.ok<{ withdrawnAt: string }>('notice.withdraw', { id: n.id }, COMMITTEE)
    expect(w.withdrawnAt).toBe(new Date(Date.parse(NOW) + 1000).toISOString())
    const before = await h.counts()
    h.clock.advance(5000)
    expect(await h.call('notice.withdraw', { id: n.id }, COMMITTEE)).toEqual({ ok: true, data: w })
    expect(await h.counts()).toEqual(before)
    const audit = await h.store.audit.list({ targetId: n.id, limit: 10 })
    expect(audit.map((a) => a.action)).toEqual(['notice.withdraw', 'notice.publish'])
  })

  test('disappears from every list', async () => {
    const n = await publish({})
    await h.ok('notice.withdraw', { id: n.id }, COMMITTEE)
    for (const who of [R1, R2, COMMITTEE, 'u_street', 'u_worker_jj1']) {
      expect((await list(who, { limit: 100 })).items.map((i) => i.id)).not.toContain(n.id)
    }
  })
})

describe('list excerpts', () => {
  test('every listed notice has its excerpt, the seeded ones too (stored at publish, not made on read)', async () => {
    const items = (await list(R1, { limit: 100 })).items
    expect(items.length).toBeGreaterThan(0)
    expect(items.filter((i) => i.excerpt === '').map((i) => i.id)).toEqual([])
  })

  test('long bodies are cut to a 60-character excerpt with an ellipsis; short ones kept whole', async () => {
    const long = await publish({ body: '长'.repeat(5000) })
    const spaced = await publish({ body: `开头${' '.repeat(400)}结尾` })
    const short = await publish({ body: '很短的正文' })
    const items = (await list(R1, { limit: 100 })).items
    const excerpt = (id: string) => items.find((i) => i.id === id)?.excerpt
    expect(excerpt(long.id)).toBe('长'.repeat(60) + '…')
    // made from the whole body at publish (whitespace runs as one space), as notice.get's excerpt
    expect(excerpt(spaced.id)).toBe('开头 结尾')
    expect(excerpt(short.id)).toBe('很短的正文')
  })
})
