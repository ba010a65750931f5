/**
 * 积分制 through the dispatcher: points earned from a patrol check-out, an accepted report and an answered comment
 * (each once, also on a retry), the rules, the ledger and its reversal, the board, the 积分超市 and its hand-over.
 */
import type { PointsBoard, PointsEntryView, PointsLedgerPage, PointsRulesView, RedemptionView, RewardView } from '@/domain/points'
import type { Page } from '@/domain/shared/text'
import type { ReportView } from '@/domain/reports'
import { sendDueReminders } from '../../cloud/reminders/sendDueReminders'
import { makeHarness, NOW, type Harness } from './support/harness'
import { makeReport, WHO } from './support/reportFixtures'
import { addVolunteers, CENTRE, createShift } from './support/shiftFixtures'
import { COMMITTEE, givePoints, rewardInput, VERIFIED } from './support/pointsFixtures'

const MIN = 60_000
const HOUR = 60 * MIN
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const ledger = (as: string, payload: Record<string, unknown> = {}) => h.ok<PointsLedgerPage>('points.ledger', payload, as)
const balance = async (as: string) => (await ledger(as)).balance

test('rules: the defaults until the committee sets them, within bounds; the rules say votes earn nothing', async () => {
  const r = await h.ok<PointsRulesView>('points.rules', {}, VERIFIED)
  expect(r.kinds).toEqual(['report_accepted', 'patrol_hours', 'callout_attended', 'comment_answered'])
  expect(r.noVotePoints).toContain('投票不计积分')
  const set = await h.ok<PointsRulesView>('points.setRules', { report_accepted: 8, patrol_hours: 4, callout_attended: 6, comment_answered: 0 }, COMMITTEE)
  expect(set.rules).toEqual({ report_accepted: 8, patrol_hours: 4, callout_attended: 6, comment_answered: 0 })
  expect((await h.ok<PointsRulesView>('points.rules', {}, VERIFIED)).rules.patrol_hours).toBe(4)
  expect(Number(await h.sql.value("SELECT count(*) FROM audit_log WHERE action = 'points.setRules'"))).toBe(1)
})

test('a patrol check-out earns the hours × the rule once; a second check-out grants nothing more', async () => {
  await h.ok('points.setRules', { report_accepted: 5, patrol_hours: 4, callout_attended: 5, comment_answered: 2 }, COMMITTEE)
  const s = await createShift(h, { startAt: at(24 * HOUR), endAt: at(26 * HOUR) })
  const [v] = await addVolunteers(h, 1)
  await h.ok('shift.signup', { id: s.id }, v!.id)
  h.clock.set(at(24 * HOUR - 10 * MIN))
  await h.ok('shift.checkin', { id: s.id, latitude: CENTRE.latitude, longitude: CENTRE.longitude, accuracy: 10 }, v!.id)
  h.clock.set(at(24 * HOUR + 90 * MIN))
  await h.ok('shift.checkout', { id: s.id }, v!.id)
  await h.ok('shift.checkout', { id: s.id }, v!.id)
  const l = await ledger(v!.id)
  expect(l.balance).toBe(6)
  expect(l.items.map((e) => [e.points, e.sourceKind, e.sourceId, e.grantedBy, e.reason])).toEqual([[6, 'patrol_hours', s.id, '系统', '参加巡逻 1.5 小时']])
})

test('an attendance closed automatically at the shift end earns its hours in the sweep, once across sweeps', async () => {
  const s = await createShift(h, { startAt: at(24 * HOUR), endAt: at(26 * HOUR) })
  const [v] = await addVolunteers(h, 1)
  await h.ok('shift.signup', { id: s.id }, v!.id)
  h.clock.set(at(24 * HOUR - 10 * MIN))
  await h.ok('shift.checkin', { id: s.id, latitude: CENTRE.latitude, longitude: CENTRE.longitude, accuracy: 10 }, v!.id)
  await sendDueReminders(h.deps)
  expect(await balance(v!.id)).toBe(0)
  h.clock.set(at(27 * HOUR))
  await sendDueReminders(h.deps)
  await sendDueReminders(h.deps)
  const l = await ledger(v!.id)
  expect(l.items.map((e) => [e.points, e.sourceKind, e.sourceId])).toEqual([[4, 'patrol_hours', s.id]])
  // a later 签退 (which returns the automatic close) grants nothing more
  await h.ok('shift.checkout', { id: s.id }, v!.id)
  expect(await balance(v!.id)).toBe(4)
})

