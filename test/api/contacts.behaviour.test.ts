/**
 * 党员干部联系户 through the dispatcher (issue 17): the committee makes cadres and assigns households, a cadre logs
 * contacts and raises a report on a household's behalf, a resident sees their contact, the committee's overview.
 */
import type { CadreView, ContactAssignment, ContactLogView, ContactMine, ContactOverview } from '@/domain/contacts'
import { MAX_HOUSEHOLDS_PER_CADRE } from '@/domain/contacts'
import { makeHarness, NOW, type Harness } from './support/harness'
import { COMMITTEE, VERIFIED, WORKER } from './support/demoUsers'

const DEMO_CADRE = 'u_volunteer_jj1'
const CADRE = 'u_resident_jj2' // 李秀芳, verified in 第二网格

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const minutesAgo = (n: number) => new Date(Date.parse(NOW) - n * 60_000).toISOString()

async function makeCadre(userId = CADRE, publishPhone = true): Promise<CadreView> {
  return h.ok<CadreView>('contact.setCadre', { userId, title: 'buildingHead', publishPhone, publicNote: '晚上在家' }, COMMITTEE)
}

test('the demo seed: the resident sees their contact with the published phone; the cadre sees their households oldest first', async () => {
  const mine = await h.ok<ContactMine>('contact.mine', {}, VERIFIED)
  expect(mine).toEqual({
    contact: { name: '杨春敏', title: 'partyMember', phone: '13900000004', publicNote: '工作日晚上 7 点后方便接电话' },
    cadre: null,
  })
  const cadre = await h.ok<ContactMine>('contact.mine', {}, DEMO_CADRE)
  expect(cadre.cadre?.title).toBe('partyMember')
  expect(cadre.cadre?.households.map((x) => [x.householdId, x.lastKind])).toEqual([
    ['h_jj_1_03', null],
    ['h_jj_1_04', null],
    ['h_jj_1_01', 'visit'],
  ])
  expect(cadre.contact).toBeNull() // 杨春敏's own household (h_jj_1_02) has no contact
})

test('set a cadre, assign, log, and the resident of the household sees only what is published', async () => {
  const set = await makeCadre(CADRE, false)
  expect(set).toMatchObject({ userId: CADRE, name: '李秀芳', title: 'buildingHead', publishPhone: false, households: 0, idle: true })
  const a = await h.ok<ContactAssignment>('contact.assign', { householdId: 'h_jj_2_01', cadreId: CADRE }, COMMITTEE)
  expect(a).toEqual({ householdId: 'h_jj_2_01', cadreId: CADRE, previousCadreId: null })
  // 李秀芳 lives in h_jj_2_01 herself: she sees herself as the contact, without the phone she did not publish
  const mine = await h.ok<ContactMine>('contact.mine', {}, CADRE)
  expect(mine.contact).toEqual({ name: '李秀芳', title: 'buildingHead', phone: null, publicNote: '晚上在家' })
  expect(mine.cadre?.households).toEqual([
    { householdId: 'h_jj_2_01', address: '2栋1单元101', headName: expect.any(String), gridName: '第二网格', lastContactAt: null, lastKind: null },
  ])
  const log = await h.ok<ContactLogView>('contact.log', { householdId: 'h_jj_2_01', kind: 'call', at: minutesAgo(30), note: '电话问候\n老人说一切都好' }, CADRE)
  expect(log).toMatchObject({ householdId: 'h_jj_2_01', cadreName: '李秀芳', kind: 'call', at: minutesAgo(30), note: '电话问候\n老人说一切都好' })
  const after = await h.ok<ContactMine>('contact.mine', {}, CADRE)
  expect(after.cadre?.households[0]).toMatchObject({ lastContactAt: minutesAgo(30), lastKind: 'call' })
  // the audit trail has the committee's steps
  const audit = await h.sql.all("SELECT action FROM audit_log WHERE action LIKE 'contact.%' ORDER BY id")
  expect(audit).toEqual([{ action: 'contact.setCadre' }, { action: 'contact.assign' }])
})

