/**
 * Who may read the audit log: each caller × scope → ok or the error code. The committee its own community; the
 * street, district and city the communities under them (a street never another street's); grid workers,
 * residents, volunteers and department staff: FORBIDDEN.
 */
import type { AuditPage } from '@/domain/audit'
import { addOtherStreet, makeDepartment, OTHER_STREET } from './support/departmentFixtures'
import { OTHER_COMMUNITY_RESIDENT } from './support/demoUsers'
import { makeHarness, type Harness } from './support/harness'
import { CITY, COMMITTEE, DISTRICT, OTHER_COMMITTEE, STREET, VERIFIED, VOLUNTEER, WORKER } from './support/warningFixtures'

let h: Harness
let other: { streetStaff: string; committee: string; resident: string }
let departmentStaff: string
let WHO: [string, string][]

beforeAll(async () => {
  h = await makeHarness()
  other = await addOtherStreet(h)
  departmentStaff = (await makeDepartment(h)).members[0]
  await h.ok('notice.publish', { title: '南湖通知', body: '正文', category: 'notice' }, other.committee)
  await h.ok('notice.publish', { title: '锦江通知', body: '正文', category: 'notice' }, COMMITTEE)
  await h.ok('notice.publish', { title: '临江通知', body: '正文', category: 'notice' }, OTHER_COMMITTEE)
  WHO = [
    ['committee', COMMITTEE],
    ['otherCommittee', OTHER_COMMITTEE],
    ['street', STREET],
    ['otherStreet', other.streetStaff],
    ['district', DISTRICT],
    ['city', CITY],
    ['worker', WORKER],
    ['resident', VERIFIED],
    ['volunteer', VOLUNTEER],
    ['otherResident', OTHER_COMMUNITY_RESIDENT],
    ['department', departmentStaff],
  ]
})
afterAll(() => h.close())

const F = 'FORBIDDEN'
const ok = 'ok'
//                                            committee otherCom street otherSt district city worker resident volunteer otherRes dept
const EXPECTED: [string, Record<string, unknown>, string[]][] = [
  ['audit.list', {}, [ok, ok, ok, ok, ok, ok, F, F, F, F, F]],
  ['audit.list', { communityId: 'c_jinjiang' }, [ok, F, ok, F, ok, ok, F, F, F, F, F]],
  ['audit.list', { communityId: 'c_linjiang' }, [F, ok, ok, F, ok, ok, F, F, F, F, F]],
  ['audit.list', { communityId: OTHER_STREET.communityId }, [F, F, F, ok, F, F, F, F, F, F, F]],
  ['audit.list', { communityId: 'no_such_community' }, [F, F, F, F, F, F, F, F, F, F, F]],
  ['audit.actions', {}, [ok, ok, ok, ok, ok, ok, F, F, F, F, F]],
  ['audit.actions', { communityId: 'c_jinjiang' }, [ok, F, ok, F, ok, ok, F, F, F, F, F]],
]

test.each(EXPECTED.map(([a, p, e]) => [`${a} ${JSON.stringify(p)}`, a, p, e] as const))('%s', async (_name, action, payload, expected) => {
  const got: string[] = []
  for (const [, who] of WHO) {
    const r = await h.call(action, payload, who)
    got.push(r.ok ? 'ok' : r.error.code)
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
  }
  expect(Object.fromEntries(WHO.map(([w], i) => [w, got[i]]))).toEqual(Object.fromEntries(WHO.map(([w], i) => [w, expected[i]])))
})

/** The communities whose rows each reader gets with no filter: own vs other community, street vs another street. */
test('each reader sees exactly the communities of their area', async () => {
  const seen = async (who: string) => {
    const communities = new Set<string | null>()
    let cursor: string | undefined
    do {
      const page: AuditPage = await h.ok<AuditPage>('audit.list', { limit: 50, ...(cursor ? { cursor } : {}) }, who)
      for (const r of page.items) communities.add(r.communityId)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return [...communities].sort((a, b) => String(a).localeCompare(String(b)))
  }
  expect(await seen(COMMITTEE)).toEqual(['c_jinjiang'])
  expect(await seen(OTHER_COMMITTEE)).toEqual(['c_linjiang'])
  expect(await seen(other.committee)).toEqual([OTHER_STREET.communityId])
  expect(await seen(STREET)).toEqual(['c_jinjiang', 'c_linjiang'])
  expect(await seen(other.streetStaff)).toEqual([OTHER_STREET.communityId])
  expect(await seen(DISTRICT)).toEqual(['c_jinjiang', 'c_linjiang'])
  // the city: its communities and the system rows (department.create / addMember have no community); 南湖's street is under no district
  expect(await seen(CITY)).toEqual(['c_jinjiang', 'c_linjiang', null])
})
