/**
 * The demo motions of 锦江社区 (cloud/seed/seedMotions.ts) through dispatch() on the seeded file: the closed
 * 居民公约 whose every published figure is what the rows count, the rules in force (version 1, filed), the
 * consultation with its revision and comment, the vote under way (turnout = rows, no tally before close, a
 * resident who signs in on the login page can still vote), and the secret-ballot layout of the seeded rows.
 */
import type { MotionResultView, MotionView, RulesView } from '@/domain/motions'
import { outcome } from '@/domain/motions/tally'
import { diffRevisions } from '@/features/motions/articleDiff'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { seedDemo } from '../../cloud/seed/seedSqlite'
import { makeHarness, NOW, tempDir, testOnSqlite, type Harness } from './support/harness'
import { sqliteSql, type TestSql } from './support/sql'

const R1 = 'u_resident_jj1'
const R2 = 'u_resident_jj2' // household h_jj_2_01, which has voted on the charging shed
const COMMITTEE = 'u_committee_jj'
const RULES = 'mo_demo_rules'
const ARTICLE5 = 'mo_demo_article5'
const CHARGING = 'mo_demo_charging'
const DAY = 24 * 3600_000

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const rows = async <T>(sql: string, ...args: unknown[]) => (await h.sql.all(sql, [...args])) as T[]
const one = async <T>(sql: string, ...args: unknown[]) => (await h.sql.get(sql, [...args])) as T
const daysFromNow = (iso: string) => (Date.parse(iso) - Date.parse(NOW)) / DAY

test('the closed 居民公约: every figure of the result is what the frozen base, the voters and the ballots rows count', async () => {
  const m = await h.ok<MotionView>('motion.get', { id: RULES }, R1)
  expect(m).toMatchObject({ status: 'closed', kind: 'rules', eligibility: 'households', title: '锦江社区居民公约' })
  expect(m.articles.length).toBeGreaterThanOrEqual(6)
  expect(daysFromNow(m.closedAt!)).toBeCloseTo(-60, 0)
  const r = await h.ok<MotionResultView>('motion.result', { id: RULES }, R1)
  expect(m.result).toEqual({ base: r.base, cast: r.cast, tally: r.tally, quorumMet: r.quorumMet, passed: r.passed, winner: r.winner })

  // the base is the roster frozen in the motion's row, and the roster's figures
  const frozen = await one<{ adults: number; households: number }>('SELECT base_adults AS adults, base_households AS households FROM motions WHERE id = ?', RULES)
  const roster = await one<{ adults: number; households: number }>(
    "SELECT sum(h.adults) AS adults, count(*) AS households FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = 'c_jinjiang'",
  )
  expect(r.base).toEqual(frozen)
  expect(r.base).toEqual(roster)

  // who voted: one row per household of the roster, by channel, some from the residents' meeting
  const voters = await rows<{ voter_key: string; channel: string; recorded_by: string | null }>('SELECT * FROM motion_voters WHERE motion_id = ?', RULES)
  const roll = new Set((await rows<{ id: string }>("SELECT h.id FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = 'c_jinjiang'")).map((x) => x.id))
  expect(voters.every((v) => roll.has(v.voter_key))).toBe(true)
  expect(voters.every((v) => (v.channel === 'offline') === (v.recorded_by === COMMITTEE))).toBe(true)
  const online = voters.filter((v) => v.channel === 'online').length
  const offline = voters.filter((v) => v.channel === 'offline').length
  expect(offline).toBeGreaterThan(0)
  expect(r.cast).toEqual({ online, offline, total: voters.length, households: new Set(voters.map((v) => v.voter_key)).size })
  expect(m.turnout).toEqual({ eligible: roster.households, cast: voters.length })

  // what was chosen: the published list is the table, sorted by hash, and it counts to the tally
  const ballots = await rows<{ receiptHash: string; choice: string }>('SELECT receipt_hash AS "receiptHash", choice FROM motion_ballots WHERE motion_id = ?', RULES)
  expect(ballots).toHaveLength(voters.length)
  expect(r.ballots).toEqual([...ballots].sort((a, b) => (a.receiptHash < b.receiptHash ? -1 : 1)))
  const counted: Record<string, number> = { yes: 0, no: 0, abstain: 0 }
  for (const b of r.ballots) counted[b.choice as string]! += 1
  expect(r.tally).toEqual(counted)
  expect(counted.no! + counted.abstain!).toBeGreaterThan(0)

  // quorum and decision as the tally functions decide them from these counts: met and passed
  expect({ quorumMet: r.quorumMet, passed: r.passed, winner: r.winner }).toEqual(outcome('rules', 'households', r.base, r.cast, counted))
  expect(r.quorumMet).toBe(true)
  expect(r.passed).toBe(true)
})

