/** What runs the reminders sweep: the server's schedule, and the cloud function's timer trigger. */
import { makeCloudEntry } from '../../cloud/api/cloudEntry'
import { IMAGE_CHECK_RETRY_MS, type ImageCheck } from '../../cloud/files'
import { scheduleReminderSweep } from '../../cloud/reminders/schedule'
import { makeHarness, NOW, type Harness } from './support/harness'
import { COMMITTEE } from './support/motionFixtures'
import { addPhoto, WHO } from './support/reportFixtures'

const HOUR = 3600_000
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  jest.useRealTimers()
  await h.close()
})

async function votingUntil(closeIn: number, title: string): Promise<string> {
  const m = await h.ok<{ id: string }>(
    'motion.create',
    { title, articles: [{ text: '条款。' }], kind: 'rules', eligibility: 'adults', voteFrom: at(60_000), voteUntil: at(closeIn) },
    COMMITTEE,
  )
  await h.ok('motion.advance', { id: m.id }, COMMITTEE)
  await h.ok('motion.advance', { id: m.id }, COMMITTEE)
  return m.id
}

const ledgerKeys = async () => ((await h.sql.all('SELECT key FROM reminders_sent ORDER BY key')) as { key: string }[]).map((r) => r.key)

test('the server schedule sweeps at once, then every interval on an unref\'d timer; stop() ends it', async () => {
  const a = await votingUntil(10 * HOUR, '议题甲')
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
  const spy = jest.spyOn(global, 'setInterval')
  const sent: string[][] = []
  const s = scheduleReminderSweep(h.deps, (x) => sent.push(x.map((r) => r.key)), 1000)
  expect((spy.mock.results[0]!.value as NodeJS.Timeout).hasRef()).toBe(false)
  spy.mockRestore()
  // the timers are fake; a store on a server (PostgreSQL) answers over its socket: let the run under way finish
  const runs = async (ms: number, n: number) => {
    await jest.advanceTimersByTimeAsync(ms)
    for (let i = 0; i < 10_000 && sent.length < n; i++) await new Promise((r) => setImmediate(r))
  }
  await runs(0, 1)
  expect(sent).toEqual([[`motion:${a}:closing`]])

  const b = await votingUntil(11 * HOUR, '议题乙')
  await runs(1000, 2)
  expect(sent).toEqual([[`motion:${a}:closing`], [`motion:${b}:closing`]])
  await runs(1000, 3)
  expect(sent[2]).toEqual([])

  await s.stop()
  await votingUntil(12 * HOUR, '议题丙')
  await jest.advanceTimersByTimeAsync(5000)
  expect(sent).toHaveLength(3)
  expect(await ledgerKeys()).toEqual([`motion:${a}:closing`, `motion:${b}:closing`].sort())
})