test('reassign replaces the contact: counts move, the old cadre can no longer log', async () => {
  await makeCadre()
  const moved = await h.ok<ContactAssignment>('contact.assign', { householdId: 'h_jj_1_01', cadreId: CADRE }, COMMITTEE)
  expect(moved.previousCadreId).toBe(DEMO_CADRE)
  expect(await h.sql.all("SELECT cadre_id FROM contact_assignments WHERE household_id = 'h_jj_1_01'")).toEqual([{ cadre_id: CADRE }])
  const o = await h.ok<ContactOverview>('contact.overview', {}, COMMITTEE)
  expect(o.cadres.map((c) => [c.userId, c.households])).toEqual(expect.arrayContaining([[DEMO_CADRE, 2], [CADRE, 1]]))
  const r = await h.call('contact.log', { householdId: 'h_jj_1_01', kind: 'visit', at: minutesAgo(5), note: '走访' }, DEMO_CADRE)
  expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您不是这户的联系人' } })
  // the same assign again changes nothing
  const again = await h.ok<ContactAssignment>('contact.assign', { householdId: 'h_jj_1_01', cadreId: CADRE }, COMMITTEE)
  expect(again.previousCadreId).toBeNull()
  expect(Number(await h.sql.value(`SELECT households FROM cadres WHERE user_id = '${CADRE}'`))).toBe(1)
})

test('the overview: households without a contact, idle cadres in the period', async () => {
  await makeCadre()
  const o = await h.ok<ContactOverview>('contact.overview', {}, COMMITTEE)
  expect(o.days).toBe(30)
  const total = Number(await h.sql.value("SELECT count(*) FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = 'c_jinjiang'"))
  expect(o.uncoveredTotal).toBe(total - 3)
  expect(o.uncovered.map((x) => x.householdId)).not.toContain('h_jj_1_01')
  expect(o.uncovered[0]).toEqual({ householdId: 'h_jj_1_02', address: '1栋1单元102', headName: expect.any(String), gridName: '第一网格' })
  // the demo cadre logged 3 days ago: active this month, idle over a week only if longer ago; the new one is idle
  expect(o.cadres.find((c) => c.userId === DEMO_CADRE)).toMatchObject({ idle: false, households: 3, phone: '13900000004' })
  expect(o.cadres.find((c) => c.userId === CADRE)).toMatchObject({ idle: true, lastLogAt: null })
  h.clock.set(new Date(Date.parse(NOW) + 10 * 86_400_000))
  const later = await h.ok<ContactOverview>('contact.overview', { days: 7 }, COMMITTEE)
  expect(later.cadres.find((c) => c.userId === DEMO_CADRE)?.idle).toBe(true)
})

test('removing a cadre uncovers their households and keeps the logs', async () => {
  const r = await h.ok<{ removed: boolean; households: number }>('contact.removeCadre', { userId: DEMO_CADRE }, COMMITTEE)
  expect(r).toEqual({ removed: true, households: 3 })
  expect(await h.ok<ContactMine>('contact.mine', {}, VERIFIED)).toEqual({ contact: null, cadre: null })
  expect(Number(await h.sql.value('SELECT count(*) FROM contact_logs'))).toBe(1)
  expect(await h.ok('contact.removeCadre', { userId: DEMO_CADRE }, COMMITTEE)).toEqual({ removed: false, households: 0 })
})

test(`a cadre takes at most ${MAX_HOUSEHOLDS_PER_CADRE} households`, async () => {
  await makeCadre()
  const grid = 'g_jj_2'
  for (let i = 0; i < MAX_HOUSEHOLDS_PER_CADRE + 1; i++) {
    await h.sql.run("INSERT INTO households (id, grid_id, building, unit, room, head_name, building_key, unit_key, room_key) VALUES (?, ?, '8栋', '', ?, '测试户', '8', '', ?)", [`h_cap_${i}`, grid, `${i}`, `${i}`])
  }
  for (let i = 0; i < MAX_HOUSEHOLDS_PER_CADRE; i++) await h.ok('contact.assign', { householdId: `h_cap_${i}`, cadreId: CADRE }, COMMITTEE)
  const r = await h.call('contact.assign', { householdId: `h_cap_${MAX_HOUSEHOLDS_PER_CADRE}`, cadreId: CADRE }, COMMITTEE)
  expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `每人最多联系 ${MAX_HOUSEHOLDS_PER_CADRE} 户，请改派给其他人` } })
  expect(Number(await h.sql.value(`SELECT count(*) FROM contact_assignments WHERE cadre_id = '${CADRE}'`))).toBe(MAX_HOUSEHOLDS_PER_CADRE)
})

