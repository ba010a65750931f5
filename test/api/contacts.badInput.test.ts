/** Bad input to 党员干部联系户's writes: a code, a Chinese message, and nothing written (issue 17). */
import { makeHarness, NOW, type Harness } from './support/harness'
import { COMMITTEE } from './support/demoUsers'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const CADRE = 'u_volunteer_jj1'
const CHINESE = /[\u4e00-\u9fff]/
const TABLES = ['cadres', 'contact_assignments', 'contact_logs', 'reports', 'report_events', 'audit_log', 'idempotency']

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of TABLES) out[t] = Number(await h.sql.value(`SELECT count(*) FROM ${t}`))
  return out
}

const past = new Date(Date.parse(NOW) - 3600_000).toISOString()
const future = new Date(Date.parse(NOW) + 3600_000).toISOString()
const big = 'x'.repeat(10 * 1024 * 1024)

// every row has five cells: jest passes `done` to a test whose function takes more arguments than its row has
const CASES: [string, string, unknown, string, string | null][] = [
  ['setCadre: no user', 'contact.setCadre', { title: 'partyMember', publishPhone: true }, 'INVALID_INPUT', null],
  ['setCadre: unknown title', 'contact.setCadre', { userId: 'u_resident_jj2', title: '书记', publishPhone: true }, 'INVALID_INPUT', '请选择身份'],
  ['setCadre: publishPhone a string', 'contact.setCadre', { userId: 'u_resident_jj2', title: 'partyMember', publishPhone: 'yes' }, 'INVALID_INPUT', null],
  ['setCadre: a note over 60', 'contact.setCadre', { userId: 'u_resident_jj2', title: 'partyMember', publishPhone: true, publicNote: '长'.repeat(61) }, 'INVALID_INPUT', '联系说明最多 60 个字'],
  ['setCadre: unknown key', 'contact.setCadre', { userId: 'u_resident_jj2', title: 'partyMember', publishPhone: true, households: 99 }, 'INVALID_INPUT', null],
  ['setCadre: __proto__', 'contact.setCadre', JSON.parse('{"userId":"u_resident_jj2","title":"partyMember","publishPhone":true,"__proto__":{"x":1}}'), 'INVALID_INPUT', null],
  ['assign: SQL in the id', 'contact.assign', { householdId: "h'; DROP TABLE cadres; --", cadreId: CADRE }, 'INVALID_INPUT', null],
  ['assign: unknown household', 'contact.assign', { householdId: 'h_nope', cadreId: CADRE }, 'NOT_FOUND', '住户不存在'],
  ['assign: not a cadre', 'contact.assign', { householdId: 'h_jj_1_05', cadreId: 'u_resident_jj2' }, 'INVALID_INPUT', '所选的人不是本社区的联系户党员/干部'],
  ['assign: another community household', 'contact.assign', { householdId: 'h_lj_1_01', cadreId: CADRE }, 'NOT_FOUND', null],
  ['log: the future', 'contact.log', { householdId: 'h_jj_1_01', kind: 'visit', at: future, note: '走访' }, 'INVALID_INPUT', '联系时间不能晚于现在'],
  ['log: unknown kind', 'contact.log', { householdId: 'h_jj_1_01', kind: 'letter', at: past, note: '走访' }, 'INVALID_INPUT', '请选择联系方式'],
  ['log: empty note', 'contact.log', { householdId: 'h_jj_1_01', kind: 'visit', at: past, note: '   ' }, 'INVALID_INPUT', '请填写联系情况'],
  ['log: 10 MB note', 'contact.log', { householdId: 'h_jj_1_01', kind: 'visit', at: past, note: big }, 'INVALID_INPUT', '联系情况最多 500 个字'],
  ['log: a note over 500', 'contact.log', { householdId: 'h_jj_1_01', kind: 'visit', at: past, note: '字'.repeat(501) }, 'INVALID_INPUT', '联系情况最多 500 个字'],
  ['log: a control character', 'contact.log', { householdId: 'h_jj_1_01', kind: 'visit', at: past, note: 'a\u0000b' }, 'INVALID_INPUT', null],
  ['log: not a time', 'contact.log', { householdId: 'h_jj_1_01', kind: 'visit', at: '昨天', note: '走访' }, 'INVALID_INPUT', '时间格式不正确'],
  ['log: the year 1999', 'contact.log', { householdId: 'h_jj_1_01', kind: 'visit', at: '1999-01-01T00:00:00.000Z', note: '走访' }, 'INVALID_INPUT', null],
  ['overview: days 3', 'contact.overview', { days: 3 }, 'INVALID_INPUT', '统计周期至少 7 天'],
  ['overview: days a string', 'contact.overview', { days: '30' }, 'INVALID_INPUT', null],
  ['raise: no description', 'contact.raise', { householdId: 'h_jj_1_03', category: 'facility' }, 'INVALID_INPUT', null],
  ['raise: anonymous is not for a cadre', 'contact.raise', { householdId: 'h_jj_1_03', category: 'facility', description: '路灯坏了好几天', anonymous: true }, 'INVALID_INPUT', null],
  ['raise: a household not theirs', 'contact.raise', { householdId: 'h_jj_1_05', category: 'facility', description: '路灯坏了好几天' }, 'FORBIDDEN', '您不是这户的联系人'],
  ['raise: photos not theirs', 'contact.raise', { householdId: 'h_jj_1_03', category: 'facility', description: '路灯坏了好几天', photoIds: ['f_nope'] }, 'INVALID_INPUT', null],
]

test.each(CASES)('%s', async (_name, action, payload, code, message) => {
  const before = await counts()
  const as = action === 'contact.log' || action === 'contact.raise' ? CADRE : COMMITTEE
  const r = await h.call(action, payload, as)
  expect(r.ok).toBe(false)
  if (r.ok) return
  expect(r.error.code).toBe(code)
  expect(r.error.message).toMatch(CHINESE)
  if (message) expect(r.error.message === message || JSON.stringify(r.error.details ?? '').includes(message)).toBe(true)
  expect(await counts()).toEqual(before)
  expect(h.errors).toEqual([])
})
