/**
 * Addresses are matched on their normalised key (src/domain/address.ts, migration 003), not on the text as
 * typed: what a resident types meets the committee's roster spelling, a re-import in another spelling updates
 * the same household, and two spellings of one household in one file are a duplicate. The text people typed
 * is what is kept and shown.
 */
import type { Me } from '@/domain/auth'
import type { HouseholdImportResult, ResidentApplicationView, ResidentApplyResult } from '@/domain/residents'
import type { Page } from '@/domain/shared/text'
import { makeHarness, type Harness } from './support/harness'

const HEADER = '网格,楼栋/组,单元,房号,户主姓名,成年人数,联系电话'
const COMMITTEE = 'u_committee_jj'
let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const csv = (...lines: string[]) => [HEADER, ...lines].join('\n')
const imported = (text: string) => h.ok<HouseholdImportResult>('household.import', { csv: text }, COMMITTEE)
const roster = async () =>
  (await h.sql.all("SELECT id, building, unit, room, head_name, adults FROM households WHERE grid_id = 'g_jj_1' AND building_key = '8'")) as { id: string; building: string; unit: string; room: string; head_name: string; adults: number }[]
const newcomer = () => h.devLogin({ role: 'resident', verified: false, gridId: 'g_jj_1' })
const apply = (who: string, over: Record<string, unknown>) =>
  h.call<ResidentApplyResult>('resident.apply', { gridId: 'g_jj_1', relation: 'head', ...over }, who)

test('a 户主 typing " 8栋" / "2" / "３０１室" is verified at once against the roster row 8栋 / 2单元 / 301', async () => {
  await imported(csv('第一网格,8栋,2单元,301,钱某明,2,'))
  const [household] = await roster()
  const who = await newcomer()
  const r = await apply(who, { building: ' 8栋', unit: '2', room: '３０１室', name: '钱某明' })
  expect(r).toMatchObject({ ok: true, data: { status: 'verified' } })
  expect(await h.sql.get('SELECT verified, household_id FROM users WHERE id = ?', [who])).toEqual({ verified: 1, household_id: household?.id })
  // the household is shown as the committee wrote it; the application keeps what the resident typed
  const m = await h.ok<Me>('me.get', {}, who)
  expect(m.household).toMatchObject({ id: household?.id, building: '8栋', unit: '2单元', room: '301' })
  const mine = await h.ok<ResidentApplicationView>('resident.myApplication', {}, who)
  expect(mine).toMatchObject({ status: 'verified', building: '8栋', unit: '2', room: '３０１室' })
})

test('a pending application in another spelling shows its roster household to the committee, and approval binds it', async () => {
  await imported(csv('第一网格,8栋,2单元,301,钱某明,2,'))
  const [household] = await roster()
  const who = await newcomer()
  const r = await apply(who, { building: '8', unit: '2单元', room: '301室', name: '钱某家人', relation: 'member' })
  if (!r.ok) throw new Error('apply failed')
  expect(r.data.status).toBe('pending')
  const list = await h.ok<Page<ResidentApplicationView>>('resident.applications', { status: 'pending' }, COMMITTEE)
  expect(list.items.find((a) => a.id === r.data.applicationId)).toMatchObject({ householdId: household?.id, room: '301室' })
  expect(await h.ok('resident.review', { applicationId: r.data.applicationId, approve: true }, COMMITTEE)).toMatchObject({
    status: 'verified',
    householdId: household?.id,
  })
})

test('importing 8栋,2单元,301 then 8,2,301 with a new 户主 updates that household: 1 updated, 0 added', async () => {
  expect(await imported(csv('第一网格,8栋,2单元,301,钱某明,2,'))).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: [] })
  const before = await h.counts()
  expect(await imported(csv('第一网格,8,2,301,孙某丽,3,'))).toEqual({ added: 0, updated: 1, unchanged: 0, rejected: [] })
  expect((await h.counts()).households).toBe(before.households)
  // the spelling first imported stays; the data is the new file's
  expect(await roster()).toEqual([{ id: expect.any(String), building: '8栋', unit: '2单元', room: '301', head_name: '孙某丽', adults: 3 }])
  // the same data in a third spelling changes and writes nothing
  const after = await h.counts()
  expect(await imported(csv('第一网格,８号楼, 2 单元 ,301室,孙某丽,3,'))).toEqual({ added: 0, updated: 0, unchanged: 1, rejected: [] })
  expect(await h.counts()).toEqual(after)
})

test('two spellings of one household in one file: the second line is rejected as a duplicate', async () => {
  const r = await imported(csv('第一网格,8栋,2单元,301,钱某明,2,', '第一网格,8,2,３０１室,孙某丽,3,', '第一网格,8栋,2单元,302,李某,1,'))
  expect(r).toEqual({ added: 2, updated: 0, unchanged: 0, rejected: [{ line: 3, reason: expect.stringMatching(/与第 2 行是同一户/) }] })
  expect((await roster()).map((x) => [x.room, x.head_name])).toEqual([['301', '钱某明'], ['302', '李某']])
})
