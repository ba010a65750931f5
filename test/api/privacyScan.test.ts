/**
 * Per-role privacy scan (issue 16): every read action's replies, for anonymous and every role, on the demo data
 * (plus a dispute with a mediation record, a report escalated to the street and a patrol with a log), scanned for
 *   - a full phone number the rules do not give this viewer,
 *   - a full name of another person where the rules say masked,
 *   - an openid, a token, a file path, a stack trace or SQL.
 * The rules, as docs/API.md and the README state them: a person's full name and phone go to the person, the
 * committee of their community and the 网格员 of their grid; the reporter of a report to its community's staff,
 * its grid's worker and the street once escalated to it; mediation parties to the same staff; volunteers' names on
 * patrols to staff of the community and its street; staff names are public (a functional department's officers too: they act for their office).
 */
import type { z } from 'zod'
import { CONTRACT, READ_ACTION_NAMES } from '@/domain/contract'
import { makeHarness, type Harness } from './support/harness'

jest.setTimeout(300_000)

let h: Harness
const VIEWERS = [
  null,
  'u_resident_jj1',
  'u_resident_jj2',
  'u_resident_jj3',
  'u_volunteer_jj1',
  'u_worker_jj1',
  'u_worker_jj2',
  'u_committee_jj',
  'u_committee_lj',
  'u_street',
  'u_resident_lj1',
  'u_applicant_jj1',
]
const PARTIES = ['赵大海', '欧阳明月']

beforeAll(async () => {
  h = await makeHarness()
  // a dispute with a mediation record naming two parties, and a report escalated to the street
  const dispute = await h.ok<{ id: string }>('report.create', { category: 'dispute', description: '楼上漏水到我家多次协商未果' }, 'u_resident_jj1')
  await h.ok('report.transition', { id: dispute.id, action: 'accept' }, 'u_worker_jj1')
  await h.ok('report.mediate', {
    id: dispute.id,
    kind: 'people',
    parties: PARTIES.map((name) => ({ name })),
    session: { date: '2025-03-01', note: `${PARTIES[0]}和${PARTIES[1]}到场，${PARTIES[0]}同意维修` },
  }, 'u_worker_jj1')
  const up = await h.ok<{ id: string }>('report.create', { category: 'safety_hazard', description: '河边护栏断了好几米', visibility: 'public' }, 'u_resident_jj2')
  await h.ok('report.transition', { id: up.id, action: 'escalate', note: '需要社区协调' }, 'u_worker_jj2')
  await h.ok('report.transition', { id: up.id, action: 'escalate', note: '需要街道协调' }, 'u_committee_jj')
  // a patrol under way with the demo volunteer on it and a note
  const start = new Date(h.clock.now().getTime() + 10 * 60_000)
  const centre = { latitude: 29.7, longitude: 120.2 }
  const row = (await h.sql.get("SELECT latitude, longitude FROM shifts WHERE id = 'sh_demo_night'")) as typeof centre | undefined
  const area = row ?? centre
  const shift = await h.ok<{ shifts: { id: string }[] }>('shift.create', {
    title: '夜间巡逻', area: { ...area, radius: 300 }, startAt: start.toISOString(), endAt: new Date(start.getTime() + 3600_000 * 2).toISOString(), capacity: 5,
  }, 'u_committee_jj')
  const id = shift.shifts[0]!.id
  await h.ok('shift.signup', { id }, 'u_volunteer_jj1')
  await h.ok('shift.checkin', { id, ...area, accuracy: 10 }, 'u_volunteer_jj1')
  await h.ok('shift.log', { id, note: '东门一切正常' }, 'u_volunteer_jj1')
})
afterAll(() => h.close())

interface Person {
  id: string | null
  name: string
  phone: string | null
  communityId: string | null
  gridId: string | null
  staff: boolean
  volunteer: boolean
}

