/** Who may call what on 党员干部联系户 of 锦江社区 (issue 17): each caller × action → ok or the error code. */
import { makeHarness, NOW, type Harness } from './support/harness'
import { COMMITTEE, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT, STREET, UNVERIFIED, VERIFIED, WORKER } from './support/demoUsers'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const CADRE = 'u_volunteer_jj1' // the demo cadre: h_jj_1_01, h_jj_1_03, h_jj_1_04
type Who = 'otherCommittee' | 'street' | 'district' | 'worker' | 'resident' | 'unverified' | 'otherResident' | 'cadre' | 'committee'
// the committee last: its writes succeed and would change the others' answers
const WHO: Who[] = ['otherCommittee', 'street', 'district', 'worker', 'resident', 'unverified', 'otherResident', 'cadre', 'committee']
const ID: Record<Who, string> = {
  otherCommittee: OTHER_COMMITTEE,
  street: STREET,
  district: 'u_district',
  worker: WORKER,
  resident: VERIFIED,
  unverified: UNVERIFIED,
  otherResident: OTHER_COMMUNITY_RESIDENT,
  cadre: CADRE,
  committee: COMMITTEE,
}

const F = 'FORBIDDEN'
const N = 'NOT_FOUND'
const at = new Date(Date.parse(NOW) - 3600_000).toISOString()
//                          otherCom street district worker resident unverif otherRes cadre committee
const EXPECTED: Record<string, [unknown, string[]]> = {
  'contact.setCadre': [{ userId: 'u_resident_jj2', title: 'partyMember', publishPhone: true }, [N, F, F, F, F, F, F, F, 'ok']],
  'contact.removeCadre': [{ userId: CADRE }, ['ok', F, F, F, F, F, F, F, 'ok']],
  'contact.assign': [{ householdId: 'h_jj_1_05', cadreId: CADRE }, [N, F, F, F, F, F, F, F, 'ok']],
  'contact.log': [{ householdId: 'h_jj_1_01', kind: 'visit', at, note: '走访' }, [N, F, F, F, F, F, N, 'ok', F]],
  'contact.mine': [{}, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
  'contact.overview': [{}, ['ok', F, F, F, F, F, F, F, 'ok']],
  'contact.history': [{ householdId: 'h_jj_1_01' }, [N, 'ok', 'ok', N, N, N, N, 'ok', 'ok']],
  'contact.raise': [{ householdId: 'h_jj_1_03', category: 'facility', description: '楼道灯坏了' }, [N, F, F, F, F, F, N, 'ok', F]],
}

test.each(Object.keys(EXPECTED))('%s', async (action) => {
  const [payload, expected] = EXPECTED[action]!
  const got: string[] = []
  for (const who of WHO) {
    const r = await h.call(action, payload, ID[who])
    got.push(r.ok ? 'ok' : r.error.code)
  }
  expect(got).toEqual(expected)
})

test("another community's committee removing 锦江's cadre removes nothing", async () => {
  expect(await h.ok('contact.removeCadre', { userId: CADRE }, OTHER_COMMITTEE)).toEqual({ removed: false, households: 0 })
  expect(Number(await h.sql.value('SELECT count(*) FROM contact_assignments'))).toBe(3)
})

test('contact.mine: each caller sees only their own household’s contact, and the cadre list only as the cadre', async () => {
  for (const who of WHO) {
    const r = await h.ok<{ contact: unknown; cadre: unknown }>('contact.mine', {}, ID[who])
    expect({ who, contact: r.contact !== null, cadre: r.cadre !== null }).toEqual({ who, contact: who === 'resident', cadre: who === 'cadre' })
  }
})

test('without a session every action is refused', async () => {
  for (const action of Object.keys(EXPECTED)) {
    const r = await h.call(action, EXPECTED[action]![0], null)
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  }
})
