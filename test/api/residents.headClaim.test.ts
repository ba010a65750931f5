/**
 * Issue 16, finding 9: a 户主 claim was verified at once on a name match, so knowing a neighbour's name was
 * enough to be bound to their household (and vote for it). When the roster holds the household's phone, the
 * claimant's verified phone (微信手机号快速验证) must be that number; otherwise — a typed number, another number,
 * none — the claim waits for the committee's review. A household without a phone on the roster is as before.
 */
import type { ResidentApplyResult } from '@/domain/residents'
import { makeHarness, type Harness } from './support/harness'
import { COMMITTEE } from './support/demoUsers'

const ROSTER_PHONE = '13812345678'
let h: Harness
let phoneFromWechat = ROSTER_PHONE
beforeAll(async () => {
  h = await makeHarness({ deps: { wechatPhone: { phoneNumber: async () => phoneFromWechat } } })
  const csv = [
    '网格,楼栋/组,单元,房号,户主姓名,成年人数,联系电话',
    `第一网格,12栋,1单元,101,赵六,2,${ROSTER_PHONE}`,
    `第一网格,12栋,1单元,102,钱七,2,${ROSTER_PHONE}`,
    `第一网格,12栋,1单元,103,孙八,2,${ROSTER_PHONE}`,
    '第一网格,12栋,1单元,104,李九,2,',
    `第一网格,12栋,1单元,105,周十,2,${ROSTER_PHONE}`,
    `第一网格,12栋,1单元,106,吴一,2,${ROSTER_PHONE}`,
  ].join('\n')
  await h.ok('household.import', { csv }, COMMITTEE)
})
afterAll(() => h.close())

const claim = async (room: string, name: string, setup?: (id: string) => Promise<void>) => {
  const id = await h.devLogin({ role: 'resident', verified: false })
  await setup?.(id)
  return h.ok<ResidentApplyResult>('resident.apply', { gridId: 'g_jj_1', building: '12栋', unit: '1单元', room, name, relation: 'head' }, id)
}

test('the right name but no phone at all → review', async () => {
  expect((await claim('101', '赵六')).status).toBe('pending')
})

test('the right name and the roster’s number typed by hand → review (a typed number proves nothing)', async () => {
  const r = await claim('105', '周十', async (id) => void (await h.ok('me.setPhone', { phone: ROSTER_PHONE }, id)))
  expect(r.status).toBe('pending')
})

test('the right name and another verified number → review', async () => {
  phoneFromWechat = '13900009999'
  const r = await claim('102', '钱七', async (id) => void (await h.ok('me.setPhone', { phoneCode: 'code-1' }, id)))
  expect(r.status).toBe('pending')
})

test('the right name and the roster’s number verified through WeChat → verified at once', async () => {
  phoneFromWechat = ROSTER_PHONE
  const r = await claim('103', '孙八', async (id) => void (await h.ok('me.setPhone', { phoneCode: 'code-2' }, id)))
  expect(r.status).toBe('verified')
})

test('a household without a phone on the roster: the name match is enough, as before', async () => {
  expect((await claim('104', '李九')).status).toBe('verified')
})

test('a verified number typed over by hand is no longer verified', async () => {
  phoneFromWechat = ROSTER_PHONE
  const id = await h.devLogin({ role: 'resident', verified: false })
  await h.ok('me.setPhone', { phoneCode: 'code-3' }, id)
  await h.ok('me.setPhone', { phone: ROSTER_PHONE }, id)
  const r = await h.ok<ResidentApplyResult>('resident.apply', { gridId: 'g_jj_1', building: '12栋', unit: '1单元', room: '106', name: '吴一', relation: 'head' }, id)
  expect(r.status).toBe('pending')
})
