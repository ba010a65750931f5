/**
 * Behaviour of 住户认证, the roster, the committee's people work and me.setPhone through dispatch(),
 * with masking (个人信息保护法) asserted on every reply that carries a person.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Me } from '@/domain/auth'
import { maskName, maskPhone } from '@/domain/shared/mask'
import type { HouseholdView, ResidentApplicationView, ResidentApplyResult } from '@/domain/residents'
import type { MemberView } from '@/domain/members'
import type { VolunteerApplicationView } from '@/domain/volunteers'
import type { Page } from '@/domain/shared/text'
import { wechatPhoneNumber } from '../../cloud/adapters/wechat/phoneNumber'
import { makeHarness, type Harness } from './support/harness'
import { giveRosterPhone } from './support/verifiedPhone'

const COMMITTEE = 'u_committee_jj'
let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const newcomer = (gridId = 'g_jj_1') => h.devLogin({ role: 'resident', verified: false, gridId })
const apply = (who: string, over: Record<string, unknown> = {}) =>
  h.call<ResidentApplyResult>('resident.apply', { gridId: 'g_jj_1', building: '1栋', unit: '1单元', room: '101', name: '王建华', relation: 'head', ...over }, who)
const me = (who: string) => h.ok<Me>('me.get', {}, who)
const userRow = async (id: string) => await h.sql.get('SELECT verified, household_id, grid_id FROM users WHERE id = ?', [id])

describe('resident.apply', () => {
  test('the 户主 of a roster room with the roster name is verified at once and bound to the household', async () => {
    // the seeded 户主 王建华 of 1栋1单元101 holds that seat already: use a free household (1栋1单元201, 李秀敏? read it)
    const hh = (await h.sql.get("SELECT id, head_name FROM households WHERE id = 'h_jj_1_03'")) as { id: string; head_name: string }
    const who = await newcomer()
    await giveRosterPhone(h, who, hh.id)
    const r = await apply(who, { room: '201', name: ` ${hh.head_name} ` })
    expect(r).toMatchObject({ ok: true, data: { status: 'verified' } })
    expect(await userRow(who)).toEqual({ verified: 1, household_id: hh.id, grid_id: 'g_jj_1' })
    const m = await me(who)
    expect(m.verified).toBe(true)
    // the 户主 sees their own name in full
    expect(m.household).toEqual({ id: hh.id, gridName: '第一网格', building: '1栋', unit: '1单元', room: '201', headName: hh.head_name, relation: 'head' })
  })

  test('a 户主 claim of a household whose 户主 seat is taken stays pending', async () => {
    const who = await newcomer()
    const r = await apply(who) // 王建华 of 1栋1单元101 is u_resident_jj1, verified as 户主 in the seed
    expect(r).toMatchObject({ ok: true, data: { status: 'pending' } })
    expect(await userRow(who)).toMatchObject({ verified: 0, household_id: null })
  })

  test('a name that differs, a member, a room not in the roster → pending', async () => {
    for (const over of [{ room: '201', name: '别人' }, { room: '202', relation: 'member', name: '家人' }, { building: '99栋', name: '租客', relation: 'tenant' }]) {
      const who = await newcomer()
      expect(await apply(who, over)).toMatchObject({ ok: true, data: { status: 'pending' } })
    }
  })

  test('one pending application at a time; after rejection a new one; verified → CONFLICT', async () => {
    const who = await newcomer()
    const first = await apply(who, { room: '201', name: '别人' })
    if (!first.ok) throw new Error('apply failed')
    const before = await h.counts()
    expect(await apply(who, { room: '202', name: '别人' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已有待审核的申请' } })
    expect(await h.counts()).toEqual(before)

    await h.ok('resident.review', { applicationId: first.data.applicationId, approve: false, reason: '房号与花名册不符' }, COMMITTEE)
    const mine = await h.ok<ResidentApplicationView>('resident.myApplication', {}, who)
    expect(mine).toMatchObject({ status: 'rejected', reason: '房号与花名册不符', name: '别人' })

    const again = await apply(who, { room: '202', name: '别人', relation: 'member' })
    expect(again).toMatchObject({ ok: true, data: { status: 'pending' } })
    expect(await h.ok<ResidentApplicationView>('resident.myApplication', {}, who)).toMatchObject({ status: 'pending', room: '202', reason: null })

    expect(await apply('u_resident_jj1')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('myApplication is null before applying', async () => {
    expect(await h.ok('resident.myApplication', {}, await newcomer())).toBeNull()
  })
})

describe('resident.review', () => {
  test('approval binds the applicant to the roster household of that room, with an audit entry', async () => {
    const who = await newcomer()
    const r = await apply(who, { room: '202', name: '家人', relation: 'member' })
    if (!r.ok) throw new Error('apply failed')
    const before = await h.counts()
    const v = await h.ok<ResidentApplicationView>('resident.review', { applicationId: r.data.applicationId, approve: true }, COMMITTEE)
    expect(v).toMatchObject({ status: 'verified', householdId: 'h_jj_1_04', name: '家人', reviewedAt: expect.any(String) })
    expect(await userRow(who)).toEqual({ verified: 1, household_id: 'h_jj_1_04', grid_id: 'g_jj_1' })
    expect((await h.counts()).audit_log).toBe(before.audit_log + 1)
    const [audit] = await h.store.audit.list({ targetId: r.data.applicationId, limit: 1 })
    expect(audit).toMatchObject({ action: 'resident.review', actorId: COMMITTEE, detail: { approve: true, householdId: 'h_jj_1_04' } })
    // a member sees the 户主's name masked
    const m = await me(who)
    const head = ((await h.sql.get("SELECT head_name FROM households WHERE id = 'h_jj_1_04'")) as { head_name: string }).head_name
    expect(m.household).toMatchObject({ headName: maskName(head), relation: 'member' })
    expect(m.household?.headName).not.toBe(head)
    // decided once: a second review is CONFLICT and writes nothing
    const after = await h.counts()
    expect(await h.call('resident.review', { applicationId: r.data.applicationId, approve: false, reason: '重复' }, COMMITTEE)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该申请已被处理' },
    })
    expect(await h.counts()).toEqual(after)
  })

  test('approving a room that is not in the roster → CONFLICT; after importing it, approval works', async () => {
    const who = await newcomer('g_jj_2')
    const r = await apply(who, { gridId: 'g_jj_2', building: '9栋', unit: '', room: '502', name: '郑某', relation: 'tenant' })
    if (!r.ok) throw new Error('apply failed')
    const before = await h.counts()
    expect(await h.call('resident.review', { applicationId: r.data.applicationId, approve: true }, COMMITTEE)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '花名册里没有这户，请先导入或登记' },
    })
    expect(await h.counts()).toEqual(before)
    const list = await h.ok<Page<ResidentApplicationView>>('resident.applications', { status: 'pending' }, COMMITTEE)
    expect(list.items.find((a) => a.id === r.data.applicationId)).toMatchObject({ matchesRoster: false, householdId: null })
    await h.ok('household.import', { csv: '网格,楼栋/组,单元,房号,户主姓名,成年人数\n第二网格,9栋,,502,郑某,2' }, COMMITTEE)
    const list2 = await h.ok<Page<ResidentApplicationView>>('resident.applications', { status: 'pending' }, COMMITTEE)
    expect(list2.items.find((a) => a.id === r.data.applicationId)).toMatchObject({ matchesRoster: true, householdId: expect.any(String) })
    expect(await h.ok('resident.review', { applicationId: r.data.applicationId, approve: true }, COMMITTEE)).toMatchObject({ status: 'verified' })
  })

  test('rejecting needs a reason; unknown application → NOT_FOUND', async () => {
    const who = await newcomer()
    const r = await apply(who, { room: '201', name: '别人' })
    if (!r.ok) throw new Error('apply failed')
    expect(await h.call('resident.review', { applicationId: r.data.applicationId, approve: false }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.call('resident.review', { applicationId: 'nope', approve: true }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('the seeded pending applications are listed newest first and page by cursor', async () => {
    const all = await h.ok<Page<ResidentApplicationView>>('resident.applications', { status: 'pending' }, COMMITTEE)
    expect(all.items.map((a) => a.id)).toEqual(['ra_pending_a2', 'ra_pending_a1', 'ra_pending_jj3'])
    // committee sees applicants' names in full
    expect(all.items.map((a) => a.name)).toEqual(['郑海涛', '吴永丽', '张国军'])
    const p1 = await h.ok<Page<ResidentApplicationView>>('resident.applications', { status: 'pending', limit: 2 }, COMMITTEE)
    expect(p1.items).toHaveLength(2)
    const p2 = await h.ok<Page<ResidentApplicationView>>('resident.applications', { status: 'pending', limit: 2, cursor: p1.nextCursor }, COMMITTEE)
    expect(p2).toMatchObject({ items: [{ id: 'ra_pending_jj3' }], nextCursor: null })
    expect(await h.call('resident.applications', { cursor: 'garbage' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // 临江村's committee sees none of 锦江's
    const other = await h.ok<Page<ResidentApplicationView>>('resident.applications', {}, 'u_committee_lj')
    expect(other.items.every((a) => a.gridId.startsWith('g_lj'))).toBe(true)
  })
})

describe('household.list and household.export', () => {
  test('keyset paging covers the community once, in roster order, with full data for the committee', async () => {
    const seen: HouseholdView[] = []
    let cursor: string | null = null
    do {
      const page: Page<HouseholdView> = await h.ok('household.list', { limit: 7, ...(cursor ? { cursor } : {}) }, COMMITTEE)
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(30)
    expect(new Set(seen.map((x) => x.id)).size).toBe(30)
    expect(seen[0]).toEqual({
      id: 'h_jj_1_01', gridId: 'g_jj_1', gridName: '第一网格', building: '1栋', unit: '1单元', room: '101',
      headName: '王建华', adults: 1, phone: '13900000010', members: 1,
    })
    expect(seen.map((x) => x.gridId)).toEqual([...Array(10).fill('g_jj_1'), ...Array(10).fill('g_jj_2'), ...Array(10).fill('g_jj_3')])
  })

  test('a grid worker gets full names and phones for their grid', async () => {
    const page = await h.ok<Page<HouseholdView>>('household.list', { gridId: 'g_jj_1', limit: 1 }, 'u_worker_jj1')
    expect(page.items[0]).toMatchObject({ headName: '王建华', phone: '13900000010' })
  })

  test('export: template columns, BOM, formula cells neutralised, one audit entry per export', async () => {
    await h.sql.run("UPDATE households SET head_name = '=HYPERLINK(\"http://x\")' WHERE id = 'h_jj_1_02'")
    const before = await h.counts()
    const r = await h.ok<{ csv: string; rows: number }>('household.export', { gridId: 'g_jj_1' }, COMMITTEE)
    expect(r.rows).toBe(10)
    const lines = r.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(r.csv.startsWith('\uFEFF')).toBe(true)
    expect(lines[0]).toBe('网格,楼栋/组,单元,房号,户主姓名,成年人数,联系电话')
    expect(lines[1]).toBe('第一网格,1栋,1单元,101,王建华,1,13900000010')
    expect(lines[2]).toBe(`第一网格,1栋,1单元,102,"'=HYPERLINK(""http://x"")",2,13900000011`)
    expect((await h.counts()).audit_log).toBe(before.audit_log + 1)
    const [audit] = await h.store.audit.list({ limit: 1 })
    expect(audit).toMatchObject({ action: 'household.export', actorId: COMMITTEE, targetId: 'g_jj_1', detail: { gridId: 'g_jj_1', rows: 10 }, at: expect.any(String) })
    const all = await h.ok<{ rows: number }>('household.export', {}, COMMITTEE)
    expect(all.rows).toBe(30)
    expect((await h.counts()).audit_log).toBe(before.audit_log + 2)
  })

  test('an export re-imports as all unchanged', async () => {
    const r = await h.ok<{ csv: string }>('household.export', {}, COMMITTEE)
    expect(await h.ok('household.import', { csv: r.csv }, COMMITTEE)).toEqual({ added: 0, updated: 0, unchanged: 30, rejected: [] })
  })
})

describe('resident.register, member.list, member.assignGrids', () => {
  test('a roster-only resident: verified, bound, no openid, counted as a member of the household', async () => {
    const before = await h.counts()
    const m = await h.ok<MemberView>('resident.register', { householdId: 'h_jj_1_05', name: '老人甲', phone: '138-0000-9999' }, COMMITTEE)
    expect(m).toMatchObject({ name: '老人甲', phone: '13800009999', roles: ['resident'], gridId: 'g_jj_1', verified: true, rosterOnly: true, grids: [] })
    expect(await h.sql.get('SELECT openid, household_id FROM users WHERE id = ?', [m.id])).toEqual({ openid: null, household_id: 'h_jj_1_05' })
    expect(await h.counts()).toMatchObject({ users: before.users + 1, audit_log: before.audit_log + 1 })
    const page = await h.ok<Page<HouseholdView>>('household.list', { gridId: 'g_jj_1', limit: 100 }, COMMITTEE)
    expect(page.items.find((x) => x.id === 'h_jj_1_05')?.members).toBe(1)
    expect(await h.call('resident.register', { householdId: 'nope', name: '某' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('member.list filters by role and by name or phone digits, full data for the committee, pages by cursor', async () => {
    const workers = await h.ok<Page<MemberView>>('member.list', { role: 'gridWorker' }, COMMITTEE)
    expect(workers.items.map((w) => w.id).sort()).toEqual(['u_worker_jj1', 'u_worker_jj2'])
    expect(workers.items.find((w) => w.id === 'u_worker_jj2')).toMatchObject({ name: '周强', phone: '13800000005', grids: [{ id: 'g_jj_2' }, { id: 'g_jj_3' }] })
    expect((await h.ok<Page<MemberView>>('member.list', { query: '建华' }, COMMITTEE)).items.map((x) => x.id)).toEqual(['u_resident_jj1'])
    expect((await h.ok<Page<MemberView>>('member.list', { query: '0000004' }, COMMITTEE)).items.map((x) => x.id).sort()).toEqual(['u_volunteer_jj1', 'u_worker_jj1'])
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const p: Page<MemberView> = await h.ok('member.list', { limit: 3, ...(cursor ? { cursor } : {}) }, COMMITTEE)
      ids.push(...p.items.map((x) => x.id))
      cursor = p.nextCursor
    } while (cursor)
    const expected = ((await h.sql.all("SELECT id FROM users WHERE community_id = 'c_jinjiang'")) as { id: string }[]).map((r) => r.id)
    expect(ids.sort()).toEqual(expected.sort())
  })

  test('assignGrids sets exactly those grids, [] removes the role; each change audited, a no-op writes nothing', async () => {
    const who = await h.devLogin({ role: 'resident', gridId: 'g_jj_3' })
    const a = await h.ok<MemberView>('member.assignGrids', { userId: who, gridIds: ['g_jj_2', 'g_jj_1', 'g_jj_1'] }, COMMITTEE)
    expect(a.roles.sort()).toEqual(['gridWorker', 'resident'])
    expect(a.grids.map((g) => g.id)).toEqual(['g_jj_1', 'g_jj_2'])
    const mid = await h.counts()
    await h.ok('member.assignGrids', { userId: who, gridIds: ['g_jj_1', 'g_jj_2'] }, COMMITTEE)
    expect(await h.counts()).toEqual(mid)
    const b = await h.ok<MemberView>('member.assignGrids', { userId: who, gridIds: [] }, COMMITTEE)
    expect(b).toMatchObject({ roles: ['resident'], grids: [] })
    const audits = (await h.store.audit.list({ targetId: who, limit: 10 })).map((x) => x.detail)
    expect(audits).toEqual([
      { before: ['g_jj_1', 'g_jj_2'], after: [], role: 'removed' },
      { before: [], after: ['g_jj_1', 'g_jj_2'], role: 'added' },
    ])
    // the new grid worker now lists their grid's households
    await h.ok('member.assignGrids', { userId: who, gridIds: ['g_jj_3'] }, COMMITTEE)
    expect((await h.ok<Page<HouseholdView>>('household.list', {}, who)).items.every((x) => x.gridId === 'g_jj_3')).toBe(true)
    // a grid of another community, an unknown person
    expect(await h.call('member.assignGrids', { userId: who, gridIds: ['g_lj_1'] }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('member.assignGrids', { userId: 'nobody', gridIds: [] }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('member.assignGrids: only someone verified or already staff', () => {
  test('an unverified resident → CONFLICT, nothing written; once verified it works; staff need no verification', async () => {
    const who = await newcomer()
    const before = await h.counts()
    expect(await h.call('member.assignGrids', { userId: who, gridIds: ['g_jj_1'] }, COMMITTEE)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '请先完成住户认证，再指定为网格员' },
    })
    expect(await h.counts()).toEqual(before)
    const r = await apply(who, { room: '202', name: '家人', relation: 'member' })
    if (!r.ok) throw new Error('apply failed')
    await h.ok('resident.review', { applicationId: r.data.applicationId, approve: true }, COMMITTEE)
    expect(await h.ok<MemberView>('member.assignGrids', { userId: who, gridIds: ['g_jj_1'] }, COMMITTEE)).toMatchObject({ grids: [{ id: 'g_jj_1' }] })
    // a grid worker and a committee member (staff, not residents) can be given grids
    const worker = (await h.sql.get("SELECT verified FROM users WHERE id = 'u_worker_jj1'")) as { verified: number }
    expect(worker.verified).toBe(0)
    expect(await h.ok<MemberView>('member.assignGrids', { userId: 'u_worker_jj1', gridIds: ['g_jj_3'] }, COMMITTEE)).toMatchObject({ grids: [{ id: 'g_jj_3' }] })
    expect(await h.call('member.assignGrids', { userId: COMMITTEE, gridIds: ['g_jj_2'] }, COMMITTEE)).toMatchObject({ ok: true })
  })
})

describe('volunteer.*', () => {
  test('apply → pending; again → CONFLICT; approve gives the role with the decision; unverified → FORBIDDEN', async () => {
    const who = await h.devLogin({ role: 'resident', gridId: 'g_jj_1', name: '钱某明' })
    const v = await h.ok<VolunteerApplicationView>('volunteer.apply', { skills: ' 电工 ', availability: '' }, who)
    expect(v).toMatchObject({ status: 'pending', name: '钱某明', skills: '电工', availability: null, gridName: '第一网格' })
    expect(await h.call('volunteer.apply', {}, who)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已有待审核的申请' } })
    const before = await h.counts()
    const done = await h.ok<VolunteerApplicationView>('volunteer.review', { applicationId: v.id, approve: true }, COMMITTEE)
    expect(done.status).toBe('verified')
    expect(await h.counts()).toMatchObject({ user_roles: before.user_roles + 1, audit_log: before.audit_log + 1 })
    expect((await me(who)).roles.sort()).toEqual(['resident', 'volunteer'])
    expect(await h.call('volunteer.apply', {}, who)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '你已经是志愿者了' } })
    expect(await h.call('volunteer.review', { applicationId: v.id, approve: false, reason: '晚了' }, COMMITTEE)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该申请已被处理' } })
    expect(await h.call('volunteer.apply', {}, await newcomer())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '请先完成住户认证' } })
  })

  test('rejection with a reason; the applicant reads it and may apply again', async () => {
    const who = await h.devLogin({ role: 'resident', gridId: 'g_jj_1' })
    const v = await h.ok<VolunteerApplicationView>('volunteer.apply', {}, who)
    await h.ok('volunteer.review', { applicationId: v.id, approve: false, reason: '名额已满' }, COMMITTEE)
    expect(await h.ok('volunteer.myApplication', {}, who)).toMatchObject({ status: 'rejected', reason: '名额已满' })
    expect(await h.ok('volunteer.apply', {}, who)).toMatchObject({ status: 'pending' })
  })

  test('the seeded volunteer application is listed for the committee with full contact data', async () => {
    const p = await h.ok<Page<VolunteerApplicationView>>('volunteer.applications', { status: 'pending' }, COMMITTEE)
    expect(p.items).toEqual([expect.objectContaining({ id: 'va_jj2', name: '李秀芳', phone: '13900000002', skills: '退休护士，会急救' })])
    expect((await h.ok<Page<VolunteerApplicationView>>('volunteer.applications', {}, 'u_committee_lj')).items).toEqual([])
  })
})

describe('me.setPhone', () => {
  test('a typed phone is saved (spaces and dashes dropped); a bad one is INVALID_INPUT', async () => {
    const who = await newcomer()
    expect(await h.ok<Me>('me.setPhone', { phone: '139 1234-5678' }, who)).toMatchObject({ phone: '13912345678' })
    const before = await h.counts()
    expect(await h.call('me.setPhone', { phone: '12345' }, who)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.call('me.setPhone', { phone: '13912345678', phoneCode: 'x' }, who)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.counts()).toEqual(before)
  })

  test('phoneCode without WeChat configured → FORBIDDEN', async () => {
    expect(await h.call('me.setPhone', { phoneCode: 'abc' }, await newcomer())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '未配置微信手机号快速验证，请直接填写' },
    })
  })

  describe('against a local getuserphonenumber stub', () => {
    let stub: http.Server
    let base: string
    const calls: string[] = []
    let tokenN = 0
    beforeAll(async () => {
      stub = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://stub')
        res.setHeader('content-type', 'application/json')
        if (url.pathname === '/cgi-bin/token') {
          calls.push(`token ${url.searchParams.get('appid')} ${url.searchParams.get('grant_type')}`)
          return res.end(JSON.stringify({ access_token: `AT${++tokenN}`, expires_in: 7200 }))
        }
        if (url.pathname === '/wxa/business/getuserphonenumber' && req.method === 'POST') {
          let body = ''
          req.on('data', (d) => (body += d))
          req.on('end', () => {
            const { code } = JSON.parse(body) as { code: string }
            const at = url.searchParams.get('access_token')
            calls.push(`phone ${at} ${code}`)
            if (at === 'AT1' && code === 'after-expiry') return res.end(JSON.stringify({ errcode: 42001, errmsg: 'access_token expired' }))
            if (code === 'used') return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }))
            if (code === 'foreign') return res.end(JSON.stringify({ errcode: 0, phone_info: { phoneNumber: '+1 2025550123', purePhoneNumber: '2025550123', countryCode: '1' } }))
            res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '13700001234', purePhoneNumber: '13700001234', countryCode: '86' } }))
          })
          return
        }
        res.statusCode = 404
        res.end('{}')
      })
      await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r))
      base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
    })
    afterAll(() => new Promise<void>((r) => stub.close(() => r())))

    test('the code becomes the number; the access token is fetched once and reused until it expires', async () => {
      h.deps.wechatPhone = wechatPhoneNumber({ apiBase: base, appid: 'wx-app', secret: 's' }, h.clock)
      const who = await newcomer()
      expect(await h.ok<Me>('me.setPhone', { phoneCode: 'c1' }, who)).toMatchObject({ phone: '13700001234' })
      await h.ok('me.setPhone', { phoneCode: 'c2' }, who)
      expect(calls).toEqual(['token wx-app client_credential', 'phone AT1 c1', 'phone AT1 c2'])
      // a token WeChat says expired is replaced once and the call retried
      await h.ok('me.setPhone', { phoneCode: 'after-expiry' }, who)
      expect(calls.slice(3)).toEqual(['phone AT1 after-expiry', 'token wx-app client_credential', 'phone AT2 after-expiry'])
      // and after its lifetime the clock alone triggers a new one
      h.clock.advance(2 * 3600 * 1000)
      await h.ok('me.setPhone', { phoneCode: 'c3' }, who)
      expect(calls.slice(6)).toEqual(['token wx-app client_credential', 'phone AT3 c3'])
      expect(await h.call('me.setPhone', { phoneCode: 'used' }, who)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(await h.call('me.setPhone', { phoneCode: 'foreign' }, who)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect((await me(who)).phone).toBe('13700001234')
    })
  })
})

describe('masking (个人信息保护法)', () => {
  test('me.get: a resident who is not the 户主 sees the head’s name masked; the 户主 sees it in full', async () => {
    const head = await me('u_resident_jj1')
    expect(head.household).toMatchObject({ headName: '王建华', relation: 'head' })
    const member = await me('u_volunteer_jj1') // 1栋1单元102, relation member
    expect(member.household).toMatchObject({ relation: 'member', headName: maskName('李秀芳') })
    expect(JSON.stringify(member)).not.toContain('李秀芳')
  })

  test('a resident’s own application carries their full name; nobody else’s data is reachable', async () => {
    const who = await newcomer()
    await apply(who, { room: '201', name: '孙某某', relation: 'member' })
    const mine = await h.ok<ResidentApplicationView>('resident.myApplication', {}, who)
    expect(mine.name).toBe('孙某某')
    for (const [action, payload] of [
      ['household.list', {}],
      ['member.list', {}],
      ['resident.applications', {}],
      ['volunteer.applications', {}],
      ['household.export', {}],
    ] as const) {
      const r = await h.call(action, payload, 'u_resident_jj1')
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(JSON.stringify(r)).not.toMatch(/孙某某|王建华|13900000/)
    }
  })

  test('the applicant never learns the roster: matchesRoster false, householdId null; the committee sees both', async () => {
    // 王建华 is the roster 户主 of 1栋1单元101 (h_jj_1_01) and that seat is taken: a claim with that name stays pending
    const who = await newcomer()
    const r = await apply(who)
    if (!r.ok) throw new Error('apply failed')
    expect(r.data).toEqual({ status: 'pending', applicationId: expect.any(String) })
    const mine = await h.ok<ResidentApplicationView>('resident.myApplication', {}, who)
    expect(mine).toMatchObject({ id: r.data.applicationId, matchesRoster: false, householdId: null })
    expect(JSON.stringify(mine)).not.toContain('h_jj_1_01')
    const listed = (await h.ok<Page<ResidentApplicationView>>('resident.applications', { status: 'pending' }, COMMITTEE)).items.find((a) => a.id === r.data.applicationId)
    expect(listed).toMatchObject({ matchesRoster: true, householdId: 'h_jj_1_01' })
    // verified at once: still nothing of the roster in the applicant's view
    const hh = (await h.sql.get("SELECT head_name FROM households WHERE id = 'h_jj_1_03'")) as { head_name: string }
    const other = await newcomer()
    await giveRosterPhone(h, other, 'h_jj_1_03')
    expect(await apply(other, { room: '201', name: hh.head_name })).toMatchObject({ ok: true, data: { status: 'verified' } })
    expect(await h.ok('resident.myApplication', {}, other)).toMatchObject({ status: 'verified', matchesRoster: false, householdId: null })
  })

  test('maskPhone is what a masked phone looks like', () => {
    expect(maskPhone('13900000010')).toBe('139****0010')
  })
})

describe('verification sets the user’s name to the verified one', () => {
  const nameOf = async (id: string) => ((await h.sql.get('SELECT name FROM users WHERE id = ?', [id])) as { name: string }).name

  test('verified at once: users.name becomes the roster 户主 name as applied', async () => {
    const hh = (await h.sql.get("SELECT head_name FROM households WHERE id = 'h_jj_1_03'")) as { head_name: string }
    const who = await h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_1', name: '微信用户 AB12' })
    await giveRosterPhone(h, who, 'h_jj_1_03')
    expect(await apply(who, { room: '201', name: hh.head_name })).toMatchObject({ ok: true, data: { status: 'verified' } })
    expect(await nameOf(who)).toBe(hh.head_name)
    expect((await me(who)).name).toBe(hh.head_name)
  })

  test('verified by review: users.name becomes the applied name; a rejection leaves it', async () => {
    const who = await h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_1', name: '微信用户 CD34' })
    const r = await apply(who, { room: '202', name: '家人', relation: 'member' })
    if (!r.ok) throw new Error('apply failed')
    await h.ok('resident.review', { applicationId: r.data.applicationId, approve: false, reason: '请核实' }, COMMITTEE)
    expect(await nameOf(who)).toBe('微信用户 CD34')
    const again = await apply(who, { room: '202', name: '家人', relation: 'member' })
    if (!again.ok) throw new Error('apply failed')
    await h.ok('resident.review', { applicationId: again.data.applicationId, approve: true }, COMMITTEE)
    expect(await nameOf(who)).toBe('家人')
  })
})
