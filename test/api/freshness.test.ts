/**
 * Freshness (issue 15): the read paths made cheap keep nothing that must be fresh. Each kind of change shows on
 * the very next request of anyone it affects, through the dispatcher, on both engines (api-postgres runs it too).
 */
import type { MotionView } from '@/domain/motions'
import type { NoticeListPage } from '@/domain/notices'
import type { ReportListPage } from '@/domain/reports'
import { COMMITTEE, STREET, UNVERIFIED, VERIFIED } from './support/demoUsers'
import { makeHarness, type Harness } from './support/harness'
import { closeVote, openVote } from './support/motionFixtures'

jest.setTimeout(60_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const notices = (as: string) => h.ok<NoticeListPage>('notice.list', { limit: 100 }, as)
const publish = (title: string, more: Record<string, unknown> = {}) =>
  h.ok<{ id: string }>('notice.publish', { title, body: '正文', category: 'notice', ...more }, COMMITTEE)
const HOUR = 3600_000
const hence = (ms: number) => new Date(h.clock.now().getTime() + ms).toISOString()
/** the count beside a list is the number of its items marked unread (the whole list fits one page here) */
const consistent = (p: NoticeListPage) => expect(p.unread).toBe(p.items.filter((i) => i.unread).length)

describe('the caller: roles and verification are read on every request', () => {
  test('made a 网格员: the queue opens on the next request; the role taken away: it closes on the next', async () => {
    expect((await h.call('report.list', { scope: 'queue' }, VERIFIED)).ok).toBe(false)
    await h.ok('member.assignGrids', { userId: VERIFIED, gridIds: ['g_jj_1'] }, COMMITTEE)
    const queue = await h.ok<ReportListPage>('report.list', { scope: 'queue' }, VERIFIED)
    expect(queue.items.every((r) => r.gridId === 'g_jj_1')).toBe(true)
    expect(queue.items.length).toBeGreaterThan(0)
    await h.ok('member.assignGrids', { userId: VERIFIED, gridIds: [] }, COMMITTEE)
    const refused = await h.call('report.list', { scope: 'queue' }, VERIFIED)
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('verified by the committee: the next me.get says so', async () => {
    expect(await h.ok('me.get', {}, UNVERIFIED)).toMatchObject({ verified: false })
    await h.ok('resident.review', { applicationId: 'ra_pending_jj3', approve: true }, COMMITTEE)
    expect(await h.ok('me.get', {}, UNVERIFIED)).toMatchObject({ verified: true })
  })
})

describe('notices: the list and its unread count', () => {
  test('a new notice is unread and counted; opening it takes it off the count on the next list', async () => {
    const before = await notices(VERIFIED)
    const n = await publish('停水通知')
    const after = await notices(VERIFIED)
    expect(after.unread).toBe(before.unread + 1)
    expect(after.items.find((i) => i.id === n.id)).toMatchObject({ unread: true, read: false })
    await h.ok('notice.get', { id: n.id }, VERIFIED)
    const read = await notices(VERIFIED)
    expect(read.unread).toBe(before.unread)
    expect(read.items.find((i) => i.id === n.id)).toMatchObject({ unread: false, read: true })
  })

  test('a withdrawn notice leaves the list and the count on the next request', async () => {
    const n = await publish('错发的通知')
    const shown = await notices(VERIFIED)
    expect(shown.items.map((i) => i.id)).toContain(n.id)
    await h.ok('notice.withdraw', { id: n.id }, COMMITTEE)
    const gone = await notices(VERIFIED)
    expect(gone.items.map((i) => i.id)).not.toContain(n.id)
    expect(gone.unread).toBe(shown.unread - 1)
    expect(gone.unread).toBe(gone.items.filter((i) => i.unread).length)
  })

  test('a notice to one grid: counted only for that grid; a resident made its 网格员 sees and counts it next, and not once removed', async () => {
    const before = await notices(VERIFIED)
    const n = await publish('第二网格停电', { gridIds: ['g_jj_2'] })
    const other = await notices(VERIFIED)
    expect(other.items.map((i) => i.id)).not.toContain(n.id)
    expect(other.unread).toBe(before.unread)
    await h.ok('member.assignGrids', { userId: VERIFIED, gridIds: ['g_jj_2'] }, COMMITTEE)
    const worker = await notices(VERIFIED)
    expect(worker.items.find((i) => i.id === n.id)).toMatchObject({ unread: true })
    expect(worker.unread).toBeGreaterThanOrEqual(before.unread + 1)
    consistent(worker)
    await h.ok('member.assignGrids', { userId: VERIFIED, gridIds: [] }, COMMITTEE)
    const back = await notices(VERIFIED)
    expect(back.items.map((i) => i.id)).not.toContain(n.id)
    expect(back.unread).toBe(before.unread)
    consistent(back)
  })

  test('the street above the community: a new notice shows in its list and count next; withdrawn, it leaves both', async () => {
    const before = await notices(STREET)
    const n = await publish('街道转发的防汛提示')
    const shown = await notices(STREET)
    expect(shown.items.find((i) => i.id === n.id)).toMatchObject({ unread: true, communityName: '锦江社区' })
    expect(shown.unread).toBe(before.unread + 1)
    consistent(shown)
    await h.ok('notice.withdraw', { id: n.id }, COMMITTEE)
    const gone = await notices(STREET)
    expect(gone.items.map((i) => i.id)).not.toContain(n.id)
    expect(gone.unread).toBe(before.unread)
  })

  test('the clock alone, with no write: a scheduled notice is counted once published, an expired one no more', async () => {
    const before = await notices(VERIFIED)
    const later = await publish('明天的活动', { publishAt: hence(1 * HOUR), expireAt: hence(3 * HOUR) })
    const ends = await publish('今天的停水', { expireAt: hence(2 * HOUR) })
    const now = await notices(VERIFIED)
    expect(now.items.map((i) => i.id)).toEqual(expect.arrayContaining([ends.id]))
    expect(now.items.map((i) => i.id)).not.toContain(later.id)
    expect(now.unread).toBe(before.unread + 1)
    h.clock.advance(1.5 * HOUR)
    const both = await notices(VERIFIED)
    expect(both.items.map((i) => i.id)).toEqual(expect.arrayContaining([ends.id, later.id]))
    expect(both.unread).toBe(before.unread + 2)
    consistent(both)
    h.clock.advance(1 * HOUR)
    const one = await notices(VERIFIED)
    expect(one.items.map((i) => i.id)).not.toContain(ends.id)
    expect(one.unread).toBe(before.unread + 1)
    h.clock.advance(1 * HOUR)
    const none = await notices(VERIFIED)
    expect(none.items.map((i) => i.id)).not.toContain(later.id)
    expect(none.unread).toBe(before.unread)
    consistent(none)
  })
})

describe('motions: a closed vote', () => {
  test('closed: the next motion.get shows it closed, no ballot to cast, the result published', async () => {
    const id = await openVote(h)
    const open = await h.ok<MotionView>('motion.get', { id }, VERIFIED)
    expect(open).toMatchObject({ status: 'voting', result: null, can: { cast: true } })
    await closeVote(h, id)
    const closed = await h.ok<MotionView>('motion.get', { id }, VERIFIED)
    expect(closed.status).toBe('closed')
    expect(closed.can.cast).toBe(false)
    expect(closed.result).not.toBeNull()
    expect((await h.call('motion.cast', { id, choice: 'yes' }, VERIFIED)).ok).toBe(false)
  })
})
