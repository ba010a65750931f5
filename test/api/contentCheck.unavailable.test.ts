/**
 * When WeChat's text check cannot answer (issue 14): a report is still received, held from other residents and
 * released by the recheck sweep once the check passes; a notice or a comment is refused with the retryable
 * UNAVAILABLE and nothing is written. Through the dispatcher, with the msgSecCheck adapter over a scripted
 * transport (the answers themselves are shown against a WeChat stub in msgSecCheck.contract.test.ts).
 */
import type { ReportSummary, ReportView } from '@/domain/reports'
import { makeCloudEntry } from '../../cloud/api/cloudEntry'
import { wordListCheck } from '../../cloud/adapters/contentCheck/wordList'
import { msgSecCheck, type MsgSecCheckReply, type MsgSecCheckRequest } from '../../cloud/adapters/wechat/msgSecCheck'
import { recheckHeldReports, RECHECK_GIVE_UP_MS } from '../../cloud/reports'
import { makeHarness, type Harness } from './support/harness'
import { GOOD_DESCRIPTION, makeReport, reportRow, WHO } from './support/reportFixtures'
import { CENTRE, COMMITTEE, DEMO_VOLUNTEER, shiftInput } from './support/shiftFixtures'

/** what the scripted WeChat answers: down (errcode -1), or a verdict */
let wechat: 'down' | 'pass' | 'review' | 'risky'
let asked: MsgSecCheckRequest[]
const transport = async (req: MsgSecCheckRequest): Promise<MsgSecCheckReply> => {
  asked.push(req)
  if (wechat === 'down') return { errcode: -1, errmsg: 'system error' }
  return { errcode: 0, errmsg: 'ok', result: { suggest: wechat, label: wechat === 'pass' ? 100 : 20006 } }
}

let h: Harness
const warnings: unknown[] = []
beforeEach(async () => {
  wechat = 'down'
  asked = []
  warnings.length = 0
  h = await makeHarness()
  h.deps.contentCheck = msgSecCheck(transport, { users: h.store.users, wordList: wordListCheck() })
  h.deps.log = { error: (o) => h.errors.push(o), warn: (o) => warnings.push(o) }
  await h.sql.run("UPDATE users SET openid = 'openid-' || id WHERE id IN (?, ?, ?)", [WHO.resident, WHO.resident2, WHO.committee])
})
afterEach(() => h.close())

const create = (description = GOOD_DESCRIPTION) =>
  h.ok<ReportView>('report.create', { category: 'environment', description, visibility: 'public' }, WHO.resident)
const seenBy = async (as: string, id: string) => (await h.call('report.get', { id }, as)).ok
const inPublicList = async (id: string) =>
  (await h.ok<{ items: ReportSummary[] }>('report.list', { scope: 'public' }, WHO.resident2)).items.some((i) => i.id === id)
const queued = (id: string) => h.sql.get('SELECT attempts, next_at FROM report_rechecks WHERE report_id = ?', [id])

test('a report made while the check is unavailable is received, held from other residents, and released by the sweep on a pass', async () => {
  const r = await create()
  expect(r.status).toBe('submitted')
  expect(asked).toEqual([{ openid: `openid-${WHO.resident}`, scene: 3, content: GOOD_DESCRIPTION }])
  expect(await reportRow(h, r.id)).toMatchObject({ moderation: 'review' })
  expect(await queued(r.id)).toMatchObject({ attempts: 0 })
  // the reporter and the grid worker see it at once; other residents do not
  expect(await seenBy(WHO.resident, r.id)).toBe(true)
  expect(await seenBy(WHO.worker, r.id)).toBe(true)
  expect(await seenBy(WHO.resident2, r.id)).toBe(false)
  expect(await inPublicList(r.id)).toBe(false)

  // still down at the next sweep: tried again later, still held
  expect(await recheckHeldReports(h.deps)).toEqual({ released: 0, kept: 0, retried: 1 })
  expect(await queued(r.id)).toEqual({ attempts: 1, next_at: expect.stringMatching(/^2025-03-01T02:05:00/) })
  expect(await seenBy(WHO.resident2, r.id)).toBe(false)
  // not due yet: nothing asked
  wechat = 'pass'
  asked = []
  expect(await recheckHeldReports(h.deps)).toEqual({ released: 0, kept: 0, retried: 0 })
  expect(asked).toEqual([])

  h.clock.advance(5 * 60_000)
  expect(await recheckHeldReports(h.deps)).toEqual({ released: 1, kept: 0, retried: 0 })
  expect(await reportRow(h, r.id)).toMatchObject({ moderation: 'clean' })
  expect(await queued(r.id)).toBeUndefined()
  expect(await seenBy(WHO.resident2, r.id)).toBe(true)
  expect(await inPublicList(r.id)).toBe(true)
  // released reports are not asked about again
  asked = []
  h.clock.advance(3600_000)
  await recheckHeldReports(h.deps)
  expect(asked).toEqual([])
})

