/**
 * 联动's races (issue 17), in one process (Promise.all) and across processes (each its own connection to the
 * store: the writers really contend): two dispatches of one report → one live dispatch, the other CONFLICT;
 * 受理 vs 退回交办 by two staff of the department → one wins; one person added to two departments at once → one.
 */
import type { ApiReply } from '@/domain/shared/envelope'
import type { DepartmentView } from '@/domain/departments'
import { makeHarness, type Harness } from './support/harness'
import { makeDepartment, makeDispatched } from './support/departmentFixtures'
import { eventsOf, makeReport, raceJobs, reportRow, WHO } from './support/reportFixtures'

jest.setTimeout(120_000)

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const winners = (replies: ApiReply[]) => replies.filter((r) => r.ok)
const codes = (replies: ApiReply[]) => [...new Set(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code)))]
const dispatchesOf = (id: string) =>
  h.sql.all<{ status: string; department_id: string }>('SELECT status, department_id FROM report_dispatches WHERE report_id = ?', [id])

describe('two dispatches of one report', () => {
  test('in one process: committee and street at once, to two departments → one live dispatch, one CONFLICT', async () => {
    const a = await makeDepartment(h)
    const b = await makeDepartment(h)
    const r = await makeReport(h, { status: 'accepted', level: 'community' })
    const replies = await Promise.all([
      h.call('report.dispatch', { id: r.id, departmentId: a.department.id, days: 3 }, WHO.committee),
      h.call('report.dispatch', { id: r.id, departmentId: b.department.id, days: 3 }, WHO.street),
    ])
    expect(winners(replies)).toHaveLength(1)
    expect(codes(replies)).toEqual(['CONFLICT'])
    const lost = replies.find((x) => !x.ok)
    expect(lost && !lost.ok && lost.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(await dispatchesOf(r.id)).toHaveLength(1)
    expect((await eventsOf(h, r.id)).filter((e) => e.action === 'dispatch')).toHaveLength(1)
  })

  test('across processes: 2 × 3 dispatches to two departments → exactly one written', async () => {
    const a = await makeDepartment(h)
    const b = await makeDepartment(h)
    const r = await makeReport(h, { status: 'submitted' })
    const [as, bs] = await raceJobs(h.location, [
      { action: 'report.dispatch', payload: { id: r.id, departmentId: a.department.id, days: 3 }, userId: WHO.committee, count: 3 },
      { action: 'report.dispatch', payload: { id: r.id, departmentId: b.department.id, days: 5 }, userId: WHO.street, count: 3 },
    ])
    const replies = [...as!, ...bs!]
    expect(replies).toHaveLength(6)
    expect(winners(replies)).toHaveLength(1)
    // a late committee call may meet the report already taken to the street by the street's dispatch: FORBIDDEN
    expect(codes(replies).every((c) => c === 'CONFLICT' || c === 'FORBIDDEN')).toBe(true)
    expect(codes(replies)).toContain('CONFLICT')
    const rows = await dispatchesOf(r.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.department_id).toBe(winners(as!).length === 1 ? a.department.id : b.department.id)
    expect((await eventsOf(h, r.id)).filter((e) => e.action === 'dispatch')).toHaveLength(1)
  })

  test('a retried dispatch with one requestId racing itself across processes: every call ok, written once', async () => {
    const a = await makeDepartment(h)
    const r = await makeReport(h, { status: 'submitted' })
    const job = { action: 'report.dispatch', payload: { id: r.id, departmentId: a.department.id, days: 3 }, userId: WHO.committee, requestId: 'dispatch-retry-1', count: 3 }
    const [x, y] = await raceJobs(h.location, [job, job])
    expect([...x!, ...y!].filter((rep) => !rep.ok)).toEqual([])
    expect(await dispatchesOf(r.id)).toHaveLength(1)
  })
})

describe('受理 vs 退回交办', () => {
  test.each([['accept', 'sendBack']] as const)('%s vs %s by two staff of the department across processes → one wins', async (first, second) => {
    const { department, members } = await makeDepartment(h, { members: 2 })
    const r = await makeDispatched(h, department.id)
    const before = (await eventsOf(h, r.id)).length
    const [as, bs] = await raceJobs(h.location, [
      { action: 'report.transition', payload: { id: r.id, action: first }, userId: members[0]!, count: 3 },
      { action: 'report.transition', payload: { id: r.id, action: second, note: '不属于本部门职责' }, userId: members[1]!, count: 3 },
    ])
    const replies = [...as!, ...bs!]
    expect(winners(replies)).toHaveLength(1)
    // a call after the winner committed meets 处理中 (CONFLICT) or a report no longer dispatched to them (FORBIDDEN)
    expect(codes(replies).every((c) => c === 'CONFLICT' || c === 'FORBIDDEN')).toBe(true)
    expect(await eventsOf(h, r.id)).toHaveLength(before + 1)
    const firstWon = winners(as!).length === 1
    const [row] = await dispatchesOf(r.id)
    expect(row!.status).toBe(firstWon ? 'accepted' : 'returned')
    // either way 处理中: by the department, or back with the committee
    expect((await reportRow(h, r.id))?.status).toBe('accepted')
    expect((await reportRow(h, r.id))?.assignee_id).toBe(firstWon ? members[0] : null)
  })

  test('in one process: 受理 and 退回交办 at once → one wins', async () => {
    const { department, members } = await makeDepartment(h, { members: 2 })
    const r = await makeDispatched(h, department.id)
    const replies = await Promise.all([
      h.call('report.transition', { id: r.id, action: 'accept' }, members[0]!),
      h.call('report.transition', { id: r.id, action: 'sendBack', note: '应由消防处理' }, members[1]!),
    ])
    expect(winners(replies)).toHaveLength(1)
    expect(codes(replies)).toEqual(['CONFLICT'])
  })
})

describe('members', () => {
  test('one person added to two departments at once → a member of one', async () => {
    const a = await makeDepartment(h, { members: 0 })
    const b = await makeDepartment(h, { members: 0 })
    const person = await h.devLogin({ role: 'resident', communityId: 'c_jinjiang', verified: false })
    const replies = await Promise.all([
      h.call<DepartmentView>('department.addMember', { departmentId: a.department.id, userId: person }, WHO.street),
      h.call<DepartmentView>('department.addMember', { departmentId: b.department.id, userId: person }, WHO.street),
    ])
    expect(winners(replies)).toHaveLength(1)
    expect(codes(replies)).toEqual(['CONFLICT'])
    expect(await h.sql.all('SELECT department_id FROM department_members WHERE user_id = ?', [person])).toHaveLength(1)
  })
})
