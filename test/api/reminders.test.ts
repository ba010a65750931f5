/**
 * The reminders sweep on a real SQLite file with the harness's fixed clock: the vote-closing reminder (due a
 * day before close, once per motion across sweeps and concurrent sweeps, only to eligible residents who have
 * not voted, per household for a households motion), the lazy close before it, the ledger, the other channel.
 */
import type { MessageView } from '@/domain/messages'
import type { OutboundMessage } from '../../cloud/shared/ports'
import { sendDueReminders } from '../../cloud/reminders/sendDueReminders'
import { motionClosing } from '../../cloud/reminders/sources/motionClosing'
import type { ReminderSource } from '../../cloud/reminders/source'
import { makeHarness, NOW, type Harness } from './support/harness'
import { addVoters, COMMITTEE, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT, UNVERIFIED, VERIFIED } from './support/motionFixtures'

const R2 = 'u_resident_jj2' // verified, household h_jj_2_01
const VOLUNTEER = 'u_volunteer_jj1' // verified, household h_jj_1_02
const HOUR = 3600_000
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
let outbound: OutboundMessage[]
beforeEach(async () => {
  h = await makeHarness()
  outbound = []
  h.deps.notifiers = [{ notify: async (m) => void outbound.push(...m) }]
})
afterEach(() => h.close())

/** A motion of 锦江社区 (or 临江社区 by its committee) in voting that closes `closeIn` ms after NOW. */
async function votingUntil(closeIn: number, over: { eligibility?: 'adults' | 'households'; by?: string; title?: string } = {}): Promise<string> {
  const by = over.by ?? COMMITTEE
  const m = await h.ok<{ id: string }>(
    'motion.create',
    {
      title: over.title ?? '关于增设电动车充电桩的议题',
      articles: [{ text: '在3栋北侧增设充电桩。' }],
      kind: 'rules',
      eligibility: over.eligibility ?? 'adults',
      voteFrom: at(60_000),
      voteUntil: at(closeIn),
    },
    by,
  )
  await h.ok('motion.advance', { id: m.id }, by)
  await h.ok('motion.advance', { id: m.id }, by)
  return m.id
}

async function remindedOf(motionId: string): Promise<string[]> {
  return (
    (await h.sql.all("SELECT user_id FROM messages WHERE kind = 'motion' AND target_id = ? AND title LIKE '表决%截止' ORDER BY user_id", [motionId])) as { user_id: string }[]
  ).map((r) => r.user_id)
}

async function ledger(): Promise<{ key: string; sent_at: string; recipients: number }[]> {
  return (await h.sql.all('SELECT * FROM reminders_sent ORDER BY key')) as never
}

/** Verified residents of 锦江社区 who can sign in, as the seed has them: the eligible voters of an adults motion. */
const SEEDED_ELIGIBLE = [VERIFIED, R2, VOLUNTEER].sort()

test('due a day before close: nothing at 25 h, sent at 23 h to every eligible resident, with the close time in Beijing time', async () => {
  const id = await votingUntil(47 * HOUR)
  h.clock.set(at(22 * HOUR)) // 25 h before close
  expect(await sendDueReminders(h.deps)).toEqual({ sent: [] })
  expect(await remindedOf(id)).toEqual([])
  expect(await ledger()).toEqual([])

  h.clock.set(at(24 * HOUR)) // 23 h before close
  const swept = await sendDueReminders(h.deps)
  expect(swept).toEqual({ sent: [{ key: `motion:${id}:closing`, recipients: SEEDED_ELIGIBLE.length }] })
  expect(await remindedOf(id)).toEqual(SEEDED_ELIGIBLE)
  expect(await ledger()).toEqual([{ key: `motion:${id}:closing`, sent_at: at(24 * HOUR), recipients: 3 }])

  // the close is 2025-03-03T01:00Z = 3月3日 09:00 in Beijing, the day after the sweep's (3月2日 10:00)
  const page = await h.ok<{ items: MessageView[]; unread: number }>('message.list', {}, VERIFIED)
  const msg = page.items.find((m) => m.title.endsWith('截止'))
  expect(msg).toMatchObject({ kind: 'motion', title: '表决明天截止', target: { type: 'motion', id }, read: false })
  expect(msg?.body).toBe('「关于增设电动车充电桩的议题」将于 3月3日 09:00（北京时间）截止投票，您还没有投票，请及时投票。')
  // the other channel got the same reminders, after the commit
  const reminders = outbound.filter((o) => o.title.endsWith('截止'))
  expect(reminders.map((o) => o.userId).sort()).toEqual(SEEDED_ELIGIBLE)
  expect(reminders[0]).toMatchObject({ title: '表决明天截止', target: { type: 'motion', id }, at: at(24 * HOUR) })
})