describe('cloud function timer trigger', () => {
  /** no report is held for a recheck in these tests; no image check runs unless a test gives one; the first timer
   * of each test raises the seeded 预警 spike (cloud/seed/seedWarnings.ts) */
  const NONE = { released: 0, kept: 0, retried: 0 }

  test('a timer event with no caller runs the sweep and replies with what was sent', async () => {
    const id = await votingUntil(10 * HOUR, '议题甲')
    const main = makeCloudEntry(async () => h.deps, () => ({}))
    const timer = { Type: 'Timer', TriggerName: 'reminders', Time: NOW, Message: '' }
    expect(await main(timer)).toEqual({ ok: true, data: { sent: [{ key: `motion:${id}:closing`, recipients: 3 }], rechecked: NONE, imageChecks: 0, photosSwept: 0, warningsRaised: 1 } })
    expect(await main({ ...timer, Type: 'timer' })).toEqual({ ok: true, data: { sent: [], rechecked: NONE, imageChecks: 0, photosSwept: 0, warningsRaised: 0 } })
  })

  test('the timer asks WeChat again for the photos still pending and counts them; a failing image sweep is logged', async () => {
    await h.sql.run('UPDATE users SET openid = ? WHERE id = ?', ['o-uploader', WHO.resident])
    const photo = await addPhoto(h, WHO.resident)
    await h.sql.run("UPDATE files SET check_status = 'pending' WHERE id = ?", [photo])
    const asked: string[] = []
    const imageCheck: ImageCheck = {
      async ask(req) {
        asked.push(req.openid)
        return { traceId: `trace-${asked.length}` }
      },
    }
    const main = makeCloudEntry(async () => ({ ...h.deps, imageCheck }), () => ({}))
    // just uploaded: its own ask is the upload's; an hour later the timer asks
    expect(await main({ Type: 'Timer' })).toEqual({ ok: true, data: { sent: [], rechecked: NONE, imageChecks: 0, photosSwept: 0, warningsRaised: 1 } })
    h.clock.advance(IMAGE_CHECK_RETRY_MS + 1000)
    expect(await main({ Type: 'Timer' })).toEqual({ ok: true, data: { sent: [], rechecked: NONE, imageChecks: 1, photosSwept: 0, warningsRaised: 0 } })
    expect(asked).toEqual(['o-uploader'])
    // asked within the hour: not again
    expect(await main({ Type: 'Timer' })).toEqual({ ok: true, data: { sent: [], rechecked: NONE, imageChecks: 0, photosSwept: 0, warningsRaised: 0 } })
    h.store.files.listPendingChecks = async () => {
      throw new Error('db down')
    }
    expect(await main({ Type: 'Timer' })).toEqual({ ok: true, data: { sent: [], rechecked: NONE, imageChecks: null, photosSwept: 0, warningsRaised: 0 } })
    expect(h.errors).toHaveLength(1)
  })

  test('the timer removes uploads no report took within a day (the cloud has no server to sweep them)', async () => {
    const old = await addPhoto(h, WHO.resident)
    await h.deps.blobs.put(`test/${old}.jpg`, Buffer.from('ffd8ffd9', 'hex'))
    const fresh = await addPhoto(h, WHO.resident)
    await h.sql.run('UPDATE files SET created_at = ? WHERE id = ?', [new Date(h.clock.now().getTime() - 25 * HOUR).toISOString(), old])
    const main = makeCloudEntry(async () => h.deps, () => ({}))
    expect(await main({ Type: 'Timer' })).toEqual({ ok: true, data: { sent: [], rechecked: NONE, imageChecks: 0, photosSwept: 1, warningsRaised: 1 } })
    expect(await h.store.files.get(old)).toBeNull()
    expect(await h.deps.blobs.read(`test/${old}.jpg`)).toBeNull()
    expect(await h.store.files.get(fresh)).not.toBeNull()
  })

  test('a caller (OPENID) sending a timer-shaped event does not start the sweep', async () => {
    await votingUntil(10 * HOUR, '议题甲')
    const main = makeCloudEntry(async () => h.deps, () => ({ OPENID: 'o-resident' }))
    expect(await main({ Type: 'Timer', TriggerName: 'reminders' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ledgerKeys()).toEqual([])
  })

  test('a failing source is logged and the trigger still answers; an unexpected failure is an INTERNAL envelope', async () => {
    h.store.motions.closingBy = async () => {
      throw new Error('db down')
    }
    const main = makeCloudEntry(async () => h.deps, () => ({}))
    expect(await main({ Type: 'Timer' })).toEqual({ ok: true, data: { sent: [], rechecked: NONE, imageChecks: 0, photosSwept: 0, warningsRaised: 1 } })
    expect(h.errors).toHaveLength(1)
    h.deps.clock = {
      now: () => {
        throw new Error('clock /srv/x.ts:1')
      },
    }
    expect(await main({ Type: 'Timer' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时出错，请稍后再试' } })
    expect(h.errors).toHaveLength(2)
  })
})