async function people(): Promise<Person[]> {
  const db = h.sql
  const users = (await db.all(`SELECT u.id, u.name, u.phone, u.community_id AS "communityId", u.grid_id AS "gridId",
         EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('committee', 'street', 'gridWorker', 'department')) AS staff,
         EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'volunteer') AS volunteer
       FROM users u`)) as (Omit<Person, 'staff' | 'volunteer'> & { staff: number; volunteer: number })[]
  const households = (await db.all('SELECT h.head_name AS name, h.phone, g.community_id AS "communityId", h.grid_id AS "gridId" FROM households h JOIN grids g ON g.id = h.grid_id')) as Omit<Person, 'id' | 'staff' | 'volunteer'>[]
  return [
    ...users.map((u) => ({ ...u, staff: u.staff === 1, volunteer: u.volunteer === 1 })),
    ...households.map((x) => ({ ...x, id: null, staff: false, volunteer: false })),
  ]
}

interface Viewer {
  id: string
  name: string
  phone: string | null
  roles: string[]
  communityId: string | null
  streetId: string | null
  grids: string[]
}

async function viewer(id: string): Promise<Viewer> {
  const db = h.sql
  const u = (await db.get('SELECT u.name, u.phone, u.community_id AS "communityId", c.street_id AS "streetId" FROM users u LEFT JOIN communities c ON c.id = u.community_id WHERE u.id = ?', [id])) as Omit<Viewer, 'id' | 'roles' | 'grids'>
  const roles = ((await db.all('SELECT role FROM user_roles WHERE user_id = ?', [id])) as { role: string }[]).map((r) => r.role)
  const grids = ((await db.all('SELECT grid_id FROM user_grids WHERE user_id = ?', [id])) as { grid_id: string }[]).map((r) => r.grid_id)
  return { id, ...u, roles, grids }
}

/** What the rules let this viewer see in full: names and phones. */
async function allowed(v: Viewer | null): Promise<{ names: Set<string>; phones: Set<string> }> {
  const names = new Set<string>()
  const phones = new Set<string>()
  if (!v) return { names, phones }
  const add = (p: { name: string; phone: string | null }, phone = true) => {
    names.add(p.name)
    if (phone && p.phone) phones.add(p.phone)
  }
  add(v)
  const db = h.sql
  const streetCommunities = v.streetId ? ((await db.all('SELECT id FROM communities WHERE street_id = ?', [v.streetId])) as { id: string }[]).map((c) => c.id) : []
  const committee = v.roles.includes('committee')
  const worker = v.roles.includes('gridWorker')
  const street = v.roles.includes('street')
  for (const p of await people()) {
    if (committee && p.communityId === v.communityId) add(p)
    if (worker && p.gridId && v.grids.includes(p.gridId)) add(p)
    // volunteers' names on patrols: staff of the community, and of its street
    if (p.volunteer && ((worker || committee) && p.communityId === v.communityId)) add(p, false)
    if (p.volunteer && street && p.communityId && streetCommunities.includes(p.communityId)) add(p, false)
  }
  // reporters (and parties) of reports: the community's staff, the grid's worker, the street once escalated to it
  const reports = (await db.all(`SELECT r.community_id AS "communityId", r.grid_id AS "gridId", r.street_id AS "streetId", r.level, u.name, u.phone, m.parties
     FROM reports r JOIN users u ON u.id = r.reporter_id LEFT JOIN mediations m ON m.report_id = r.id`)) as { communityId: string; gridId: string; streetId: string; level: string; name: string; phone: string | null; parties: string | null }[]
  for (const r of reports) {
    const sees = (committee && r.communityId === v.communityId) || (worker && v.grids.includes(r.gridId)) || (street && r.level === 'street' && r.streetId === v.streetId)
    if (!sees) continue
    add(r)
    for (const p of JSON.parse(r.parties ?? '[]') as { name: string }[]) names.add(p.name)
  }
  // 党员干部联系户 (issue 17): a household's residents see their contact's name (the phone when published); a cadre
  // sees the heads of their households by name
  const contacts = (await db.all(`SELECT a.household_id AS "householdId", a.cadre_id AS "cadreId", u.name, u.phone,
       c.publish_phone AS "publishPhone", h.head_name AS "headName"
     FROM contact_assignments a JOIN cadres c ON c.user_id = a.cadre_id JOIN users u ON u.id = a.cadre_id
     JOIN households h ON h.id = a.household_id`)) as { householdId: string; cadreId: string; name: string; phone: string | null; publishPhone: number | boolean; headName: string }[]
  const home = (await db.get('SELECT household_id AS "householdId", verified FROM users WHERE id = ?', [v.id])) as { householdId: string | null; verified: number | boolean }
  for (const c of contacts) {
    if (home.verified && c.householdId === home.householdId) add(c, Boolean(c.publishPhone))
    if (c.cadreId === v.id) names.add(c.headName)
  }
  return { names, phones }
}

