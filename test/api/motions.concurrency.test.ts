import type { ApiReply } from '@/domain/shared/envelope'
import type { MotionListPage, MotionResultView, MotionView } from '@/domain/motions'
import { makeHarness, type Harness } from './support/harness'
import {
  addVoters,
  ballotRows,
  closeVote,
  codes,
  COMMITTEE,
  openVote,
  OTHER_COMMITTEE,
  OTHER_COMMUNITY_RESIDENT,
  STREET,
  UNVERIFIED,
  VERIFIED,
  voterRows,
  walk,
  WORKER,
} from './support/motionFixtures'
import { race } from './support/race'
import { raceJobs } from './support/reportFixtures'

jest.setTimeout(120_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const cast = (id: string, choice: string | number, as: string) => h.call<{ receipt: string }>('motion.cast', { id, choice }, as)

describe('one voter, one ballot', () => {
  test('50 parallel casts by one voter in one process → one ballot, 49 ALREADY_VOTED', async () => {
    const id = await openVote(h)
    const [v] = await addVoters(h, 1)
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => cast(id, ['yes', 'no', 'abstain'][i % 3]!, v!.id)))
    expect(codes(replies)).toEqual({ ok: 1, ALREADY_VOTED: 49 })
    expect(await ballotRows(h, id)).toBe(1)
    expect(await voterRows(h, id)).toBe(1)
    const got = await h.ok<MotionView>('motion.get', { id }, v!.id)
    expect(got.turnout.cast).toBe(1)
    expect(got.me).toEqual({ eligible: true, voted: true })
  })

  test('50 casts by one voter from 5 processes at once → one ballot, 49 ALREADY_VOTED', async () => {
    const id = await openVote(h)
    const [v] = await addVoters(h, 1)
    const replies = await race({ location: h.location, action: 'motion.cast', payload: { id, choice: 'no' }, userId: v!.id, processes: 5, perProcess: 10 })
    expect(codes(replies)).toEqual({ ok: 1, ALREADY_VOTED: 49 })
    expect(await ballotRows(h, id)).toBe(1)
    expect(await voterRows(h, id)).toBe(1)
  })

  test('200 voters in parallel → tally sum = ballots = turnout = 200', async () => {
    // more voters than the demo roster's adults: each in a household of their own, on the roster before voting opens
    const voters = await addVoters(h, 200, { ownHouseholds: true })
    const id = await openVote(h)
    const choices = ['yes', 'no', 'abstain'] as const
    const replies = await Promise.all(voters.map((v, i) => cast(id, choices[i % 7 < 4 ? 0 : i % 7 < 6 ? 1 : 2], v.id)))
    expect(codes(replies)).toEqual({ ok: 200 })
    const receipts = new Set(replies.map((r) => (r.ok ? r.data.receipt : '')))
    expect(receipts.size).toBe(200)
    const before = await h.ok<MotionView>('motion.get', { id }, COMMITTEE)
    expect(before.turnout.cast).toBe(200)
    expect(await ballotRows(h, id)).toBe(200)
    await closeVote(h, id)
    const result = await h.ok<MotionResultView>('motion.result', { id }, VERIFIED)
    const sum = Object.values(result.tally).reduce((a, b) => a + b, 0)
    expect(sum).toBe(200)
    expect(result.cast).toMatchObject({ online: 200, offline: 0, total: 200 })
    expect(result.ballots).toHaveLength(200)
    const expected = { yes: 0, no: 0, abstain: 0 }
    voters.forEach((_, i) => (expected[choices[i % 7 < 4 ? 0 : i % 7 < 6 ? 1 : 2]] += 1))
    expect(result.tally).toEqual(expected)
    const counted = { yes: 0, no: 0, abstain: 0 } as Record<string, number>
    for (const b of result.ballots) counted[String(b.choice)] += 1
    expect(counted).toEqual(expected)
    const after = await h.ok<MotionView>('motion.get', { id }, COMMITTEE)
    expect(after.turnout.cast).toBe(200)
  })

  test('8 voters from 8 processes, 5 casts each → 8 ballots, 32 ALREADY_VOTED', async () => {
    const id = await openVote(h, { kind: 'matter', options: ['甲', '乙', '丙'] })
    const voters = await addVoters(h, 8)
    const runs = await raceJobs(h.location, voters.map((v, i) => ({ action: 'motion.cast', payload: { id, choice: i % 3 }, userId: v.id, count: 5 })))
    for (const replies of runs) expect(codes(replies)).toEqual({ ok: 1, ALREADY_VOTED: 4 })
    expect(await ballotRows(h, id)).toBe(8)
    expect(await voterRows(h, id)).toBe(8)
  })
})