test('a recheck that says review or risky keeps the report held for good; so does giving up after days without an answer', async () => {
  const reviewed = await create()
  const abandoned = await create('小区东门路灯不亮，晚上回家很黑')
  wechat = 'review'
  // the second is answered later: its next try is not due
  await h.sql.run("UPDATE report_rechecks SET next_at = '2025-03-09T00:00:00.000Z' WHERE report_id = ?", [abandoned.id])
  expect(await recheckHeldReports(h.deps)).toEqual({ released: 0, kept: 1, retried: 0 })
  expect(await reportRow(h, reviewed.id)).toMatchObject({ moderation: 'review' })
  expect(await queued(reviewed.id)).toBeUndefined()
  expect(await seenBy(WHO.resident2, reviewed.id)).toBe(false)

  wechat = 'down'
  h.clock.set('2025-03-09T00:00:00.000Z')
  expect(Date.parse('2025-03-09T00:00:00.000Z') - Date.parse('2025-03-01T02:00:00.000Z')).toBeGreaterThan(RECHECK_GIVE_UP_MS)
  expect(await recheckHeldReports(h.deps)).toEqual({ released: 0, kept: 1, retried: 0 })
  expect(await queued(abandoned.id)).toBeUndefined()
  expect(await seenBy(WHO.resident2, abandoned.id)).toBe(false)
  expect(warnings).toContainEqual(expect.objectContaining({ reportId: abandoned.id }))
})

test('an edit re-queues or settles the recheck; a release never applies a pass of text that changed since', async () => {
  const r = await create()
  // edited while still unavailable: queued again (from the edit)
  h.clock.advance(60_000)
  await h.ok('report.edit', { id: r.id, description: '3栋楼下垃圾堆了三天没人清运，今天更臭了' }, WHO.resident)
  expect(await queued(r.id)).toEqual({ attempts: 0, next_at: expect.stringMatching(/^2025-03-01T02:01:00/) })

  // the sweep read the report, then the reporter edited it before the release: nothing released
  const [due] = await h.store.reports.dueRechecks(h.clock.now().toISOString(), 10)
  const read = await h.store.reports.get(due!.reportId)
  wechat = 'pass'
  await h.ok('report.edit', { id: r.id, description: '3栋楼下垃圾已经堆了四天，请尽快清运' }, WHO.resident)
  // the edit's own check passed: clean, the queue row dropped
  expect(await reportRow(h, r.id)).toMatchObject({ moderation: 'clean' })
  expect(await queued(r.id)).toBeUndefined()
  expect(await h.store.reports.settleRecheck(r.id, read!.version, { kind: 'release' })).toBe(false)

  // a stale release on a report queued again is refused too
  wechat = 'down'
  await h.ok('report.edit', { id: r.id, description: '3栋楼下垃圾已经堆了五天' }, WHO.resident)
  expect(await reportRow(h, r.id)).toMatchObject({ moderation: 'review' })
  expect(await h.store.reports.settleRecheck(r.id, read!.version, { kind: 'release' })).toBe(false)
  expect(await reportRow(h, r.id)).toMatchObject({ moderation: 'review' })
  expect(await queued(r.id)).toMatchObject({ attempts: 0 })
})

