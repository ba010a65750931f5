/**
 * First sign-in (issue 14): a new WeChat user starts in no community, is told so by what happens inside one
 * (NO_COMMUNITY, 请先选择您所在的社区), finds theirs in community.list and chooses it once with me.chooseCommunity.
 * Through the dispatcher on the run's engine; the store's conditional write itself: test/contract/community.contract.ts.
 */
import type { Me } from '@/domain/auth'
import type { CommunityChoice } from '@/domain/community'
import type { Page } from '@/domain/shared/text'
import { userForOpenid } from '../../cloud/auth'
import { makeCloudEntry } from '../../cloud/api/cloudEntry'
import { makeHarness, type Harness } from './support/harness'
import { codes, race } from './support/race'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const NO_COMMUNITY = { ok: false, error: { code: 'NO_COMMUNITY', message: '请先选择您所在的社区' } }

/** A new WeChat user, as both doors make one (auth.wxLogin and the cloud function call userForOpenid). */
async function newcomer(openid = 'o-newcomer'): Promise<string> {
  return (await userForOpenid(h.deps, openid)).id
}

const audits = async (userId: string) =>
  h.sql.all<{ action: string; community_id: string | null }>("SELECT action, community_id FROM audit_log WHERE target_id = ? AND action = 'me.chooseCommunity'", [userId])

describe('a new WeChat user', () => {
  test('starts in no community, through the cloud door too; what happens in a community says to choose one first', async () => {
    const main = makeCloudEntry(async () => h.deps, () => ({ OPENID: 'o-cloud-first' }))
    const session = await main({ action: 'auth.cloudLogin', payload: {} })
    expect(session).toMatchObject({ ok: true, data: { user: { roles: ['resident'], verified: false, communityId: null, communityName: null, gridId: null } } })
    expect(await main({ action: 'notice.list', payload: {} })).toEqual(NO_COMMUNITY)

    const id = await newcomer()
    for (const [action, payload] of [
      ['notice.list', {}],
      ['community.get', {}],
      ['report.create', { category: 'environment', description: '楼下垃圾桶满了两天没人清运' }],
      ['report.route', { latitude: 29.7, longitude: 120.2 }],
      ['report.nearby', { latitude: 29.7, longitude: 120.2, category: 'environment' }],
      ['report.list', { scope: 'public' }],
      ['report.deadlines', {}],
      ['motion.list', {}],
      ['rules.current', {}],
      ['rules.history', {}],
      ['shift.list', {}],
      ['volunteer.board', { month: '2025-03' }],
      ['volunteer.apply', { skills: '会急救', availability: '周末' }],
      ['resident.apply', { gridId: 'g_jj_1', building: '1栋', unit: '1单元', room: '101', name: '张三', relation: 'member' }],
    ] as const) {
      expect([action, await h.call(action, payload, id)]).toEqual([action, NO_COMMUNITY])
    }
    // their own things still answer: profile, messages, their reports
    expect(await h.ok<Me>('me.get', {}, id)).toMatchObject({ id, communityId: null })
    expect(await h.ok('message.list', {}, id)).toMatchObject({ items: [] })
    expect(await h.ok('report.list', { scope: 'mine' }, id)).toMatchObject({ items: [] })
    expect(h.errors).toEqual([])
  })

  test('finds their community and chooses it; then they are in it, and the choice is in the audit log', async () => {
    const id = await newcomer()
    const list = await h.ok<Page<CommunityChoice>>('community.list', {}, id)
    expect(list).toEqual({
      items: [
        { id: 'c_jinjiang', name: '锦江社区', streetName: '振兴街道', districtName: '滨江区' },
        { id: 'c_linjiang', name: '临江村', streetName: '振兴街道', districtName: '滨江区' },
      ],
      nextCursor: null,
    })
    const me = await h.ok<Me>('me.chooseCommunity', { communityId: 'c_linjiang' }, id)
    expect(me).toMatchObject({ id, communityId: 'c_linjiang', communityName: '临江村', gridId: null, verified: false, roles: ['resident'] })
    expect(await h.ok('community.get', {}, id)).toMatchObject({ id: 'c_linjiang', name: '临江村' })
    expect(await h.call('notice.list', {}, id)).toMatchObject({ ok: true })
    expect(await audits(id)).toEqual([{ action: 'me.chooseCommunity', community_id: 'c_linjiang' }])
  })

  test('the same choice again (a retry after a lost reply) gets the same answer; another community is refused', async () => {
    const id = await newcomer()
    const first = await h.ok<Me>('me.chooseCommunity', { communityId: 'c_jinjiang' }, id)
    expect(await h.ok<Me>('me.chooseCommunity', { communityId: 'c_jinjiang' }, id)).toEqual(first)
    const before = await h.counts()
    expect(await h.call('me.chooseCommunity', { communityId: 'c_linjiang' }, id)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '您已在锦江社区，如需更换社区，请联系所在社区的工作人员' },
    })
    expect(await h.counts()).toEqual(before)
    expect((await h.ok<Me>('me.get', {}, id)).communityId).toBe('c_jinjiang')
    expect(await audits(id)).toHaveLength(1)
  })
})