describe('online and offline for the same resident at the same moment', () => {
  test('in one process: one ballot, the other ALREADY_VOTED', async () => {
    const id = await openVote(h)
    const voters = await addVoters(h, 10)
    for (const v of voters) {
      const replies = await Promise.all([
        cast(id, 'yes', v.id),
        h.call('motion.recordOffline', { id, residentId: v.id, choice: 'no' }, COMMITTEE),
      ])
      expect(codes(replies)).toEqual({ ok: 1, ALREADY_VOTED: 1 })
    }
    expect(await ballotRows(h, id)).toBe(10)
    expect(await voterRows(h, id)).toBe(10)
  })

  test('across processes, 6 rounds: each round one ballot and one ALREADY_VOTED', async () => {
    const id = await openVote(h)
    const voters = await addVoters(h, 6)
    for (const [round, v] of voters.entries()) {
      const runs = await raceJobs(h.location, [
        { action: 'motion.cast', payload: { id, choice: 'yes' }, userId: v.id, count: 3 },
        { action: 'motion.recordOffline', payload: { id, residentId: v.id, choice: 'no' }, userId: COMMITTEE, count: 3 },
      ])
      expect(codes(runs.flat())).toEqual({ ok: 1, ALREADY_VOTED: 5 })
      expect(await ballotRows(h, id)).toBe(round + 1)
      expect(await voterRows(h, id)).toBe(round + 1)
    }
    await closeVote(h, id)
    const result = await h.ok<MotionResultView>('motion.result', { id }, COMMITTEE)
    expect(result.cast.total).toBe(6)
    expect(result.cast.online + result.cast.offline).toBe(6)
    expect(result.tally.yes! + result.tally.no!).toBe(6)
    expect(result.tally.yes).toBe(result.cast.online)
  })

  test('a roster-only resident (no smartphone) is recorded offline once; a second record is ALREADY_VOTED', async () => {
    const id = await openVote(h)
    const [v] = await addVoters(h, 1, { rosterOnly: true })
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => h.call('motion.recordOffline', { id, residentId: v!.id, choice: 'abstain' }, COMMITTEE)),
    )
    expect(codes(replies)).toEqual({ ok: 1, ALREADY_VOTED: 9 })
    const row = await h.sql.get('SELECT channel, recorded_by FROM motion_voters WHERE motion_id = ?', [id])
    expect(row).toEqual({ channel: 'offline', recorded_by: COMMITTEE })
  })
})

describe('households: one ballot per household', () => {
  test('two members of one household: the second is ALREADY_VOTED, online or offline', async () => {
    const id = await openVote(h, { eligibility: 'households' })
    const [a, b] = await addVoters(h, 2, { households: ['h_jj_2_05'] })
    expect((await cast(id, 'yes', a!.id)).ok).toBe(true)
    const second = await cast(id, 'no', b!.id)
    expect(second.ok ? 'ok' : second.error.code).toBe('ALREADY_VOTED')
    const offline = await h.call('motion.recordOffline', { id, residentId: b!.id, choice: 'no' }, COMMITTEE)
    expect(offline.ok ? 'ok' : offline.error.code).toBe('ALREADY_VOTED')
    const got = await h.ok<MotionView>('motion.get', { id }, b!.id)
    expect(got.me).toEqual({ eligible: true, voted: true })
    expect(await ballotRows(h, id)).toBe(1)
  })

  test('two members of one household at the same moment, in 4 households across processes → one ballot each', async () => {
    const id = await openVote(h, { eligibility: 'households' })
    const homes = ['h_jj_1_03', 'h_jj_1_04', 'h_jj_3_07', 'h_jj_3_08']
    for (const home of homes) {
      const [a, b] = await addVoters(h, 2, { households: [home] })
      const runs = await raceJobs(h.location, [
        { action: 'motion.cast', payload: { id, choice: 'yes' }, userId: a!.id, count: 2 },
        { action: 'motion.cast', payload: { id, choice: 'no' }, userId: b!.id, count: 2 },
        { action: 'motion.recordOffline', payload: { id, residentId: b!.id, choice: 'abstain' }, userId: COMMITTEE, count: 2 },
      ])
      expect(codes(runs.flat())).toEqual({ ok: 1, ALREADY_VOTED: 5 })
    }
    expect(await ballotRows(h, id)).toBe(4)
    await closeVote(h, id)
    const result = await h.ok<MotionResultView>('motion.result', { id }, COMMITTEE)
    expect(result.cast.households).toBe(4)
    expect(result.cast.total).toBe(4)
  })

  test('adults: two members of one household each vote', async () => {
    const id = await openVote(h, { eligibility: 'adults' })
    const [a, b] = await addVoters(h, 2, { households: ['h_jj_2_06'] })
    expect(codes(await Promise.all([cast(id, 'yes', a!.id), cast(id, 'no', b!.id)]))).toEqual({ ok: 2 })
    await closeVote(h, id)
    const result = await h.ok<MotionResultView>('motion.result', { id }, COMMITTEE)
    expect(result.cast).toMatchObject({ total: 2, households: 1 })
  })
})