test('rules.current is version 1 from that motion, with its articles, adopted at its close and filed with the 街道 later', async () => {
  const m = await h.ok<MotionView>('motion.get', { id: RULES }, R1)
  const rules = await h.ok<RulesView>('rules.current', {}, R1)
  expect(rules).toEqual({ version: 1, motionId: RULES, title: m.title, articles: m.articles, adoptedAt: m.closedAt, filedAt: expect.any(String) })
  expect(Date.parse(rules.filedAt!)).toBeGreaterThan(Date.parse(rules.adoptedAt))
  expect(Date.parse(rules.filedAt!)).toBeLessThan(Date.parse(NOW))
  expect((await h.ok<{ items: RulesView[] }>('rules.history', {}, R1)).items).toEqual([rules])
})

test('the consultation on 第五条: one revision that changes that article, a resident\'s comment on it and the committee\'s reply', async () => {
  const m = await h.ok<MotionView>('motion.get', { id: ARTICLE5 }, R1)
  expect(m).toMatchObject({ status: 'consultation', kind: 'rules', result: null, can: { comment: true, cast: false } })
  expect(daysFromNow(m.voteFrom)).toBeGreaterThan(0)
  expect(m.revisions.map((x) => x.rev)).toEqual([1, 2])
  expect(m.revisions.map((x) => x.byId)).toEqual([COMMITTEE, COMMITTEE])
  const diff = diffRevisions(m.revisions[0]!, m.revisions[1]!)
  expect(diff.title).toBeNull()
  expect(diff.preamble).toBeNull()
  expect(diff.articles).toEqual([expect.objectContaining({ type: 'changed', index: 4, oldIndex: 4 })])
  expect(m.articles).toEqual(m.revisions[1]!.articles)
  // the proposal differs from the rules in force in 第五条 only
  const inForce = await h.ok<RulesView>('rules.current', {}, R1)
  expect(diffRevisions({ ...m.revisions[0]!, articles: inForce.articles }, m.revisions[0]!).articles).toEqual([
    expect.objectContaining({ type: 'changed', index: 4 }),
  ])
  expect(m.comments).toEqual([expect.objectContaining({ articleIndex: 4, mine: false, reply: expect.objectContaining({ byName: '陈秀兰' }) })])
  // the committee sees who wrote it (residents see the name masked)
  const seen = await h.ok<MotionView>('motion.get', { id: ARTICLE5 }, COMMITTEE)
  expect(seen.comments.map((x) => x.authorName)).toEqual(['杨春敏'])
  const c = m.comments[0]!
  expect(Date.parse(c.createdAt)).toBeLessThan(Date.parse(c.reply!.at))
  expect(Date.parse(c.reply!.at)).toBeLessThanOrEqual(Date.parse(m.revisions[1]!.at))
})

test('the vote on the charging shed: open for about 3 more days, turnout = rows, no tally anywhere, a new resident can still vote', async () => {
  const m = await h.ok<MotionView>('motion.get', { id: CHARGING }, R2)
  expect(m).toMatchObject({ status: 'voting', kind: 'matter', eligibility: 'households', result: null, me: { eligible: true, voted: true } })
  expect(m.options).toHaveLength(3)
  expect(daysFromNow(m.voteUntil)).toBeGreaterThan(2.9)
  expect(daysFromNow(m.voteUntil)).toBeLessThanOrEqual(3)
  const voters = (await one<{ n: number }>('SELECT count(*) AS n FROM motion_voters WHERE motion_id = ?', CHARGING)).n
  const ballots = (await one<{ n: number }>('SELECT count(*) AS n FROM motion_ballots WHERE motion_id = ?', CHARGING)).n
  expect(voters).toBeGreaterThan(0)
  expect(ballots).toBe(voters)
  // no demo ballot is from 第一网格, where the login page places a resident
  expect((await one<{ n: number }>("SELECT count(*) AS n FROM motion_voters WHERE motion_id = ? AND voter_key LIKE 'h_jj_1_%'", CHARGING)).n).toBe(0)

  const frozen = (await one<{ n: number }>('SELECT base_households AS n FROM motions WHERE id = ?', CHARGING)).n
  expect(m.turnout).toEqual({ eligible: frozen, cast: voters })
  // no tally in any reply before close (the list's summaries carry none, for the closed motion neither)
  for (const who of [R1, R2, COMMITTEE]) {
    for (const reply of [await h.call('motion.get', { id: CHARGING }, who), await h.call('motion.list', {}, who)]) {
      expect(reply.ok).toBe(true)
      expect(JSON.stringify(reply)).not.toMatch(/"tally"|"ballots"|"receiptHash"/)
    }
  }
  const early = await h.call('motion.result', { id: CHARGING }, R1)
  expect(early.ok).toBe(false)
  expect(early.ok ? null : early.error.code).toBe('CONFLICT')

  // the login page's resident: a new user in a household of 第一网格, eligible, not voted, and the cast goes through
  const newcomer = await h.devLogin({ role: 'resident' })
  expect((await h.ok<MotionView>('motion.get', { id: CHARGING }, newcomer)).me).toEqual({ eligible: true, voted: false })
  await h.ok('motion.cast', { id: CHARGING, choice: 1 }, newcomer)
  expect((await h.ok<MotionView>('motion.get', { id: CHARGING }, newcomer)).turnout.cast).toBe(voters + 1)
})

