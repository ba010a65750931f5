/** What each report and message action does for the people allowed to take it (issue 4). */
import gcoord from 'gcoord'
import type { MessagePage } from '@/domain/messages'
import type { NearbyReport, ReportDeadlines, ReportListPage, ReportSummaryCounts, ReportView } from '@/domain/reports'
import type { Notifier, OutboundMessage } from '../../cloud/shared/ports'
import { DEMO_GRID_CENTRES } from '../../cloud/seed/demoData'
import { makeHarness, NOW, type Harness } from './support/harness'
import { addPhoto, GOOD_DESCRIPTION, makeReport, reportRow, REPORTER_NAME, REPORTER_PHONE, WHO } from './support/reportFixtures'

const DAY = 24 * 3600_000
// NOW is Saturday 2025-03-01 10:00 in China: 受理 by Monday 18:00, 办结 (environment, 5 working days) by 3-10 18:00
const MONDAY_1800 = '2025-03-03T10:00:00.000Z'

const sent: OutboundMessage[][] = []
const recording: Notifier = { notify: async (m) => void sent.push(m) }

let h: Harness
beforeEach(async () => {
  sent.length = 0
  h = await makeHarness({ deps: { notifiers: [recording] } })
})
afterEach(() => h.close())

const create = (as: string, p: Record<string, unknown> = {}, requestId?: string) =>
  h.ok<ReportView>('report.create', { category: 'environment', description: GOOD_DESCRIPTION, ...p }, as, requestId)
const act = (as: string, id: string, action: string, extra: Record<string, unknown> = {}) =>
  h.ok<ReportView>('report.transition', { id, action, ...extra }, as)
const get = (as: string, id: string) => h.ok<ReportView>('report.get', { id }, as)
const list = (as: string, p: Record<string, unknown>) => h.ok<ReportListPage>('report.list', { limit: 100, ...p }, as)
const messagesOf = (as: string) => h.ok<MessagePage>('message.list', { limit: 100 }, as)
const titlesFor = async (as: string, reportId: string) =>
  (await messagesOf(as)).items.filter((m) => m.target?.id === reportId).map((m) => m.title)
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

