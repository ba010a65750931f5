/**
 * requestId on the residents' writes (resident.register, resident.apply, volunteer.apply): a retried write
 * is one record and gets the first reply; the same requestId with another input is a CONFLICT (as
 * notice.publish). And one person per name in a household for resident.register.
 */
import type { ResidentApplyResult } from '@/domain/residents'
import type { MemberView } from '@/domain/members'
import type { VolunteerApplicationView } from '@/domain/volunteers'
import { makeHarness, type Harness } from './support/harness'
import { giveRosterPhone } from './support/verifiedPhone'

const COMMITTEE = 'u_committee_jj'
let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const KEY = 'retry-key-0001'

describe('resident.register', () => {
  const input = { householdId: 'h_jj_1_05', name: '老人甲', phone: '13800009999' }

  test('the same requestId twice → one roster-only user, the same MemberView', async () => {
    const before = await h.counts()
    const first = await h.ok<MemberView>('resident.register', input, COMMITTEE, KEY)
    const again = await h.ok<MemberView>('resident.register', input, COMMITTEE, KEY)
    expect(again).toEqual(first)
    expect(await h.counts()).toMatchObject({ users: before.users + 1, audit_log: before.audit_log + 1, idempotency: before.idempotency + 1 })
  })

  test('the same requestId with another input → CONFLICT, nothing written', async () => {
    await h.ok('resident.register', input, COMMITTEE, KEY)
    const before = await h.counts()
    expect(await h.call('resident.register', { ...input, name: '老人乙' }, COMMITTEE, KEY)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.counts()).toEqual(before)
  })

  test('the same name twice in one household → CONFLICT 该户已登记过这个人 (spaces ignored); another household is fine', async () => {
    await h.ok('resident.register', input, COMMITTEE)
    const before = await h.counts()
    for (const name of ['老人甲', '老 人甲']) {
      expect(await h.call('resident.register', { ...input, name }, COMMITTEE, `other-key-${name.length}`)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: '该户已登记过这个人' },
      })
    }
    expect(await h.counts()).toEqual(before)
    expect(await h.call('resident.register', { ...input, householdId: 'h_jj_1_04' }, COMMITTEE)).toMatchObject({ ok: true })
    // a verified app user of the household counts too: 王建华 is the seeded 户主 of h_jj_1_01
    const head = (await h.sql.all("SELECT name FROM users WHERE household_id = 'h_jj_1_01'")) as { name: string }[]
    expect(await h.call('resident.register', { householdId: 'h_jj_1_01', name: head[0]!.name }, COMMITTEE)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该户已登记过这个人' },
    })
  })
})

describe('resident.apply', () => {
  const apply = (who: string, over: Record<string, unknown> = {}, key = KEY) =>
    h.call<ResidentApplyResult>('resident.apply', { gridId: 'g_jj_1', building: '1栋', unit: '1单元', room: '201', name: '别人', relation: 'member', ...over }, who, key)

  test('a retried pending apply gets the first reply, not CONFLICT; one application', async () => {
    const who = await h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_1' })
    const before = await h.counts()
    const first = await apply(who)
    expect(first).toMatchObject({ ok: true, data: { status: 'pending' } })
    expect(await apply(who)).toEqual(first)
    expect(await h.counts()).toMatchObject({ resident_applications: before.resident_applications + 1, idempotency: before.idempotency + 1 })
  })

  test('a retried apply that verified at once gets the first reply, not 你已完成住户认证', async () => {
    const hh = (await h.sql.get("SELECT head_name FROM households WHERE id = 'h_jj_1_03'")) as { head_name: string }
    const who = await h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_1' })
    await giveRosterPhone(h, who, 'h_jj_1_03')
    const first = await apply(who, { name: hh.head_name, relation: 'head' })
    expect(first).toMatchObject({ ok: true, data: { status: 'verified' } })
    expect(await apply(who, { name: hh.head_name, relation: 'head' })).toEqual(first)
    // without the requestId it is a new request: CONFLICT as before
    expect(await apply(who, { name: hh.head_name, relation: 'head' }, 'another-key-01')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '你已完成住户认证' } })
  })

  test('the same requestId with another input → CONFLICT, nothing written', async () => {
    const who = await h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_1' })
    await apply(who)
    const before = await h.counts()
    expect(await apply(who, { room: '202' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('请求编号') } })
    expect(await h.counts()).toEqual(before)
  })
})

describe('volunteer.apply', () => {
  test('a retried apply gets the first application, even after approval; another input → CONFLICT', async () => {
    const who = await h.devLogin({ role: 'resident', gridId: 'g_jj_1' })
    const before = await h.counts()
    const first = await h.ok<VolunteerApplicationView>('volunteer.apply', { skills: '电工' }, who, KEY)
    expect(await h.ok('volunteer.apply', { skills: '电工' }, who, KEY)).toEqual(first)
    expect(await h.counts()).toMatchObject({ volunteer_applications: before.volunteer_applications + 1, idempotency: before.idempotency + 1 })
    await h.ok('volunteer.review', { applicationId: first.id, approve: true }, COMMITTEE)
    expect(await h.ok('volunteer.apply', { skills: '电工' }, who, KEY)).toMatchObject({ id: first.id, status: 'verified' })
    expect(await h.call('volunteer.apply', { skills: '木工' }, who, KEY)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.call('volunteer.apply', { skills: '电工' }, who, 'another-key-01')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '你已经是志愿者了' } })
  })
})
