/**
 * 联动's authorization matrix (issue 17): every action × role × own/other street, community, department. A refusal
 * carries its code and a Chinese message and writes nothing (the feature's tables and the shared ones counted).
 */
import type { DepartmentView } from '@/domain/departments'
import type { ReportView } from '@/domain/reports'
import { countRows, COUNTED_TABLES, makeHarness, type Harness } from './support/harness'
import { addOtherStreet, makeDepartment, makeDispatched } from './support/departmentFixtures'
import { makeReport, WHO } from './support/reportFixtures'

jest.setTimeout(120_000)

const TABLES = [...COUNTED_TABLES, 'departments', 'department_members', 'report_dispatches']

let h: Harness
let other: { streetStaff: string; committee: string; resident: string }
let own: { department: DepartmentView; members: string[] }
let foreign: { department: DepartmentView; members: string[] }
beforeAll(async () => {
  h = await makeHarness()
  other = await addOtherStreet(h)
  own = await makeDepartment(h, { name: '振兴城管' })
  foreign = await makeDepartment(h, { name: '城南城管', by: other.streetStaff, membersCommunity: 'c_nanhu' })
})
afterAll(() => h.close())

type Persona =
  | 'resident' | 'volunteer' | 'worker' | 'committee' | 'committeeOther' | 'street' | 'streetOther' | 'district' | 'city'
  | 'member' | 'memberOther'

const as = (p: Persona): string =>
  ({
    resident: WHO.resident2,
    volunteer: WHO.volunteer,
    worker: WHO.worker,
    committee: WHO.committee,
    committeeOther: WHO.committeeOther,
    street: WHO.street,
    streetOther: other.streetStaff,
    district: WHO.district,
    city: WHO.city,
    member: own.members[0]!,
    memberOther: foreign.members[0]!,
  })[p]

const PERSONAS: Persona[] = ['resident', 'volunteer', 'worker', 'committee', 'committeeOther', 'street', 'streetOther', 'district', 'city', 'member', 'memberOther']

/** Calls and checks: ok, or the code with a Chinese message and nothing written. */
async function expectOutcome(action: string, payload: unknown, p: Persona, want: 'ok' | string) {
  const before = await countRows(h.sql, TABLES)
  const r = await h.call(action, payload, as(p))
  if (want === 'ok') {
    expect({ p, ok: r.ok, err: r.ok ? null : r.error }).toMatchObject({ p, ok: true })
    return
  }
  expect({ p, code: r.ok ? 'ok' : r.error.code }).toEqual({ p, code: want })
  if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
  expect(await countRows(h.sql, TABLES)).toEqual(before)
}

let n = 0
const name = () => `部门${++n}`

describe('department.create', () => {
  const want: Record<Persona, string> = {
    resident: 'FORBIDDEN', volunteer: 'FORBIDDEN', worker: 'FORBIDDEN', committee: 'FORBIDDEN', committeeOther: 'FORBIDDEN',
    street: 'ok', streetOther: 'ok', district: 'ok', city: 'INVALID_INPUT', member: 'FORBIDDEN', memberOther: 'FORBIDDEN',
  }
  test.each(PERSONAS)('%s, for their own area', async (p) => {
    await expectOutcome('department.create', { name: name(), categories: ['environment'] }, p, want[p])
  })
  test.each(PERSONAS)('%s, naming 振兴街道', async (p) => {
    const named: Record<Persona, string> = { ...want, streetOther: 'FORBIDDEN', city: 'ok' }
    await expectOutcome('department.create', { name: name(), categories: ['environment'], streetId: 'st_zhenxing' }, p, named[p])
  })
})

describe('department.list', () => {
  test.each(PERSONAS)('%s', async (p) => {
    const r = await h.call<{ items: DepartmentView[] }>('department.list', {}, as(p))
    const forbidden = ['resident', 'volunteer', 'worker'].includes(p)
    expect({ p, ok: r.ok }).toEqual({ p, ok: !forbidden })
    if (!r.ok) return expect(r.error).toMatchObject({ code: 'FORBIDDEN' })
    const ids = r.data.items.map((d) => d.id)
    const seesOwn = !['streetOther', 'memberOther'].includes(p)
    const seesForeign = ['streetOther', 'memberOther', 'city'].includes(p) ? p !== 'city' : false
    expect({ p, own: ids.includes(own.department.id), foreign: ids.includes(foreign.department.id) }).toEqual({ p, own: seesOwn, foreign: seesForeign })
    // staff names only for those who manage it
    const mine = r.data.items.find((d) => d.id === own.department.id)
    if (mine) expect({ p, names: mine.members.length > 0 }).toEqual({ p, names: ['street', 'district', 'city'].includes(p) })
  })
})

describe('department.addMember / removeMember', () => {
  const want: Record<Persona, string> = {
    resident: 'FORBIDDEN', volunteer: 'FORBIDDEN', worker: 'FORBIDDEN', committee: 'FORBIDDEN', committeeOther: 'FORBIDDEN',
    street: 'ok', streetOther: 'FORBIDDEN', district: 'ok', city: 'ok', member: 'FORBIDDEN', memberOther: 'FORBIDDEN',
  }
  test.each(PERSONAS)('%s', async (p) => {
    const person = await h.devLogin({ role: 'resident', communityId: 'c_linjiang', verified: false })
    await expectOutcome('department.addMember', { departmentId: own.department.id, userId: person }, p, want[p])
    if (want[p] === 'ok') await expectOutcome('department.removeMember', { departmentId: own.department.id, userId: person }, p, 'ok')
    else {
      await h.ok('department.addMember', { departmentId: own.department.id, userId: person }, WHO.street)
      await expectOutcome('department.removeMember', { departmentId: own.department.id, userId: person }, p, want[p])
    }
  })
  test('a person of another street cannot be added; an unknown department is NOT_FOUND', async () => {
    await expectOutcome('department.addMember', { departmentId: own.department.id, userId: other.resident }, 'street', 'FORBIDDEN')
    await expectOutcome('department.addMember', { departmentId: 'dep_nope', userId: other.resident }, 'street', 'NOT_FOUND')
  })
})