test('代为上报: the cadre raises a report for a household; routed to its grid, marked, the timeline says 代为上报', async () => {
  const out = await h.ok<{ reportId: string }>('contact.raise', { householdId: 'h_jj_1_03', category: 'facility', description: '楼道灯坏了，老人晚上看不清台阶' }, DEMO_CADRE)
  const row = await h.sql.get('SELECT reporter_id, grid_id, on_behalf_of_household, raised_by, assignee_id FROM reports WHERE id = ?', [out.reportId])
  expect(row).toEqual({ reporter_id: DEMO_CADRE, grid_id: 'g_jj_1', on_behalf_of_household: 'h_jj_1_03', raised_by: DEMO_CADRE, assignee_id: WORKER })
  const detail = await h.ok<{ timeline: { action: string; note: string | null }[] }>('report.get', { id: out.reportId }, DEMO_CADRE)
  expect(detail.timeline[0]).toMatchObject({ action: 'create', note: '代为上报：由联系户党员代住户上报' })
  // the grid worker got the usual message
  expect(Number(await h.sql.value(`SELECT count(*) FROM messages WHERE user_id = '${WORKER}' AND title = '新的随手拍问题待受理'`))).toBeGreaterThan(0)
  // the cadre follows it as its reporter: they may withdraw it
  await h.ok('report.transition', { id: out.reportId, action: 'withdraw' }, DEMO_CADRE)
})

test('代为上报 and contact.log are idempotent per requestId', async () => {
  const before = await h.counts()
  const a = await h.ok<{ reportId: string }>('contact.raise', { householdId: 'h_jj_1_03', category: 'facility', description: '楼道灯坏了' }, DEMO_CADRE, 'req-raise-1')
  const b = await h.ok<{ reportId: string }>('contact.raise', { householdId: 'h_jj_1_03', category: 'facility', description: '楼道灯坏了' }, DEMO_CADRE, 'req-raise-1')
  expect(b.reportId).toBe(a.reportId)
  expect((await h.counts()).reports).toBe(before.reports + 1)
  const l1 = await h.ok<ContactLogView>('contact.log', { householdId: 'h_jj_1_03', kind: 'wechat', at: minutesAgo(1), note: '微信视频' }, DEMO_CADRE, 'req-log-1')
  const l2 = await h.ok<ContactLogView>('contact.log', { householdId: 'h_jj_1_03', kind: 'wechat', at: minutesAgo(1), note: '微信视频' }, DEMO_CADRE, 'req-log-1')
  expect(l2.id).toBe(l1.id)
  const reused = await h.call('contact.log', { householdId: 'h_jj_1_03', kind: 'visit', at: minutesAgo(1), note: '另一次' }, DEMO_CADRE, 'req-log-1')
  expect(reused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect(Number(await h.sql.value('SELECT count(*) FROM contact_logs'))).toBe(2)
})

test('contact notes are staff-only: the household, its neighbours and other cadres are told it does not exist', async () => {
  const ok = (who: string) => h.call<{ items: ContactLogView[] }>('contact.history', { householdId: 'h_jj_1_01' }, who)
  for (const who of [DEMO_CADRE, COMMITTEE, 'u_street', 'u_district', 'u_city']) {
    const r = await ok(who)
    expect(r.ok && r.data.items.map((x) => x.note)).toEqual(['上门看望，老人身体还好；提醒冬季用电安全，家里插线板已更换。'])
  }
  for (const who of [VERIFIED, 'u_resident_jj2', WORKER, 'u_committee_lj', 'u_resident_lj1']) {
    expect(await ok(who)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '住户不存在' } })
  }
})

test('a person who cannot be a cadre: not verified, another community, unknown', async () => {
  const r1 = await h.call('contact.setCadre', { userId: 'u_resident_jj3', title: 'partyMember', publishPhone: true }, COMMITTEE)
  expect(r1).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '只能指定已认证的住户或本社区工作人员为联系户党员/干部' } })
  const r2 = await h.call('contact.setCadre', { userId: 'u_resident_lj1', title: 'partyMember', publishPhone: true }, COMMITTEE)
  expect(r2).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '本社区没有这个人' } })
  // a grid worker (staff) may be one
  await h.ok('contact.setCadre', { userId: WORKER, title: 'villageCadre', publishPhone: true }, COMMITTEE)
  expect(Number(await h.sql.value('SELECT count(*) FROM cadres'))).toBe(2)
})
