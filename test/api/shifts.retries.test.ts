/**
 * Patrol writes under lost replies and races: a retried shift.cancel and shift.log answer with the first result,
 * and the store's check-in and log statements hold their own conditions (window, status, end) whatever the
 * use case read before.
 */
import type { MessagePage } from '@/domain/message'
import type { ShiftView } from '@/domain/shift'
import { makeHarness, NOW, type Harness } from './support/harness'
import { addVolunteers, COMMITTEE, createShift } from './support/shiftFixtures'

const MIN = 60_000
const HOUR = 60 * MIN
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const soon = () => createShift(h, { startAt: at(24 * HOUR), endAt: at(26 * HOUR) })
const count = (sql: string, ...args: unknown[]) => (h.store.db.prepare(sql).get(...args) as { n: number }).n
const shiftMessages = async (u: string) => (await h.ok<MessagePage>('message.list', {}, u)).items.filter((m) => m.kind === 'shift')

describe('shift.cancel retried', () => {
  test('the same reason again answers the cancelled shift; nobody is told twice; another reason is CONFLICT', async () => {
    const s = await soon()
    const [v] = addVolunteers(h, 1)
    await h.ok('shift.signup', { id: s.id }, v!.id)
    const first = await h.ok<ShiftView>('shift.cancel', { id: s.id, reason: '台风天气，暂停巡逻' }, COMMITTEE, 'req-cancel-1')
    h.clock.advance(MIN)
    const again = await h.ok<ShiftView>('shift.cancel', { id: s.id, reason: '台风天气，暂停巡逻' }, COMMITTEE, 'req-cancel-1')
    expect(again).toEqual(first)
    expect(again).toMatchObject({ status: 'cancelled', cancelReason: '台风天气，暂停巡逻' })
    expect(await shiftMessages(v!.id)).toHaveLength(1)
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'shift.cancel' AND target_id = ?", s.id)).toBe(1)
    expect(await h.call('shift.cancel', { id: s.id, reason: '另一个原因' }, COMMITTEE)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这个班次已经取消了' },
    })
  })
})
