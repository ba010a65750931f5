/**
 * Unread, per role (issue 11): a notice is unread to a viewer only when they may read it now (live) and have
 * not opened it; what they wrote is never unread to them. The count beside a list is the number of its
 * items marked unread, for every role that lists notices.
 */
import type { Notice, NoticeListPage } from '@/domain/notices'
import { COMMITTEE, STREET, VERIFIED, WORKER } from './support/demoUsers'
import { makeHarness, NOW, type Harness } from './support/harness'

const VOLUNTEER = 'u_volunteer_jj1'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const hours = (n: number) => new Date(Date.parse(NOW) + n * 3600_000).toISOString()
const list = (as: string) => h.ok<NoticeListPage>('notice.list', { limit: 100 }, as)
const publish = (as: string, p: Record<string, unknown> = {}) =>
  h.ok<Notice>('notice.publish', { title: '标题', body: '正文', category: 'notice', ...p }, as)

/** The count equals what the list marks unread (every page fits in one here). */
async function unreadOf(as: string): Promise<{ count: number; ids: string[] }> {
  const page = await list(as)
  expect(page.nextCursor).toBeNull()
  const ids = page.items.filter((n) => n.unread).map((n) => n.id)
  expect(page.unread).toBe(ids.length)
  return { count: page.unread, ids }
}

describe('a scheduled notice is not unread to anyone who lists it', () => {
  test.each([
    ['street', STREET],
    ['committee', COMMITTEE],
  ])('%s: listed with its state, not unread, not counted', async (_role, as) => {
    const later = await publish(COMMITTEE, { title: '明天发布', publishAt: hours(24) })
    const page = await list(as)
    const item = page.items.find((n) => n.id === later.id)
    expect(item).toMatchObject({ state: 'scheduled', unread: false })
    expect((await unreadOf(as)).ids).not.toContain(later.id)
    // the demo's scheduled notice too
    expect(page.items.find((n) => n.id === 'n_new_year_show')).toMatchObject({ state: 'scheduled', unread: false })
  })

  test('once it goes live it is unread to the street until opened', async () => {
    const later = await publish(COMMITTEE, { title: '两小时后发布', publishAt: hours(2) })
    h.clock.advance(3 * 3600_000)
    expect((await unreadOf(STREET)).ids).toContain(later.id)
    await h.ok('notice.get', { id: later.id }, STREET)
    expect((await unreadOf(STREET)).ids).not.toContain(later.id)
  })
})

describe('what the viewer wrote is not unread to them', () => {
  test('committee: its own notices (live or scheduled) are not counted; a colleague’s are, until opened', async () => {
    const before = await unreadOf(COMMITTEE)
    // every demo notice of 锦江社区 was written by this committee member
    expect(before).toEqual({ count: 0, ids: [] })
    const own = await publish(COMMITTEE, { title: '我发的' })
    await publish(COMMITTEE, { title: '我定时发的', publishAt: hours(5) })
    const colleague = await h.devLogin({ role: 'committee', communityId: 'c_jinjiang' })
    const theirs = await publish(colleague, { title: '同事发的' })
    const after = await unreadOf(COMMITTEE)
    expect(after.ids).toEqual([theirs.id])
    expect((await list(COMMITTEE)).items.find((n) => n.id === own.id)).toMatchObject({ unread: false, read: false })
    // to the colleague, the first member's notices are unread and their own is not
    const theirView = await unreadOf(colleague)
    expect(theirView.ids).toContain(own.id)
    expect(theirView.ids).not.toContain(theirs.id)
  })
})

describe('residents, volunteers and grid workers: live, in scope, not yet opened', () => {
  test.each([
    ['verified resident', VERIFIED],
    ['volunteer', VOLUNTEER],
    ['grid worker', WORKER],
  ])('%s: opening a notice takes it off; scheduled and expired ones never count', async (_role, as) => {
    await publish(COMMITTEE, { title: '明天发布', publishAt: hours(24) })
    const expiring = await publish(COMMITTEE, { title: '一小时后过期', expireAt: hours(1) })
    const first = await unreadOf(as)
    expect(first.ids).toContain('n_water_cut')
    expect(first.ids).toContain(expiring.id)
    await h.ok('notice.get', { id: 'n_water_cut' }, as)
    h.clock.advance(2 * 3600_000)
    const then = await unreadOf(as)
    expect(then.ids).not.toContain('n_water_cut')
    expect(then.ids).not.toContain(expiring.id)
    expect(then.count).toBe(first.count - 2)
  })
})

describe('the list says who is asked to confirm (canConfirm), as the detail does', () => {
  test.each([
    ['verified resident', VERIFIED, true],
    ['volunteer', VOLUNTEER, true],
    ['grid worker', WORKER, false],
    ['committee', COMMITTEE, false],
    ['street', STREET, false],
  ])('%s: %s', async (_role, as, expected) => {
    const item = (await list(as)).items.find((n) => n.id === 'n_water_cut')
    expect(item).toMatchObject({ important: true, canConfirm: expected })
    expect((await h.ok<Notice>('notice.get', { id: 'n_water_cut' }, as)).canConfirm).toBe(expected)
  })
})
