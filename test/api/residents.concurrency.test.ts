/**
 * Concurrency of issue 3 with real parallel PROCESSES on one SQLite file (see notices.concurrency.test.ts
 * for why processes): two committee members deciding the same application, two residents claiming the
 * same 户主 seat, one resident tapping 申请成为志愿者 twenty times at once.
 */
import type { ResidentApplyResult } from '@/domain/residents'
import { makeHarness, type Harness } from './support/harness'
import { giveRosterPhone } from './support/verifiedPhone'
import { race } from './support/race'

jest.setTimeout(90_000)

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

test('two committee members review the same application at once (2 processes × 5) → exactly one decision', async () => {
  const second = await h.devLogin({ role: 'committee', communityId: 'c_jinjiang' })
  const applicant = await h.devLogin({ role: 'resident', verified: false })
  const app = await h.ok<ResidentApplyResult>('resident.apply', { gridId: 'g_jj_1', building: '1栋', unit: '1单元', room: '202', name: '并发审核', relation: 'member' }, applicant)
  const before = await h.counts()
  const replies = await race({
    location: h.location,
    action: 'resident.review',
    payload: { applicationId: app.applicationId, approve: true },
    userId: ['u_committee_jj', second],
    processes: 2,
    perProcess: 5,
  })
  expect(replies.filter((r) => r.ok)).toHaveLength(1)
  expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : `${r.error.code} ${r.error.message}`))).toEqual(Array(9).fill('CONFLICT 该申请已被处理'))
  expect(await h.counts()).toEqual({ ...before, audit_log: before.audit_log + 1 })
  expect(await h.sql.get('SELECT verified, household_id FROM users WHERE id = ?', [applicant])).toEqual({ verified: 1, household_id: 'h_jj_1_04' })
})

test('two residents claim the same 户主 seat at once (5 rounds) → one verified, one pending each time', async () => {
  for (const household of ['h_jj_2_03', 'h_jj_2_04', 'h_jj_2_05', 'h_jj_2_06', 'h_jj_2_07']) {
    const hh = (await h.sql.get('SELECT building, unit, room, head_name FROM households WHERE id = ?', [household])) as {
      building: string
      unit: string
      room: string
      head_name: string
    }
    const a = await h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_2' })
    const b = await h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_2' })
    // both hold the roster's phone verified (issue 16): the seat alone decides between them
    await giveRosterPhone(h, a, household)
    await giveRosterPhone(h, b, household)
    const replies = await race({
      location: h.location,
      action: 'resident.apply',
      payload: { gridId: 'g_jj_2', building: hh.building, unit: hh.unit, room: hh.room, name: hh.head_name, relation: 'head' },
      userId: [a, b],
      processes: 2,
      perProcess: 1,
    })
    const statuses = replies.map((r) => (r.ok ? (r.data as ResidentApplyResult).status : `error ${JSON.stringify(r.error)}`))
    expect(statuses.sort()).toEqual(['pending', 'verified'])
    const heads = (await h.sql.get("SELECT count(*) AS n FROM resident_applications WHERE household_id = ? AND relation = 'head' AND status = 'verified'", [household])) as { n: number }
    expect(heads.n).toBe(1)
    const bound = (await h.sql.get('SELECT count(*) AS n FROM users WHERE id IN (?, ?) AND household_id = ? AND verified = ?', [a, b, household, 1])) as { n: number }
    expect(bound.n).toBe(1)
  }
})

test('20 parallel volunteer.apply by one resident (4 processes × 5) → one application', async () => {
  const who = await h.devLogin({ role: 'resident', gridId: 'g_jj_3' })
  const before = await h.counts()
  const replies = await race({ location: h.location, action: 'volunteer.apply', payload: { skills: '并发' }, userId: who, processes: 4, perProcess: 5 })
  expect(replies.filter((r) => r.ok)).toHaveLength(1)
  expect(new Set(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code)))).toEqual(new Set(['CONFLICT']))
  expect(await h.counts()).toEqual({ ...before, volunteer_applications: before.volunteer_applications + 1 })
})

test('20 parallel resident.apply by one newcomer (4 processes × 5) → one pending application', async () => {
  const who = await h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_3' })
  const before = await h.counts()
  const replies = await race({
    location: h.location,
    action: 'resident.apply',
    payload: { gridId: 'g_jj_3', building: '3栋', unit: '1单元', room: '999', name: '并发', relation: 'tenant' },
    userId: who,
    processes: 4,
    perProcess: 5,
  })
  expect(replies.filter((r) => r.ok)).toHaveLength(1)
  expect(await h.counts()).toEqual({ ...before, resident_applications: before.resident_applications + 1 })
})
