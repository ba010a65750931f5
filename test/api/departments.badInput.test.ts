/**
 * 联动's bad input (issue 17, DESIGN §5): wrong types, missing fields, huge strings, prototype keys, unknown ids and
 * out-of-range deadlines get INVALID_INPUT (or NOT_FOUND for an unknown report) with a Chinese message, and nothing
 * is written.
 */
import { countRows, COUNTED_TABLES, makeHarness, type Harness } from './support/harness'
import { makeDepartment } from './support/departmentFixtures'
import { makeReport, WHO } from './support/reportFixtures'

jest.setTimeout(60_000)

const TABLES = [...COUNTED_TABLES, 'departments', 'department_members', 'report_dispatches']

let h: Harness
let departmentId: string
let reportId: string
beforeAll(async () => {
  h = await makeHarness()
  departmentId = (await makeDepartment(h)).department.id
  reportId = (await makeReport(h, { status: 'submitted' })).id
})
afterAll(() => h.close())

async function refused(action: string, payload: unknown, as: string, code = 'INVALID_INPUT') {
  const before = await countRows(h.sql, TABLES)
  const r = await h.call(action, payload, as)
  expect(r.ok).toBe(false)
  if (!r.ok) {
    expect(r.error.code).toBe(code)
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
  }
  expect(await countRows(h.sql, TABLES)).toEqual(before)
}

const BIG = '城'.repeat(1_000_000)

describe('department.create', () => {
  test.each([
    ['no payload', undefined],
    ['empty', {}],
    ['name missing', { categories: ['environment'] }],
    ['name a number', { name: 42, categories: ['environment'] }],
    ['name too short', { name: '城', categories: ['environment'] }],
    ['name huge', { name: BIG, categories: ['environment'] }],
    ['name with a line break', { name: '城管\n中队', categories: ['environment'] }],
    ['no categories', { name: '城管', categories: [] }],
    ['unknown category', { name: '城管', categories: ['weather'] }],
    ['categories repeated', { name: '城管', categories: ['environment', 'environment'] }],
    ['categories a string', { name: '城管', categories: 'environment' }],
    ['street and district both', { name: '城管', categories: ['environment'], streetId: 'st_zhenxing', districtId: 'd_binjiang' }],
    ['unknown street', { name: '城管', categories: ['environment'], streetId: 'st_nowhere' }],
    ['extra key', { name: '城管', categories: ['environment'], admin: true }],
    ['__proto__ key', JSON.parse('{"name":"城管","categories":["environment"],"__proto__":{"x":1}}')],
  ])('%s', async (_label, payload) => {
    await refused('department.create', payload, WHO.street)
  })
  test('emoji and SQL in the name are text, stored as written', async () => {
    const made = await h.ok<{ name: string }>('department.create', { name: "城管');DROP TABLE x;--", categories: ['environment'] }, WHO.street)
    expect(made.name).toBe("城管');DROP TABLE x;--")
    const emoji = await h.ok<{ name: string }>('department.create', { name: '城管🚓中队', categories: ['environment'] }, WHO.street)
    expect(emoji.name).toBe('城管🚓中队')
  })
})

describe('department.addMember', () => {
  test.each([
    ['no user', { departmentId: 'x' }],
    ['ids as numbers', { departmentId: 1, userId: 2 }],
    ['huge id', { departmentId: BIG, userId: 'u' }],
  ])('%s', async (_label, payload) => {
    await refused('department.addMember', payload, WHO.street)
  })
  test('an unknown person: NOT_FOUND, nothing written', async () => {
    await refused('department.addMember', { departmentId, userId: 'u_nobody' }, WHO.street, 'NOT_FOUND')
  })
})

describe('department.candidates', () => {
  test.each([
    ['no query', () => ({ departmentId })],
    ['blank query', () => ({ departmentId, query: '   ' })],
    ['query too long', () => ({ departmentId, query: '王'.repeat(21) })],
    ['query huge', () => ({ departmentId, query: BIG })],
    ['query a number', () => ({ departmentId, query: 138 })],
    ['query with a line break', () => ({ departmentId, query: '王\n建华' })],
    ['department missing', () => ({ query: '王' })],
    ['extra key', () => ({ departmentId, query: '王', limit: 1000 })],
    ['__proto__ key', () => JSON.parse(`{"departmentId":"${departmentId}","query":"王","__proto__":{"x":1}}`)],
  ])('%s', async (_label, payload) => {
    await refused('department.candidates', payload(), WHO.street)
  })
  test('SQL, wildcards and emoji are only text: no one matches', async () => {
    for (const query of ["' OR 1=1 --", '%', '_', '王🙂']) {
      expect(await h.ok<{ items: unknown[] }>('department.candidates', { departmentId, query }, WHO.street)).toEqual({ items: [] })
    }
  })
})

describe('report.dispatch', () => {
  test.each([
    ['no days', () => ({ id: reportId, departmentId })],
    ['days 0', () => ({ id: reportId, departmentId, days: 0 })],
    ['days 31', () => ({ id: reportId, departmentId, days: 31 })],
    ['days 1.5', () => ({ id: reportId, departmentId, days: 1.5 })],
    ['days a string', () => ({ id: reportId, departmentId, days: '3' })],
    ['note huge', () => ({ id: reportId, departmentId, days: 3, note: BIG })],
    ['unknown department', () => ({ id: reportId, departmentId: 'dep_nowhere', days: 3 })],
    ['extra key', () => ({ id: reportId, departmentId, days: 3, level: 'city' })],
  ])('%s', async (_label, payload) => {
    await refused('report.dispatch', payload(), WHO.committee)
  })
  test('an unknown report: NOT_FOUND, nothing written', async () => {
    await refused('report.dispatch', { id: 'r_nowhere', departmentId, days: 3 }, WHO.committee, 'NOT_FOUND')
  })
  test('sendBack needs a reason', async () => {
    await refused('report.transition', { id: reportId, action: 'sendBack' }, WHO.committee)
  })
})

describe('department.list and department.queue', () => {
  test.each([
    ['department.list', { category: 'weather' }, WHO.street],
    ['department.list', { x: 1 }, WHO.street],
    ['department.queue', { limit: 1000 }, WHO.street],
    ['department.queue', { cursor: 'not-a-cursor' }, WHO.street],
  ])('%s %j', async (action, payload, as) => {
    const r = await h.call(action, payload, as)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
  })
})
