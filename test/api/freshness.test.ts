/**
 * Freshness (issue 15): the read paths made cheap keep nothing that must be fresh. Each kind of change shows on
 * the very next request of anyone it affects, through the dispatcher, on both engines (api-postgres runs it too).
 */
import type { MotionView } from '@/domain/motions'
import type { NoticeListPage } from '@/domain/notices'
import type { ReportListPage } from '@/domain/reports'
import { COMMITTEE, UNVERIFIED, VERIFIED } from './support/demoUsers'
import { makeHarness, type Harness } from './support/harness'
import { closeVote, openVote } from './support/motionFixtures'

jest.setTimeout(60_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const notices = (as: string) => h.ok<NoticeListPage>('notice.list', { limit: 100 }, as)
const publish = (title: string) => h.ok<{ id: string }>('notice.publish', { title, body: '正文', category: 'notice' }, COMMITTEE)

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