describe('community.list', () => {
  test('searches community, street and district names; pages by cursor', async () => {
    const id = await newcomer()
    const names = async (payload: object) => (await h.ok<Page<CommunityChoice>>('community.list', payload, id)).items.map((c) => c.name)
    expect(await names({ query: '临江' })).toEqual(['临江村'])
    expect(await names({ query: ' 振兴 ' })).toEqual(['锦江社区', '临江村'])
    expect(await names({ query: '滨江区' })).toEqual(['锦江社区', '临江村'])
    expect(await names({ query: '没有' })).toEqual([])
    expect(await names({ query: '' })).toEqual(['锦江社区', '临江村'])
    const first = await h.ok<Page<CommunityChoice>>('community.list', { limit: 1 }, id)
    expect(first.items.map((c) => c.id)).toEqual(['c_jinjiang'])
    const second = await h.ok<Page<CommunityChoice>>('community.list', { limit: 1, cursor: first.nextCursor }, id)
    expect(second).toEqual({ items: [expect.objectContaining({ id: 'c_linjiang' })], nextCursor: null })
  })

  test('staff and residents with a community may read it too; without a session it is UNAUTHENTICATED', async () => {
    expect(await h.call('community.list', {}, 'u_committee_jj')).toMatchObject({ ok: true })
    expect(await h.call('community.list', {}, 'u_resident_jj1')).toMatchObject({ ok: true })
    expect(await h.call('community.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  test.each([
    [{ limit: 0 }],
    [{ limit: 101 }],
    [{ query: '名'.repeat(21) }],
    [{ query: 5 }],
    [{ cursor: 'not-a-cursor' }],
    [{ cursor: Buffer.from(JSON.stringify([0, 'x'])).toString('base64url') }],
    [{ cursor: 'x'.repeat(201) }],
    [{ street: '振兴街道' }],
  ])('%j → INVALID_INPUT', async (payload) => {
    const id = await newcomer()
    expect(await h.call('community.list', payload, id)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('me.chooseCommunity refuses, writing nothing', () => {
  async function refused(as: string | null, payload: unknown, code: string, message?: string): Promise<void> {
    const before = await h.counts()
    const r = await h.call('me.chooseCommunity', payload, as)
    expect(r).toMatchObject({ ok: false, error: { code, ...(message ? { message } : {}) } })
    expect(await h.counts()).toEqual(before)
  }

  test('staff: whatever community they are in, and also with none', async () => {
    const staff = '工作人员所在的社区由管理员设置，不能自行选择'
    for (const as of ['u_committee_jj', 'u_worker_jj1', 'u_street', 'u_district', 'u_city']) {
      await refused(as, { communityId: 'c_linjiang' }, 'FORBIDDEN', staff)
      await refused(as, { communityId: 'c_jinjiang' }, 'FORBIDDEN', staff)
    }
    // a grid worker somehow left without a community still cannot place themselves
    await h.sql.run("UPDATE users SET community_id = NULL WHERE id = 'u_worker_jj1'")
    await refused('u_worker_jj1', { communityId: 'c_linjiang' }, 'FORBIDDEN', staff)
  })

  test('a resident with a community (verified or not, a volunteer) cannot hop to another', async () => {
    for (const as of ['u_resident_jj1', 'u_resident_jj3', 'u_volunteer_jj1', 'u_applicant_jj1']) {
      await refused(as, { communityId: 'c_linjiang' }, 'CONFLICT')
    }
    await refused('u_resident_lj1', { communityId: 'c_jinjiang' }, 'CONFLICT', '您已在临江村，如需更换社区，请联系所在社区的工作人员')
  })

  test('bad input and unknown communities', async () => {
    const id = await newcomer()
    await refused(id, { communityId: 'c_nowhere' }, 'NOT_FOUND', '没有找到这个社区，请重新选择')
    for (const payload of [{}, { communityId: '' }, { communityId: 5 }, { communityId: "c_jinjiang' OR 1=1 --" }, { communityId: 'c'.repeat(65) }, { communityId: 'c_jinjiang', userId: 'u_other' }, { communityId: 'c_jinjiang', __proto__: { x: 1 } }]) {
      await refused(id, payload, 'INVALID_INPUT')
    }
    await refused(null, { communityId: 'c_jinjiang' }, 'UNAUTHENTICATED')
    expect((await h.ok<Me>('me.get', {}, id)).communityId).toBeNull()
  })
})

describe('two choices at once', () => {
  test('different communities: one wins, the other is refused; the person is in the winner\'s community', async () => {
    const id = await newcomer()
    const [a, b] = await Promise.all([
      h.call<Me>('me.chooseCommunity', { communityId: 'c_jinjiang' }, id),
      h.call<Me>('me.chooseCommunity', { communityId: 'c_linjiang' }, id),
    ])
    expect(codes([a!, b!])).toEqual({ ok: 1, CONFLICT: 1 })
    const winner = (a!.ok ? a : b) as { ok: true; data: Me }
    expect((await h.ok<Me>('me.get', {}, id)).communityId).toBe(winner.data.communityId)
    expect(await audits(id)).toEqual([{ action: 'me.chooseCommunity', community_id: winner.data.communityId }])
  })

  test('the same choice from 2 processes × 4 at once: every reply ok, one write', async () => {
    const id = await newcomer()
    const replies = await race({ location: h.location, action: 'me.chooseCommunity', payload: { communityId: 'c_linjiang' }, userId: id, processes: 2, perProcess: 4 })
    expect(codes(replies)).toEqual({ ok: 8 })
    expect(await audits(id)).toHaveLength(1)
  }, 60_000)
})

test('the dev login and the demo users keep their communities', async () => {
  for (const role of ['resident', 'volunteer', 'gridWorker', 'committee', 'street'] as const) {
    const id = await h.devLogin({ role })
    expect((await h.ok<Me>('me.get', {}, id)).communityId).toBe('c_jinjiang')
  }
  expect(await h.ok<Me>('me.get', {}, 'u_resident_lj1')).toMatchObject({ communityId: 'c_linjiang', gridId: 'g_lj_1', verified: true })
})
