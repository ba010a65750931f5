/**
 * 议事表决 on a weak network: a write whose reply was lost is sent again. motion.advance with the phase the
 * committee saw takes one step, never two; comments and replies are idempotent per requestId; an update that
 * changes nothing writes no revision; kind and eligibility are locked by the store once consultation begins.
 */
import type { MotionCommentView, MotionView } from '@/domain/motions'
import { makeHarness, type Harness } from './support/harness'
import { motionTableCounts } from './support/motionFixtures'

const COMMITTEE = 'u_committee_jj'
const R1 = 'u_resident_jj1'
const VOTE_FROM = '2025-03-05T00:00:00.000Z'
const VOTE_UNTIL = '2025-03-08T00:00:00.000Z'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const counts = () => motionTableCounts(h)

const draftInput = (over: Record<string, unknown> = {}) => ({
  title: '锦江社区停车公约',
  preamble: '经居民会议讨论。',
  articles: [{ text: '车辆停入划线车位。' }, { text: '不占用消防通道。' }],
  kind: 'rules',
  eligibility: 'adults',
  consultUntil: '2025-03-04T00:00:00.000Z',
  voteFrom: VOTE_FROM,
  voteUntil: VOTE_UNTIL,
  ...over,
})
const draft = (over: Record<string, unknown> = {}) => h.ok<MotionView>('motion.create', draftInput(over), COMMITTEE)

async function expectCode(p: Promise<{ ok: boolean; error?: { code: string; message: string } }>, code: string): Promise<string> {
  const r = await p
  expect(r.ok).toBe(false)
  expect(r.error?.code).toBe(code)
  expect(r.error?.message).toMatch(/[\u4e00-\u9fff]/)
  return r.error?.message ?? ''
}

describe('motion.advance { id, from }', () => {
  test('a retried 开始表决 (the first step saved, its reply lost) answers the motion in voting: one step, same reply', async () => {
    const m = await draft()
    await h.ok('motion.advance', { id: m.id, from: 'draft' }, COMMITTEE)
    const first = await h.ok<MotionView>('motion.advance', { id: m.id, from: 'consultation' }, COMMITTEE, 'advance-request-0001')
    expect(first.status).toBe('voting')
    const before = await counts()
    const again = await h.ok<MotionView>('motion.advance', { id: m.id, from: 'consultation' }, COMMITTEE, 'advance-request-0002')
    expect(again).toEqual(first)
    expect(await counts()).toEqual(before)
    expect((await h.ok<MotionView>('motion.get', { id: m.id }, COMMITTEE)).status).toBe('voting')
  })

  test('the schedule took the step the committee asked for: answered as it is; the step after it is not taken', async () => {
    const m = await draft()
    await h.ok('motion.advance', { id: m.id, from: 'draft' }, COMMITTEE)
    h.clock.set(VOTE_FROM)
    const v = await h.ok<MotionView>('motion.advance', { id: m.id, from: 'consultation' }, COMMITTEE)
    expect(v.status).toBe('voting')
    const closed = await h.ok<MotionView>('motion.advance', { id: m.id, from: 'voting' }, COMMITTEE)
    expect(closed.status).toBe('closed')
  })

  test('a stale from (not the phase now, nor the one before it) → CONFLICT saying the phase now; nothing written', async () => {
    const m = await draft()
    await h.ok('motion.advance', { id: m.id, from: 'draft' }, COMMITTEE)
    await h.ok('motion.advance', { id: m.id, from: 'consultation' }, COMMITTEE)
    const before = await counts()
    expect(await expectCode(h.call('motion.advance', { id: m.id, from: 'draft' }, COMMITTEE), 'CONFLICT')).toContain('表决中')
    await expectCode(h.call('motion.advance', { id: m.id, from: 'closed' }, COMMITTEE), 'CONFLICT')
    await expectCode(h.call('motion.advance', { id: m.id, from: 'opened' }, COMMITTEE), 'INVALID_INPUT')
    expect(await counts()).toEqual(before)
    // the time rule closed it: a retry of 开始表决 is two phases behind, not done
    h.clock.set(VOTE_UNTIL)
    expect(await expectCode(h.call('motion.advance', { id: m.id, from: 'consultation' }, COMMITTEE), 'CONFLICT')).toContain('已结束')
  })

  test('without from (older clients): one step from the phase found now, as before', async () => {
    const m = await draft()
    expect((await h.ok<MotionView>('motion.advance', { id: m.id }, COMMITTEE)).status).toBe('consultation')
    expect((await h.ok<MotionView>('motion.advance', { id: m.id }, COMMITTEE)).status).toBe('voting')
    expect((await h.ok<MotionView>('motion.advance', { id: m.id }, COMMITTEE)).status).toBe('closed')
    await expectCode(h.call('motion.advance', { id: m.id }, COMMITTEE), 'CONFLICT')
  })
})

async function consultation(): Promise<MotionView> {
  const m = await draft()
  return h.ok<MotionView>('motion.advance', { id: m.id, from: 'draft' }, COMMITTEE)
}
const commentsOf = async (id: string) => (await h.sql.get('SELECT count(*) AS n FROM motion_comments WHERE motion_id = ?', [id])) as { n: number }
const revisionsOf = async (id: string) => (await h.sql.get('SELECT count(*) AS n FROM motion_revisions WHERE motion_id = ?', [id])) as { n: number }