describe('who may vote', () => {
  test('unverified resident, committee, grid worker and street → NOT_ELIGIBLE; nothing written', async () => {
    const id = await openVote(h)
    const r = await cast(id, 'yes', UNVERIFIED)
    expect(r.ok ? 'ok' : r.error.code).toBe('NOT_ELIGIBLE')
    for (const who of [COMMITTEE, WORKER, STREET]) {
      const s = await cast(id, 'yes', who)
      expect({ who, code: s.ok ? 'ok' : s.error.code }).toEqual({ who, code: 'NOT_ELIGIBLE' })
    }
    const off = await h.call('motion.recordOffline', { id, residentId: UNVERIFIED, choice: 'yes' }, COMMITTEE)
    expect(off.ok ? 'ok' : off.error.code).toBe('NOT_ELIGIBLE')
    expect(await ballotRows(h, id)).toBe(0)
    expect(await voterRows(h, id)).toBe(0)
    const got = await h.ok<MotionView>('motion.get', { id }, UNVERIFIED)
    expect(got.me).toEqual({ eligible: false, voted: false })
  })

  test('other community: the motion is not found for its resident and committee; our committee cannot record its resident', async () => {
    // the motion's existence is private to its community (DESIGN §4: NOT_FOUND where existence is private)
    const id = await openVote(h)
    const a = await cast(id, 'yes', OTHER_COMMUNITY_RESIDENT)
    expect(a.ok ? 'ok' : a.error.code).toBe('NOT_FOUND')
    const b = await h.call('motion.recordOffline', { id, residentId: VERIFIED, choice: 'yes' }, OTHER_COMMITTEE)
    expect(b.ok ? 'ok' : b.error.code).toBe('NOT_FOUND')
    const c = await h.call('motion.recordOffline', { id, residentId: OTHER_COMMUNITY_RESIDENT, choice: 'yes' }, COMMITTEE)
    expect(c.ok ? 'ok' : c.error.code).toBe('NOT_ELIGIBLE')
    const d = await h.call('motion.recordOffline', { id, residentId: VERIFIED, choice: 'yes' }, VERIFIED)
    expect(d.ok ? 'ok' : d.error.code).toBe('FORBIDDEN')
    expect(await ballotRows(h, id)).toBe(0)
  })

  test('cast outside voting: a draft is not found by residents; consultation and closed → CONFLICT', async () => {
    const created = await h.ok<{ id: string }>(
      'motion.create',
      { title: '测试', articles: [{ text: '一' }], kind: 'rules', eligibility: 'adults', voteFrom: '2099-01-01T00:00:00.000Z', voteUntil: '2099-02-01T00:00:00.000Z' },
      COMMITTEE,
    )
    const code = async () => {
      const r = await cast(created.id, 'yes', VERIFIED)
      return r.ok ? 'ok' : r.error.code
    }
    expect(await code()).toBe('NOT_FOUND')
    const draftOffline = await h.call('motion.recordOffline', { id: created.id, residentId: VERIFIED, choice: 'yes' }, COMMITTEE)
    expect(draftOffline.ok ? 'ok' : draftOffline.error.code).toBe('CONFLICT')
    await h.ok('motion.advance', { id: created.id }, COMMITTEE)
    expect(await code()).toBe('CONFLICT')
    await h.ok('motion.advance', { id: created.id }, COMMITTEE)
    await h.ok('motion.advance', { id: created.id }, COMMITTEE)
    expect(await code()).toBe('CONFLICT')
    expect(await ballotRows(h, created.id)).toBe(0)
  })
})

