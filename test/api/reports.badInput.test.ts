/**
 * Bad input for every report and message action (issue 4, DESIGN §5): each gets a 4xx code with a Chinese
 * message, no INTERNAL, and leaves every table as it was. Each case is called by someone who WOULD be allowed
 * with good input, on a fresh report in the state that allows the action, so the refusal is the input's doing.
 * Then the other side: HTML, SQL and emoji are kept as text.
 */
import { statusOf } from '@/domain/shared/errors'
import type { ReportView } from '@/domain/reports'
import { makeHarness, type Harness } from './support/harness'
import { addPhoto, GOOD_DESCRIPTION, makeReport, WHO, type ReportSpec } from './support/reportFixtures'

const TEN_MB = 'x'.repeat(10 * 1024 * 1024)
const SQL = "'; DROP TABLE reports; --"
const proto = (json: string) => JSON.parse(json) as unknown

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const good = { category: 'environment', description: GOOD_DESCRIPTION }
const at = { latitude: 30.66, longitude: 104.06 }

/** what a case needs at run time: a report in some state, photos of some owner */
interface Env {
  id: string
  /** n photos owned by the caller, not attached to anything */
  mine(n: number): Promise<string[]>
  /** a photo of someone else */
  theirs(): Promise<string>
  /** a photo of the caller already attached to another report */
  attached(): Promise<string>
}

interface Case {
  as: string
  /** the report the case acts on (none: the action takes no report) */
  target?: ReportSpec
  payloads: [string, (env: Env) => unknown][]
}

const idCases = (extra: [string, (env: Env) => unknown][] = []): [string, (env: Env) => unknown][] => [
  ['missing id', () => ({})],
  ['id a number', () => ({ id: 42 })],
  ['id null', () => ({ id: null })],
  ['id empty', () => ({ id: '' })],
  ['id an array', (e) => ({ id: [e.id] })],
  ['id 65 chars', () => ({ id: 'a'.repeat(65) })],
  ['id with SQL', (e) => ({ id: `${e.id}${SQL}` })],
  ['id 10 MB', () => ({ id: TEN_MB })],
  ['id of no report', () => ({ id: 'r_does_not_exist' })],
  ['unknown key', (e) => ({ id: e.id, admin: true })],
  ['own __proto__ key', (e) => proto(`{"id":"${e.id}","__proto__":{"admin":true}}`)],
  ['payload a string', (e) => e.id],
  ['payload an array', (e) => [e.id]],
  ['payload null', () => null],
  ...extra,
]

const transition = (action: string, extra: Record<string, unknown> = {}) => (e: Env) => ({ id: e.id, action, ...extra })