test('a close later the same Beijing day says 今天', async () => {
  const id = await votingUntil(5 * HOUR) // 15:00 Beijing, the sweep at 10:00
  await sendDueReminders(h.deps)
  const titles = await h.sql.all("SELECT DISTINCT title, body FROM messages WHERE target_id = ? AND title LIKE '表决%截止'", [id])
  expect(titles).toEqual([{ title: '表决今天截止', body: expect.stringContaining('3月1日 15:00') }])
})

test('sent once across two sweeps and across concurrent sweeps', async () => {
  const a = await votingUntil(20 * HOUR, { title: '议题甲' })
  expect((await sendDueReminders(h.deps)).sent).toHaveLength(1)
  h.clock.advance(5 * 60_000)
  expect(await sendDueReminders(h.deps)).toEqual({ sent: [] })
  expect(await remindedOf(a)).toEqual(SEEDED_ELIGIBLE)

  const b = await votingUntil(21 * HOUR, { title: '议题乙' })
  const runs = await Promise.all([sendDueReminders(h.deps), sendDueReminders(h.deps), sendDueReminders(h.deps)])
  expect(runs.flatMap((r) => r.sent)).toEqual([{ key: `motion:${b}:closing`, recipients: 3 }])
  expect(await remindedOf(b)).toEqual(SEEDED_ELIGIBLE)
  expect(outbound.filter((o) => o.body.includes('议题乙') && o.title.endsWith('截止'))).toHaveLength(3)
})

test('who voted, online or offline, is not reminded; unverified, staff, roster-only and other communities never are', async () => {
  const [rosterOnly] = await addVoters(h, 1, { rosterOnly: true, prefix: '乙' })
  const id = await votingUntil(10 * HOUR)
  const other = await votingUntil(10 * HOUR, { by: OTHER_COMMITTEE, title: '临江村议题' })
  await h.ok('motion.cast', { id, choice: 'yes' }, VERIFIED)
  await h.ok('motion.recordOffline', { id, residentId: R2, choice: 'no' }, COMMITTEE)

  await sendDueReminders(h.deps)
  expect(await remindedOf(id)).toEqual([VOLUNTEER])
  expect(await remindedOf(other)).toEqual([OTHER_COMMUNITY_RESIDENT])
  for (const never of [UNVERIFIED, COMMITTEE, OTHER_COMMITTEE, 'u_street', 'u_worker_jj1', rosterOnly!.id]) {
    expect(await h.sql.get("SELECT count(*) AS n FROM messages WHERE user_id = ? AND title LIKE '表决%截止'", [never])).toEqual({ n: 0 })
  }
  const mine = await h.ok<{ items: MessageView[] }>('message.list', {}, OTHER_COMMUNITY_RESIDENT)
  expect(mine.items.filter((m) => m.title.endsWith('截止')).map((m) => m.target)).toEqual([{ type: 'motion', id: other }])
})

test('households motion: a household that voted is done for every member; residents without a household are not eligible', async () => {
  // two more members of 王建华's household h_jj_1_01, one of 李秀芳's h_jj_2_01, and a verified resident without one
  const more = await addVoters(h, 3, { households: ['h_jj_1_01', 'h_jj_1_01', 'h_jj_2_01'] })
  await h.sql.run(
    `INSERT INTO users (id, name, community_id, grid_id, household_id, verified, roster_only, created_at)
     VALUES ('u_no_household', '无户居民', 'c_jinjiang', 'g_jj_1', NULL, ?, ?, ?)`,
    [1, 0, NOW],
  )
  const id = await votingUntil(10 * HOUR, { eligibility: 'households' })
  await h.ok('motion.cast', { id, choice: 'yes' }, more[0]!.id) // votes for h_jj_1_01

  await sendDueReminders(h.deps)
  expect(await remindedOf(id)).toEqual([R2, more[2]!.id, VOLUNTEER].sort())
  const body = ((await h.sql.get('SELECT body FROM messages WHERE user_id = ? AND target_id = ? AND title LIKE ?', [R2, id, '表决%截止'])) as { body: string }).body
  expect(body).toContain('您家还没有投票（每户一票）')

  // the adults rule for the same people: each person of a household is a voter while the household has a place
  // (h_jj_1_01 lists 1 adult, taken by more[0]: its other members are not reminded); no household, no vote
  const adults = await votingUntil(11 * HOUR, { title: '按人投票的议题' })
  await h.ok('motion.cast', { id: adults, choice: 'yes' }, more[0]!.id)
  await sendDueReminders(h.deps)
  expect(await remindedOf(adults)).toEqual([R2, VOLUNTEER, more[2]!.id].sort())
})