describe('report.create: routing, deadlines, messages', () => {
  test('a point inside a grid routes there (not the reporter’s own grid) and to its 网格员, on working-day deadlines', async () => {
    const r = await create(WHO.resident, { location: { ...DEMO_GRID_CENTRES.g_jj_3!, address: '3栋' } })
    expect(r).toMatchObject({
      status: 'submitted',
      level: 'grid',
      gridId: 'g_jj_3',
      gridName: '第三网格',
      assignee: { id: WHO.worker2, name: '周强' },
      acceptBy: MONDAY_1800,
      resolveBy: '2025-03-10T10:00:00.000Z',
      dueAt: MONDAY_1800,
      overdue: false,
      visibility: 'public',
      mine: true,
      reporterName: REPORTER_NAME,
      location: { ...DEMO_GRID_CENTRES.g_jj_3, address: '3栋' },
    })
    expect(r.timeline).toEqual([expect.objectContaining({ action: 'create', status: 'submitted', actor: `居民 ${REPORTER_NAME}` })])
    expect(r.can).toEqual(expect.arrayContaining(['withdraw', 'edit']))
    expect(await titlesFor(WHO.worker2, r.id)).toEqual(['新的随手拍问题待受理'])
    expect(sent.flat().map((m) => m.userId)).toEqual([WHO.worker2])
  })

  test('a browser’s WGS-84 point is converted to GCJ-02 before routing and stored with its source', async () => {
    const c = DEMO_GRID_CENTRES.g_jj_2!
    const [lng, lat] = gcoord.transform([c.longitude, c.latitude], gcoord.GCJ02, gcoord.WGS84) as [number, number]
    expect(Math.abs(lng - c.longitude)).toBeGreaterThan(0.003) // the shift is several hundred metres: a grid's width
    const r = await create(WHO.resident, { location: { latitude: lat, longitude: lng, coordSystem: 'wgs84' } })
    expect(r.gridId).toBe('g_jj_2')
    expect(r.location!.latitude).toBeCloseTo(c.latitude, 4)
    expect(r.location!.longitude).toBeCloseTo(c.longitude, 4)
    expect(await h.sql.get('SELECT coord_source FROM reports WHERE id = ?', [r.id])).toEqual({ coord_source: 'wgs84' })
  })

  test('no location, or a point in no grid: the resident’s grid; a picked grid wins (the resident corrected where the point fell)', async () => {
    expect((await create(WHO.resident)).gridId).toBe('g_jj_1')
    expect((await create(WHO.resident, { location: { latitude: 30.5, longitude: 121.5 } })).gridId).toBe('g_jj_1')
    expect((await create(WHO.resident, { gridId: 'g_jj_2' })).gridId).toBe('g_jj_2')
    // a grid picked after locating is the resident's correction: it wins over where the point fell
    expect((await create(WHO.resident, { gridId: 'g_jj_2', location: DEMO_GRID_CENTRES.g_jj_3 })).gridId).toBe('g_jj_2')
    expect((await create(WHO.resident, { location: DEMO_GRID_CENTRES.g_jj_3 })).gridId).toBe('g_jj_3')
    // staff without a grid of their own: the community's first grid
    expect((await create(WHO.committee)).gridId).toBe('g_jj_1')
  })

  test('report.route says where a report made at a point goes, and who handles it, before it is sent', async () => {
    expect(await h.ok('report.route', DEMO_GRID_CENTRES.g_jj_3, WHO.resident)).toEqual({ gridId: 'g_jj_3', gridName: '第三网格', inside: true, handler: '网格员 周强' })
    // outside every grid: the resident's own, said so
    expect(await h.ok('report.route', { latitude: 30.5, longitude: 121.5 }, WHO.resident)).toEqual({ gridId: 'g_jj_1', gridName: '第一网格', inside: false, handler: '网格员 孙丽' })
    // what route says is where create sends it
    const r = await create(WHO.resident, { location: DEMO_GRID_CENTRES.g_jj_2 })
    expect(r.gridId).toBe((await h.ok<{ gridId: string }>('report.route', DEMO_GRID_CENTRES.g_jj_2, WHO.resident)).gridId)
    expect(await h.call('report.route', { latitude: 'x', longitude: 1 }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  test('a picked grid of another community is INVALID_INPUT and writes nothing', async () => {
    const before = await h.counts()
    const r = await h.call('report.create', { category: 'environment', description: GOOD_DESCRIPTION, gridId: 'g_lj_1' }, WHO.resident)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.counts()).toEqual(before)
  })

  test('a grid without a 网格员: no assignee, no message; 临江村 residents report in their own village', async () => {
    const r = await create(WHO.residentOther)
    expect(r).toMatchObject({ gridId: 'g_lj_1', assignee: null })
    expect(sent).toEqual([])
  })

  test('the community’s configured days decide 办结; report.deadlines shows them; only the committee sets them', async () => {
    const before = await h.ok<ReportDeadlines>('report.deadlines', {}, WHO.resident)
    expect(before.days).toMatchObject({ safety_hazard: 2, public_security: 3, environment: 5, dispute: 10 })
    expect(await h.call('report.setDeadlines', { days: { environment: 2 } }, WHO.worker)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const set = await h.ok<ReportDeadlines>('report.setDeadlines', { days: { environment: 2 } }, WHO.committee)
    expect(set.days).toMatchObject({ environment: 2, dispute: 10, safety_hazard: 2 })
    expect(await h.store.audit.list({ targetId: 'c_jinjiang', limit: 5 })).toEqual([
      expect.objectContaining({ action: 'report.setDeadlines', actorId: WHO.committee, detail: { days: { environment: 2 } } }),
    ])
    // intake Monday 3-3, two working days: Wednesday 3-5 18:00
    expect((await create(WHO.resident)).resolveBy).toBe('2025-03-05T10:00:00.000Z')
    // the other community keeps the defaults
    expect((await create(WHO.residentOther)).resolveBy).toBe('2025-03-10T10:00:00.000Z')
    expect((await h.ok<ReportDeadlines>('report.deadlines', {}, WHO.resident)).days.environment).toBe(2)
  })

  test('a weekday before 17:00 is due the same day; after 17:00 the next working day', async () => {
    h.clock.set('2025-03-04T08:59:00.000Z') // Tuesday 16:59
    expect((await create(WHO.resident)).acceptBy).toBe('2025-03-04T10:00:00.000Z')
    h.clock.set('2025-03-04T09:00:00.000Z') // Tuesday 17:00
    expect((await create(WHO.resident)).acceptBy).toBe('2025-03-05T10:00:00.000Z')
  })

  test('the same requestId is one report; with another input it is CONFLICT', async () => {
    const a = await create(WHO.resident, {}, 'req-report-0001')
    const before = await h.counts()
    const b = await create(WHO.resident, {}, 'req-report-0001')
    expect(b.id).toBe(a.id)
    expect(await h.counts()).toEqual(before)
    const c = await h.call('report.create', { category: 'facility', description: GOOD_DESCRIPTION }, WHO.resident, 'req-report-0001')
    expect(c).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.counts()).toEqual(before)
  })

  test('photos: own unattached files only; someone else’s or an attached one refuses the whole report', async () => {
    const mine = [await addPhoto(h, WHO.resident), await addPhoto(h, WHO.resident)]
    const r = await create(WHO.resident, { photoIds: mine })
    expect(r.photos.map((p) => p.id)).toEqual(mine)
    expect(r.photos[0]!.url).toMatch(new RegExp(`^/files/${mine[0]}\\?`))
    expect(r.cover?.id).toBe(mine[0])
    const theirs = await addPhoto(h, WHO.resident2)
    const before = await h.counts()
    for (const photoIds of [[theirs], [mine[0]], [await addPhoto(h, WHO.resident), 'f_missing']]) {
      const n = await h.counts()
      const x = await h.call('report.create', { category: 'environment', description: GOOD_DESCRIPTION, photoIds }, WHO.resident)
      expect(x).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '照片无效或已被使用' } })
      expect(await h.counts()).toEqual(n)
    }
    expect((await h.counts()).reports).toBe(before.reports)
  })

  test('content: a report is never refused by the check; flagged text (risky or review) is kept from the public', async () => {
    const risky = await create(WHO.resident, { category: 'other', description: '楼下有人组织网络赌博' })
    expect(await reportRow(h, risky.id)).toMatchObject({ moderation: 'review', status: 'submitted' })
    expect(await h.call('report.get', { id: risky.id }, WHO.resident2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await get(WHO.worker, risky.id)).id).toBe(risky.id)
    const r = await create(WHO.resident, { description: '有人在小区里拉人搞传销' })
    expect((await list(WHO.resident2, { scope: 'public' })).items.map((i) => i.id)).not.toContain(r.id)
    expect(await h.call('report.get', { id: r.id }, WHO.resident2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await get(WHO.worker, r.id)).id).toBe(r.id)
    expect((await get(WHO.resident, r.id)).id).toBe(r.id)
  })

  test('a person outside any community cannot report: they are told to choose theirs first, nothing written', async () => {
    const id = await h.devLogin({ role: 'resident' })
    await h.sql.run('UPDATE users SET community_id = NULL, grid_id = NULL, household_id = NULL WHERE id = ?', [id])
    const before = await h.counts()
    expect(await h.call('report.create', { category: 'other', description: GOOD_DESCRIPTION }, id)).toEqual({
      ok: false,
      error: { code: 'NO_COMMUNITY', message: '请先选择您所在的社区' },
    })
    expect(await h.counts()).toEqual(before)
  })
})

