/**
 * Review N6: in an `adults` motion the quorum base is the roster's 成年人数, so the ballots of one household
 * (online and offline together) may not exceed its roster adults as frozen when voting opened — also when its
 * members cast at the same moment from several processes. Households motions are untouched by this.
 */
import type { MotionResultView, MotionView } from '@/domain/motions'
import { makeHarness, type Harness } from './support/harness'
import { addVoters, ballotRows, closeVote, codes, COMMITTEE, openVote, voterRows } from './support/motionFixtures'
import { race } from './support/race'

jest.setTimeout(60_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const FULL = '您家花名册登记的成年人（2 人）都已投票'
const cast = (id: string, choice: string, as: string) => h.call<{ receipt: string }>('motion.cast', { id, choice }, as)
const offline = (id: string, residentId: string, choice: string) =>
  h.call<{ receipt: string }>('motion.recordOffline', { id, residentId, choice }, COMMITTEE)
const errorOf = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? 'ok' : `${r.error!.code} ${r.error!.message}`)
const setAdults = async (householdId: string, adults: number | null) =>
  await h.sql.run('UPDATE households SET adults = ? WHERE id = ?', [adults, householdId])
const me = async (id: string, as: string) => (await h.ok<MotionView>('motion.get', { id }, as)).me

test('a household of 2 adults with 3 verified members: the third is NOT_ELIGIBLE, nothing written, and sees eligible: false', async () => {
  await setAdults('h_jj_3_05', 2)
  const [a, b, c] = await addVoters(h, 3, { households: ['h_jj_3_05'] })
  const id = await openVote(h)
  expect(await me(id, c!.id)).toEqual({ eligible: true, voted: false })
  expect((await cast(id, 'yes', a!.id)).ok).toBe(true)
  expect((await cast(id, 'no', b!.id)).ok).toBe(true)
  const before = { ballots: await ballotRows(h, id), voters: await voterRows(h, id) }
  expect(errorOf(await cast(id, 'yes', c!.id))).toBe(`NOT_ELIGIBLE ${FULL}`)
  expect({ ballots: await ballotRows(h, id), voters: await voterRows(h, id) }).toEqual(before)
  // the two who voted see their vote; the third is told they may not, and cannot cast
  expect(await me(id, a!.id)).toEqual({ eligible: true, voted: true })
  const third = await h.ok<MotionView>('motion.get', { id }, c!.id)
  expect(third.me).toEqual({ eligible: false, voted: false })
  expect(third.can.cast).toBe(false)
  await closeVote(h, id)
  const result = await h.ok<MotionResultView>('motion.result', { id }, COMMITTEE)
  expect(result.cast).toMatchObject({ total: 2, households: 1 })
})

test('the places are those frozen when voting opened: the roster changed later changes nothing; the next motion uses the new count', async () => {
  await setAdults('h_jj_3_05', 1)
  const [a, b] = await addVoters(h, 2, { households: ['h_jj_3_05'] })
  const id = await openVote(h)
  await setAdults('h_jj_3_05', 5)
  expect((await cast(id, 'yes', a!.id)).ok).toBe(true)
  expect(errorOf(await cast(id, 'yes', b!.id))).toBe('NOT_ELIGIBLE 您家花名册登记的成年人（1 人）都已投票')
  const later = await openVote(h, { title: '花名册更新后的议题' })
  expect(codes(await Promise.all([cast(later, 'yes', a!.id), cast(later, 'no', b!.id)]))).toEqual({ ok: 2 })
})

test('no adults on the roster, or no household: NOT_ELIGIBLE with the reason, online and offline', async () => {
  await setAdults('h_jj_3_06', 0)
  await setAdults('h_jj_3_07', null)
  const [zero, unknown] = await addVoters(h, 2, { households: ['h_jj_3_06', 'h_jj_3_07'] })
  const [homeless] = await addVoters(h, 1, { households: ['h_jj_3_08'] })
  await h.sql.run('UPDATE users SET household_id = NULL WHERE id = ?', [homeless!.id])
  const id = await openVote(h)
  const none = '表决开始时花名册上您家没有登记成年人，不能投票；如有出入请联系社区核对花名册'
  expect(errorOf(await cast(id, 'yes', zero!.id))).toBe(`NOT_ELIGIBLE ${none}`)
  expect(errorOf(await cast(id, 'yes', unknown!.id))).toBe(`NOT_ELIGIBLE ${none}`)
  expect(errorOf(await offline(id, zero!.id, 'no'))).toBe(`NOT_ELIGIBLE ${none.replace('您家', '该居民家')}`)
  expect(errorOf(await cast(id, 'yes', homeless!.id))).toBe('NOT_ELIGIBLE 您还没有绑定花名册上的住户，不能投票')
  expect(errorOf(await offline(id, homeless!.id, 'yes'))).toMatch(/^NOT_ELIGIBLE 该居民没有本次表决的投票资格/)
  for (const who of [zero!, unknown!, homeless!]) expect(await me(id, who.id)).toEqual({ eligible: false, voted: false })
  expect(await ballotRows(h, id)).toBe(0)
})