/** Payloads to try for a read action: {} and what its schema's fields suggest. */
async function payloadsFor(schema: z.ZodType): Promise<unknown[]> {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType> } } })._zod.def
  const shape = def.type === 'object' ? def.shape ?? {} : {}
  const db = h.sql
  const out: unknown[] = [{}]
  const ids = async (t: string) => ((await db.all(`SELECT id FROM ${t}`)) as { id: string }[]).map((r) => r.id)
  const enumOf = (s: z.ZodType | undefined): string[] => {
    let d = (s as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; entries?: Record<string, string> } } } | undefined)?._zod.def
    while (d && d.type === 'optional') d = (d.innerType as unknown as { _zod: { def: typeof d } })._zod.def
    return d?.type === 'enum' ? Object.values(d.entries ?? {}) : []
  }
  if ('id' in shape) for (const t of ['notices', 'reports', 'shifts', 'motions']) for (const id of await ids(t)) out.push({ id })
  if ('scope' in shape) for (const scope of enumOf(shape.scope)) out.push({ scope })
  if ('status' in shape) for (const status of enumOf(shape.status)) out.push({ status })
  if ('gridId' in shape) for (const gridId of await ids('grids')) out.push({ gridId })
  if ('month' in shape) out.push({ month: '2025-03' })
  if ('mine' in shape) out.push({ mine: true }, { mine: true, from: '2025-01-01T00:00:00.000Z' })
  if ('role' in shape) for (const role of enumOf(shape.role)) out.push({ role })
  return out
}

// not inside a longer run of letters and digits (a receipt's SHA-256 in hex can hold eleven digits in a row)
const PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g
const FORBIDDEN_TEXT: [string, RegExp][] = [
  ['a token', /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/],
  ['an openid or session key', /"(openid|session_key|sessionKey|openId)"/i],
  ['a file path', /(\/work\/|\/tmp\/|\/home\/|node_modules|[A-Za-z]:\\\\|\.ts:\d+|\.js:\d+)/],
  ['a stack trace', /\bat [\w.<>]+ \(|Error: |TypeError|ReferenceError/],
  ['SQL', /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|SQLITE_\w+|constraint failed|no such (table|column))\b/i],
]

test('every read reply, for every role: no full phone or name beyond the rules, no openid, token, path, stack or SQL', async () => {
  const everyone = (await people()).filter((p) => !p.staff)
  const personalNames = new Set([...everyone.map((p) => p.name), ...PARTIES].filter((n) => [...n].length >= 2))
  const problems: string[] = []
  let replies = 0
  for (const as of VIEWERS) {
    const v = as ? await viewer(as) : null
    const ok = await allowed(v)
    for (const action of READ_ACTION_NAMES) {
      for (const payload of await payloadsFor(CONTRACT[action].input)) {
        const r = await h.call(action, payload, as)
        replies++
        const text = JSON.stringify(r)
        const where = `${as ?? 'anonymous'} ${action} ${JSON.stringify(payload)}`
        for (const [what, re] of FORBIDDEN_TEXT) if (re.test(text)) problems.push(`${where}: ${what}: ${re.exec(text)![0]}`)
        if (!r.ok) continue
        for (const phone of text.match(PHONE) ?? []) if (!ok.phones.has(phone)) problems.push(`${where}: phone ${phone}`)
        for (const name of personalNames) if (text.includes(name) && !ok.names.has(name)) problems.push(`${where}: name ${name}`)
      }
    }
  }
  expect(problems.slice(0, 30)).toEqual([])
  expect(replies).toBeGreaterThan(1000)
  expect(h.errors).toEqual([])
})