// SQLite's catalogue (sqlite_master, PRAGMA table_info): the layout on PostgreSQL is its own
testOnSqlite('secrecy of the seeded ballots: no table links a voter and a choice, and no row holds a voter key beside a ballot', () => {
  const rows = <T>(sql: string, ...args: unknown[]) => h.sqlite().db.prepare(sql).all(...args) as T[]
  const tables = rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map((t) => t.name)
  const columns = (t: string) => rows<{ name: string }>(`PRAGMA table_info("${t}")`).map((c) => c.name)
  expect(tables.filter((t) => columns(t).includes('choice'))).toEqual(['motion_ballots'])
  expect(columns('motion_voters').filter((c) => columns('motion_ballots').includes(c))).toEqual(['motion_id'])
  const demo = [RULES, CHARGING]
  const keys = rows<{ voter_key: string }>(`SELECT voter_key FROM motion_voters WHERE motion_id IN (?, ?)`, ...demo).map((v) => v.voter_key)
  const hashes = rows<{ receipt_hash: string }>(`SELECT receipt_hash FROM motion_ballots WHERE motion_id IN (?, ?)`, ...demo).map((b) => b.receipt_hash)
  expect(hashes.length).toBe(keys.length)
  const links = tables.flatMap((t) =>
    rows<Record<string, unknown>>(`SELECT * FROM "${t}"`)
      .filter((row) => {
        const cells = Object.values(row).filter((v): v is string => typeof v === 'string')
        return cells.some((c) => keys.some((k) => c.includes(k))) && cells.some((c) => hashes.some((x) => c.includes(x)))
      })
      .map((row) => `${t}: ${JSON.stringify(row)}`),
  )
  expect(links).toEqual([])
  // the receipts' hashes are only in motion_ballots; the audit log and the messages carry no choice
  const audit = JSON.stringify(rows('SELECT * FROM audit_log')) + JSON.stringify(rows("SELECT * FROM messages WHERE kind = 'motion'"))
  expect(hashes.some((x) => audit.includes(x))).toBe(false)
  expect(audit).not.toMatch(/"(yes|no|abstain)"/)
})

test('seeding is the same in shape every time (not in receipts) and only into an empty file', async () => {
  const store = openSqliteStore(`${tempDir()}/again.db`)
  try {
    expect(await seedDemo(store.db, new Date(NOW))).toBe(true)
    const again = sqliteSql(store.db)
    const shape = (sql: TestSql) =>
      sql.all('SELECT id, status, result, base_adults, base_households, vote_from, vote_until, closed_at FROM motions ORDER BY id')
    expect(await shape(again)).toEqual(await shape(h.sql))
    const hashes = (sql: TestSql) => sql.all('SELECT receipt_hash FROM motion_ballots ORDER BY receipt_hash')
    expect(await hashes(again)).not.toEqual(await hashes(h.sql))
    expect(await seedDemo(store.db, new Date(NOW))).toBe(false)
    expect((store.db.prepare('SELECT count(*) AS n FROM motions').get() as { n: number }).n).toBe(4)
  } finally {
    store.close()
  }
})

test('the 重大事项 加装电梯 is held in 征求意见 by its 高 稳评: residents see the level, the street finds it in its queue', async () => {
  const m = await h.ok<MotionView>('motion.get', { id: 'mo_demo_elevator' }, R1)
  expect(m).toMatchObject({ status: 'consultation', major: true, kind: 'matter' })
  expect(m.risk).toMatchObject({ major: true, assessment: { level: 'high', signOff: 'pending' }, block: '稳评为高风险，须经街道审核同意后才能进入表决', full: null })
  const staff = await h.ok<MotionView>('motion.get', { id: 'mo_demo_elevator' }, COMMITTEE)
  expect(staff.risk.full?.risks.map((r) => r.category)).toEqual(['reasonableness', 'safety', 'controllability'])
  const queue = await h.ok<{ items: { motionId: string }[] }>('motion.riskReviews', {}, 'u_street')
  expect(queue.items.map((i) => i.motionId)).toEqual(['mo_demo_elevator'])
})
