/**
 * 议事表决 through dispatch() on a real SQLite file: drafting, consultation with comments and revisions, the
 * phases by the committee and by time, the secret ballot (once per voter / household across online and
 * offline), the result with every figure and the ballot list, receipts, the community's rules, messages,
 * idempotent create, and that every refusal writes nothing.
 */
import { createHash } from 'node:crypto'
import type { MotionResultView, MotionView, RulesHistoryPage, RulesView } from '@/domain/motions'
import { RECEIPT_PATTERN } from '@/domain/motions'
import { makeHarness, NOW, testOnSqlite, type Harness } from './support/harness'
import { motionTableCounts } from './support/motionFixtures'

const COMMITTEE = 'u_committee_jj'
const OTHER_COMMITTEE = 'u_committee_lj'
const R1 = 'u_resident_jj1' // verified, household h_jj_1_01
const R2 = 'u_resident_jj2' // verified, household h_jj_2_01
const UNVERIFIED = 'u_resident_jj3'
const VOLUNTEER = 'u_volunteer_jj1' // verified, household h_jj_1_02
const OUTSIDER = 'u_resident_lj1'

const VOTE_FROM = '2025-03-05T00:00:00.000Z'
const VOTE_UNTIL = '2025-03-08T00:00:00.000Z'


let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const counts = () => motionTableCounts(h)

function draftInput(over: Record<string, unknown> = {}) {
  return {
    title: '锦江社区居民公约（修订）',
    preamble: '为维护社区秩序，经居民会议讨论制定本公约。',
    articles: [{ text: '爱护公共设施。' }, { text: '垃圾分类投放。' }, { text: '邻里互助。' }],
    kind: 'rules',
    eligibility: 'adults',
    consultUntil: '2025-03-04T00:00:00.000Z',
    voteFrom: VOTE_FROM,
    voteUntil: VOTE_UNTIL,
    ...over,
  }
}

async function draft(over: Record<string, unknown> = {}): Promise<MotionView> {
  return h.ok<MotionView>('motion.create', draftInput(over), COMMITTEE)
}

async function toVoting(over: Record<string, unknown> = {}): Promise<MotionView> {
  const m = await draft(over)
  await h.ok('motion.advance', { id: m.id }, COMMITTEE)
  return h.ok<MotionView>('motion.advance', { id: m.id }, COMMITTEE)
}

/**
 * The roster of 锦江社区 made small and known: 3 adults, 2 in R1's household h_jj_1_01 (R1 and a roster-only
 * member some tests add) and 1 in R2's h_jj_2_01, the others 0 (an adults motion takes no more ballots from a
 * household than its roster adults).
 */
async function smallRoster(): Promise<{ adults: number; households: number }> {
  const db = h.sql
  await db.run("UPDATE households SET adults = 0 WHERE grid_id IN (SELECT id FROM grids WHERE community_id = 'c_jinjiang')")
  await db.run("UPDATE households SET adults = 2 WHERE id = 'h_jj_1_01'")
  await db.run("UPDATE households SET adults = 1 WHERE id = 'h_jj_2_01'")
  const n = ((await db.get("SELECT count(*) AS n FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = 'c_jinjiang'")) as { n: number }).n
  return { adults: 3, households: n }
}

async function rosterOnlyResident(id: string, householdId: string): Promise<void> {
  const db = h.sql
  const grid = ((await db.get('SELECT grid_id FROM households WHERE id = ?', [householdId])) as { grid_id: string }).grid_id
  await db.run(
    `INSERT INTO users (id, name, community_id, grid_id, household_id, verified, roster_only, created_at)
     VALUES (?, '刘某某', 'c_jinjiang', ?, ?, ?, ?, ?)`,
    [id, grid, householdId, 1, 1, NOW],
  )
  await db.run("INSERT INTO user_roles (user_id, role) VALUES (?, 'resident')", [id])
}