const CASES: Record<string, Case> = {
  'report.create': {
    as: WHO.resident,
    payloads: [
      ['empty', () => ({})],
      ['category missing', () => ({ description: GOOD_DESCRIPTION })],
      ['description missing', () => ({ category: 'environment' })],
      ['category unknown', () => ({ ...good, category: 'ads' })],
      ['a category code that is not in the contract', () => ({ ...good, category: 'security' })],
      ['category with SQL', () => ({ ...good, category: `environment${SQL}` })],
      ['category a number', () => ({ ...good, category: 3 })],
      ['description a number', () => ({ ...good, description: 12345 })],
      ['description an object', () => ({ ...good, description: { zh: GOOD_DESCRIPTION } })],
      ['description of 4 chars', () => ({ ...good, description: '垃圾没清' })],
      ['description of 4 emoji', () => ({ ...good, description: '🚮'.repeat(4) })],
      ['description of spaces around 4 chars', () => ({ ...good, description: '   垃圾没清  \n ' })],
      ['description of 1001 chars', () => ({ ...good, description: '字'.repeat(1001) })],
      ['description of 1001 emoji', () => ({ ...good, description: '🚮'.repeat(1001) })],
      ['description 10 MB', () => ({ ...good, description: TEN_MB })],
      ['7 photos', async (e) => ({ ...good, photoIds: await e.mine(7) })],
      ['duplicate photo ids', async (e) => {
        const [p] = await e.mine(1)
        return { ...good, photoIds: [p, p] }
      }],
      ['photoIds a string', async (e) => ({ ...good, photoIds: (await e.mine(1))[0] })],
      ['photoIds of numbers', () => ({ ...good, photoIds: [1, 2] })],
      ['photo id with SQL', () => ({ ...good, photoIds: [`f_1${SQL}`] })],
      ['photo id of no file', () => ({ ...good, photoIds: ['f_does_not_exist'] })],
      ["photo id of someone else's file", async (e) => ({ ...good, photoIds: [await e.theirs()] })],
      ["one own photo and one of someone else's", async (e) => ({ ...good, photoIds: [...(await e.mine(1)), await e.theirs()] })],
      ['photo id already attached to another report', async (e) => ({ ...good, photoIds: [await e.attached()] })],
      ['latitude 91', () => ({ ...good, location: { ...at, latitude: 91 } })],
      ['latitude -90.0001', () => ({ ...good, location: { ...at, latitude: -90.0001 } })],
      ['longitude 181', () => ({ ...good, location: { ...at, longitude: 181 } })],
      ['latitude a string', () => ({ ...good, location: { ...at, latitude: '30.66' } })],
      ['latitude "NaN"', () => ({ ...good, location: { ...at, latitude: 'NaN' } })],
      ['latitude NaN', () => ({ ...good, location: { ...at, latitude: Number.NaN } })],
      ['longitude Infinity', () => ({ ...good, location: { ...at, longitude: Number.POSITIVE_INFINITY } })],
      ['latitude null', () => ({ ...good, location: { ...at, latitude: null } })],
      ['location without longitude', () => ({ ...good, location: { latitude: 30.66 } })],
      ['location a string', () => ({ ...good, location: '30.66,104.06' })],
      ['location with an unknown key', () => ({ ...good, location: { ...at, altitude: 500 } })],
      ['address 101 chars', () => ({ ...good, location: { ...at, address: '路'.repeat(101) } })],
      ['coordSystem bd09', () => ({ ...good, location: { ...at, coordSystem: 'bd09' } })],
      ['anonymous a string', () => ({ ...good, anonymous: 'yes' })],
      ['anonymous 1', () => ({ ...good, anonymous: 1 })],
      ['visibility unknown', () => ({ ...good, visibility: 'everyone' })],
      ['gridId of no grid', () => ({ ...good, gridId: 'g_nowhere' })],
      ['gridId with SQL', () => ({ ...good, gridId: `g_jj_1${SQL}` })],
      ['gridId 10 MB', () => ({ ...good, gridId: TEN_MB })],
      ['status smuggled', () => ({ ...good, status: 'resolved' })],
      ['reporterId smuggled', () => ({ ...good, reporterId: WHO.resident2 })],
      ['communityId smuggled', () => ({ ...good, communityId: 'c_linjiang' })],
      ['own __proto__ key', () => proto(`{"category":"environment","description":"${GOOD_DESCRIPTION}","__proto__":{"status":"resolved"}}`)],
      ['constructor key', () => ({ ...good, constructor: { prototype: {} } })],
      ['payload a string', () => GOOD_DESCRIPTION],
      ['payload an array', () => [good]],
      ['payload null', () => null],
    ],
  },
  'report.nearby': {
    as: WHO.resident,
    payloads: [
      ['empty', () => ({})],
      ['category missing', () => at],
      ['latitude missing', () => ({ longitude: 104.06, category: 'environment' })],
      ['latitude 91', () => ({ ...at, latitude: 91, category: 'environment' })],
      ['longitude -181', () => ({ ...at, longitude: -181, category: 'environment' })],
      ['latitude "30.66"', () => ({ ...at, latitude: '30.66', category: 'environment' })],
      ['latitude "NaN"', () => ({ ...at, latitude: 'NaN', category: 'environment' })],
      ['latitude NaN', () => ({ ...at, latitude: Number.NaN, category: 'environment' })],
      ['longitude "Infinity"', () => ({ ...at, longitude: 'Infinity', category: 'environment' })],
      ['category unknown', () => ({ ...at, category: 'all' })],
      ['radius smuggled', () => ({ ...at, category: 'environment', radius: 100000 })],
      ['own __proto__ key', () => proto('{"latitude":30.66,"longitude":104.06,"category":"environment","__proto__":{"x":1}}')],
      ['payload an array', () => [at]],
    ],
  },
  'report.support': { as: WHO.volunteer, target: {}, payloads: idCases() },
  'report.get': { as: WHO.resident, target: {}, payloads: idCases() },
  'report.list': {
    as: WHO.worker,
    payloads: [
      ['scope missing', () => ({})],
      ['scope unknown', () => ({ scope: 'all' })],
      ['scope a number', () => ({ scope: 1 })],
      ['status unknown', () => ({ scope: 'queue', status: 'open' })],
      ['a status code that is not in the contract', () => ({ scope: 'queue', status: 'rated' })],
      ['category unknown', () => ({ scope: 'queue', category: 'x' })],
      ['gridId with SQL', () => ({ scope: 'queue', gridId: `g_jj_1${SQL}` })],
      ['gridId 10 MB', () => ({ scope: 'queue', gridId: TEN_MB })],
      ['overdue a string', () => ({ scope: 'queue', overdue: 'yes' })],
      ['limit 0', () => ({ scope: 'queue', limit: 0 })],
      ['limit 101', () => ({ scope: 'queue', limit: 101 })],
      ['limit 1.5', () => ({ scope: 'queue', limit: 1.5 })],
      ['limit a string', () => ({ scope: 'queue', limit: '20' })],
      ['cursor garbage', () => ({ scope: 'queue', cursor: '!!!not-a-cursor!!!' })],
      ['cursor base64 of junk', () => ({ scope: 'queue', cursor: Buffer.from('{"p":1}').toString('base64url') })],
      ['cursor with SQL', () => ({ scope: 'queue', cursor: Buffer.from(JSON.stringify({ d: SQL, s: SQL })).toString('base64url') })],
      ['cursor 10 MB', () => ({ scope: 'queue', cursor: TEN_MB })],
      ['unknown key', () => ({ scope: 'queue', communityId: 'c_linjiang' })],
      ['own __proto__ key', () => proto('{"scope":"queue","__proto__":{"x":1}}')],
      ['payload an array', () => []],
    ],
  },
  'report.transition (submitted, 网格员)': {
    as: WHO.worker,
    target: {},
    payloads: [
      ...idCases().map(([n, f]): [string, (env: Env) => unknown] => [n, (e) => {
        const p = f(e)
        return p && typeof p === 'object' && !Array.isArray(p) && 'id' in p ? { ...p, action: 'accept' } : p
      }]),
      ['action missing', (e) => ({ id: e.id })],
      ['action unknown', transition('close')],
      ['action of another feature', transition('delete')],
      ['action a number', transition(1 as never)],
      ['action with SQL', transition(`accept${SQL}`)],
      ['reject without a note', transition('reject')],
      ['reject with an empty note', transition('reject', { note: '' })],
      ['reject with a note of spaces', transition('reject', { note: '   \n ' })],
      ['return without a note', transition('return')],
      ['escalate without a note', transition('escalate')],
      ['note of 1001 chars', transition('reject', { note: '字'.repeat(1001) })],
      ['note 10 MB', transition('reject', { note: TEN_MB })],
      ['note a number', transition('reject', { note: 404 })],
      ['7 photos', async (e) => ({ id: e.id, action: 'accept', photoIds: await e.mine(7) })],
      ["photo of someone else's", async (e) => ({ id: e.id, action: 'accept', photoIds: [await e.theirs()] })],
      ['photo already attached', async (e) => ({ id: e.id, action: 'accept', photoIds: [await e.attached()] })],
      ['duplicate photos', async (e) => {
        const [p] = await e.mine(1)
        return { id: e.id, action: 'accept', photoIds: [p, p] }
      }],
      ['status smuggled', transition('accept', { status: 'resolved' })],
      ['level smuggled', transition('accept', { level: 'street' })],
    ],
  },
  'report.transition (accepted, 网格员)': {
    as: WHO.worker,
    target: { status: 'accepted' },
    payloads: [
      ['note without a note', transition('note')],
      ['resolve without a note', transition('resolve')],
      ['resolve with an empty note', transition('resolve', { note: '' })],
      ['resolve with 7 photos', async (e) => ({ id: e.id, action: 'resolve', note: '已处理', photoIds: await e.mine(7) })],
      ["resolve with a photo of someone else's", async (e) => ({ id: e.id, action: 'resolve', note: '已处理', photoIds: [await e.theirs()] })],
    ],
  },
  'report.transition (community level, 社区)': {
    as: WHO.committee,
    target: { level: 'community' },
    payloads: [
      ['reassign without toUserId', transition('reassign', { note: '改派' })],
      ['reassign to no one who exists', transition('reassign', { toUserId: 'u_nobody', note: '改派' })],
      ['reassign to a resident', transition('reassign', { toUserId: WHO.resident2, note: '改派' })],
      ["reassign to another community's committee member", transition('reassign', { toUserId: WHO.committeeOther, note: '改派' })],
      ['reassign toUserId a number', transition('reassign', { toUserId: 7, note: '改派' })],
      ['reassign toUserId 10 MB', transition('reassign', { toUserId: TEN_MB, note: '改派' })],
    ],
  },
  'report.transition (resolved, 上报人)': {
    as: WHO.resident,
    target: { status: 'resolved' },
    payloads: [
      ['reopen without a note', transition('reopen')],
      ['reopen with a note of 1001 chars', transition('reopen', { note: '没'.repeat(1001) })],
    ],
  },
  'report.edit': {
    as: WHO.resident,
    target: {},
    payloads: [
      ...idCases(),
      ['nothing to change', (e) => ({ id: e.id })],
      ['description of 4 chars', (e) => ({ id: e.id, description: '垃圾没清' })],
      ['description of 1001 chars', (e) => ({ id: e.id, description: '字'.repeat(1001) })],
      ['description 10 MB', (e) => ({ id: e.id, description: TEN_MB })],
      ['category unknown', (e) => ({ id: e.id, category: 'ads' })],
      ['7 photos', async (e) => ({ id: e.id, photoIds: await e.mine(7) })],
      ['duplicate photos', async (e) => {
        const [p] = await e.mine(1)
        return { id: e.id, photoIds: [p, p] }
      }],
      ["photo of someone else's", async (e) => ({ id: e.id, photoIds: [await e.theirs()] })],
      ['photo attached to another report', async (e) => ({ id: e.id, photoIds: [await e.attached()] })],
      ['photo of no file', (e) => ({ id: e.id, photoIds: ['f_does_not_exist'] })],
      ['anonymous a string', (e) => ({ id: e.id, anonymous: 'true' })],
      ['visibility unknown', (e) => ({ id: e.id, visibility: 'friends' })],
      ['status smuggled', (e) => ({ id: e.id, status: 'resolved' })],
      ['gridId smuggled', (e) => ({ id: e.id, gridId: 'g_jj_2' })],
      ['location smuggled', (e) => ({ id: e.id, location: at })],
    ],
  },
  'report.rate': {
    as: WHO.resident,
    target: { status: 'resolved' },
    payloads: [
      ...idCases().map(([n, f]): [string, (env: Env) => unknown] => [n, (e) => {
        const p = f(e)
        return p && typeof p === 'object' && !Array.isArray(p) && 'id' in p ? { ...p, score: 5 } : p
      }]),
      ['score missing', (e) => ({ id: e.id })],
      ['score 0', (e) => ({ id: e.id, score: 0 })],
      ['score 6', (e) => ({ id: e.id, score: 6 })],
      ['score 2.5', (e) => ({ id: e.id, score: 2.5 })],
      ['score -1', (e) => ({ id: e.id, score: -1 })],
      ['score "5"', (e) => ({ id: e.id, score: '5' })],
      ['score NaN', (e) => ({ id: e.id, score: Number.NaN })],
      ['score null', (e) => ({ id: e.id, score: null })],
      ['comment of 501 chars', (e) => ({ id: e.id, score: 5, comment: '好'.repeat(501) })],
      ['comment 10 MB', (e) => ({ id: e.id, score: 5, comment: TEN_MB })],
      ['comment a number', (e) => ({ id: e.id, score: 5, comment: 5 })],
    ],
  },
  'report.mediate': {
    as: WHO.worker,
    target: { category: 'dispute', description: '楼上邻居每晚装修噪音，协商未果', status: 'accepted' },
    payloads: (() => {
      const parties = [{ name: '张三丰', role: '申请人' }, { name: '李四光' }]
      const m = (extra: Record<string, unknown>) => (e: Env) => ({ id: e.id, kind: 'people', parties, ...extra })
      return [
        ...idCases().map(([n, f]): [string, (env: Env) => unknown] => [n, (e) => {
          const p = f(e)
          return p && typeof p === 'object' && !Array.isArray(p) && 'id' in p ? { ...p, kind: 'people', parties } : p
        }]),
        ['kind missing', (e) => ({ id: e.id, parties })],
        ['kind unknown', m({ kind: 'court' })],
        ['parties missing', (e) => ({ id: e.id, kind: 'people' })],
        ['one party', m({ parties: [{ name: '张三丰' }] })],
        ['11 parties', m({ parties: Array.from({ length: 11 }, (_, i) => ({ name: `当事人${i}` })) })],
        ['parties a string', m({ parties: '张三丰,李四光' })],
        ['a party without a name', m({ parties: [{ name: '' }, { name: '李四光' }] })],
        ['a party name of 21 chars', m({ parties: [{ name: '张'.repeat(21) }, { name: '李四光' }] })],
        ['a party name 10 MB', m({ parties: [{ name: TEN_MB }, { name: '李四光' }] })],
        ['a party with an unknown key', m({ parties: [{ name: '张三丰', idCard: '510101199001011234' }, { name: '李四光' }] })],
        ['outcome agreed without agreement', m({ outcome: 'agreed' })],
        ['agreement with outcome failed', m({ outcome: 'failed', agreement: '双方同意' })],
        ['agreement without outcome', m({ agreement: '双方同意' })],
        ['outcome unknown', m({ outcome: 'maybe' })],
        ['session date 2025-02-30', m({ session: { date: '2025-02-30', note: '调解' } })],
        ['session date 2025-13-01', m({ session: { date: '2025-13-01', note: '调解' } })],
        ['session date 2025-2-3', m({ session: { date: '2025-2-3', note: '调解' } })],
        ['session date with a time', m({ session: { date: '2025-02-28T10:00:00Z', note: '调解' } })],
        ['session date 10 MB', m({ session: { date: TEN_MB, note: '调解' } })],
        ['session date a number', m({ session: { date: 20250228, note: '调解' } })],
        ['session without a note', m({ session: { date: '2025-02-28' } })],
        ['session note of 2001 chars', m({ session: { date: '2025-02-28', note: '记'.repeat(2001) } })],
        ['own __proto__ key', (e) => proto(`{"id":"${e.id}","kind":"people","parties":[{"name":"甲"},{"name":"乙"}],"__proto__":{"outcome":"agreed"}}`)],
      ] as [string, (env: Env) => unknown][]
    })(),
  },
  'report.summary': {
    as: WHO.committee,
    payloads: [
      ['gridId a number', () => ({ gridId: 1 })],
      ['gridId with SQL', () => ({ gridId: `g_jj_1${SQL}` })],
      ['gridId of no grid', () => ({ gridId: 'g_nowhere' })],
      ['unknown key', () => ({ communityId: 'c_linjiang' })],
      ['payload a string', () => 'all'],
    ],
  },
  'report.deadlines': {
    as: WHO.committee,
    payloads: [
      ['unknown key', () => ({ communityId: 'c_linjiang' })],
      ['own __proto__ key', () => proto('{"__proto__":{"x":1}}')],
      ['payload an array', () => []],
    ],
  },
  'report.setDeadlines': {
    as: WHO.committee,
    payloads: [
      ['empty', () => ({})],
      ['days a number', () => ({ days: 5 })],
      ['0 days', () => ({ days: { environment: 0 } })],
      ['31 days', () => ({ days: { environment: 31 } })],
      ['2.5 days', () => ({ days: { environment: 2.5 } })],
      ['"5" days', () => ({ days: { environment: '5' } })],
      ['negative days', () => ({ days: { safety_hazard: -2 } })],
      ['unknown category', () => ({ days: { bribery: 3 } })],
      ['__proto__ as a category', () => proto('{"days":{"__proto__":{"environment":1}}}')],
      ['communityId smuggled', () => ({ days: { environment: 4 }, communityId: 'c_linjiang' })],
    ],
  },
  'message.list': {
    as: WHO.resident,
    payloads: [
      ['unreadOnly a string', () => ({ unreadOnly: 'yes' })],
      ['limit 0', () => ({ limit: 0 })],
      ['limit 101', () => ({ limit: 101 })],
      ['cursor garbage', () => ({ cursor: '!!!' })],
      ['cursor 10 MB', () => ({ cursor: TEN_MB })],
      ['userId smuggled', () => ({ userId: WHO.resident2 })],
      ['payload a string', () => 'all'],
    ],
  },
  'message.read': {
    as: WHO.resident,
    payloads: [
      ['empty', () => ({})],
      ['all false', () => ({ all: false })],
      ['all "true"', () => ({ all: 'true' })],
      ['id and all', () => ({ id: 'm_1', all: true })],
      ['id a number', () => ({ id: 1 })],
      ['id 10 MB', () => ({ id: TEN_MB })],
      ['id of no message', () => ({ id: 'm_does_not_exist' })],
      ['own __proto__ key', () => proto('{"all":true,"__proto__":{"x":1}}')],
    ],
  },
}

