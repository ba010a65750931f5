/** The shift reminders through the sweep: 20:00 Beijing the evening before and an hour before, once each, to confirmed volunteers only. */
import { sendDueReminders } from '../../cloud/reminders/sendDueReminders'
import { REMINDER_SOURCES } from '../../cloud/reminders/sources'
import { shiftEvening, shiftHourBefore } from '../../cloud/reminders/sources/shiftReminders'
import { makeHarness, NOW, type Harness } from './support/harness'
import { addVolunteers, COMMITTEE, createShift } from './support/shiftFixtures'

const HOUR = 3600_000
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

/** what a sweep sent, leaving out the demo seed's shifts */
const sweep = async () => (await sendDueReminders(h.deps)).sent.filter((x) => !x.key.startsWith('shift:sh_demo_'))

const shiftMessages = async (shiftId: string) =>
  (await h.sql.all("SELECT user_id, title FROM messages WHERE kind = 'shift' AND target_id = ? ORDER BY title, user_id", [shiftId])) as { user_id: string; title: string }[]

test('both sources are in the sweep’s list', () => {
  expect(REMINDER_SOURCES).toEqual(expect.arrayContaining([shiftEvening, shiftHourBefore]))
})

test('evening before at 20:00 Beijing, then an hour before; once each; waitlisted and withdrawn not told', async () => {
  // NOW = 2025-03-01 10:00 Beijing; the shift starts 2025-03-02 19:00 Beijing (11:00Z), evening reminder 2025-03-01 20:00 Beijing
  const s = await createShift(h, { startAt: '2025-03-02T11:00:00.000Z', endAt: '2025-03-02T13:00:00.000Z', capacity: 1 })
  const [a, b, c] = await addVolunteers(h, 3)
  await h.ok('shift.signup', { id: s.id }, a!.id)
  await h.ok('shift.signup', { id: s.id }, b!.id) // waitlisted
  await h.ok('shift.signup', { id: s.id }, c!.id)
  await h.ok('shift.withdraw', { id: s.id }, c!.id)

  h.clock.set('2025-03-01T11:59:59.999Z')
  expect((await sweep())).toEqual([])
  h.clock.set('2025-03-01T12:00:00.000Z')
  expect((await sweep())).toEqual([{ key: `shift:${s.id}:eve`, recipients: 1 }])
  expect((await sweep())).toEqual([])
  h.clock.set('2025-03-02T10:00:00.000Z')
  expect((await sweep())).toEqual([{ key: `shift:${s.id}:hour`, recipients: 1 }])
  expect(await shiftMessages(s.id)).toEqual([
    { user_id: a!.id, title: '巡逻一小时后开始' },
    { user_id: a!.id, title: '明天有巡逻' },
  ])
  h.clock.set('2025-03-02T11:00:00.000Z')
  expect((await sweep())).toEqual([])
})

test('a shift scheduled within the hour gets only the hour-before one; a cancelled one none', async () => {
  const late = await createShift(h, { startAt: at(50 * 60_000), endAt: at(2 * HOUR) })
  const off = await createShift(h, { startAt: at(30 * 60_000), endAt: at(HOUR) })
  const [v, w] = await addVolunteers(h, 2)
  await h.ok('shift.signup', { id: late.id }, v!.id)
  await h.ok('shift.signup', { id: off.id }, w!.id)
  await h.ok('shift.cancel', { id: off.id, reason: '天气原因' }, COMMITTEE)
  const sent = await sweep()
  expect(sent).toEqual([{ key: `shift:${late.id}:hour`, recipients: 1 }])
})

test('a shift nobody has signed up for is passed over until someone does, then reminded in the same window', async () => {
  const s = await createShift(h, { startAt: at(50 * 60_000), endAt: at(2 * HOUR) })
  expect(await sweep()).toEqual([])
  const [v] = await addVolunteers(h, 1)
  await h.ok('shift.signup', { id: s.id }, v!.id)
  h.clock.advance(5 * 60_000)
  expect(await sweep()).toEqual([{ key: `shift:${s.id}:hour`, recipients: 1 }])
})

test('two sweeps at once send each reminder once', async () => {
  const s = await createShift(h, { startAt: at(30 * 60_000), endAt: at(HOUR) })
  const vs = await addVolunteers(h, 5)
  for (const v of vs) await h.ok('shift.signup', { id: s.id }, v.id)
  const [x, y] = await Promise.all([sweep(), sweep()])
  expect([...x, ...y]).toEqual([{ key: `shift:${s.id}:hour`, recipients: 5 }])
  expect(await shiftMessages(s.id)).toHaveLength(5)
})

test('a first signup on the morning of the shift: no 明天有巡逻 that day, only the hour-before one', async () => {
  // NOW = 2025-03-01 10:00 Beijing; the shift starts 2025-03-02 10:00 Beijing (02:00Z); nobody signs up until 08:00 that morning
  const s = await createShift(h, { startAt: '2025-03-02T02:00:00.000Z', endAt: '2025-03-02T04:00:00.000Z' })
  h.clock.set('2025-03-01T12:00:00.000Z') // 20:00 the evening before: no seat taken, nothing
  expect(await sweep()).toEqual([])
  h.clock.set('2025-03-02T00:00:00.000Z') // 08:00 on the day
  const [v] = await addVolunteers(h, 1)
  await h.ok('shift.signup', { id: s.id }, v!.id)
  h.clock.set('2025-03-02T00:05:00.000Z')
  expect(await sweep()).toEqual([])
  h.clock.set('2025-03-02T01:00:00.000Z')
  expect(await sweep()).toEqual([{ key: `shift:${s.id}:hour`, recipients: 1 }])
  expect(await shiftMessages(s.id)).toEqual([{ user_id: v!.id, title: '巡逻一小时后开始' }])
})

test('the evening window closes at Beijing midnight of the start day: 23:59 still sends, 00:00 does not', async () => {
  const s = await createShift(h, { startAt: '2025-03-02T02:00:00.000Z', endAt: '2025-03-02T04:00:00.000Z' })
  const [v] = await addVolunteers(h, 1)
  await h.ok('shift.signup', { id: s.id }, v!.id)
  h.clock.set('2025-03-01T16:00:00.000Z') // 00:00 Beijing on 03-02
  expect(await sweep()).toEqual([])
  h.clock.set('2025-03-01T15:59:59.999Z')
  expect(await sweep()).toEqual([{ key: `shift:${s.id}:eve`, recipients: 1 }])
})
