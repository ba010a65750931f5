/**
 * member.list carries each person's household address (3栋2单元301) for the committee of their community, so
 * two people of one name can be told apart (the offline-ballot picker); nobody else gets it, and the search
 * finds people by it.
 */
import type { MemberView } from '@/domain/members'
import type { Page } from '@/domain/shared/text'
import type { HouseholdRecord } from '../../cloud/residents/ports'
import type { UserRecord } from '../../cloud/shared/ports'
import { toMemberView } from '../../cloud/residents/view'
import { makeHarness, type Harness } from './support/harness'
import { addVoters } from './support/motionFixtures'

const COMMITTEE = 'u_committee_jj'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

/** Two verified residents named 王建国 in one grid (g_jj_1), in different households. */
async function twoNamesakes(): Promise<[string, string]> {
  const [a, b] = await addVoters(h, 2, { households: ['h_jj_1_03', 'h_jj_1_04'] })
  await h.sql.run("UPDATE users SET name = '王建国' WHERE id IN (?, ?)", [a!.id, b!.id])
  return [a!.id, b!.id]
}

async function addressOf(id: string): Promise<string> {
  const r = (await h.sql.get('SELECT h.building, h.unit, h.room FROM users u JOIN households h ON h.id = u.household_id WHERE u.id = ?', [id])) as { building: string; unit: string; room: string }
  return `${r.building}${r.unit}${r.room}`
}

test('the committee sees each person’s household address; namesakes in one grid differ by it', async () => {
  const [a, b] = await twoNamesakes()
  const page = await h.ok<Page<MemberView>>('member.list', { role: 'resident', query: '王建国' }, COMMITTEE)
  expect(page.items.map((m) => [m.id, m.name, m.gridId, m.address])).toEqual(
    [[a, '王建国', 'g_jj_1', await addressOf(a)], [b, '王建国', 'g_jj_1', await addressOf(b)]],
  )
  expect(page.items[0]!.address).not.toBe(page.items[1]!.address)
  // the seed: 王建华 lives in 1栋1单元101; someone not bound to a household has none
  const all = await h.ok<Page<MemberView>>('member.list', { limit: 50 }, COMMITTEE)
  expect(all.items.find((m) => m.id === 'u_resident_jj1')!.address).toBe('1栋1单元101')
  expect(all.items.find((m) => m.id === 'u_worker_jj1')).toMatchObject({ address: null })
  // member.assignGrids answers with the same view
  const assigned = await h.ok<MemberView>('member.assignGrids', { userId: 'u_resident_jj1', gridIds: ['g_jj_1'] }, COMMITTEE)
  expect(assigned.address).toBe('1栋1单元101')
  // and resident.register (someone without a smartphone, registered into a household)
  const registered = await h.ok<MemberView>('resident.register', { householdId: 'h_jj_1_05', name: '老人乙' }, COMMITTEE)
  expect(registered.address).toBe(await addressOf(registered.id))
})

test('the search finds people by their address, as typed or as shown', async () => {
  const [a, b] = await twoNamesakes()
  const find = async (query: string) =>
    (await h.ok<Page<MemberView>>('member.list', { role: 'resident', query, limit: 50 }, COMMITTEE)).items.map((m) => m.id)
  const addrA = await addressOf(a)
  expect(await find(addrA)).toContain(a)
  expect(await find(addrA)).not.toContain(b)
  expect(await find('1栋1单元101')).toContain('u_resident_jj1')
  expect(await find('1单元102')).toEqual(['u_volunteer_jj1'])
  // a roster typed with bare numbers (5 / 2 / 301) is shown and found as 5栋2单元301
  await h.sql.run("UPDATE households SET building = '5', unit = '2', room = '301' WHERE id = 'h_jj_1_03'")
  expect(await find('5栋2单元301')).toEqual([a])
  expect(await find('5栋2单元')).toEqual([a])
  const listed = await h.ok<Page<MemberView>>('member.list', { role: 'resident', query: '王建国' }, COMMITTEE)
  expect(listed.items.find((m) => m.id === a)!.address).toBe('5栋2单元301')
  // the address search stays inside the community: 临江村's 1组101 is not found from 锦江社区
  expect(await find('1组')).toEqual([])
})

test('nobody else gets an address: only the committee may list members, and the view leaves it out for other viewers', async () => {
  for (const who of ['u_resident_jj1', 'u_worker_jj1', 'u_street']) {
    const r = await h.call('member.list', {}, who)
    expect(r.ok).toBe(false)
  }
  // another community's committee lists its own people (with their addresses), never 锦江社区's
  const lj = await h.ok<Page<MemberView>>('member.list', { limit: 50 }, 'u_committee_lj')
  expect(lj.items.some((m) => m.id === 'u_resident_jj1')).toBe(false)
  expect(lj.items.find((m) => m.id === 'u_resident_lj1')!.address).toBe('1组101')
  const subject = (await h.store.users.get('u_resident_jj1')) as UserRecord
  const household = (await h.store.households.get('h_jj_1_01')) as HouseholdRecord
  const viewer = async (id: string) => (await h.store.users.get(id)) as UserRecord
  expect(toMemberView(subject, await viewer(COMMITTEE), household).address).toBe('1栋1单元101')
  for (const id of ['u_resident_jj1', 'u_worker_jj1', 'u_volunteer_jj1', 'u_committee_lj', 'u_street']) {
    expect({ id, address: toMemberView(subject, await viewer(id), household).address }).toEqual({ id, address: null })
  }
  // a household that is not theirs is never shown as their address
  const other = (await h.store.households.get('h_jj_1_02')) as HouseholdRecord
  expect(toMemberView(subject, await viewer(COMMITTEE), other).address).toBeNull()
})