test('4 members of a 2-adult household cast at the same moment from 4 processes → exactly 2 ballots, 2 NOT_ELIGIBLE', async () => {
  await setAdults('h_jj_3_05', 2)
  await setAdults('h_jj_3_06', 2)
  const first = await addVoters(h, 4, { households: ['h_jj_3_05'] })
  const second = await addVoters(h, 4, { households: ['h_jj_3_06'], prefix: '乙' })
  const id = await openVote(h)
  for (const members of [first, second]) {
    const replies = await race({ location: h.location, action: 'motion.cast', payload: { id, choice: 'yes' }, userId: members.map((v) => v.id), processes: 4, perProcess: 1, userPerDispatch: true })
    expect(codes(replies)).toEqual({ ok: 2, NOT_ELIGIBLE: 2 })
    for (const r of replies) if (!r.ok) expect(r.error.message).toBe(FULL)
  }
  expect(await ballotRows(h, id)).toBe(4)
  expect(await voterRows(h, id)).toBe(4)
  const places = await h.sql.all("SELECT household_id, adults, voters FROM motion_household_adults WHERE motion_id = ? AND voters > 0 ORDER BY household_id", [id])
  expect(places).toEqual([
    { household_id: 'h_jj_3_05', adults: 2, voters: 2 },
    { household_id: 'h_jj_3_06', adults: 2, voters: 2 },
  ])
})

test('offline and online together: a roster-only member recorded offline takes a place of the household', async () => {
  await setAdults('h_jj_3_05', 2)
  const [paper] = await addVoters(h, 1, { households: ['h_jj_3_05'], rosterOnly: true })
  const [a, b, c] = await addVoters(h, 3, { households: ['h_jj_3_05'], prefix: '乙' })
  const id = await openVote(h)
  expect((await offline(id, paper!.id, 'no')).ok).toBe(true)
  expect((await cast(id, 'yes', a!.id)).ok).toBe(true)
  expect(errorOf(await offline(id, b!.id, 'yes'))).toBe('NOT_ELIGIBLE 该居民家花名册登记的成年人（2 人）都已投票')
  expect(errorOf(await cast(id, 'abstain', c!.id))).toBe(`NOT_ELIGIBLE ${FULL}`)
  await closeVote(h, id)
  const result = await h.ok<MotionResultView>('motion.result', { id }, COMMITTEE)
  expect(result.cast).toEqual({ online: 1, offline: 1, total: 2, households: 1 })
})

test('online and offline racing for the last place of a household → one ballot', async () => {
  await setAdults('h_jj_3_05', 1)
  const [a, b] = await addVoters(h, 2, { households: ['h_jj_3_05'] })
  const id = await openVote(h)
  const [online, recorded] = await Promise.all([
    race({ location: h.location, action: 'motion.cast', payload: { id, choice: 'yes' }, userId: a!.id, processes: 2, perProcess: 1 }),
    race({ location: h.location, action: 'motion.recordOffline', payload: { id, residentId: b!.id, choice: 'no' }, userId: COMMITTEE, processes: 2, perProcess: 1 }),
  ])
  const all = [...online, ...recorded]
  expect(all.filter((r) => r.ok)).toHaveLength(1)
  for (const r of all) if (!r.ok) expect(['ALREADY_VOTED', 'NOT_ELIGIBLE']).toContain(r.error.code)
  expect(await ballotRows(h, id)).toBe(1)
  expect(await voterRows(h, id)).toBe(1)
})

test('households motions are unaffected: one ballot per household, whatever its adults', async () => {
  await setAdults('h_jj_3_05', 0)
  const [a, b] = await addVoters(h, 2, { households: ['h_jj_3_05'] })
  const id = await openVote(h, { eligibility: 'households' })
  expect(await h.sql.get('SELECT count(*) AS n FROM motion_household_adults WHERE motion_id = ?', [id])).toEqual({ n: 0 })
  expect((await cast(id, 'yes', a!.id)).ok).toBe(true)
  expect(errorOf(await cast(id, 'no', b!.id))).toMatch(/^ALREADY_VOTED /)
  expect(await me(id, b!.id)).toEqual({ eligible: true, voted: true })
})