const rows = Object.entries(CASES).flatMap(([label, c]) => c.payloads.map(([name, make]) => [label, name, c, make] as const))

test.each(rows)('%s: %s → 4xx, Chinese message, nothing written', async (label, _name, c, make) => {
  const action = label.split(' ')[0] as string
  const target = c.target ? await makeReport(h, c.target) : null
  const env: Env = {
    id: target?.id ?? 'r_none',
    mine: (n) => Promise.all(Array.from({ length: n }, () => addPhoto(h, c.as))),
    theirs: () => addPhoto(h, WHO.resident2),
    attached: async () => {
      const other = await makeReport(h, { reporter: c.as, gridId: 'g_jj_1', photos: 1 })
      const row = (await h.sql.get('SELECT file_id FROM report_photos WHERE report_id = ?', [other.id])) as { file_id: string }
      return row.file_id
    },
  }
  const payload = await make(env)
  const before = await h.counts()
  const reportBefore = target ? (await h.sql.get('SELECT * FROM reports WHERE id = ?', [target.id])) : null
  const r = await h.call(action, payload, c.as)
  expect(r.ok).toBe(false)
  if (r.ok) return
  const status = statusOf(r.error.code)
  expect(status).toBeGreaterThanOrEqual(400)
  expect(status).toBeLessThan(500)
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
  expect(JSON.stringify(r)).not.toMatch(/at .*\.ts:\d+/)
  expect(await h.counts()).toEqual(before)
  if (target) expect(await h.sql.get('SELECT * FROM reports WHERE id = ?', [target.id])).toEqual(reportBefore)
  expect(h.errors).toEqual([])
})