test('an accepted report earns its reporter points once, even when retried or escalated and accepted again', async () => {
  const before = await balance(WHO.resident)
  const r = await makeReport(h, { status: 'submitted' })
  expect(await balance(WHO.resident)).toBe(before)
  await h.ok<ReportView>('report.transition', { id: r.id, action: 'accept' }, WHO.worker, 'rq-accept-1')
  await h.ok<ReportView>('report.transition', { id: r.id, action: 'accept' }, WHO.worker, 'rq-accept-1')
  expect(await balance(WHO.resident)).toBe(before + 5)
  await h.ok('report.transition', { id: r.id, action: 'escalate', note: '需社区协调' }, WHO.worker)
  await h.ok('report.transition', { id: r.id, action: 'accept' }, COMMITTEE)
  expect(await balance(WHO.resident)).toBe(before + 5)
  const mine = (await ledger(WHO.resident)).items.filter((e) => e.sourceId === r.id)
  expect(mine.map((e) => [e.points, e.sourceKind, e.reason])).toEqual([[5, 'report_accepted', '上报问题被受理：环境卫生']])
})

test('a grant lost after the accept commits is healed by the retried accept', async () => {
  const before = await balance(WHO.resident)
  const r = await makeReport(h, { status: 'submitted' })
  const grant = h.store.points.grant
  h.store.points.grant = () => Promise.reject(new Error('connection lost'))
  const lost = await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.worker, 'rq-heal-1')
  expect(lost.ok).toBe(false)
  h.store.points.grant = grant
  expect(await balance(WHO.resident)).toBe(before)
  await h.ok('report.transition', { id: r.id, action: 'accept' }, WHO.worker, 'rq-heal-1')
  expect(await balance(WHO.resident)).toBe(before + 5)
})

test('the committee answering a consultation comment earns its author points once; voting earns none', async () => {
  const m = await h.ok<{ id: string }>(
    'motion.create',
    {
      title: '关于文明养犬的居民公约修订',
      preamble: '为维护小区环境，修订本公约。',
      articles: [{ text: '遛狗须牵绳。' }],
      kind: 'rules',
      eligibility: 'adults',
      consultUntil: '2025-03-01T12:00:00.000Z',
      voteFrom: '2025-03-02T00:00:00.000Z',
      voteUntil: '2099-01-01T00:00:00.000Z',
    },
    COMMITTEE,
  )
  await h.ok('motion.advance', { id: m.id }, COMMITTEE)
  const c = await h.ok<{ id: string }>('motion.comment', { id: m.id, text: '建议写明牵绳长度' }, VERIFIED)
  const before = await balance(VERIFIED)
  await h.ok('motion.reply', { commentId: c.id, text: '采纳，已补充' }, COMMITTEE)
  await h.ok('motion.reply', { commentId: c.id, text: '采纳，已补充（修订）' }, COMMITTEE)
  expect(await balance(VERIFIED)).toBe(before + 2)
  const entries = await h.sql.value('SELECT count(*) FROM points_entries')
  h.clock.set('2025-03-02T01:00:00.000Z')
  await h.ok('motion.advance', { id: m.id }, COMMITTEE)
  await h.ok('motion.cast', { id: m.id, choice: 'yes' }, VERIFIED)
  expect(await h.sql.value('SELECT count(*) FROM points_entries')).toEqual(entries)
  expect(await balance(VERIFIED)).toBe(before + 2)
})