describe('retries of comments, replies and updates', () => {
  test('motion.comment: a retry with the same requestId is the first comment, not a second; another input under it → CONFLICT', async () => {
    const m = await consultation()
    const input = { id: m.id, articleIndex: 1, text: '消防通道要画黄线。' }
    const first = await h.ok<MotionCommentView>('motion.comment', input, R1, 'comment-request-0001')
    const before = await counts()
    const again = await h.ok<MotionCommentView>('motion.comment', input, R1, 'comment-request-0001')
    expect(again).toEqual(first)
    expect(await counts()).toEqual(before)
    expect((await commentsOf(m.id)).n).toBe(1)
    await expectCode(h.call('motion.comment', { ...input, text: '另一条意见。' }, R1, 'comment-request-0001'), 'CONFLICT')
    expect(await counts()).toEqual(before)
    // consultation closed since: the retry still gets the first answer
    h.clock.set('2025-03-04T00:00:00.000Z')
    expect(await h.ok<MotionCommentView>('motion.comment', input, R1, 'comment-request-0001')).toEqual(first)
    await expectCode(h.call('motion.comment', input, R1, 'comment-request-0002'), 'CONFLICT')
    expect((await commentsOf(m.id)).n).toBe(1)
    // without a requestId each call is a comment of its own, as before
    h.clock.set('2025-03-02T00:00:00.000Z')
    await h.ok('motion.comment', input, R1)
    expect((await commentsOf(m.id)).n).toBe(2)
  })

  test('motion.reply: a retry writes no second audit entry; another text under the same requestId → CONFLICT', async () => {
    const m = await consultation()
    const c = await h.ok<MotionCommentView>('motion.comment', { id: m.id, text: '建议增加一条。' }, R1)
    const first = await h.ok<MotionCommentView>('motion.reply', { commentId: c.id, text: '已采纳。' }, COMMITTEE, 'reply-request-0001')
    expect(first.reply?.text).toBe('已采纳。')
    const before = await counts()
    expect(await h.ok<MotionCommentView>('motion.reply', { commentId: c.id, text: '已采纳。' }, COMMITTEE, 'reply-request-0001')).toEqual(first)
    await expectCode(h.call('motion.reply', { commentId: c.id, text: '不采纳。' }, COMMITTEE, 'reply-request-0001'), 'CONFLICT')
    expect(await counts()).toEqual(before)
  })

  test('motion.update: a retry (or an update that changes nothing) adds no revision; a change of times only adds none either', async () => {
    const m = await consultation()
    const edit = { id: m.id, articles: [{ text: '车辆停入划线车位。' }, { text: '不占用消防通道和楼道。' }] }
    const first = await h.ok<MotionView>('motion.update', edit, COMMITTEE)
    expect(first.revisions).toHaveLength(2)
    const before = await counts()
    const again = await h.ok<MotionView>('motion.update', edit, COMMITTEE)
    expect(again).toEqual(first)
    expect(await counts()).toEqual(before)
    const later = await h.ok<MotionView>('motion.update', { id: m.id, voteUntil: '2025-03-09T00:00:00.000Z' }, COMMITTEE)
    expect(later.voteUntil).toBe('2025-03-09T00:00:00.000Z')
    expect(later.revisions).toHaveLength(2)
    expect((await revisionsOf(m.id)).n).toBe(2)
    expect((await counts()).audit_log).toBe(before.audit_log + 1)
    const text = await h.ok<MotionView>('motion.update', { id: m.id, title: '锦江社区停车和消防公约' }, COMMITTEE)
    expect(text.revisions.map((r) => r.rev)).toEqual([1, 2, 3])
  })
})

describe('kind and eligibility are locked by the store', () => {
  test('a draft published between the read and the write cannot have its kind or eligibility changed', async () => {
    const m = await draft()
    const motions = h.deps.store.motions
    const revise = motions.revise.bind(motions)
    // the committee's other phone publishes it after motion.update has read the draft
    motions.revise = async (...args) => {
      await motions.advance(m.id, 'draft', h.clock.now().toISOString(), () => [], null)
      return revise(...args)
    }
    const before = await counts()
    const msg = await expectCode(h.call('motion.update', { id: m.id, eligibility: 'households' }, COMMITTEE), 'CONFLICT')
    expect(msg).toBe('征求意见期间不能更改表决类型和投票资格')
    motions.revise = revise
    expect(await counts()).toEqual(before)
    const now = await h.ok<MotionView>('motion.get', { id: m.id }, COMMITTEE)
    expect(now).toMatchObject({ status: 'consultation', eligibility: 'adults', kind: 'rules' })
    expect(now.revisions).toHaveLength(1)
    // in consultation a text change is still taken, a kind change refused with the same words
    expect((await h.ok<MotionView>('motion.update', { id: m.id, title: '锦江社区停车公约（征求意见稿）' }, COMMITTEE)).revisions).toHaveLength(2)
    expect(await expectCode(h.call('motion.update', { id: m.id, kind: 'matter', options: ['甲', '乙'] }, COMMITTEE), 'CONFLICT')).toBe(
      '征求意见期间不能更改表决类型和投票资格',
    )
  })
})