describe('department.candidates', () => {
  const want: Record<Persona, string> = {
    resident: 'FORBIDDEN', volunteer: 'FORBIDDEN', worker: 'FORBIDDEN', committee: 'FORBIDDEN', committeeOther: 'FORBIDDEN',
    street: 'ok', streetOther: 'FORBIDDEN', district: 'ok', city: 'ok', member: 'FORBIDDEN', memberOther: 'FORBIDDEN',
  }
  test.each(PERSONAS)('%s', async (p) => {
    await expectOutcome('department.candidates', { departmentId: own.department.id, query: '王' }, p, want[p])
  })
  test("another street's people are no candidates; an unknown department is NOT_FOUND", async () => {
    const { name: otherName } = await h.ok<{ name: string }>('me.get', {}, other.resident)
    const found = await h.ok<{ items: { id: string }[] }>('department.candidates', { departmentId: own.department.id, query: otherName }, WHO.street)
    expect(found.items.map((c) => c.id)).not.toContain(other.resident)
    const theirs = await h.ok<{ items: { id: string }[] }>('department.candidates', { departmentId: foreign.department.id, query: otherName }, other.streetStaff)
    expect(theirs.items.map((c) => c.id)).toContain(other.resident)
    await expectOutcome('department.candidates', { departmentId: 'dep_nope', query: '王' }, 'street', 'NOT_FOUND')
  })
})

describe('department.queue', () => {
  test.each(PERSONAS)('%s', async (p) => {
    const r = await h.call('department.queue', {}, as(p))
    expect({ p, ok: r.ok }).toEqual({ p, ok: p === 'member' || p === 'memberOther' })
  })
  test("a department's queue holds its own dispatches only", async () => {
    const r = await makeDispatched(h, own.department.id)
    const mine = await h.ok<{ items: { id: string }[] }>('department.queue', {}, as('member'))
    const theirs = await h.ok<{ items: { id: string }[] }>('department.queue', {}, as('memberOther'))
    expect(mine.items.map((i) => i.id)).toContain(r.id)
    expect(theirs.items.map((i) => i.id)).not.toContain(r.id)
  })
})

describe('report.dispatch (a 锦江 grid report)', () => {
  const want: Record<Persona, string> = {
    resident: 'FORBIDDEN', volunteer: 'FORBIDDEN', worker: 'FORBIDDEN', committee: 'ok', committeeOther: 'NOT_FOUND',
    street: 'ok', streetOther: 'NOT_FOUND', district: 'ok', city: 'ok', member: 'FORBIDDEN', memberOther: 'NOT_FOUND',
  }
  test.each(PERSONAS)('%s', async (p) => {
    const r = await makeReport(h, { status: 'submitted' })
    await expectOutcome('report.dispatch', { id: r.id, departmentId: own.department.id, days: 3 }, p, want[p])
  })
  test("another street's department, or one that does not take the category: INVALID_INPUT", async () => {
    const r = await makeReport(h, { status: 'submitted' })
    await expectOutcome('report.dispatch', { id: r.id, departmentId: foreign.department.id, days: 3 }, 'committee', 'INVALID_INPUT')
    const d = await makeReport(h, { status: 'submitted', category: 'livelihood' })
    await expectOutcome('report.dispatch', { id: d.id, departmentId: own.department.id, days: 3 }, 'committee', 'INVALID_INPUT')
  })
})

describe("the department's steps through report.transition", () => {
  test.each(PERSONAS)('accept by %s', async (p) => {
    const r = await makeDispatched(h, own.department.id)
    const want: Partial<Record<Persona, string>> = { member: 'ok', committeeOther: 'NOT_FOUND', streetOther: 'NOT_FOUND', memberOther: 'NOT_FOUND' }
    await expectOutcome('report.transition', { id: r.id, action: 'accept' }, p, want[p] ?? 'FORBIDDEN')
  })
  test.each(PERSONAS)('sendBack by %s', async (p) => {
    const r = await makeDispatched(h, own.department.id)
    const want: Partial<Record<Persona, string>> = { member: 'ok', committeeOther: 'NOT_FOUND', streetOther: 'NOT_FOUND', memberOther: 'NOT_FOUND' }
    await expectOutcome('report.transition', { id: r.id, action: 'sendBack', note: '不属于本部门职责' }, p, want[p] ?? 'FORBIDDEN')
  })
  test('a private dispute dispatched to a department: its member sees it as handler, the other department not at all', async () => {
    const jud = await makeDepartment(h, { name: '司法所', categories: ['dispute'] })
    const r = await makeDispatched(h, jud.department.id, { category: 'dispute' })
    const view = await h.ok<ReportView>('report.get', { id: r.id }, jud.members[0]!)
    expect(view).toMatchObject({ viewer: 'handler', can: ['accept', 'sendBack'] })
    // personal data: the department sees the reporter masked and no phone (the committee and grid worker see them)
    expect(view.reporterPhone).toBeNull()
    expect(view.reporterName).not.toBe('王建华')
    expect(await h.call('report.get', { id: r.id }, as('member'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