test('ledger: pages newest first; the committee reads a named person, a resident only themself', async () => {
  const [p] = (await addVolunteers(h, 1)) as [{ id: string; name: string }]
  for (let i = 0; i < 5; i++) await givePoints(h, p.id, i + 1, `page${i}`)
  const p1 = await ledger(p.id, { limit: 3 })
  const p2 = await ledger(p.id, { limit: 3, cursor: p1.nextCursor })
  expect([...p1.items, ...p2.items]).toHaveLength(5)
  expect(p2.nextCursor).toBeNull()
  expect(p1.balance).toBe(15)
  expect((await ledger(COMMITTEE, { userId: p.id })).balance).toBe(15)
  expect(await h.sql.all("SELECT actor_id, target_id FROM audit_log WHERE action = 'points.readLedger'")).toEqual([{ actor_id: COMMITTEE, target_id: p.id }])
  expect(await h.call('points.ledger', { userId: p.id }, VERIFIED)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('reversal: the committee reverses with a reason, once; the balance follows; a reversal is not reversed', async () => {
  const [p] = (await addVolunteers(h, 1)) as [{ id: string; name: string }]
  const id = await givePoints(h, p.id, 30, 'rev')
  const r = await h.ok<PointsEntryView>('points.reverse', { entryId: id, reason: '重复计分' }, COMMITTEE)
  expect(r).toMatchObject({ points: -30, sourceKind: 'reversal', sourceId: id, reason: '冲正：重复计分', grantedBy: '社区/村委会' })
  expect(await h.call('points.reverse', { entryId: id, reason: '再冲一次' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这条积分记录已经冲正过，不能重复冲正' } })
  expect(await h.call('points.reverse', { entryId: r.id, reason: '冲正冲正' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  const l = await ledger(p.id)
  expect(l.balance).toBe(0)
  expect(l.items.find((e) => e.id === id)?.reversedBy).toBe(r.id)
})

test('积分超市: a reward listed with its stock; redeeming takes stock and points; the committee hands it out once', async () => {
  const [p] = (await addVolunteers(h, 1)) as [{ id: string; name: string }]
  await givePoints(h, p.id, 50, 'shop')
  const w = await h.ok<RewardView>('reward.create', rewardInput({ stock: 1 }), COMMITTEE, 'rq-reward-1')
  expect((await h.ok<RewardView>('reward.create', rewardInput({ stock: 1 }), COMMITTEE, 'rq-reward-1')).id).toBe(w.id)
  const list = await h.ok<{ items: RewardView[] }>('reward.list', {}, p.id)
  expect(list.items.find((x) => x.id === w.id)).toMatchObject({ name: '洗衣液一瓶', cost: 20, stock: 1 })
  const red = await h.ok<{ redemption: RedemptionView; balance: number }>('points.redeem', { rewardId: w.id }, p.id, 'rq-redeem-1')
  expect(red.balance).toBe(30)
  expect(red.redemption).toMatchObject({ rewardName: '洗衣液一瓶', cost: 20, personName: p.name, handedAt: null })
  // a retry is the same redemption
  expect((await h.ok<{ redemption: RedemptionView }>('points.redeem', { rewardId: w.id }, p.id, 'rq-redeem-1')).redemption.id).toBe(red.redemption.id)
  expect(await h.call('points.redeem', { rewardId: w.id }, p.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这件奖品已经兑完了' } })
  const spent = (await ledger(p.id)).items.find((e) => e.sourceKind === 'redemption')!
  expect(spent).toMatchObject({ points: -20, sourceId: red.redemption.id, reason: '兑换：洗衣液一瓶' })
  expect(await h.call('points.reverse', { entryId: spent.id, reason: '误兑' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '兑换和冲正记录不能冲正' } })
  const pending = await h.ok<Page<RedemptionView>>('redemption.list', { status: 'pending' }, COMMITTEE)
  expect(pending.items.map((x) => x.id)).toContain(red.redemption.id)
  expect((await h.ok<Page<RedemptionView>>('redemption.list', {}, p.id)).items.map((x) => x.id)).toEqual([red.redemption.id])
  const handed = await h.ok<RedemptionView>('redemption.handOver', { redemptionId: red.redemption.id }, COMMITTEE)
  expect(handed.handedAt).toBe(NOW)
  expect(await h.call('redemption.handOver', { redemptionId: red.redemption.id }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect((await h.ok<Page<RedemptionView>>('redemption.list', { status: 'pending' }, COMMITTEE)).items.map((x) => x.id)).not.toContain(red.redemption.id)
  const big = await h.ok<RewardView>('reward.create', rewardInput({ name: '电饭煲', cost: 500 }), COMMITTEE)
  expect(await h.call('points.redeem', { rewardId: big.id }, p.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '积分不足，当前积分 30' } })
})

test('the monthly board: masked names, most points first, my row marked; redemptions do not lower it', async () => {
  await givePoints(h, WHO.resident2, 900, 'board1')
  await givePoints(h, WHO.volunteer, 800, 'board2')
  const w = await h.ok<RewardView>('reward.create', rewardInput({ cost: 850 }), COMMITTEE)
  await h.ok('points.redeem', { rewardId: w.id }, WHO.resident2)
  const b = await h.ok<PointsBoard>('points.board', {}, WHO.volunteer)
  expect(b.month).toBe('2025-03')
  expect(b.rows.slice(0, 2)).toEqual([
    { rank: 1, name: '李*芳', points: 900, me: false },
    { rank: 2, name: '我', points: 800, me: true },
  ])
  expect(JSON.stringify(b)).not.toContain('李秀芳')
})