describe('who sees what', () => {
  test('a dispute is private by default: reporter and staff only; the phone only to staff', async () => {
    const r = await create(WHO.resident, { category: 'dispute', description: '邻居装修噪音扰民多次沟通无果' })
    expect(r.visibility).toBe('private')
    expect(r.reporterPhone).toBeNull()
    expect(await h.call('report.get', { id: r.id }, WHO.volunteer)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call('report.get', { id: r.id }, WHO.worker2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    for (const staff of [WHO.worker, WHO.committee]) {
      expect(await get(staff, r.id)).toMatchObject({ reporterName: REPORTER_NAME, reporterPhone: REPORTER_PHONE })
    }
    // the street sees it (it supervises) but the reporter masked until it is escalated to the street (issue 16)
    expect(await get(WHO.street, r.id)).toMatchObject({ reporterName: '王*华', reporterPhone: null })
  })

  test('a public report: other residents see a masked name, or 居民 when anonymous (also on the timeline)', async () => {
    const r = await create(WHO.resident)
    expect(await get(WHO.resident2, r.id)).toMatchObject({ reporterName: '王*华', reporterPhone: null, mine: false })
    expect((await get(WHO.resident2, r.id)).can).toEqual(['support'])
    const anon = await create(WHO.resident, { anonymous: true })
    const seen = await get(WHO.resident2, anon.id)
    expect(seen.reporterName).toBe('居民')
    expect(seen.timeline[0]!.actor).toBe('居民')
    expect((await get(WHO.worker, anon.id)).reporterName).toBe(REPORTER_NAME)
    // another community cannot see it at all
    expect(await h.call('report.get', { id: r.id }, WHO.residentOther)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('the life of a report', () => {
  test('accept → note with a photo → resolve → rate: timeline, labels, messages to the reporter at each step', async () => {
    const r = await create(WHO.resident)
    const accepted = await act(WHO.worker, r.id, 'accept')
    expect(accepted).toMatchObject({ status: 'accepted', assignee: { id: WHO.worker }, dueAt: r.resolveBy })
    const photo = await addPhoto(h, WHO.worker)
    const noted = await act(WHO.worker, r.id, 'note', { note: '已联系环卫', photoIds: [photo] })
    expect(noted.timeline[2]).toMatchObject({ action: 'note', note: '已联系环卫', actor: '网格员 孙丽', photos: [{ id: photo }] })
    h.clock.advance(3600_000)
    const resolved = await act(WHO.worker, r.id, 'resolve', { note: '已清运' })
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: at(3600_000), dueAt: null })
    expect((await get(WHO.resident, r.id)).can).toEqual(expect.arrayContaining(['rate', 'reopen']))
    const rated = await h.ok<ReportView>('report.rate', { id: r.id, score: 4, comment: '挺快的' }, WHO.resident)
    expect(rated).toMatchObject({ status: 'closed', rating: { score: 4, comment: '挺快的' } })
    expect(rated.timeline.map((e) => e.action)).toEqual(['create', 'accept', 'note', 'resolve', 'rate'])
    expect(rated.timeline.map((e) => e.actor)).toEqual([`居民 ${REPORTER_NAME}`, '网格员 孙丽', '网格员 孙丽', '网格员 孙丽', `居民 ${REPORTER_NAME}`])
    expect(await titlesFor(WHO.resident, r.id)).toEqual(['您反映的问题已办结，请评价', '您反映的问题有新进展', '您反映的问题已受理'])
    // once only
    const before = await h.counts()
    expect(await h.call('report.rate', { id: r.id, score: 5 }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.counts()).toEqual(before)
  })

  test('a step the machine refuses writes nothing: FORBIDDEN for the wrong person, CONFLICT for the wrong state', async () => {
    const r = await create(WHO.resident)
    const before = await h.counts()
    expect(await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.resident2)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('report.transition', { id: r.id, action: 'resolve', note: '好' }, WHO.worker)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await h.counts()).toEqual(before)
  })

  test('escalate grid → community → street → district → city: fresh deadlines, no assignee, the next level’s staff told, max level kept', async () => {
    const r = await create(WHO.resident)
    await act(WHO.worker, r.id, 'accept')
    h.clock.set('2025-03-04T03:00:00.000Z') // Tuesday 11:00
    const up = await act(WHO.worker, r.id, 'escalate', { note: '涉及多个部门' })
    expect(up).toMatchObject({
      status: 'submitted',
      level: 'community',
      assignee: null,
      acceptBy: '2025-03-04T10:00:00.000Z',
      resolveBy: '2025-03-11T10:00:00.000Z',
    })
    expect(await titlesFor(WHO.committee, r.id)).toEqual(['网格上报的问题待受理'])
    expect(await titlesFor(WHO.resident, r.id)).toContain('您反映的问题已上报至社区')
    expect((await list(WHO.committee, { scope: 'queue' })).items.map((i) => i.id)).toContain(r.id)
    expect((await list(WHO.worker, { scope: 'queue' })).items.map((i) => i.id)).not.toContain(r.id)
    // the grid worker can no longer act on it
    expect(await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.worker)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await act(WHO.committee, r.id, 'accept')
    h.clock.set('2025-03-05T03:00:00.000Z')
    const top = await act(WHO.committee, r.id, 'escalate', { note: '需街道协调' })
    expect(top).toMatchObject({ level: 'street', status: 'submitted', acceptBy: '2025-03-05T10:00:00.000Z' })
    expect(await titlesFor(WHO.street, r.id)).toEqual(['社区上报的问题待受理'])
    // the street cannot settle it either: up to the district's 综治中心, then the city's (市域)
    const district = await act(WHO.street, r.id, 'escalate', { note: '涉及多个街道' })
    expect(district).toMatchObject({ level: 'district', status: 'submitted', assignee: null })
    expect(await titlesFor(WHO.district, r.id)).toEqual(['街道上报的问题待受理'])
    expect(await titlesFor(WHO.resident, r.id)).toContain('您反映的问题已上报至区综治中心')
    expect((await list(WHO.district, { scope: 'queue' })).items.map((i) => i.id)).toContain(r.id)
    expect((await list(WHO.street, { scope: 'queue' })).items.map((i) => i.id)).not.toContain(r.id)
    expect(await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.street)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await act(WHO.district, r.id, 'accept')
    const city = await act(WHO.district, r.id, 'escalate', { note: '需市级部门协调' })
    expect(city).toMatchObject({ level: 'city', status: 'submitted' })
    expect(await titlesFor(WHO.city, r.id)).toEqual(['区综治中心上报的问题待受理'])
    expect(await h.call('report.transition', { id: r.id, action: 'escalate', note: '再上报' }, WHO.city)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '已上报到市，没有更高一级可以上报' },
    })
    expect(await h.sql.get('SELECT max_level FROM reports WHERE id = ?', [r.id])).toEqual({ max_level: 'city' })
    const done = await act(WHO.city, r.id, 'accept')
    expect(done.timeline.map((e) => `${e.action}:${e.level}:${e.actor}`)).toEqual([
      `create:grid:居民 ${REPORTER_NAME}`,
      'accept:grid:网格员 孙丽',
      'escalate:community:网格员 孙丽',
      'accept:community:社区 陈秀兰',
      'escalate:street:社区 陈秀兰',
      'escalate:district:街道 赵明',
      'accept:district:区综治中心 钱卫东',
      'escalate:city:区综治中心 钱卫东',
      'accept:city:市综治中心 冯雅琴',
    ])
  })

  test('reopen within 7 days goes back to the handler on a fresh deadline; after 7 days it is refused', async () => {
    const r = await makeReport(h, { status: 'resolved' })
    h.clock.advance(3 * DAY)
    const again = await act(WHO.resident, r.id, 'reopen', { note: '还是有垃圾' })
    expect(again).toMatchObject({ status: 'accepted', reopenCount: 1, resolvedAt: null })
    expect(Date.parse(again.resolveBy)).toBeGreaterThan(Date.parse(at(3 * DAY)))
    expect(await titlesFor(WHO.worker, r.id)).toContain('问题被上报人重新打开')
    const late = await makeReport(h, { status: 'resolved' })
    h.clock.advance(7 * DAY + 60_000)
    expect(await h.call('report.transition', { id: late.id, action: 'reopen', note: '没修好' }, WHO.resident)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  test('a report resolved 7 days ago and unrated closes itself when its area is read (system step, message)', async () => {
    const r = await makeReport(h, { status: 'resolved' })
    h.clock.advance(7 * DAY - 60_000)
    expect((await get(WHO.resident, r.id)).status).toBe('resolved')
    h.clock.advance(2 * 60_000)
    await list(WHO.resident, { scope: 'mine' })
    const closed = await get(WHO.resident, r.id)
    expect(closed.status).toBe('closed')
    expect(closed.timeline.at(-1)).toMatchObject({ action: 'autoClose', actor: '系统', status: 'closed' })
    expect(await titlesFor(WHO.resident, r.id)).toContain('您反映的问题已结案')
    expect(await h.call('report.rate', { id: r.id, score: 5 }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // a second sweep changes nothing
    const before = await h.counts()
    await list(WHO.committee, { scope: 'area' })
    expect(await h.counts()).toEqual(before)
  })

  test('edit and withdraw before acceptance; anonymise at any time; a returned report is resubmitted by editing', async () => {
    const r = await create(WHO.resident)
    const edited = await h.ok<ReportView>('report.edit', { id: r.id, description: '垃圾桶旁边还有建筑垃圾', category: 'facility' }, WHO.resident)
    expect(edited).toMatchObject({ description: '垃圾桶旁边还有建筑垃圾', category: 'facility', status: 'submitted' })
    expect(await h.call('report.edit', { id: r.id, description: '别人改的描述内容' }, WHO.resident2)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    await act(WHO.worker, r.id, 'accept')
    expect(await h.call('report.edit', { id: r.id, description: '受理后再改描述' }, WHO.resident)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await h.call('report.transition', { id: r.id, action: 'withdraw' }, WHO.resident)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    const anon = await h.ok<ReportView>('report.edit', { id: r.id, anonymous: true }, WHO.resident)
    expect(anon.anonymous).toBe(true)
    expect((await get(WHO.resident2, r.id)).reporterName).toBe('居民')

    const w = await create(WHO.resident)
    expect(await act(WHO.resident, w.id, 'withdraw')).toMatchObject({ status: 'withdrawn' })
    expect((await list(WHO.resident2, { scope: 'public' })).items.map((i) => i.id)).not.toContain(w.id)

    const back = await create(WHO.resident)
    await act(WHO.worker, back.id, 'return', { note: '请补充具体位置' })
    expect(await titlesFor(WHO.resident, back.id)).toEqual(['您反映的问题需要补充信息'])
    expect((await list(WHO.worker, { scope: 'queue' })).items.map((i) => i.id)).not.toContain(back.id)
    const photo = await addPhoto(h, WHO.resident)
    const resent = await h.ok<ReportView>('report.edit', { id: back.id, description: '在3栋东侧第二个垃圾桶', photoIds: [photo] }, WHO.resident)
    expect(resent).toMatchObject({ status: 'submitted', photos: [{ id: photo }] })
    expect(resent.timeline.at(-1)).toMatchObject({ action: 'edit', note: '已补充信息，重新提交' })
    expect(await titlesFor(WHO.worker, back.id)).toContain('问题已补充，请重新受理')
  })

  test('mediation of a dispute: parties, sessions, outcome; names masked outside staff; 调解 on the timeline', async () => {
    const r = await create(WHO.resident, { category: 'dispute', description: '楼上漏水到我家多次协商未果' })
    const mediate = { id: r.id, kind: 'people', parties: [{ name: '王建华', role: '楼下住户' }, { name: '赵大海', role: '楼上住户' }] }
    expect(await h.call('report.mediate', mediate, WHO.worker)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await act(WHO.worker, r.id, 'accept')
    await h.ok('report.mediate', { ...mediate, session: { date: '2025-03-01', note: '双方到场，初步沟通' } }, WHO.worker)
    const done = await h.ok<ReportView>(
      'report.mediate',
      { ...mediate, session: { date: '2025-03-02', note: '楼上同意维修' }, outcome: 'agreed', agreement: '楼上一周内修好防水并赔偿 500 元' },
      WHO.worker,
    )
    expect(done.mediation).toMatchObject({
      kind: 'people',
      outcome: 'agreed',
      agreement: '楼上一周内修好防水并赔偿 500 元',
      parties: [{ name: '王建华' }, { name: '赵大海' }],
      sessions: [
        { date: '2025-03-01', recordedBy: '网格员 孙丽' },
        { date: '2025-03-02', note: '楼上同意维修' },
      ],
    })
    expect(done.timeline.filter((e) => e.action === 'mediate').map((e) => e.note)).toEqual([
      '人民调解，2025-03-01 调解一次',
      '人民调解，2025-03-02 调解一次，调解成功',
    ])
    expect((await get(WHO.resident, r.id)).mediation!.parties.map((p) => p.name)).toEqual(['王*华', '赵*海'])
    expect(await h.call('report.mediate', mediate, WHO.committee)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const environment = await makeReport(h, { status: 'accepted' })
    expect(await h.call('report.mediate', { ...mediate, id: environment.id }, WHO.worker)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('督办 only when overdue, telling the assignee; 改派 to a 网格员 of the community moves it to their grid', async () => {
    const fresh = await create(WHO.resident)
    expect(await h.call('report.transition', { id: fresh.id, action: 'supervise', note: '请尽快' }, WHO.committee)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    const late = await makeReport(h, { status: 'accepted', overdue: true })
    expect((await get(WHO.committee, late.id)).overdue).toBe(true)
    await act(WHO.committee, late.id, 'supervise', { note: '已超期，今天务必处理' })
    expect(await titlesFor(WHO.worker, late.id)).toEqual(['督办：问题已逾期，请尽快处理', '新的随手拍问题待受理'])
    expect((await list(WHO.worker, { scope: 'queue' })).items.find((i) => i.id === late.id)?.overdue).toBe(true)

    expect(await h.call('report.transition', { id: fresh.id, action: 'reassign', toUserId: WHO.resident2 }, WHO.committee)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    const moved = await act(WHO.committee, fresh.id, 'reassign', { toUserId: WHO.worker2, note: '属于第二网格' })
    expect(moved).toMatchObject({ gridId: 'g_jj_2', assignee: { id: WHO.worker2 }, level: 'grid', status: 'submitted' })
    expect(moved.timeline.at(-1)).toMatchObject({ action: 'reassign', actor: '社区 陈秀兰' })
    expect(await titlesFor(WHO.worker2, fresh.id)).toContain('改派给您的问题')
  })

  test('a lost race is CONFLICT: a step read on an old version changes nothing', async () => {
    const r = await create(WHO.resident)
    const stale = await h.store.reports.get(r.id)
    await act(WHO.worker, r.id, 'accept')
    const out = await h.store.reports.change({
      id: r.id,
      version: stale!.version,
      patch: { ...stale!, status: 'rejected' } as never,
      at: NOW,
      event: { actorId: WHO.worker, action: 'reject', note: 'x', toUserId: null },
      eventPhotoIds: [],
      photoOwnerId: WHO.worker,
      messages: [],
    })
    expect(out).toEqual({ kind: 'conflict' })
    expect((await get(WHO.resident, r.id)).status).toBe('accepted')
  })
})

describe('nearby and support', () => {
  test('open public reports of the category within 200 m, nearest first; "我也遇到" once per person', async () => {
    const c = DEMO_GRID_CENTRES.g_jj_2!
    const near = await create(WHO.resident, { location: { latitude: c.latitude + 0.0005, longitude: c.longitude } }) // ~55 m
    const nearer = await create(WHO.resident, { location: { latitude: c.latitude + 0.0002, longitude: c.longitude } }) // ~22 m
    await create(WHO.resident, { location: { latitude: c.latitude + 0.003, longitude: c.longitude } }) // ~330 m
    await create(WHO.resident, { category: 'facility', location: c })
    await create(WHO.resident, { visibility: 'private', location: c })
    const res = await h.ok<{ items: NearbyReport[] }>('report.nearby', { ...c, category: 'environment' }, WHO.resident2)
    expect(res.items.map((i) => i.id)).toEqual([nearer.id, near.id])
    expect(res.items[0]!.distance).toBeGreaterThan(15)
    expect(res.items[0]!.distance).toBeLessThan(30)
    expect(res.items[0]!.reporterName).toBe('王*华')

    expect(await h.ok('report.support', { id: near.id }, WHO.resident2)).toEqual({ supporters: 1 })
    expect(await h.ok('report.support', { id: near.id }, WHO.resident2)).toEqual({ supporters: 1 })
    expect(await h.ok('report.support', { id: near.id }, WHO.volunteer)).toEqual({ supporters: 2 })
    expect(await h.call('report.support', { id: near.id }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await get(WHO.resident2, near.id)).toMatchObject({ supporters: 2, supportedByMe: true })
    // a resolved one is no longer offered
    await act(WHO.worker2, nearer.id, 'accept')
    await act(WHO.worker2, nearer.id, 'resolve', { note: '已处理' })
    const after = await h.ok<{ items: NearbyReport[] }>('report.nearby', { ...c, category: 'environment' }, WHO.resident2)
    expect(after.items.map((i) => i.id)).toEqual([near.id])
  })
  test('a busy spot: the closest report is offered even when hundreds more lie within 200 m', async () => {
    const c = DEMO_GRID_CENTRES.g_jj_2!
    // 205 reports 150–190 m to the south (the index meets them first), then one right here
    for (let i = 0; i < 205; i++) {
      await create(WHO.resident, { location: { latitude: c.latitude - 0.00135 - (i % 40) * 0.00001, longitude: c.longitude } })
    }
    const here = await create(WHO.resident, { location: { latitude: c.latitude + 0.00003, longitude: c.longitude } })
    const res = await h.ok<{ items: NearbyReport[] }>('report.nearby', { ...c, category: 'environment' }, WHO.resident2)
    expect(res.items[0]!.id).toBe(here.id)
    expect(res.items[0]!.distance).toBeLessThan(5)
    expect(res.items).toHaveLength(10)
  })
})

describe('report.list', () => {
  test('mine, public, queue by deadline, area with filters; wrong role FORBIDDEN; keyset pages', async () => {
    const a = await create(WHO.resident)
    h.clock.set('2025-03-04T08:00:00.000Z') // Tuesday 16:00: due Tuesday 18:00, after a (Monday 18:00)
    const b = await create(WHO.resident, { category: 'safety_hazard' })
    const dispute = await create(WHO.resident, { category: 'dispute', description: '邻居占用公共楼道堆放杂物' })
    const mine = await list(WHO.resident, { scope: 'mine' })
    expect(mine.items.slice(0, 3).map((i) => i.id)).toEqual([dispute.id, b.id, a.id])
    const pub = (await list(WHO.resident2, { scope: 'public' })).items.map((i) => i.id)
    expect(pub).toEqual(expect.arrayContaining([a.id, b.id]))
    expect(pub).not.toContain(dispute.id)
    // queue: by the deadline that runs (a: Monday; b and the dispute: Tuesday), then insertion order
    const queue = (await list(WHO.worker, { scope: 'queue' })).items.map((i) => i.id)
    expect(queue.indexOf(a.id)).toBeLessThan(queue.indexOf(b.id))
    expect(queue.indexOf(b.id)).toBeLessThan(queue.indexOf(dispute.id))
    const overdue = await list(WHO.committee, { scope: 'area', overdue: true })
    expect(overdue.items.map((i) => i.id)).toContain(a.id)
    expect(overdue.items.every((i) => i.overdue)).toBe(true)
    const safety_hazard = await list(WHO.committee, { scope: 'area', category: 'safety_hazard' })
    expect(safety_hazard.items.map((i) => i.id)).toContain(b.id)
    expect(safety_hazard.items.every((i) => i.category === 'safety_hazard')).toBe(true)
    const grid2 = await list(WHO.street, { scope: 'area', gridId: 'g_jj_2' })
    // newest first by arrival: the 联席会议 dispute is seeded after DEMO_REPORTS
    expect(grid2.items.map((i) => i.id)).toEqual(['r_demo_parking', 'r_demo_streetlight'])
    expect(await h.call('report.list', { scope: 'queue' }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('report.list', { scope: 'area' }, WHO.worker)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    // pages of one walk the whole list without repeats
    for (const [as, scope] of [[WHO.resident, 'mine'], [WHO.worker, 'queue'], [WHO.committee, 'area']] as const) {
      const all = (await list(as, { scope })).items.map((i) => i.id)
      const walked: string[] = []
      let cursor: string | null = null
      do {
        const page: ReportListPage = await h.ok('report.list', { scope, limit: 1, ...(cursor ? { cursor } : {}) }, as)
        walked.push(...page.items.map((i) => i.id))
        cursor = page.nextCursor
      } while (cursor)
      expect(walked).toEqual(all)
    }
    expect(await h.call('report.list', { scope: 'mine', cursor: 'bm90IGEgY3Vyc29y' }, WHO.resident)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })
})

describe('report.summary', () => {
  test('counts by status, category, grid; overdue; 矛盾不上交 share of settled disputes', async () => {
    const base = await h.ok<ReportSummaryCounts>('report.summary', {}, WHO.committee)
    expect(base.total).toBe(11) // the demo reports: DEMO_REPORTS, the 联席会议 dispute (cloud/seed/seedMeetings.ts) and the 预警 spike (cloud/seed/seedWarnings.ts)
    const dispute = { category: 'dispute' as const, description: '两户因停车位发生争执' }
    await makeReport(h, { ...dispute, status: 'resolved' })
    const rated = await makeReport(h, { ...dispute, status: 'resolved', level: 'community' })
    await h.ok('report.rate', { id: rated.id, score: 5 }, WHO.resident)
    await makeReport(h, { ...dispute, status: 'resolved', level: 'street' })
    await makeReport(h, { ...dispute, status: 'accepted' })
    await makeReport(h, { status: 'submitted', overdue: true })
    const s = await h.ok<ReportSummaryCounts>('report.summary', {}, WHO.committee)
    expect(s.total).toBe(base.total + 5)
    expect(s.disputes).toEqual({ settled: 3, settledLocally: 2, share: 2 / 3 })
    expect(s.byCategory.dispute).toBe((base.byCategory.dispute ?? 0) + 4)
    expect(s.byStatus.closed).toBe((base.byStatus.closed ?? 0) + 1)
    expect(s.overdue).toBe(base.overdue + 1)
    expect(s.byGrid.map((g) => g.gridId)).toEqual(['g_jj_1', 'g_jj_2', 'g_jj_3'])
    expect(s.byGrid.reduce((n, g) => n + g.total, 0)).toBe(s.total)
    const street = await h.ok<ReportSummaryCounts>('report.summary', {}, WHO.street)
    expect(street.byGrid).toHaveLength(6)
    expect(street.byGrid[3]!.gridName).toBe('临江村 第一网格')
    const g2 = await h.ok<ReportSummaryCounts>('report.summary', { gridId: 'g_jj_2' }, WHO.committee)
    expect(g2.total).toBe(2)
    expect(await h.call('report.summary', {}, WHO.worker)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('report.summary', { gridId: 'g_lj_1' }, WHO.committee)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('messages', () => {
  test('newest first with the unread total; read one (own only) or all', async () => {
    const me = await h.devLogin({ role: 'resident', gridId: 'g_jj_1' })
    const r = await create(me)
    await act(WHO.worker, r.id, 'accept')
    await act(WHO.worker, r.id, 'note', { note: '在处理' })
    const page = await messagesOf(me)
    expect(page.unread).toBe(2)
    expect(page.items.map((m) => m.title)).toEqual(['您反映的问题有新进展', '您反映的问题已受理'])
    expect(page.items[0]).toMatchObject({ kind: 'report', read: false, target: { type: 'report', id: r.id } })
    expect(page.items[0]!.body).toContain('在处理')
    expect(await h.ok('message.read', { id: page.items[1]!.id }, me)).toEqual({ unread: 1 })
    expect(await h.call('message.read', { id: page.items[0]!.id }, WHO.resident2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await h.ok<MessagePage>('message.list', { unreadOnly: true }, me)).items).toHaveLength(1)
    expect(await h.ok('message.read', { all: true }, me)).toEqual({ unread: 0 })
    const first = await h.ok<MessagePage>('message.list', { limit: 1 }, me)
    const second = await h.ok<MessagePage>('message.list', { limit: 1, cursor: first.nextCursor }, me)
    expect([...first.items, ...second.items].map((m) => m.id)).toEqual(page.items.map((m) => m.id))
  })

  test('a failing notifier is logged and never undoes the change', async () => {
    h.deps.notifiers.push({
      notify: async () => {
        throw new Error('wechat down')
      },
    })
    const r = await create(WHO.resident)
    expect(r.status).toBe('submitted')
    expect(h.errors).toHaveLength(1)
    expect(await titlesFor(WHO.worker, r.id)).toEqual(['新的随手拍问题待受理'])
  })
})

describe('what the reporter writes afterwards stays between them and the staff', () => {
  test('a rating comment and a 重新打开 reason are hidden from other residents of a public report', async () => {
    const r = await makeReport(h, { category: 'environment', description: '2栋门口的垃圾桶坏了，垃圾散落一地', status: 'resolved' })
    expect(r.visibility).toBe('public')
    await h.ok('report.transition', { id: r.id, action: 'reopen', note: '402 的张某又把垃圾扔在门口了' }, WHO.resident)
    await h.ok('report.transition', { id: r.id, action: 'resolve', note: '已更换垃圾桶' }, WHO.worker)
    await h.ok('report.rate', { id: r.id, score: 2, comment: '还是 402 的问题，没人管' }, WHO.resident)

    const neighbour = await get(WHO.resident2, r.id)
    expect(neighbour.rating).toMatchObject({ score: 2, comment: null })
    const byReporter = neighbour.timeline.filter((e) => e.action === 'reopen' || e.action === 'rate')
    expect(byReporter).toHaveLength(2)
    expect(byReporter.every((e) => e.note === null)).toBe(true)
    // what the staff wrote stays public; the report's own text too
    expect(neighbour.timeline.find((e) => e.action === 'resolve' && e.note === '已更换垃圾桶')).toBeTruthy()
    expect(neighbour.description).toBe('2栋门口的垃圾桶坏了，垃圾散落一地')

    for (const who of [WHO.resident, WHO.worker, WHO.committee]) {
      const v = await get(who, r.id)
      expect(v.rating?.comment).toBe('还是 402 的问题，没人管')
      expect(v.timeline.find((e) => e.action === 'reopen')?.note).toBe('402 的张某又把垃圾扔在门口了')
    }
  })
})