test('a word-list hit is decided at once even while WeChat is down: held, not queued', async () => {
  const r = await create('楼下有人组织网络赌博，天天吵到半夜')
  expect(await reportRow(h, r.id)).toMatchObject({ moderation: 'review' })
  expect(await queued(r.id)).toBeUndefined()
})

test('a notice or a comment while the check is unavailable: UNAVAILABLE (retryable), nothing written; then it goes through', async () => {
  const before = await h.counts()
  const notice = { title: '停水通知', body: '明天上午 9 点至 12 点停水，请提前储水', category: 'notice' }
  expect(await h.call('notice.publish', notice, WHO.committee)).toEqual({
    ok: false,
    error: { code: 'UNAVAILABLE', message: '内容安全检查暂时不可用，内容尚未发布，请稍后重试' },
  })
  expect(await h.counts()).toEqual(before)

  wechat = 'pass'
  const resolved = await makeReport(h, { status: 'resolved' })
  const mid = await h.counts()
  wechat = 'down'
  expect(await h.call('report.rate', { id: resolved.id, score: 5, comment: '处理得很及时，谢谢网格员' }, WHO.resident)).toMatchObject({
    ok: false,
    error: { code: 'UNAVAILABLE' },
  })
  expect(await h.counts()).toEqual(mid)
  expect(await reportRow(h, resolved.id)).toMatchObject({ rating: null })

  wechat = 'pass'
  expect(await h.call('notice.publish', notice, WHO.committee)).toMatchObject({ ok: true })
  expect(await h.call('report.rate', { id: resolved.id, score: 5, comment: '处理得很及时，谢谢网格员' }, WHO.resident)).toMatchObject({ ok: true })
  // 论坛 for the notice, 评论 for the rating's comment
  expect(asked.slice(-2).map((a) => a.scene)).toEqual([3, 2])
})

test('the cloud function’s timer trigger runs the recheck after the reminders', async () => {
  const r = await create()
  wechat = 'pass'
  const main = makeCloudEntry(async () => h.deps, () => ({}))
  expect(await main({ Type: 'Timer', TriggerName: 'reminders' })).toMatchObject({
    ok: true,
    data: { sent: [], rechecked: { released: 1, kept: 0, retried: 0 } },
  })
  expect(await seenBy(WHO.resident2, r.id)).toBe(true)
})

test('a 发现隐患 report logged on patrol while the check is unavailable: the log and the held report, queued in the same step', async () => {
  wechat = 'pass'
  const start = new Date(h.clock.now().getTime() + 10 * 60_000)
  const made = await h.ok<{ shifts: { id: string }[] }>(
    'shift.create',
    shiftInput({ startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3600_000).toISOString() }),
    COMMITTEE,
  )
  const shiftId = made.shifts[0]!.id
  await h.ok('shift.signup', { id: shiftId }, DEMO_VOLUNTEER)
  await h.ok('shift.checkin', { id: shiftId, latitude: CENTRE.latitude, longitude: CENTRE.longitude, accuracy: 10 }, DEMO_VOLUNTEER)
  await h.sql.run("UPDATE users SET openid = 'openid-volunteer' WHERE id = ?", [DEMO_VOLUNTEER])
  wechat = 'down'
  const logged = await h.ok<{ reportId: string }>(
    'shift.log',
    { id: shiftId, note: '发现隐患', report: { category: 'safety_hazard', description: '东门消防通道被电动车堵住' } },
    DEMO_VOLUNTEER,
  )
  expect(await reportRow(h, logged.reportId)).toMatchObject({ moderation: 'review' })
  expect(await queued(logged.reportId)).toMatchObject({ attempts: 0 })
  wechat = 'pass'
  expect(await recheckHeldReports(h.deps)).toEqual({ released: 1, kept: 0, retried: 0 })
  expect(await reportRow(h, logged.reportId)).toMatchObject({ moderation: 'clean' })
})