test('every report and message action has bad-input cases', () => {
  const actions = new Set(Object.keys(CASES).map((l) => l.split(' ')[0]))
  expect([...actions].sort()).toEqual(
    [
      'report.create', 'report.nearby', 'report.support', 'report.list', 'report.get', 'report.transition', 'report.edit',
      'report.rate', 'report.mediate', 'report.summary', 'report.deadlines', 'report.setDeadlines', 'message.list', 'message.read',
    ].sort(),
  )
})

describe('what must be accepted, kept as text', () => {
  test('HTML, SQL and emoji in a description are stored and shown verbatim', async () => {
    const description = `<script>alert(1)</script> 🚮🚮 " OR 1=1 -- ${SQL} <img src=x onerror=alert(1)>`
    const before = await h.counts()
    const r = await h.ok<ReportView>('report.create', { ...good, description }, WHO.resident)
    expect(r.description).toBe(description)
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.worker)).description).toBe(description)
    const note = `<b>已处理</b> ${SQL} ✅`
    const accepted = await h.ok<ReportView>('report.transition', { id: r.id, action: 'accept' }, WHO.worker)
    expect(accepted.status).toBe('accepted')
    const noted = await h.ok<ReportView>('report.transition', { id: r.id, action: 'note', note }, WHO.worker)
    expect(noted.timeline.at(-1)?.note).toBe(note)
    const after = await h.counts()
    expect(after.reports).toBe(before.reports + 1)
    expect(after.users).toBe(before.users)
  })

  test('5 characters (or 5 emoji) and 1000 emoji are accepted; surrounding whitespace is trimmed', async () => {
    expect((await h.ok<ReportView>('report.create', { ...good, description: '垃圾没清运' }, WHO.resident)).description).toBe('垃圾没清运')
    expect((await h.ok<ReportView>('report.create', { ...good, description: '🚮🚮🚮🚮🚮' }, WHO.resident)).description).toBe('🚮🚮🚮🚮🚮')
    const long = await h.ok<ReportView>('report.create', { ...good, description: '🚮'.repeat(1000) }, WHO.resident)
    expect([...long.description]).toHaveLength(1000)
    expect((await h.ok<ReportView>('report.create', { ...good, description: '  \n垃圾没清运  ' }, WHO.resident)).description).toBe('垃圾没清运')
  })

  test('6 photos of my own are accepted and come back in order', async () => {
    const photoIds = await Promise.all(Array.from({ length: 6 }, () => addPhoto(h, WHO.resident)))
    const r = await h.ok<ReportView>('report.create', { ...good, photoIds }, WHO.resident)
    expect(r.photos.map((p) => p.id)).toEqual(photoIds)
  })

  test('a mediation with outcome agreed and its agreement, and a session on a real date (2024-02-29), is accepted', async () => {
    const r = await makeReport(h, { category: 'dispute', description: '楼上邻居每晚装修噪音，协商未果', status: 'accepted' })
    const v = await h.ok<ReportView>('report.mediate', {
      id: r.id,
      kind: 'people',
      parties: [{ name: '张三丰', role: '申请人' }, { name: '李四光' }],
      session: { date: '2024-02-29', note: '第一次调解' },
      outcome: 'agreed',
      agreement: '晚十点后停工，赔偿 200 元',
    }, WHO.worker)
    expect(v.mediation).toMatchObject({ kind: 'people', outcome: 'agreed', agreement: '晚十点后停工，赔偿 200 元' })
    expect(v.mediation?.sessions[0]).toMatchObject({ date: '2024-02-29', note: '第一次调解' })
  })
})
