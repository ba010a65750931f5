/** shift.get's 巡逻记录: who reads which patrol notes, under which names, newest first, linked to their 发现隐患 reports. */
import type { ReportView } from '@/domain/reports'
import type { ShiftDetail, ShiftLogEntry } from '@/domain/patrols'
import { makeHarness, NOW, type Harness } from './support/harness'
import { addVolunteers, CENTRE, COMMITTEE, createShift, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT, RESIDENT, STREET, WORKER, type Volunteer } from './support/shiftFixtures'

const MIN = 60_000
const HOUR = 60 * MIN
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const logsOf = async (id: string, as: string) => (await h.ok<ShiftDetail>('shift.get', { id }, as)).logs
const brief = (logs: ShiftLogEntry[]) => logs.map((l) => [l.note, l.authorName, l.mine])

/** A shift starting in a day; `a` and `b` checked in at its start; a notes at +10 min, b reports at +20, a notes at +30. */
async function patrolWithNotes() {
  const s = await createShift(h, { startAt: at(24 * HOUR), endAt: at(26 * HOUR) })
  const [a, b, idle] = (await addVolunteers(h, 3)) as [Volunteer, Volunteer, Volunteer]
  for (const v of [a, b, idle]) await h.ok('shift.signup', { id: s.id }, v.id)
  h.clock.set(at(24 * HOUR))
  for (const v of [a, b]) await h.ok('shift.checkin', { id: s.id, ...CENTRE, accuracy: 5 }, v.id)
  h.clock.set(at(24 * HOUR + 10 * MIN))
  const first = await h.ok<{ logId: string }>('shift.log', { id: s.id, note: '3栋周边一切正常' }, a.id)
  h.clock.set(at(24 * HOUR + 20 * MIN))
  const found = await h.ok<{ logId: string; reportId: string }>(
    'shift.log',
    { id: s.id, note: '发现消防通道被占', report: { category: 'safety_hazard', description: '2栋消防通道堆满纸箱' } },
    b.id,
  )
  h.clock.set(at(24 * HOUR + 30 * MIN))
  const last = await h.ok<{ logId: string }>('shift.log', { id: s.id, note: '东门路灯不亮' }, a.id)
  return { s, a, b, idle, first, found, last }
}

test('a volunteer reads only their own notes, newest first, in their own name; they stay after check-out', async () => {
  const { s, a, b, idle, first, found, last } = await patrolWithNotes()
  const mine = await logsOf(s.id, a.id)
  expect(mine).toEqual([
    { id: last.logId, note: '东门路灯不亮', at: at(24 * HOUR + 30 * MIN), authorName: a.name, mine: true, reportId: null },
    { id: first.logId, note: '3栋周边一切正常', at: at(24 * HOUR + 10 * MIN), authorName: a.name, mine: true, reportId: null },
  ])
  expect(await logsOf(s.id, b.id)).toEqual([
    { id: found.logId, note: '发现消防通道被占', at: at(24 * HOUR + 20 * MIN), authorName: b.name, mine: true, reportId: found.reportId },
  ])
  // signed up but never wrote: nothing of the others'
  expect(await logsOf(s.id, idle.id)).toEqual([])
  h.clock.set(at(24 * HOUR + 40 * MIN))
  await h.ok('shift.checkout', { id: s.id }, a.id)
  h.clock.set(at(30 * HOUR))
  expect(await logsOf(s.id, a.id)).toEqual(mine)
})

test('staff of the community and its street read every note with full names and the report link', async () => {
  const { s, a, b, found } = await patrolWithNotes()
  for (const staff of [COMMITTEE, WORKER, STREET]) {
    const logs = await logsOf(s.id, staff)
    expect(brief(logs)).toEqual([
      ['东门路灯不亮', a.name, false],
      ['发现消防通道被占', b.name, false],
      ['3栋周边一切正常', a.name, false],
    ])
    expect(logs.map((l) => l.reportId)).toEqual([null, found.reportId, null])
  }
  // the link opens the report for each of them
  for (const staff of [COMMITTEE, WORKER, STREET]) {
    expect(await h.ok<ReportView>('report.get', { id: found.reportId }, staff)).toMatchObject({ id: found.reportId, category: 'safety_hazard' })
  }
})

test('a resident who is not a volunteer reads none; another community → NOT_FOUND as before', async () => {
  const { s } = await patrolWithNotes()
  expect(await logsOf(s.id, RESIDENT)).toEqual([])
  for (const stranger of [OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT]) {
    expect(await h.call('shift.get', { id: s.id }, stranger)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  }
})

test('notes at the same instant: the later one first; another shift’s notes never mix in', async () => {
  const { s, a } = await patrolWithNotes()
  const other = await createShift(h, { startAt: at(48 * HOUR), endAt: at(49 * HOUR) })
  expect(await logsOf(other.id, COMMITTEE)).toEqual([])
  h.clock.set(at(24 * HOUR + 35 * MIN))
  await h.ok('shift.log', { id: s.id, note: '第一条' }, a.id)
  await h.ok('shift.log', { id: s.id, note: '第二条' }, a.id)
  expect((await logsOf(s.id, a.id)).slice(0, 2).map((l) => l.note)).toEqual(['第二条', '第一条'])
})