/** Keys that carry figures of the result; none may appear in any reply before close. */
const TALLY_KEYS = new Set(['tally', 'ballots', 'quorumMet', 'passed', 'winner', 'yes', 'no', 'abstain', 'choice', 'receiptHash', 'base'])

function tallyLeaks(reply: ApiReply): string[] {
  const found: string[] = []
  walk(reply, (key, v) => {
    if (key !== null && TALLY_KEYS.has(key)) found.push(`key ${key}`)
    if (key === 'result' && v !== null) found.push('result not null')
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v)
      if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) found.push(`index-keyed object ${JSON.stringify(v)}`)
    }
  })
  return found
}

/**
 * A list reply without the motions already closed (the demo 居民公约 and any earlier one): a closed motion's
 * summary rightly shows `passed`. Every motion still open stays in, so a figure on one of them is still seen.
 */
function openOnly(reply: ApiReply): ApiReply {
  if (!reply.ok || !Array.isArray((reply.data as MotionListPage | null)?.items)) return reply
  const page = reply.data as MotionListPage
  return { ...reply, data: { ...page, items: page.items.filter((m) => m.status !== 'closed') } }
}

describe('tallies hidden before close', () => {
  test('every reply of get, list and result to every role carries no tally until close; after close they appear', async () => {
    const votingBefore = (await h.ok<MotionListPage>('motion.list', { status: 'voting' }, VERIFIED)).items.map((m) => m.id)
    const rulesId = await openVote(h)
    const matterId = await openVote(h, { kind: 'matter', options: ['方案一', '方案二'] })
    const voters = await addVoters(h, 7)
    for (const [i, v] of voters.entries()) {
      expect((await cast(rulesId, i < 4 ? 'yes' : 'no', v.id)).ok).toBe(true)
      expect((await cast(matterId, i < 5 ? 1 : 0, v.id)).ok).toBe(true)
    }
    expect((await h.call('motion.recordOffline', { id: rulesId, residentId: VERIFIED, choice: 'abstain' }, COMMITTEE)).ok).toBe(true)
    const roles = [COMMITTEE, STREET, WORKER, VERIFIED, voters[0]!.id, UNVERIFIED, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT]
    const replies: { who: string; action: string; reply: ApiReply }[] = []
    for (const who of roles) {
      for (const id of [rulesId, matterId]) {
        replies.push({ who, action: 'get', reply: await h.call('motion.get', { id }, who) })
        replies.push({ who, action: 'result', reply: await h.call('motion.result', { id }, who) })
      }
      for (const status of [undefined, 'voting', 'closed'] as const) {
        replies.push({ who, action: `list ${status}`, reply: openOnly(await h.call('motion.list', status ? { status } : {}, who)) })
      }
    }
    // the scan can fail
    expect(tallyLeaks({ ok: true, data: { items: [{ result: { tally: { yes: 1 } } }] } }).length).toBeGreaterThan(0)
    expect(tallyLeaks({ ok: true, data: { counts: { '0': 2, '1': 5 } } }).length).toBeGreaterThan(0)
    for (const r of replies) expect({ ...r, leaks: tallyLeaks(r.reply) }).toMatchObject({ leaks: [] })
    // result is refused before close to everyone; our own community sees the turnout
    for (const r of replies.filter((x) => x.action === 'result')) expect(r.reply.ok).toBe(false)
    for (const r of replies.filter((x) => x.action === 'result' && [COMMITTEE, VERIFIED, UNVERIFIED].includes(x.who))) {
      expect(r.reply.ok ? 'ok' : r.reply.error.code).toBe('CONFLICT')
    }
    const committeeGet = replies.find((r) => r.who === COMMITTEE && r.action === 'get')!.reply
    expect(committeeGet.ok && (committeeGet.data as MotionView).turnout.cast).toBe(8)
    const list = replies.find((r) => r.who === VERIFIED && r.action === 'list voting')!.reply
    expect(list.ok && (list.data as MotionListPage).items.map((m) => m.id).sort()).toEqual([...votingBefore, rulesId, matterId].sort())

    await closeVote(h, rulesId)
    await closeVote(h, matterId)
    const rules = await h.ok<MotionView>('motion.get', { id: rulesId }, VERIFIED)
    expect(rules.result).toMatchObject({ tally: { yes: 4, no: 3, abstain: 1 }, cast: { online: 7, offline: 1, total: 8 } })
    const matter = await h.ok<MotionResultView>('motion.result', { id: matterId }, UNVERIFIED)
    expect(matter.tally).toEqual({ '0': 2, '1': 5 })
  })
})