async function expectCode(p: Promise<{ ok: boolean; error?: { code: string; message: string } }>, code: string) {
  const r = await p
  expect(r.ok).toBe(false)
  expect(r.error?.code).toBe(code)
  expect(r.error?.message).toMatch(/[\u4e00-\u9fff]/)
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex')

test('the committee drafts a motion: seen by the committee only, others refused, bad shapes refused with nothing written', async () => {
  const listed = async (who: string) => (await h.ok<{ items: { id: string }[] }>('motion.list', {}, who)).items.map((i) => i.id)
  // the demo motions (published, so seen by both) are there before the draft
  const [residentSaw, committeeSaw] = [await listed(R1), await listed(COMMITTEE)]
  const m = await draft()
  expect(m).toMatchObject({ status: 'draft', kind: 'rules', eligibility: 'adults', options: null, result: null })
  expect(m.revisions).toHaveLength(1)
  expect(m.revisions[0]).toMatchObject({ rev: 1, byId: COMMITTEE, articles: draftInput().articles })
  await expectCode(h.call('motion.get', { id: m.id }, R1), 'NOT_FOUND')
  expect(await listed(R1)).toEqual(residentSaw)
  expect(await listed(COMMITTEE)).toEqual([m.id, ...committeeSaw])
  await expectCode(h.call('motion.get', { id: m.id }, OTHER_COMMITTEE), 'NOT_FOUND')

  const before = await counts()
  await expectCode(h.call('motion.create', draftInput(), R1), 'FORBIDDEN')
  await expectCode(h.call('motion.create', draftInput({ kind: 'matter' }), COMMITTEE), 'INVALID_INPUT')
  await expectCode(h.call('motion.create', draftInput({ options: ['甲', '乙'] }), COMMITTEE), 'INVALID_INPUT')
  await expectCode(h.call('motion.create', draftInput({ kind: 'matter', options: ['只有一个'] }), COMMITTEE), 'INVALID_INPUT')
  await expectCode(h.call('motion.create', draftInput({ kind: 'matter', options: ['1', '2', '3', '4', '5', '6', '7'] }), COMMITTEE), 'INVALID_INPUT')
  await expectCode(h.call('motion.create', draftInput({ voteUntil: VOTE_FROM }), COMMITTEE), 'INVALID_INPUT')
  await expectCode(h.call('motion.create', draftInput({ consultUntil: VOTE_UNTIL }), COMMITTEE), 'INVALID_INPUT')
  await expectCode(h.call('motion.create', draftInput({ articles: [] }), COMMITTEE), 'INVALID_INPUT')
  await expectCode(h.call('motion.create', draftInput({ articles: Array.from({ length: 51 }, () => ({ text: '条' })) }), COMMITTEE), 'INVALID_INPUT')
  await expectCode(h.call('motion.create', draftInput({ title: '题'.repeat(61) }), COMMITTEE), 'INVALID_INPUT')
  await expectCode(h.call('motion.create', draftInput({ eligibility: 'everyone' }), COMMITTEE), 'INVALID_INPUT')
  await expectCode(h.call('motion.create', { ...draftInput(), __proto__: { x: 1 }, extra: 1 }, COMMITTEE), 'INVALID_INPUT')
  expect(await counts()).toEqual(before)
})

test('motion.create is idempotent by requestId: a retry is one motion, another input under the same id is CONFLICT', async () => {
  const start = (await counts()).motions
  const a = await h.ok<MotionView>('motion.create', draftInput(), COMMITTEE, 'motion-create-request-00000001')
  const b = await h.ok<MotionView>('motion.create', draftInput(), COMMITTEE, 'motion-create-request-00000001')
  expect(b.id).toBe(a.id)
  const before = await counts()
  await expectCode(h.call('motion.create', draftInput({ title: '另一个' }), COMMITTEE, 'motion-create-request-00000001'), 'CONFLICT')
  expect(await counts()).toEqual(before)
  expect(before.motions).toBe(start + 1)
})

test('consultation: messages to eligible residents, comments on an article, a reply, revisions kept; refusals write nothing', async () => {
  const m = await draft()
  const msgBefore = (await counts()).messages
  const c = await h.ok<MotionView>('motion.advance', { id: m.id }, COMMITTEE)
  expect(c.status).toBe('consultation')
  const msgs = (await h.sql.all("SELECT user_id, kind, target_type, target_id FROM messages WHERE kind = 'motion' AND target_id = ?", [m.id])) as { user_id: string }[]
  expect((await counts()).messages - msgBefore).toBe(msgs.length)
  const recipients = msgs.map((x) => x.user_id)
  expect(recipients).toEqual(expect.arrayContaining([R1, R2, VOLUNTEER]))
  expect(recipients).not.toContain(UNVERIFIED)
  expect(recipients).not.toContain(OUTSIDER)
  expect(msgs[0]).toMatchObject({ kind: 'motion', target_type: 'motion', target_id: m.id })
  const page = await h.ok<{ items: { target: unknown }[] }>('message.list', {}, R1)
  expect(page.items[0]!.target).toEqual({ type: 'motion', id: m.id })

  const comment = await h.ok<{ id: string; articleIndex: number; authorName: string; mine: boolean }>(
    'motion.comment', { id: m.id, articleIndex: 1, text: '建议写明分类标准' }, R1)
  expect(comment).toMatchObject({ articleIndex: 1, mine: true, authorName: '王建华' })
  const seenByOther = (await h.ok<MotionView>('motion.get', { id: m.id }, R2)).comments[0]!
  expect(seenByOther.authorName).not.toBe('王建华')
  expect(seenByOther.mine).toBe(false)

  let before = await counts()
  await expectCode(h.call('motion.comment', { id: m.id, text: '我也想说' }, UNVERIFIED), 'FORBIDDEN')
  await expectCode(h.call('motion.comment', { id: m.id, text: '外人' }, OUTSIDER), 'NOT_FOUND')
  await expectCode(h.call('motion.comment', { id: m.id, articleIndex: 3, text: '没有第四条' }, R1), 'INVALID_INPUT')
  await expectCode(h.call('motion.reply', { commentId: comment.id, text: '不是委员' }, R2), 'FORBIDDEN')
  await expectCode(h.call('motion.reply', { commentId: comment.id, text: '别的社区' }, OTHER_COMMITTEE), 'NOT_FOUND')
  await expectCode(h.call('motion.cast', { id: m.id, choice: 'yes' }, R1), 'CONFLICT')
  await expectCode(h.call('motion.update', { id: m.id, kind: 'matter', options: ['甲', '乙'] }, COMMITTEE), 'CONFLICT')
  await expectCode(h.call('motion.update', { id: m.id, title: '居民改' }, R1), 'FORBIDDEN')
  await expectCode(h.call('motion.result', { id: m.id }, COMMITTEE), 'CONFLICT')
  expect(await counts()).toEqual(before)

  const reply = await h.ok<{ reply: { text: string } }>('motion.reply', { commentId: comment.id, text: '已采纳，见第二次修订' }, COMMITTEE)
  expect(reply.reply.text).toBe('已采纳，见第二次修订')

  const revised = await h.ok<MotionView>('motion.update', {
    id: m.id,
    articles: [{ text: '爱护公共设施。' }, { text: '垃圾按可回收物、有害垃圾、厨余垃圾、其他垃圾分类投放。' }, { text: '邻里互助。' }],
  }, COMMITTEE)
  expect(revised.revisions.map((r) => r.rev)).toEqual([1, 2])
  expect(revised.revisions[0]!.articles[1]!.text).toBe('垃圾分类投放。')
  expect(revised.revisions[1]!.articles[1]!.text).toMatch(/厨余垃圾/)
  expect(revised.revisions[1]!.byId).toBe(COMMITTEE)
  expect(revised.articles[1]!.text).toMatch(/厨余垃圾/)
  expect((await h.ok<MotionView>('motion.get', { id: m.id }, R1)).revisions).toHaveLength(2)

  // past consultUntil no comment is taken
  h.clock.set('2025-03-04T00:00:00.000Z')
  before = await counts()
  await expectCode(h.call('motion.comment', { id: m.id, text: '晚了' }, R1), 'CONFLICT')
  expect(await counts()).toEqual(before)
})

test('voting: base frozen, one ballot per voter, receipt once, turnout live, no tally anywhere before close', async () => {
  const roster = await smallRoster()
  const m = await toVoting()
  expect(m.status).toBe('voting')
  expect(m.turnout).toEqual({ eligible: roster.adults, cast: 0 })
  // the roster changes after voting opened: the base stays frozen
  await h.sql.run("UPDATE households SET adults = 9 WHERE id = 'h_jj_2_01'")

  const { receipt } = await h.ok<{ receipt: string }>('motion.cast', { id: m.id, choice: 'yes' }, R1)
  expect(receipt).toMatch(RECEIPT_PATTERN)
  const before = await counts()
  await expectCode(h.call('motion.cast', { id: m.id, choice: 'no' }, R1), 'ALREADY_VOTED')
  await expectCode(h.call('motion.cast', { id: m.id, choice: 'yes' }, UNVERIFIED), 'NOT_ELIGIBLE')
  await expectCode(h.call('motion.cast', { id: m.id, choice: 'yes' }, OUTSIDER), 'NOT_FOUND')
  await expectCode(h.call('motion.cast', { id: m.id, choice: 2 }, R2), 'INVALID_INPUT')
  await expectCode(h.call('motion.cast', { id: m.id, choice: 'maybe' }, R2), 'INVALID_INPUT')
  await expectCode(h.call('motion.recordOffline', { id: m.id, residentId: R1, choice: 'no' }, COMMITTEE), 'ALREADY_VOTED')
  await expectCode(h.call('motion.recordOffline', { id: m.id, residentId: R2, choice: 'no' }, R1), 'FORBIDDEN')
  await expectCode(h.call('motion.recordOffline', { id: m.id, residentId: OUTSIDER, choice: 'no' }, COMMITTEE), 'NOT_ELIGIBLE')
  await expectCode(h.call('motion.update', { id: m.id, title: '投票中改' }, COMMITTEE), 'CONFLICT')
  await expectCode(h.call('motion.result', { id: m.id }, COMMITTEE), 'CONFLICT')
  expect(await counts()).toEqual(before)

  const seen = await h.ok<MotionView>('motion.get', { id: m.id }, R1)
  expect(seen.turnout).toEqual({ eligible: 3, cast: 1 })
  expect(seen.me).toEqual({ eligible: true, voted: true })
  expect(seen.can.cast).toBe(false)
  expect((await h.ok<MotionView>('motion.get', { id: m.id }, R2)).me).toEqual({ eligible: true, voted: false })
  expect((await h.ok<MotionView>('motion.get', { id: m.id }, UNVERIFIED)).me).toEqual({ eligible: false, voted: false })

  // no tally in any reply to any role before close
  for (const who of [COMMITTEE, R1, R2, UNVERIFIED, 'u_street', 'u_worker_jj1']) {
    const get = await h.call('motion.get', { id: m.id }, who)
    const list = await h.call('motion.list', {}, who)
    for (const r of [get, list]) {
      const json = JSON.stringify(r)
      expect(json).not.toMatch(/"tally"|"yes"|"abstain"|"ballots"|"receiptHash"/)
    }
  }
  // before close the holder learns it was counted, not the choice
  expect(await h.ok('motion.verifyReceipt', { id: m.id, receipt }, R1)).toEqual({ counted: true, choice: null })
  expect(await h.ok('motion.verifyReceipt', { id: m.id, receipt: 'AAAA-BBBB-CCCC-DDDD' }, R1)).toEqual({ counted: false, choice: null })
  await expectCode(h.call('motion.verifyReceipt', { id: m.id, receipt: '不是回执' }, R1), 'INVALID_INPUT')
})

test('online and offline: a roster-only resident voted by the committee (who recorded kept), one ballot per person across channels', async () => {
  await smallRoster()
  await rosterOnlyResident('u_roster_only', 'h_jj_1_01')
  const m = await toVoting()
  const off = await h.ok<{ receipt: string }>('motion.recordOffline', { id: m.id, residentId: 'u_roster_only', choice: 'no' }, COMMITTEE)
  expect(off.receipt).toMatch(RECEIPT_PATTERN)
  await expectCode(h.call('motion.recordOffline', { id: m.id, residentId: 'u_roster_only', choice: 'yes' }, COMMITTEE), 'ALREADY_VOTED')
  await h.ok('motion.recordOffline', { id: m.id, residentId: R2, choice: 'yes' }, COMMITTEE)
  await expectCode(h.call('motion.cast', { id: m.id, choice: 'no' }, R2), 'ALREADY_VOTED')
  expect(await h.sql.all('SELECT voter_key, channel, recorded_by FROM motion_voters WHERE motion_id = ? ORDER BY voter_key', [m.id])).toEqual([
    { voter_key: R2, channel: 'offline', recorded_by: COMMITTEE },
    { voter_key: 'u_roster_only', channel: 'offline', recorded_by: COMMITTEE },
  ])
  // no audit entry, message or log carries a choice
  const audit = JSON.stringify(await h.sql.all('SELECT * FROM audit_log'))
  expect(audit).not.toMatch(/"(yes|no|abstain)"/)
  expect(h.errors).toEqual([])
})

test('households: one ballot per household across its members; a resident without a household is not eligible', async () => {
  const m = await toVoting({ eligibility: 'households' })
  await rosterOnlyResident('u_same_home', 'h_jj_1_01') // lives with R1
  await h.ok('motion.cast', { id: m.id, choice: 'yes' }, R1)
  const before = await counts()
  await expectCode(h.call('motion.recordOffline', { id: m.id, residentId: 'u_same_home', choice: 'no' }, COMMITTEE), 'ALREADY_VOTED')
  await h.sql.run("UPDATE users SET household_id = NULL WHERE id = ?", [R2])
  await expectCode(h.call('motion.cast', { id: m.id, choice: 'yes' }, R2), 'NOT_ELIGIBLE')
  expect(await counts()).toEqual(before)
  await h.ok('motion.cast', { id: m.id, choice: 'no' }, VOLUNTEER) // another household
  expect(await h.sql.all('SELECT voter_key FROM motion_voters WHERE motion_id = ? ORDER BY voter_key', [m.id])).toEqual([
    { voter_key: 'h_jj_1_01' },
    { voter_key: 'h_jj_1_02' },
  ])
})

test('close: every figure, ballots sorted by receipt hash, receipts verified, a passed rules motion becomes the current rules', async () => {
  // the versions in force before (the demo 居民公约): this motion's is the next one
  const v0 = (await h.ok<RulesView | null>('rules.current', {}, R2))?.version ?? 0
  await smallRoster()
  await rosterOnlyResident('u_roster_only', 'h_jj_1_01')
  const m = await toVoting()
  const r1 = (await h.ok<{ receipt: string }>('motion.cast', { id: m.id, choice: 'yes' }, R1)).receipt
  const r2 = (await h.ok<{ receipt: string }>('motion.cast', { id: m.id, choice: 'abstain' }, R2)).receipt
  const r3 = (await h.ok<{ receipt: string }>('motion.recordOffline', { id: m.id, residentId: 'u_roster_only', choice: 'yes' }, COMMITTEE)).receipt
  const msgBefore = (await counts()).messages

  const closed = await h.ok<MotionView>('motion.advance', { id: m.id }, COMMITTEE)
  expect(closed.status).toBe('closed')
  expect(closed.result).toMatchObject({ tally: { yes: 2, no: 0, abstain: 1 }, quorumMet: true, passed: true })
  expect((await counts()).messages).toBeGreaterThan(msgBefore)

  const result = await h.ok<MotionResultView>('motion.result', { id: m.id }, R2)
  expect(result.base).toEqual({ adults: 3, households: expect.any(Number) })
  // R1 and the roster-only resident share h_jj_1_01; R2 lives in h_jj_2_01
  expect(result.cast).toEqual({ online: 2, offline: 1, total: 3, households: 2 })
  expect(result.tally).toEqual({ yes: 2, no: 0, abstain: 1 })
  expect(result.quorumMet).toBe(true)
  expect(result.passed).toBe(true)
  expect(result.ballots).toHaveLength(3)
  const hashes = result.ballots.map((b) => b.receiptHash)
  expect(hashes).toEqual([...hashes].sort())
  expect(hashes.every((x) => /^[0-9a-f]{64}$/.test(x))).toBe(true)
  expect(new Set(hashes)).toEqual(new Set([sha(r1), sha(r2), sha(r3)]))
  expect(result.ballots.find((b) => b.receiptHash === sha(r2))!.choice).toBe('abstain')
  // anyone can count the list and match the totals
  const counted: Record<string, number> = { yes: 0, no: 0, abstain: 0 }
  for (const b of result.ballots) counted[b.choice as string]! += 1
  expect(counted).toEqual(result.tally)

  expect(await h.ok('motion.verifyReceipt', { id: m.id, receipt: r1.toLowerCase().replace(/-/g, '') }, R1)).toEqual({ counted: true, choice: 'yes' })
  expect(await h.ok('motion.verifyReceipt', { id: m.id, receipt: r2 }, R2)).toEqual({ counted: true, choice: 'abstain' })

  const rules = await h.ok<RulesView>('rules.current', {}, R2)
  expect(rules).toMatchObject({ version: v0 + 1, motionId: m.id, articles: draftInput().articles })
  expect(rules.adoptedAt).toBe(NOW)
  expect(rules.filedAt).toBeUndefined()

  const before = await counts()
  await expectCode(h.call('motion.cast', { id: m.id, choice: 'yes' }, VOLUNTEER), 'CONFLICT')
  await expectCode(h.call('motion.advance', { id: m.id }, COMMITTEE), 'CONFLICT')
  await expectCode(h.call('rules.markFiled', { version: v0 + 1, filedAt: '2025-03-10T00:00:00.000Z' }, R1), 'FORBIDDEN')
  await expectCode(h.call('rules.markFiled', { version: v0 + 2, filedAt: '2025-03-10T00:00:00.000Z' }, COMMITTEE), 'NOT_FOUND')
  expect(await h.ok('rules.current', {}, OUTSIDER)).toBeNull()
  expect(await counts()).toEqual(before)

  const filed = await h.ok<RulesView>('rules.markFiled', { version: v0 + 1, filedAt: '2025-03-10T00:00:00.000Z' }, COMMITTEE)
  expect(filed.filedAt).toBe('2025-03-10T00:00:00.000Z')

  // a second adopted motion is the version after; the one before stays readable
  const m2 = await toVoting({ title: '居民公约第二次修订', articles: [{ text: '新条文。' }] })
  await h.ok('motion.cast', { id: m2.id, choice: 'yes' }, R1)
  await h.ok('motion.cast', { id: m2.id, choice: 'yes' }, R2)
  await h.ok('motion.advance', { id: m2.id }, COMMITTEE)
  expect(await h.ok<RulesView>('rules.current', {}, R1)).toMatchObject({ version: v0 + 2, motionId: m2.id, articles: [{ text: '新条文。' }] })
  const history = await h.ok<RulesHistoryPage>('rules.history', {}, R1)
  expect(history.items.map((r) => r.version)).toEqual(Array.from({ length: v0 + 2 }, (_, i) => v0 + 2 - i))
  expect(history.items.slice(0, 2).map((r) => [r.version, r.motionId, r.filedAt ?? null])).toEqual([
    [v0 + 2, m2.id, null],
    [v0 + 1, m.id, '2025-03-10T00:00:00.000Z'],
  ])
  const first = await h.ok<RulesHistoryPage>('rules.history', { limit: 1 }, R1)
  expect(first.items.map((r) => r.version)).toEqual([v0 + 2])
  expect((await h.ok<RulesHistoryPage>('rules.history', { limit: 1, cursor: first.nextCursor! }, R1)).items.map((r) => r.version)).toEqual([v0 + 1])
})

test('a rules motion short of quorum is not adopted; a matter motion reports its options by index', async () => {
  const inForce = await h.ok('rules.current', {}, R1)
  await smallRoster()
  const m = await toVoting()
  await h.ok('motion.cast', { id: m.id, choice: 'yes' }, R1) // 1 of 3: no quorum
  await h.ok('motion.advance', { id: m.id }, COMMITTEE)
  const r = await h.ok<MotionResultView>('motion.result', { id: m.id }, R1)
  expect(r).toMatchObject({ quorumMet: false, passed: false, tally: { yes: 1, no: 0, abstain: 0 } })
  expect(await h.ok('rules.current', {}, R1)).toEqual(inForce)

  const mm = await toVoting({ kind: 'matter', options: ['修建停车棚', '增设健身器材', '维持现状'] })
  expect(mm.options).toEqual(['修建停车棚', '增设健身器材', '维持现状'])
  await expectCode(h.call('motion.cast', { id: mm.id, choice: 3 }, R1), 'INVALID_INPUT')
  await expectCode(h.call('motion.cast', { id: mm.id, choice: 'yes' }, R1), 'INVALID_INPUT')
  await h.ok('motion.cast', { id: mm.id, choice: 1 }, R1)
  await h.ok('motion.cast', { id: mm.id, choice: 1 }, R2)
  await h.ok('motion.advance', { id: mm.id }, COMMITTEE)
  const rr = await h.ok<MotionResultView>('motion.result', { id: mm.id }, R2)
  expect(rr).toMatchObject({ tally: { '0': 0, '1': 2, '2': 0 }, quorumMet: true, passed: true, winner: 1 })
  expect(rr.ballots.map((b) => b.choice)).toEqual([1, 1])
  expect(await h.ok('rules.current', {}, R1)).toEqual(inForce)
})

test('the times advance a published motion by themselves: voting at voteFrom, closed at voteUntil; a late cast is CONFLICT', async () => {
  await smallRoster()
  const m = await draft()
  await h.ok('motion.advance', { id: m.id }, COMMITTEE)
  h.clock.set(VOTE_FROM)
  const v = await h.ok<MotionView>('motion.get', { id: m.id }, R1)
  expect(v.status).toBe('voting')
  expect(v.openedAt).toBe(VOTE_FROM)
  expect(v.turnout.eligible).toBe(3)
  await h.ok('motion.cast', { id: m.id, choice: 'yes' }, R1)
  await h.ok('motion.cast', { id: m.id, choice: 'yes' }, R2)

  h.clock.set(VOTE_UNTIL)
  const before = await counts()
  await expectCode(h.call('motion.cast', { id: m.id, choice: 'yes' }, VOLUNTEER), 'CONFLICT')
  const after = await counts()
  // the refusal wrote no ballot; the time rule closed the motion (and told the residents)
  expect(after.motion_voters).toBe(before.motion_voters)
  expect(after.motion_ballots).toBe(before.motion_ballots)
  const c = await h.ok<MotionView>('motion.get', { id: m.id }, R1)
  expect(c.status).toBe('closed')
  expect(c.closedAt).toBe(VOTE_UNTIL)
  expect(c.result).toMatchObject({ passed: true, tally: { yes: 2, no: 0, abstain: 0 } })
  const closedList = (await h.ok<{ items: { id: string; status: string; passed?: boolean }[] }>('motion.list', { status: 'closed' }, R2)).items
  expect(closedList.every((i) => i.status === 'closed')).toBe(true)
  expect(closedList.filter((i) => i.id === m.id)).toEqual([expect.objectContaining({ status: 'closed', passed: true })])

  // the committee opens voting just after voteFrom passed: the schedule took that step, the committee's tap
  // does not take a second one (voting stays open)
  h.clock.set(NOW)
  const late = await draft()
  await h.ok('motion.advance', { id: late.id }, COMMITTEE)
  h.clock.set('2025-03-06T00:00:00.000Z')
  expect((await h.ok<MotionView>('motion.advance', { id: late.id }, COMMITTEE)).status).toBe('voting')
  expect((await h.ok<MotionView>('motion.advance', { id: late.id }, COMMITTEE)).status).toBe('closed')

  // a draft is never moved by time
  const d = await draft()
  h.clock.set('2025-04-01T00:00:00.000Z')
  expect((await h.ok<MotionView>('motion.get', { id: d.id }, COMMITTEE)).status).toBe('draft')
})

// SQLite's catalogue (PRAGMA, sqlite_master, WITHOUT ROWID): the layout on PostgreSQL is its own (issue 13)
testOnSqlite('secrecy in the file: voters and ballots share nothing but the motion, carry no time, and only hashes of receipts', async () => {
  await smallRoster()
  const m = await toVoting()
  const receipts = [
    (await h.ok<{ receipt: string }>('motion.cast', { id: m.id, choice: 'no' }, R1)).receipt,
    (await h.ok<{ receipt: string }>('motion.cast', { id: m.id, choice: 'yes' }, R2)).receipt,
  ]
  const db = h.sqlite().db
  const cols = (t: string) => (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name)
  const shared = cols('motion_voters').filter((c) => cols('motion_ballots').includes(c))
  expect(shared).toEqual(['motion_id'])
  expect(db.pragma('foreign_key_list(motion_ballots)')).toEqual([expect.objectContaining({ table: 'motions', from: 'motion_id' })])
  const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name IN ('motion_voters', 'motion_ballots')").all() as { sql: string }[])
  expect(sql.every((s) => /WITHOUT ROWID/.test(s.sql))).toBe(true)
  // the receipt itself is nowhere in the file's tables
  const dump = JSON.stringify(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) =>
      db.prepare(`SELECT * FROM "${t.name}"`).all(),
    ),
  )
  for (const r of receipts) {
    expect(dump).not.toContain(r)
    expect(dump).toContain(sha(r))
  }
})