test('a motion closed early by the committee is not reminded, and writes no ledger row', async () => {
  const id = await votingUntil(10 * HOUR)
  await h.ok('motion.advance', { id }, COMMITTEE)
  expect(await sendDueReminders(h.deps)).toEqual({ sent: [] })
  expect(await remindedOf(id)).toEqual([])
  expect(await ledger()).toEqual([])
})

test('a motion past its voteUntil is closed by the sweep (result messages), not reminded', async () => {
  const id = await votingUntil(HOUR)
  h.clock.set(at(2 * HOUR))
  expect(await sendDueReminders(h.deps)).toEqual({ sent: [] })
  expect((await h.store.motions.get(id))?.status).toBe('closed')
  expect(await remindedOf(id)).toEqual([])
  const results = await h.sql.all("SELECT user_id FROM messages WHERE target_id = ? AND title = '表决结果已公布' ORDER BY user_id", [id])
  expect(results).toEqual(SEEDED_ELIGIBLE.map((u) => ({ user_id: u })))
  expect(outbound.filter((o) => o.title === '表决结果已公布')).toHaveLength(3)
})

test('a consultation whose voteFrom has passed opens, then is reminded in the same sweep', async () => {
  const m = await h.ok<{ id: string }>(
    'motion.create',
    { title: '待开始的议题', articles: [{ text: '条款。' }], kind: 'rules', eligibility: 'adults', voteFrom: at(HOUR), voteUntil: at(12 * HOUR) },
    COMMITTEE,
  )
  await h.ok('motion.advance', { id: m.id }, COMMITTEE) // consultation
  expect((await sendDueReminders(h.deps)).sent).toEqual([]) // voting has not begun
  h.clock.set(at(2 * HOUR))
  expect((await sendDueReminders(h.deps)).sent).toEqual([{ key: `motion:${m.id}:closing`, recipients: 3 }])
  expect((await h.store.motions.get(m.id))?.status).toBe('voting')
})

test('the audience is read in the write transaction: a vote cast after the source ran is not reminded', async () => {
  const id = await votingUntil(10 * HOUR)
  const [due] = await motionClosing.due(h.deps, h.clock.now())
  await h.ok('motion.cast', { id, choice: 'no' }, VERIFIED)
  const out = await h.store.reminders.send(due!, h.clock.now().toISOString(), () => h.deps.ids.newId())
  expect(out.kind === 'sent' && out.messages.map((m) => m.userId).sort()).toEqual([R2, VOLUNTEER].sort())
  expect(await h.store.reminders.send(due!, h.clock.now().toISOString(), () => h.deps.ids.newId())).toEqual({ kind: 'alreadySent' })
})

test('a failing source is logged and the others still send; a users audience is sent as given, once per user', async () => {
  const broken: ReminderSource = { name: 'broken', due: async () => Promise.reject(new Error('boom')) }
  const fixed: ReminderSource = {
    name: 'fixed',
    due: async () => [
      { key: 'test:1', kind: 'shift', title: '明晚巡逻提醒', body: '明晚 19:00 在1栋集合', target: { type: 'shift', id: 's1' }, audience: { kind: 'users', userIds: [VOLUNTEER, VOLUNTEER, R2] } },
    ],
  }
  expect(await sendDueReminders(h.deps, [broken, fixed])).toEqual({ sent: [{ key: 'test:1', recipients: 2 }] })
  expect(h.errors).toHaveLength(1)
  const page = await h.ok<{ items: MessageView[] }>('message.list', {}, VOLUNTEER)
  expect(page.items[0]).toMatchObject({ kind: 'shift', title: '明晚巡逻提醒', target: { type: 'shift', id: 's1' } })
})

test('store.motions.closingBy: published motions of every community closing by the time, soonest first', async () => {
  const late = await votingUntil(30 * HOUR)
  const soon = await votingUntil(5 * HOUR, { by: OTHER_COMMITTEE })
  const closed = await votingUntil(6 * HOUR)
  await h.ok('motion.advance', { id: closed }, COMMITTEE)
  const draft = await h.ok<{ id: string }>(
    'motion.create',
    { title: '草稿', articles: [{ text: '条款。' }], kind: 'rules', eligibility: 'adults', voteFrom: at(HOUR), voteUntil: at(7 * HOUR) },
    COMMITTEE,
  )
  const ids = (until: number) => h.store.motions.closingBy(at(until)).then((ms) => ms.map((m) => m.id))
  expect(await ids(24 * HOUR)).toEqual([soon])
  expect(await ids(30 * HOUR)).toEqual([soon, late])
  expect(await ids(HOUR)).toEqual([])
  expect(await ids(48 * HOUR)).not.toContain(draft.id)
})
