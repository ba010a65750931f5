/** Every bad input to shift.* and volunteer.* → INVALID_INPUT with a Chinese message, and nothing written. */
import { countRows, makeHarness, type Harness } from './support/harness'
import { COMMITTEE, createShift, DEMO_VOLUNTEER, shiftInput } from './support/shiftFixtures'

let h: Harness
let shiftId: string
beforeAll(async () => {
  h = await makeHarness()
  shiftId = (await createShift(h)).id
})
afterAll(() => h.close())

const area = shiftInput().area
const rows = async () => Object.values(await countRows(h.sql, ['shifts', 'shift_signups', 'shift_logs', 'reports', 'messages', 'audit_log']))

const cases: [string, string, () => unknown, string, RegExp][] = [
  ['create: empty title', 'shift.create', () => shiftInput({ title: '  ' }), COMMITTEE, /请填写标题/],
  ['create: title of 41', 'shift.create', () => shiftInput({ title: '巡'.repeat(41) }), COMMITTEE, /标题最多 40 个字/],
  ['create: radius 49', 'shift.create', () => shiftInput({ area: { ...area, radius: 49 } }), COMMITTEE, /巡逻半径至少 50 米/],
  ['create: radius 2001', 'shift.create', () => shiftInput({ area: { ...area, radius: 2001 } }), COMMITTEE, /巡逻半径最多 2000 米/],
  ['create: radius 120.5', 'shift.create', () => shiftInput({ area: { ...area, radius: 120.5 } }), COMMITTEE, /巡逻半径应为整数米/],
  ['create: no area', 'shift.create', () => ({ ...shiftInput(), area: undefined }), COMMITTEE, /请设置巡逻区域/],
  ['create: latitude 91', 'shift.create', () => shiftInput({ area: { ...area, latitude: 91 } }), COMMITTEE, /纬度超出范围/],
  ['create: longitude as text', 'shift.create', () => shiftInput({ area: { ...area, longitude: '120' as never } }), COMMITTEE, /经度必须是数字/],
  ['create: capacity 0', 'shift.create', () => shiftInput({ capacity: 0 }), COMMITTEE, /人数上限至少 1 人/],
  ['create: capacity 201', 'shift.create', () => shiftInput({ capacity: 201 }), COMMITTEE, /人数上限最多 200 人/],
  ['create: end before start', 'shift.create', () => shiftInput({ endAt: '2099-06-01T10:00:00.000Z' }), COMMITTEE, /结束时间应晚于开始时间/],
  ['create: 12 h + 1 min', 'shift.create', () => shiftInput({ endAt: '2099-06-01T23:01:00.000Z' }), COMMITTEE, /一个班次最长 12 小时/],
  ['create: start in the past', 'shift.create', () => shiftInput({ startAt: '2025-02-01T11:00:00.000Z', endAt: '2025-02-01T12:00:00.000Z' }), COMMITTEE, /开始时间应晚于现在/],
  ['create: bad time', 'shift.create', () => shiftInput({ startAt: '明天晚上' }), COMMITTEE, /时间格式不正确/],
  ['create: repeat 13 weeks', 'shift.create', () => shiftInput({ repeatWeeks: 13 }), COMMITTEE, /每周重复最多 12 周/],
  ['create: repeat 0 weeks', 'shift.create', () => shiftInput({ repeatWeeks: 0 }), COMMITTEE, /重复周数为 1—12/],
  ['create: note of 501', 'shift.create', () => shiftInput({ note: '带'.repeat(501) }), COMMITTEE, /备注最多 500 个字/],
  ['create: unknown field', 'shift.create', () => ({ ...shiftInput(), leader: '孙丽' }), COMMITTEE, /./],
  ['cancel: no reason', 'shift.cancel', () => ({ id: shiftId, reason: '' }), COMMITTEE, /请填写取消原因/],
  ['cancel: bad id', 'shift.cancel', () => ({ id: '../etc', reason: '下雨' }), COMMITTEE, /编号格式不正确/],
  ['list: to before from', 'shift.list', () => ({ from: '2025-03-05T00:00:00.000Z', to: '2025-03-01T00:00:00.000Z' }), DEMO_VOLUNTEER, /结束日期应晚于开始日期/],
  ['list: mine as text', 'shift.list', () => ({ mine: 'yes' }), DEMO_VOLUNTEER, /mine 只能是 true 或 false/],
  ['list: bad cursor', 'shift.list', () => ({ cursor: 'garbage' }), DEMO_VOLUNTEER, /分页位置无效/],
  ['signup: no id', 'shift.signup', () => ({}), DEMO_VOLUNTEER, /./],
  ['checkin: no accuracy', 'shift.checkin', () => ({ id: shiftId, latitude: 29.63, longitude: 120.4 }), DEMO_VOLUNTEER, /定位精度必须是数字/],
  ['checkin: negative accuracy', 'shift.checkin', () => ({ id: shiftId, latitude: 29.63, longitude: 120.4, accuracy: -1 }), DEMO_VOLUNTEER, /定位精度不正确/],
  ['checkin: bd09', 'shift.checkin', () => ({ id: shiftId, latitude: 29.63, longitude: 120.4, accuracy: 5, coordSystem: 'bd09' }), DEMO_VOLUNTEER, /坐标系只能是 gcj02 或 wgs84/],
  ['log: empty note', 'shift.log', () => ({ id: shiftId, note: ' ' }), DEMO_VOLUNTEER, /请填写巡逻记录/],
  ['log: report category unknown', 'shift.log', () => ({ id: shiftId, note: '隐患', report: { category: 'ufo', description: '楼道堆放杂物很多' } }), DEMO_VOLUNTEER, /请选择问题类别/],
  ['log: report text too short', 'shift.log', () => ({ id: shiftId, note: '隐患', report: { category: 'other', description: '乱' } }), DEMO_VOLUNTEER, /问题描述至少 5 个字/],
  ['log: 7 photos', 'shift.log', () => ({ id: shiftId, note: '隐患', report: { category: 'other', description: '楼道堆放杂物', photoIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] } }), DEMO_VOLUNTEER, /最多 6 张照片/],
  ['board: no month', 'volunteer.board', () => ({}), DEMO_VOLUNTEER, /请选择月份/],
  ['board: month 13', 'volunteer.board', () => ({ month: '2025-13' }), DEMO_VOLUNTEER, /月份格式应为 YYYY-MM/],
  ['stats: any field', 'volunteer.stats', () => ({ month: '2025-03' }), DEMO_VOLUNTEER, /./],
]

test.each(cases)('%s → INVALID_INPUT', async (_name, action, payload, as, message) => {
  const before = await rows()
  const r = await h.call(action, payload(), as)
  expect(r.ok).toBe(false)
  if (r.ok) return
  expect(r.error.code).toBe('INVALID_INPUT')
  expect(r.error.message).toMatch(message)
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
  expect(await rows()).toEqual(before)
})
