/**
 * Bad input on the issue-3 actions (DESIGN §5): wrong types, unknown keys, __proto__, 10 MB strings,
 * SQL/HTML fragments → 4xx with a code and a Chinese message, nothing written, the server keeps answering.
 */
import { makeHarness, type Harness } from './support/harness'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const BIG = 'x'.repeat(10 * 1024 * 1024)
const CASES: [string, unknown, string][] = [
  ['household.import', { csv: 42 }, 'u_committee_jj'],
  ['household.import', { csv: BIG }, 'u_committee_jj'],
  ['household.import', { csv: 'a', extra: 1 }, 'u_committee_jj'],
  ['household.list', { gridId: "g' OR 1=1 --" }, 'u_committee_jj'],
  ['household.list', { limit: 101 }, 'u_committee_jj'],
  ['household.list', { cursor: 'eyJ4IjoxfQ' }, 'u_committee_jj'],
  ['household.export', { gridId: '<script>' }, 'u_committee_jj'],
  ['resident.apply', { gridId: 'g_jj_1', building: '', room: '101', name: '王', relation: 'head' }, 'u_resident_jj3'],
  ['resident.apply', { gridId: 'g_jj_1', building: '1栋', room: '101', name: BIG, relation: 'head' }, 'u_resident_jj3'],
  ['resident.apply', { gridId: 'g_jj_1', building: '1栋', room: '101', name: '王', relation: 'owner' }, 'u_resident_jj3'],
  ['resident.apply', JSON.parse('{"gridId":"g_jj_1","building":"1栋","room":"101","name":"王","relation":"head","__proto__":{"x":1}}'), 'u_resident_jj3'],
  ['resident.review', { applicationId: 'ra_pending_a1', approve: 'yes' }, 'u_committee_jj'],
  ['resident.review', { applicationId: 'ra_pending_a1', approve: false, reason: '   ' }, 'u_committee_jj'],
  ['resident.register', { householdId: 'h_jj_1_01', name: '某', phone: '110' }, 'u_committee_jj'],
  ['member.list', { role: 'admin' }, 'u_committee_jj'],
  ['member.assignGrids', { userId: 'u_resident_jj1', gridIds: Array(21).fill('g_jj_1') }, 'u_committee_jj'],
  ['member.assignGrids', { userId: 'u_resident_jj1', gridIds: 'g_jj_1' }, 'u_committee_jj'],
  ['volunteer.apply', { skills: 'x'.repeat(201) }, 'u_resident_jj1'],
  ['volunteer.review', { applicationId: 'va_jj2' }, 'u_committee_jj'],
  ['me.setPhone', {}, 'u_resident_jj1'],
  ['me.setPhone', { phone: '1391234567８' }, 'u_resident_jj1'],
  ['resident.myApplication', { x: 1 }, 'u_resident_jj1'],
]

test.each(CASES)('%s %#', async (action, payload, as) => {
  const before = await h.counts()
  const r = await h.call(action, payload, as)
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
  expect(await h.counts()).toEqual(before)
  expect(h.errors).toEqual([])
})

test('the server still answers', async () => {
  expect(await h.ok('resident.myApplication', {}, 'u_resident_jj3')).toMatchObject({ id: 'ra_pending_jj3' })
})
