/**
 * 联动 (issue 17) through the dispatcher: departments with their categories and staff, 交办 with a deadline in
 * working days, the department's steps through report.transition (受理, 办结, 退回交办), its queue by deadline,
 * 督办 of an overdue dispatch, the statistics, and what the resident sees on the timeline.
 */
import type { DepartmentView } from '@/domain/departments'
import type { ReportListPage, ReportView } from '@/domain/reports'
import { makeHarness, NOW, type Harness } from './support/harness'
import { makeDepartment, makeDispatched } from './support/departmentFixtures'
import { eventsOf, makeReport, reportRow, WHO } from './support/reportFixtures'

jest.setTimeout(60_000)

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())
afterEach(() => h.clock.set(NOW))

const list = async (as: string, category?: string) =>
  (await h.ok<{ items: DepartmentView[] }>('department.list', category ? { category } : {}, as)).items

const statsOf = async (id: string) => (await list(WHO.street)).find((d) => d.id === id)!.stats

describe('department.create and department.list', () => {
  test('a street creates a department for its street; staff of the area list it with its statistics', async () => {
    const { department, members } = await makeDepartment(h, { name: '城管执法中队', categories: ['environment'] })
    expect(department).toMatchObject({
      name: '城管执法中队',
      area: { tier: 'street', id: 'st_zhenxing', name: '振兴街道' },
      categories: ['environment'],
      stats: { dispatched: 0, onTime: 0, late: 0, returned: 0, overdueNow: 0, open: 0, averageWorkdays: null },
    })
    expect(department.members.map((m) => m.id)).toEqual(members)
    // the committee picks from the list (a category narrows it) and does not see the staff's names
    const forCommittee = (await list(WHO.committee, 'environment')).find((d) => d.id === department.id)!
    expect(forCommittee.members).toEqual([])
    expect((await list(WHO.committee, 'dispute')).some((d) => d.id === department.id)).toBe(false)
    // district and city staff see it too; its own member sees their department only
    expect((await list(WHO.district)).some((d) => d.id === department.id)).toBe(true)
    expect((await list(WHO.city)).some((d) => d.id === department.id)).toBe(true)
    expect((await list(members[0]!)).map((d) => d.id)).toEqual([department.id])
  })

  test('a district creates one for the district; a city must name where; the same name twice is CONFLICT', async () => {
    const d = await h.ok<DepartmentView>('department.create', { name: '区消防救援大队', categories: ['safety_hazard'] }, WHO.district)
    expect(d.area).toEqual({ tier: 'district', id: 'd_binjiang', name: '滨江区' })
    const city = await h.call('department.create', { name: '市供水', categories: ['facility'] }, WHO.city)
    expect(city).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请选择部门服务的区或街道' } })
    const named = await h.ok<DepartmentView>('department.create', { name: '市供水', categories: ['facility'], districtId: 'd_binjiang' }, WHO.city)
    expect(named.area.tier).toBe('district')
    const again = await h.call('department.create', { name: '区消防救援大队', categories: ['dispute'] }, WHO.district)
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '本辖区已有同名的职能部门' } })
  })

  test('a retried create with the same requestId is one department', async () => {
    const input = { name: '供电所', categories: ['facility'] }
    const a = await h.ok<DepartmentView>('department.create', input, WHO.street, 'req-dept-1')
    const b = await h.ok<DepartmentView>('department.create', input, WHO.street, 'req-dept-1')
    expect(b.id).toBe(a.id)
    expect((await list(WHO.street)).filter((d) => d.name === '供电所')).toHaveLength(1)
    const other = await h.call('department.create', { ...input, name: '供水所' }, WHO.street, 'req-dept-1')
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('members', () => {
  test('add gives the role department, remove takes it away; one department per person', async () => {
    const { department, members } = await makeDepartment(h)
    const person = members[0]!
    expect((await h.ok<{ roles: string[] }>('me.get', {}, person)).roles).toContain('department')
    const { department: second } = await makeDepartment(h, { members: 0 })
    const elsewhere = await h.call('department.addMember', { departmentId: second.id, userId: person }, WHO.street)
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '此人已是其他职能部门的人员' } })
    const after = await h.ok<DepartmentView>('department.removeMember', { departmentId: department.id, userId: person }, WHO.street)
    expect(after.members).toEqual([])
    expect((await h.ok<{ roles: string[] }>('me.get', {}, person)).roles).not.toContain('department')
    const again = await h.call('department.removeMember', { departmentId: department.id, userId: person }, WHO.street)
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // staff cannot be department staff too
    const staff = await h.call('department.addMember', { departmentId: department.id, userId: WHO.worker }, WHO.street)
    expect(staff).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('department.candidates: find a person by name or phone and add them', () => {
  type Candidate = { id: string; name: string; phoneTail: string | null; communityName: string }
  const search = async (departmentId: string, query: string, as: string = WHO.street) =>
    (await h.ok<{ items: Candidate[] }>('department.candidates', { departmentId, query }, as)).items

  test("the area's people by a name part or phone digits, with their community and phone tail; added, they leave the list", async () => {
    const { department } = await makeDepartment(h, { members: 0 })
    expect(await search(department.id, '王建华')).toEqual([{ id: WHO.resident, name: '王建华', phoneTail: '0001', communityName: '锦江社区' }])
    expect((await search(department.id, ' 13900000001 ')).map((c) => c.id)).toEqual([WHO.resident])
    // staff (a 网格员, the committee) are no candidates
    expect(await search(department.id, '孙丽')).toEqual([])
    expect(await search(department.id, '陈秀兰')).toEqual([])
    // a person who signed in without a phone: no tail; district staff find them too
    const person = await h.devLogin({ role: 'resident', communityId: 'c_jinjiang', verified: false, name: '林晓燕' })
    expect(await search(department.id, '晓燕', WHO.district)).toEqual([{ id: person, name: '林晓燕', phoneTail: null, communityName: '锦江社区' }])
    const added = await h.ok<DepartmentView>('department.addMember', { departmentId: department.id, userId: person }, WHO.street)
    expect(added.members.map((m) => m.id)).toEqual([person])
    expect(await search(department.id, '晓燕')).toEqual([])
    // nor for another department: one department per person
    const { department: second } = await makeDepartment(h, { members: 0 })
    expect(await search(second.id, '晓燕')).toEqual([])
  })

  test('at most 20, by name', async () => {
    const { department } = await makeDepartment(h, { members: 0 })
    for (let i = 0; i < 22; i++) await h.devLogin({ role: 'resident', communityId: 'c_jinjiang', verified: false, name: `候选${String(i).padStart(2, '0')}` })
    const found = await search(department.id, '候选')
    expect(found.map((c) => c.name)).toEqual(Array.from({ length: 20 }, (_, i) => `候选${String(i).padStart(2, '0')}`))
  })
})

describe('交办 → 受理 → 办结 → 评价', () => {
  test('the whole handling, on the department deadline, with the department on the resident timeline', async () => {
    const { department, members } = await makeDepartment(h, { name: '城管中队' })
    const member = members[0]!
    const before = await makeReport(h, { status: 'submitted' })
    const r = await h.ok<ReportView>('report.dispatch', { id: before.id, departmentId: department.id, days: 3, note: '占道堆放' }, WHO.committee)
    expect(r).toMatchObject({ status: 'submitted', level: 'community', dispatch: { departmentName: '城管中队', accepted: false, days: 3 } })
    // 2025-03-01 is a Saturday: intake on Monday 03-03, 3 working days → Thursday 03-06, 18:00 China time
    expect(r.dispatch!.dueAt).toBe('2025-03-06T10:00:00.000Z')
    expect(r.resolveBy).toBe(r.dispatch!.dueAt)
    expect(r.can).not.toContain('accept')

    // the department's queue, by its deadline
    const queue = await h.ok<ReportListPage>('department.queue', {}, member)
    expect(queue.items.map((i) => i.id)).toContain(r.id)
    const mine = await h.ok<ReportView>('report.get', { id: r.id }, member)
    expect(mine.can).toEqual(['accept', 'sendBack'])
    expect(mine.viewer).toBe('handler')
    // a message told the member
    const inbox = await h.ok<{ items: { title: string }[] }>('message.list', {}, member)
    expect(inbox.items.map((m) => m.title)).toContain('新的交办问题待受理')

    const accepted = await h.ok<ReportView>('report.transition', { id: r.id, action: 'accept' }, member)
    expect(accepted).toMatchObject({ status: 'accepted', dispatch: { accepted: true } })
    const resolved = await h.ok<ReportView>('report.transition', { id: r.id, action: 'resolve', note: '已清理' }, member)
    expect(resolved.status).toBe('resolved')
    expect(resolved.dispatch).toBeNull()

    const seen = await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident)
    const steps = seen.timeline.map((e) => [e.action, e.actor])
    expect(steps).toEqual(
      expect.arrayContaining([
        ['dispatch', '社区 陈秀兰'],
        ['accept', '城管中队'],
        ['resolve', '城管中队'],
      ]),
    )
    // no officer's name reaches the resident
    expect(JSON.stringify(seen.timeline)).not.toContain('执法队员')
    const rated = await h.ok<ReportView>('report.rate', { id: r.id, score: 5 }, WHO.resident)
    expect(rated.status).toBe('closed')
    expect(await statsOf(department.id)).toMatchObject({ dispatched: 1, onTime: 1, late: 0, returned: 0, open: 0, averageWorkdays: 0 })
  })

  test('退回交办 with a reason: back to the committee, 处理中, the department loses it; it can be dispatched again', async () => {
    const { department, members } = await makeDepartment(h)
    const r = await makeDispatched(h, department.id)
    const back = await h.ok<ReportView>('report.transition', { id: r.id, action: 'sendBack', note: '应由供电部门办理' }, members[0]!)
    expect(back).toMatchObject({ status: 'accepted', level: 'community', dispatch: null })
    const row = await h.sql.get<{ status: string; return_reason: string }>('SELECT status, return_reason FROM report_dispatches WHERE report_id = ?', [r.id])
    expect(row).toEqual({ status: 'returned', return_reason: '应由供电部门办理' })
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.committee)).can).toEqual(expect.arrayContaining(['resolve', 'escalate']))
    // the member lives in the community: a public report stays readable to them as a resident, nothing more
    expect(await h.ok<ReportView>('report.get', { id: r.id }, members[0]!)).toMatchObject({ viewer: 'resident', can: ['support'] })
    expect(await statsOf(department.id)).toMatchObject({ dispatched: 1, returned: 1, open: 0 })
    const { department: other } = await makeDepartment(h)
    const again = await h.ok<ReportView>('report.dispatch', { id: r.id, departmentId: other.id, days: 2 }, WHO.committee)
    expect(again.dispatch?.departmentName).toBe(other.name)
    const sendBackWithoutReason = await h.call('report.transition', { id: r.id, action: 'sendBack' }, members[0]!)
    expect(sendBackWithoutReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  test('overdue: the dispatching committee sees it and 督办; the department is told; counted overdue now', async () => {
    const { department, members } = await makeDepartment(h)
    const r = await makeDispatched(h, department.id, { days: 1 })
    await h.ok('report.transition', { id: r.id, action: 'accept' }, members[0]!)
    h.clock.set(new Date(Date.parse(NOW) + 10 * 24 * 3600_000))
    const seen = await h.ok<ReportView>('report.get', { id: r.id }, WHO.committee)
    expect(seen.overdue).toBe(true)
    expect(seen.can).toContain('supervise')
    const overdue = await h.ok<ReportListPage>('report.list', { scope: 'area', overdue: true }, WHO.committee)
    expect(overdue.items.map((i) => i.id)).toContain(r.id)
    await h.ok('report.transition', { id: r.id, action: 'supervise', note: '请今天办结' }, WHO.committee)
    const inbox = await h.ok<{ items: { title: string }[] }>('message.list', {}, members[0]!)
    expect(inbox.items[0]!.title).toBe(`督办：交办${department.name}的问题已逾期，请尽快处理`)
    expect(await statsOf(department.id)).toMatchObject({ open: 1, overdueNow: 1 })
    const resolved = await h.ok<ReportView>('report.transition', { id: r.id, action: 'resolve', note: '已处理' }, members[0]!)
    expect(resolved.status).toBe('resolved')
    expect(await statsOf(department.id)).toMatchObject({ dispatched: 1, onTime: 0, late: 1, overdueNow: 0 })
  })

  test('the reporter withdraws a dispatched report: the dispatch is cancelled, the department told', async () => {
    const { department, members } = await makeDepartment(h)
    const r = await makeDispatched(h, department.id)
    await h.ok('report.transition', { id: r.id, action: 'withdraw' }, WHO.resident)
    const row = await h.sql.get<{ status: string }>('SELECT status FROM report_dispatches WHERE report_id = ?', [r.id])
    expect(row?.status).toBe('cancelled')
    const inbox = await h.ok<{ items: { title: string }[] }>('message.list', {}, members[0]!)
    expect(inbox.items[0]!.title).toBe('上报人已撤回问题')
  })

  test('a dispatched report cannot be dispatched again, nor reassigned; the grid worker no longer handles it', async () => {
    const { department } = await makeDepartment(h)
    const r = await makeDispatched(h, department.id)
    const twice = await h.call('report.dispatch', { id: r.id, departmentId: department.id, days: 2 }, WHO.committee)
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '问题已交办给职能部门，不能重复交办' } })
    const reassign = await h.call('report.transition', { id: r.id, action: 'reassign', toUserId: WHO.worker2 }, WHO.committee)
    expect(reassign).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const worker = await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.worker)
    expect(worker).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await eventsOf(h, r.id)).map((e) => e.action)).toEqual(['create', 'dispatch'])
    expect((await reportRow(h, r.id))?.status).toBe('submitted')
  })
})

describe('the demo seed', () => {
  test("振兴街道's 城管 with its officer, and 临江村's report dispatched to it, in the officer's queue", async () => {
    const officer = 'u_department_cg'
    const queue = await h.ok<ReportListPage>('department.queue', {}, officer)
    expect(queue.items.map((i) => i.id)).toContain('r_demo_dispatched')
    const r = await h.ok<ReportView>('report.get', { id: 'r_demo_dispatched' }, officer)
    expect(r).toMatchObject({ status: 'submitted', level: 'community', dispatch: { departmentName: '城管', accepted: false, days: 5 }, can: ['accept', 'sendBack'] })
    const cg = (await list(WHO.street)).find((d) => d.id === 'dep_demo_chengguan')!
    expect(cg).toMatchObject({ name: '城管', members: [{ id: officer, name: '孟凡' }], stats: { dispatched: 1, open: 1 } })
    const resident = await h.ok<ReportView>('report.get', { id: 'r_demo_dispatched' }, WHO.residentOther)
    expect(resident.timeline.map((e) => [e.action, e.actor])).toEqual([
      ['create', '居民 黄德静'],
      ['dispatch', '社区 刘建国'],
    ])
  })
})
