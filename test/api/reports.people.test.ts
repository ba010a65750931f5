/**
 * Who is this (issue 11): people appear as their role and their name — never "居民 居民 E29E" — masked where the
 * viewer may not see it; the handler of a report is someone its reporter recognises, with the grid's service
 * phone the committee chose to publish (never a private number).
 */
import type { CommunityView, GridView } from '@/domain/community'
import type { ReportView } from '@/domain/reports'
import { makeHarness, type Harness } from './support/harness'
import { WHO } from './support/reportFixtures'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const ROLE_WORDS = /居民|志愿者|网格员|社区|街道|干部/
const nameOf = async (id: string) => (await h.sql.value('SELECT name FROM users WHERE id = ?', [id])) as string

test.each(['resident', 'volunteer', 'gridWorker', 'committee', 'street'] as const)('dev login as %s without a name: a plausible Chinese name, no role in it', async (role) => {
  const id = await h.devLogin({ role })
  const name = await nameOf(id)
  expect(name).toMatch(/^[\u4e00-\u9fff]{2,4}$/)
  expect(name).not.toMatch(ROLE_WORDS)
})

test('the seeded people and household heads have names, not placeholders (王某华 reads like a masked name)', async () => {
  const names = (await h.sql.all<{ name: string }>('SELECT name FROM users UNION ALL SELECT head_name FROM households')).map((r) => r.name)
  expect(names.length).toBeGreaterThan(50)
  for (const n of names) expect(n).not.toMatch(/某/)
})

test('a report by dev-login people: each timeline step says the role once, then the name (masked for neighbours)', async () => {
  const reporter = await h.devLogin({ role: 'resident', gridId: 'g_jj_1' })
  const worker = await h.devLogin({ role: 'gridWorker', gridId: 'g_jj_1' })
  const neighbour = await h.devLogin({ role: 'resident', gridId: 'g_jj_1' })
  const r = await h.ok<ReportView>('report.create', { category: 'environment', description: '楼下垃圾桶满了两天没人清运', gridId: 'g_jj_1' }, reporter)
  // the report went to the grid's first worker; this one takes it over through the committee
  await h.ok('report.transition', { id: r.id, action: 'reassign', toUserId: worker }, WHO.committee)
  await h.ok('report.transition', { id: r.id, action: 'accept' }, worker)
  const mine = await h.ok<ReportView>('report.get', { id: r.id }, reporter)
  const seen = await h.ok<ReportView>('report.get', { id: r.id }, neighbour)
  const full = await nameOf(reporter)
  expect(mine.timeline.map((e) => e.actor)).toEqual([`居民 ${full}`, `社区 ${await nameOf(WHO.committee)}`, `网格员 ${await nameOf(worker)}`])
  expect(seen.timeline[0]!.actor).toBe(`居民 ${[...full][0]}*${full.length > 2 ? [...full].slice(-1)[0] : ''}`)
  for (const step of [...mine.timeline, ...seen.timeline]) {
    const words = step.actor.split(' ')
    expect(words.length).toBeLessThanOrEqual(2)
    if (words[1]) expect(words[1]).not.toMatch(ROLE_WORDS)
  }
})

describe('the handler and the grid service phone', () => {
  test('the reporter sees who handles it by name and the phone the committee published for the grid; a neighbour no phone', async () => {
    const r = await h.ok<ReportView>('report.create', { category: 'facility', description: '3栋门口路灯不亮了，晚上很黑', gridId: 'g_jj_1' }, WHO.resident)
    expect(r.handler).toEqual({ who: '网格员 孙丽', phone: '0575-87010001' })
    expect(r.viewer).toBe('reporter')
    const other = await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident2)
    expect(other.handler).toEqual({ who: '网格员 孙丽', phone: null })
    expect(other.viewer).toBe('resident')
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.worker)).viewer).toBe('handler')
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.committee)).viewer).toBe('staff')
    // never a private number: the worker's own phone is not in the reply
    const worker = (await h.sql.value('SELECT phone FROM users WHERE id = ?', [WHO.worker])) as string
    expect(JSON.stringify(r)).not.toContain(worker)
  })

  test('escalated: the office that has it now', async () => {
    const r = await h.ok<ReportView>('report.create', { category: 'dispute', description: '楼上空调滴水到我家阳台，沟通无果', gridId: 'g_jj_1' }, WHO.resident)
    const up = await h.ok<ReportView>('report.transition', { id: r.id, action: 'escalate', note: '需要社区调解' }, WHO.worker)
    expect((await h.ok<ReportView>('report.get', { id: up.id }, WHO.resident)).handler.who).toBe('社区工作人员')
  })

  test('the committee publishes, changes and withdraws a grid’s phone; community.get and reports follow', async () => {
    const set = await h.ok<GridView>('community.setGridPhone', { gridId: 'g_jj_2', servicePhone: ' 13812345678 ' }, WHO.committee)
    expect(set).toEqual({ id: 'g_jj_2', name: '第二网格', servicePhone: '13812345678' })
    const community = await h.ok<CommunityView>('community.get', {}, WHO.resident)
    expect(community.grids.find((g) => g.id === 'g_jj_2')?.servicePhone).toBe('13812345678')
    const r = await h.ok<ReportView>('report.create', { category: 'facility', description: '2栋电梯按钮坏了好几天', gridId: 'g_jj_2' }, WHO.resident2)
    expect(r.handler.phone).toBe('13812345678')
    await h.ok('community.setGridPhone', { gridId: 'g_jj_2', servicePhone: null }, WHO.committee)
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident2)).handler.phone).toBeNull()
    const audit = await h.sql.value("SELECT count(*) FROM audit_log WHERE action = 'community.setGridPhone'")
    expect(audit).toBe(2)
  })

  test('only its committee may set it; a number that is not one is refused', async () => {
    for (const as of [WHO.resident, WHO.worker, WHO.street]) {
      expect(await h.call('community.setGridPhone', { gridId: 'g_jj_1', servicePhone: '0575-87010009' }, as)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await h.call('community.setGridPhone', { gridId: 'g_jj_1', servicePhone: '0575-87010009' }, WHO.committeeOther)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    for (const bad of ['电话', '12', '0575-8701000912345678', '<script>']) {
      expect(await h.call('community.setGridPhone', { gridId: 'g_jj_1', servicePhone: bad }, WHO.committee)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(await h.call('community.setGridPhone', { gridId: 'nope', servicePhone: '12345' }, WHO.committee)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
