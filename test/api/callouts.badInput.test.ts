/** Every bad input to callout.* → INVALID_INPUT with a Chinese message, and nothing written. */
import { countRows, makeHarness, type Harness } from './support/harness'
import { calloutInput, COMMITTEE, createCallout, DEMO_VOLUNTEER } from './support/calloutFixtures'

let h: Harness
let id: string
let taskId: string
beforeAll(async () => {
  h = await makeHarness()
  const c = await createCallout(h)
  id = c.id
  taskId = c.tasks[0]!.id
})
afterAll(() => h.close())

const area = calloutInput().area
const rows = async () =>
  Object.values(await countRows(h.sql, ['callouts', 'callout_tasks', 'callout_recipients', 'messages', 'audit_log', 'idempotency']))
const answered = () => h.sql.all('SELECT user_id, answer, task_id, checkin_at FROM callout_recipients WHERE callout_id = ? ORDER BY user_id', [id])
const seats = () => h.sql.all('SELECT id, taken FROM callout_tasks WHERE callout_id = ? ORDER BY id', [id])

const cases: [string, string, () => unknown, string, RegExp][] = [
  ['create: empty title', 'callout.create', () => calloutInput({ title: '  ' }), COMMITTEE, /标题/],
  ['create: title of 41', 'callout.create', () => calloutInput({ title: '汛'.repeat(41) }), COMMITTEE, /标题最多 40 个字/],
  ['create: unknown kind', 'callout.create', () => calloutInput({ kind: 'party' as never }), COMMITTEE, /请选择动员类型/],
  ['create: no description', 'callout.create', () => calloutInput({ description: '' }), COMMITTEE, /说明/],
  ['create: radius 49', 'callout.create', () => calloutInput({ area: { ...area, radius: 49 } }), COMMITTEE, /报到范围至少 50 米/],
  ['create: no area', 'callout.create', () => ({ ...calloutInput(), area: undefined }), COMMITTEE, /请设置报到地点/],
  ['create: latitude 91', 'callout.create', () => calloutInput({ area: { ...area, latitude: 91 } }), COMMITTEE, /纬度超出范围/],
  ['create: end before start', 'callout.create', () => calloutInput({ endAt: '2099-06-01T10:00:00.000Z' }), COMMITTEE, /结束时间应晚于开始时间/],
  ['create: 25 hours', 'callout.create', () => calloutInput({ endAt: '2099-06-02T12:00:00.000Z' }), COMMITTEE, /一次动员最长 24 小时/],
  ['create: already over', 'callout.create', () => calloutInput({ startAt: '2025-02-01T11:00:00.000Z', endAt: '2025-02-01T12:00:00.000Z' }), COMMITTEE, /结束时间应晚于现在/],
  ['create: nobody', 'callout.create', () => calloutInput({ audience: { volunteers: false, residents: false } }), COMMITTEE, /请至少选择志愿者或居民之一/],
  ['create: no grid', 'callout.create', () => calloutInput({ gridIds: [] }), COMMITTEE, /请至少选择一个网格/],
  ['create: another community’s grid', 'callout.create', () => calloutInput({ gridIds: ['g_lj_1'] }), COMMITTEE, /只能选择本社区的网格/],
  ['create: grid twice', 'callout.create', () => calloutInput({ gridIds: ['g_jj_1', 'g_jj_1'] }), COMMITTEE, /网格重复了/],
  ['create: no task', 'callout.create', () => calloutInput({ tasks: [] }), COMMITTEE, /请至少添加一项任务/],
  ['create: 11 tasks', 'callout.create', () => calloutInput({ tasks: Array.from({ length: 11 }, (_, i) => ({ name: `任务${i}`, capacity: 1 })) }), COMMITTEE, /最多 10 项任务/],
  ['create: task capacity 0', 'callout.create', () => calloutInput({ tasks: [{ name: '巡查', capacity: 0 }] }), COMMITTEE, /每项任务至少 1 人/],
  ['create: same task twice', 'callout.create', () => calloutInput({ tasks: [{ name: '巡查', capacity: 1 }, { name: '巡查', capacity: 2 }] }), COMMITTEE, /任务名称不能重复/],
  ['create: SQL in a grid id', 'callout.create', () => calloutInput({ gridIds: ["g' OR 1=1 --"] }), COMMITTEE, /编号格式不正确/],
  ['create: 10 MB description', 'callout.create', () => calloutInput({ description: 'x'.repeat(10_000_000) }), COMMITTEE, /说明最多 500 个字/],
  ['create: unknown field', 'callout.create', () => ({ ...calloutInput(), budget: 100 }), COMMITTEE, /./],
  ['answer: yes without a task', 'callout.answer', () => ({ id, answer: 'yes' }), DEMO_VOLUNTEER, /请选择要参加的任务/],
  ['answer: no with a task', 'callout.answer', () => ({ id, answer: 'no', taskId }), DEMO_VOLUNTEER, /来不了时不用选择任务/],
  ['answer: maybe', 'callout.answer', () => ({ id, answer: 'maybe' }), DEMO_VOLUNTEER, /请选择能来或来不了/],
  ['answer: a task of no call-out', 'callout.answer', () => ({ id, answer: 'yes', taskId: 'nope' }), DEMO_VOLUNTEER, /没有这项任务/],
  ['checkin: no accuracy', 'callout.checkin', () => ({ id, latitude: 29.63, longitude: 120.4 }), DEMO_VOLUNTEER, /定位精度必须是数字/],
  ['checkin: bd09', 'callout.checkin', () => ({ id, latitude: 29.63, longitude: 120.4, accuracy: 5, coordSystem: 'bd09' }), DEMO_VOLUNTEER, /坐标系只能是 gcj02 或 wgs84/],
  ['close: no reason', 'callout.close', () => ({ id, reason: '' }), COMMITTEE, /原因/],
  ['extend: earlier end', 'callout.extend', () => ({ id, endAt: '2099-06-01T12:00:00.000Z' }), COMMITTEE, /新的结束时间应晚于原结束时间/],
  ['extend: bad time', 'callout.extend', () => ({ id, endAt: '明天' }), COMMITTEE, /时间格式不正确/],
  ['list: bad cursor', 'callout.list', () => ({ cursor: 'garbage' }), DEMO_VOLUNTEER, /分页参数不正确/],
  ['get: bad id', 'callout.get', () => ({ id: '../x' }), DEMO_VOLUNTEER, /编号格式不正确/],
]

test.each(cases)('%s → INVALID_INPUT', async (_name, action, payload, as, message) => {
  const before = await rows()
  const [a0, s0] = [await answered(), await seats()]
  const r = await h.call(action, payload(), as)
  expect(r.ok).toBe(false)
  if (r.ok) return
  expect(r.error.code).toBe('INVALID_INPUT')
  expect(r.error.message).toMatch(message)
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
  expect(await rows()).toEqual(before)
  expect(await answered()).toEqual(a0)
  expect(await seats()).toEqual(s0)
})
