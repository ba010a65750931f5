/**
 * The sweep moves every community's motions on by their scheduled times, so 表决开始 and the result reach
 * residents on time even when nobody opens the 议事 tab (the lazy rule alone waits for a reader).
 */
import { sendDueReminders } from '../../cloud/reminders/sendDueReminders'
import { makeHarness, NOW, type Harness } from './support/harness'
import { COMMITTEE, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT, VERIFIED } from './support/motionFixtures'

const HOUR = 3600_000
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

async function inConsultation(by: string, voteFrom: number, voteUntil: number): Promise<string> {
  const m = await h.ok<{ id: string }>(
    'motion.create',
    {
      title: '关于小区停车管理的议题',
      articles: [{ text: '外来车辆限时停放。' }],
      kind: 'rules',
      eligibility: 'adults',
      voteFrom: at(voteFrom),
      voteUntil: at(voteUntil),
    },
    by,
  )
  await h.ok('motion.advance', { id: m.id }, by)
  return m.id
}

const statusOf = async (id: string) => ((await h.sql.get('SELECT status FROM motions WHERE id = ?', [id])) as { status: string }).status
const messagesTo = async (user: string, motionId: string) =>
  ((await h.sql.all("SELECT title FROM messages WHERE user_id = ? AND target_id = ? ORDER BY seq", [user, motionId])) as { title: string }[]).map(
    (r) => r.title,
  )

test('motions of every community open and close at their times with the sweep alone, each once', async () => {
  const here = await inConsultation(COMMITTEE, HOUR, 72 * HOUR)
  const there = await inConsultation(OTHER_COMMITTEE, 2 * HOUR, 3 * HOUR)
  const before = (await messagesTo(VERIFIED, here)).length

  h.clock.set(at(HOUR - 1))
  await sendDueReminders(h.deps)
  expect([await statusOf(here), await statusOf(there)]).toEqual(['consultation', 'consultation'])

  h.clock.set(at(2 * HOUR))
  await sendDueReminders(h.deps)
  await sendDueReminders(h.deps)
  expect([await statusOf(here), await statusOf(there)]).toEqual(['voting', 'voting'])
  expect((await messagesTo(VERIFIED, here)).length).toBe(before + 1)

  const thereBefore = (await messagesTo(OTHER_COMMUNITY_RESIDENT, there)).length
  h.clock.set(at(3 * HOUR))
  await sendDueReminders(h.deps)
  expect([await statusOf(here), await statusOf(there)]).toEqual(['voting', 'closed'])
  expect((await messagesTo(OTHER_COMMUNITY_RESIDENT, there)).length).toBe(thereBefore + 1)
  expect(await messagesTo(VERIFIED, there)).toEqual([])
})
