/** Who may call what on a shift of 锦江社区: each caller × action → ok or the error code. */
import { makeHarness, type Harness } from './support/harness'
import { addVolunteers, COMMITTEE, createShift, DEMO_VOLUNTEER, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT, RESIDENT, shiftInput, STREET, UNVERIFIED, WORKER } from './support/shiftFixtures'

let h: Harness
let unverifiedVolunteer: string
beforeEach(async () => {
  h = await makeHarness()
  unverifiedVolunteer = (await addVolunteers(h, 1, { verified: false }))[0]!.id
})
afterEach(() => h.close())

type Who = 'committee' | 'otherCommittee' | 'street' | 'worker' | 'resident' | 'unverified' | 'unverifiedVolunteer' | 'volunteer' | 'otherResident'
const ids = (): Record<Who, string> => ({
  committee: COMMITTEE,
  otherCommittee: OTHER_COMMITTEE,
  street: STREET,
  worker: WORKER,
  resident: RESIDENT,
  unverified: UNVERIFIED,
  unverifiedVolunteer,
  volunteer: DEMO_VOLUNTEER,
  otherResident: OTHER_COMMUNITY_RESIDENT,
})

const F = 'FORBIDDEN'
const N = 'NOT_FOUND'
//                          committee otherCom street worker resident unverif unverVol volunteer otherRes
const EXPECTED: Record<string, string[]> = {
  'shift.create': ['ok', 'ok', F, F, F, F, F, F, F],
  'shift.cancel': ['ok', N, F, F, F, F, F, F, N],
  'shift.get': ['ok', N, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', N],
  'shift.list': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'shift.signup': [F, N, F, F, F, F, F, 'ok', N],
  'shift.withdraw': [F, N, F, F, F, F, F, 'CONFLICT', N],
  'shift.checkin': [F, N, F, F, F, F, F, 'CONFLICT', N],
  'shift.checkout': [F, N, F, F, F, F, F, 'CONFLICT', N],
  'shift.log': [F, N, F, F, F, F, F, 'CONFLICT', N],
  'volunteer.stats': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'volunteer.board': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
}
const WHO: Who[] = ['committee', 'otherCommittee', 'street', 'worker', 'resident', 'unverified', 'unverifiedVolunteer', 'volunteer', 'otherResident']

const payloadOf = (action: string, id: string): unknown =>
  ({
    'shift.create': shiftInput(),
    'shift.cancel': { id, reason: '天气原因' },
    'shift.list': {},
    'shift.checkin': { id, latitude: 29.63, longitude: 120.4258, accuracy: 10 },
    'shift.log': { id, note: '一切正常' },
    'volunteer.stats': {},
    'volunteer.board': { month: '2099-06' },
  })[action] ?? { id }

test.each(Object.keys(EXPECTED))('%s', async (action) => {
  const got: string[] = []
  for (const who of WHO) {
    // a fresh shift per caller, so one caller's success does not change the next one's answer
    const s = await createShift(h, { title: `${action} ${who}`.slice(0, 40) })
    const r = await h.call(action, payloadOf(action, s.id), ids()[who])
    got.push(r.ok ? 'ok' : r.error.code)
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
    if (action === 'shift.signup' && !r.ok && r.error.code === F) expect(r.error.message).toMatch(/报名巡逻需先成为志愿者|没有权限/)
  }
  expect(Object.fromEntries(WHO.map((w, i) => [w, got[i]]))).toEqual(Object.fromEntries(WHO.map((w, i) => [w, EXPECTED[action]![i]])))
})

test('roster names: in full for staff, masked for volunteers and residents except their own row', async () => {
  const s = await createShift(h)
  await h.ok('shift.signup', { id: s.id }, DEMO_VOLUNTEER)
  const names = async (as: string) => (await h.ok<{ roster: { name: string; me: boolean }[] }>('shift.get', { id: s.id }, as)).roster
  for (const staff of [COMMITTEE, STREET, WORKER]) expect(await names(staff)).toEqual([{ name: '杨春敏', me: false, status: 'confirmed', checkinAt: null, checkoutAt: null, hours: null }])
  expect((await names(RESIDENT))[0]).toMatchObject({ name: '杨*敏', me: false })
  expect((await names(DEMO_VOLUNTEER))[0]).toMatchObject({ name: '杨春敏', me: true })
})