describe('close against casts', () => {
  test('casts from 10 processes while the committee closes from another: every accepted ballot, and only those, is in the result', async () => {
    const id = await openVote(h)
    const voters = await addVoters(h, 30)
    const jobs = voters.map((v, i) => ({ action: 'motion.cast', payload: { id, choice: (['yes', 'no', 'abstain'] as const)[i % 3] }, userId: v.id, count: 1 }))
    // three casts per process would need three users per worker; one voter per job, close in the middle
    const runs = await raceJobs(h.location, [...jobs.slice(0, 10), { action: 'motion.advance', payload: { id }, userId: COMMITTEE, count: 1 }, ...jobs.slice(10, 20)])
    const castReplies = [...runs.slice(0, 10), ...runs.slice(11)].flat()
    const accepted = castReplies.filter((r) => r.ok)
    for (const r of castReplies) if (!r.ok) expect(r.error.code).toBe('CONFLICT')
    expect(runs[10]![0]!.ok).toBe(true)
    const result = await h.ok<MotionResultView>('motion.result', { id }, COMMITTEE)
    expect(result.cast.total).toBe(accepted.length)
    expect(result.ballots).toHaveLength(accepted.length)
    expect(Object.values(result.tally).reduce((a, b) => a + b, 0)).toBe(accepted.length)
    expect(await ballotRows(h, id)).toBe(accepted.length)
    expect(await voterRows(h, id)).toBe(accepted.length)
    for (const r of accepted) {
      const receipt = (r.data as { receipt: string }).receipt
      expect(await h.ok('motion.verifyReceipt', { id, receipt }, COMMITTEE)).toMatchObject({ counted: true })
    }
    // a late cast after close is refused and changes nothing
    const late = await cast(id, 'yes', voters[25]!.id)
    expect(late.ok ? 'ok' : late.error.code).toBe('CONFLICT')
    expect(await ballotRows(h, id)).toBe(accepted.length)
  })

  test('at voteUntil the motion closes by itself: a cast at that instant is CONFLICT, the result holds the earlier ballots', async () => {
    const created = await h.ok<{ id: string }>(
      'motion.create',
      { title: '限时表决', articles: [{ text: '一' }], kind: 'rules', eligibility: 'adults', voteFrom: '2025-03-01T03:00:00.000Z', voteUntil: '2025-03-01T05:00:00.000Z' },
      COMMITTEE,
    )
    await h.ok('motion.advance', { id: created.id }, COMMITTEE)
    await h.ok('motion.advance', { id: created.id }, COMMITTEE)
    const voters = await addVoters(h, 3)
    expect((await cast(created.id, 'yes', voters[0]!.id)).ok).toBe(true)
    h.clock.set('2025-03-01T04:59:59.999Z')
    expect((await cast(created.id, 'no', voters[1]!.id)).ok).toBe(true)
    h.clock.set('2025-03-01T05:00:00.000Z')
    const late = await cast(created.id, 'yes', voters[2]!.id)
    expect(late.ok ? 'ok' : late.error.code).toBe('CONFLICT')
    const got = await h.ok<MotionView>('motion.get', { id: created.id }, voters[2]!.id)
    expect(got.status).toBe('closed')
    expect(got.result).toMatchObject({ tally: { yes: 1, no: 1, abstain: 0 }, cast: { total: 2 } })
  })

  test('the base is the roster frozen when voting opened: households added later do not count', async () => {
    const id = await openVote(h, { eligibility: 'households' })
    const frozen = (await h.sql.get("SELECT count(*) AS n, coalesce(sum(coalesce(adults, 0)), 0) AS a FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = 'c_jinjiang'")) as { n: number; a: number }
    await h.sql.run("INSERT INTO households (id, grid_id, building, unit, room, head_name, adults, building_key, unit_key, room_key) VALUES ('h_late_1', 'g_jj_1', '9栋', '1单元', '901', '晚某来', 3, '9', '1', '901')")
    await closeVote(h, id)
    const result = await h.ok<MotionResultView>('motion.result', { id }, COMMITTEE)
    expect(result.base).toEqual({ adults: frozen.a, households: frozen.n })
    expect(result.quorumMet).toBe(false)
    expect(result.passed).toBe(false)
  })
})
