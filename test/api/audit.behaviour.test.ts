/**
 * audit.list and audit.actions through the dispatcher: the rows a few staff actions wrote (counted independently
 * here with SQL), newest first, each filter, paging, labels, names and the masking of personal numbers.
 */
import type { AuditActions, AuditEntryView, AuditPage } from '@/domain/audit'
import { chinaInstant } from '@/domain/shared/chinaTime'
import { CITY, COMMITTEE, OTHER_COMMITTEE, STREET, VERIFIED } from './support/warningFixtures'
import { makeHarness, NOW, type Harness } from './support/harness'

let h: Harness
const DAY = 24 * 3600_000

beforeAll(async () => {
  h = await makeHarness()
  // day 1 (2025-03-01 China): 锦江 publishes a notice and sets a grid's phone; 临江 publishes one
  await h.ok('notice.publish', { title: '停水通知', body: '周六停水', category: 'notice' }, COMMITTEE)
  await h.ok('community.setGridPhone', { gridId: 'g_jj_1', servicePhone: '13812345678' }, COMMITTEE)
  await h.ok('notice.publish', { title: '临江通知', body: '正文', category: 'notice' }, OTHER_COMMITTEE)
  // day 3: 锦江 sets its deadlines; an entry with an ID number and an unknown action, written as a feature would
  h.clock.advance(2 * DAY)
  await h.ok('report.setDeadlines', { days: { environment: 2 } }, COMMITTEE)
  await h.sql.run(
    'INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [h.clock.now().toISOString(), COMMITTEE, 'legacy.thing', 'household', 'h_jj_1_01', 'c_jinjiang', JSON.stringify({ note: '身份证 110101199003071234 电话 13900000001' })],
  )
  // a system-wide entry (no community): the city's only
  await h.sql.run(
    'INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [h.clock.now().toISOString(), 'operator', 'user.grantRole', 'user', STREET, null, JSON.stringify({ role: 'street' })],
  )
})
afterAll(() => h.close())

interface Row {
  id: number
  action: string
  actor_id: string
  community_id: string | null
}

/** The ids the log holds for these communities (and the system rows), newest first: computed here, not by the port. */
async function expectedIds(where: string, params: unknown[] = []): Promise<string[]> {
  const found = await h.sql.all<Row & { at: string | Date }>(`SELECT id, at FROM audit_log WHERE ${where}`, params)
  const rows = found.map((r) => ({ id: Number(r.id), at: new Date(r.at).toISOString() }))
  return rows.sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1)).map((r) => String(r.id))
}

async function allPages(payload: Record<string, unknown>, as: string): Promise<AuditEntryView[]> {
  const out: AuditEntryView[] = []
  let cursor: string | undefined
  for (let i = 0; i < 50; i++) {
    const page = await h.ok<AuditPage>('audit.list', { ...payload, ...(cursor ? { cursor } : {}) }, as)
    out.push(...page.items)
    if (!page.nextCursor) return out
    cursor = page.nextCursor
  }
  throw new Error('too many pages')
}

describe('audit.list', () => {
  test('the committee reads its community’s rows, newest first, equal to the rows written', async () => {
    const got = await allPages({ limit: 3 }, COMMITTEE)
    expect(got.map((r) => r.id)).toEqual(await expectedIds("community_id = 'c_jinjiang'"))
    expect(got.length).toBeGreaterThanOrEqual(4)
    expect(got.every((r) => r.communityId === 'c_jinjiang')).toBe(true)
  })

  test('each row: when, who (name and roles), the action’s label, the target, the detail', async () => {
    const { items } = await h.ok<AuditPage>('audit.list', { action: 'report.setDeadlines' }, COMMITTEE)
    expect(items).toEqual([
      {
        id: expect.stringMatching(/^\d+$/),
        at: new Date(Date.parse(NOW) + 2 * DAY).toISOString(),
        actorId: COMMITTEE,
        actorName: '陈秀兰',
        actorRoles: ['committee'],
        action: 'report.setDeadlines',
        actionLabel: '设置办结时限',
        targetType: 'community',
        targetId: 'c_jinjiang',
        communityId: 'c_jinjiang',
        detail: { days: { environment: 2 } },
      },
    ])
  })

  test('phone and ID numbers in the detail are masked; an unknown action shows its raw name', async () => {
    const [phone] = (await h.ok<AuditPage>('audit.list', { action: 'community.setGridPhone' }, COMMITTEE)).items
    expect(phone.detail).toEqual({ servicePhone: '138****5678' })
    expect(phone.actionLabel).toBe('设置网格服务电话')
    const [legacy] = (await h.ok<AuditPage>('audit.list', { action: 'legacy.thing' }, COMMITTEE)).items
    expect(legacy.actionLabel).toBe('legacy.thing')
    expect(legacy.detail).toEqual({ note: '身份证 110***********1234 电话 139****0001' })
    expect(JSON.stringify(await allPages({}, COMMITTEE))).not.toMatch(/13812345678|110101199003071234|13900000001/)
  })

  test('filters: actor, exact action, feature prefix, target type and id, period (China days)', async () => {
    const ids = async (p: Record<string, unknown>) => (await allPages(p, COMMITTEE)).map((r) => r.id)
    const jj = "community_id = 'c_jinjiang'"
    expect(await ids({ actorId: COMMITTEE })).toEqual(await expectedIds(`${jj} AND actor_id = ?`, [COMMITTEE]))
    expect(await ids({ action: 'notice.publish' })).toEqual(await expectedIds(`${jj} AND action = 'notice.publish'`))
    expect(await ids({ action: 'notice.' })).toEqual(await expectedIds(`${jj} AND action LIKE 'notice.%'`))
    expect((await ids({ action: 'notice.' })).length).toBeGreaterThanOrEqual(1)
    expect(await ids({ targetType: 'grid' })).toEqual(await expectedIds(`${jj} AND target_type = 'grid'`))
    expect(await ids({ targetId: 'g_jj_1' })).toEqual(await expectedIds(`${jj} AND target_id = 'g_jj_1'`))
    // the period's edges are China days: [from 00:00, to + 1 day 00:00) at UTC+8
    const day1 = '2025-03-01'
    const day3 = '2025-03-03'
    const since = (d: string) => chinaInstant(d).toISOString()
    const until = (d: string) => new Date(chinaInstant(d).getTime() + DAY).toISOString()
    expect(await ids({ from: day1, to: day1 })).toEqual(await expectedIds(`${jj} AND at >= ? AND at < ?`, [since(day1), until(day1)]))
    expect(await ids({ from: day3 })).toEqual(await expectedIds(`${jj} AND at >= ?`, [since(day3)]))
    expect((await ids({ from: day3 })).length).toBe(2)
    expect(await ids({ from: '2025-03-02', to: '2025-03-02' })).toEqual([])
  })

  test('a street reads its communities; the city also the system rows; a tier may name one community', async () => {
    const street = await allPages({}, STREET)
    expect(street.map((r) => r.id)).toEqual(await expectedIds("community_id IN ('c_jinjiang', 'c_linjiang')"))
    expect(new Set(street.map((r) => r.communityId))).toEqual(new Set(['c_jinjiang', 'c_linjiang']))
    const city = await allPages({}, CITY)
    expect(city.map((r) => r.id)).toEqual(await expectedIds("community_id IN ('c_jinjiang', 'c_linjiang') OR community_id IS NULL"))
    const system = city.find((r) => r.communityId === null)
    expect(system).toMatchObject({ actorId: 'operator', actorName: null, actorRoles: [], actionLabel: '授予角色' })
    const lj = await allPages({ communityId: 'c_linjiang' }, STREET)
    expect(lj.map((r) => r.id)).toEqual(await expectedIds("community_id = 'c_linjiang'"))
  })

  test('a resident who acted: named in full to their committee, masked to the tiers; staff named in full', async () => {
    await h.sql.run(
      'INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [h.clock.now().toISOString(), VERIFIED, 'me.chooseCommunity', 'user', VERIFIED, 'c_jinjiang', null],
    )
    const name = async (as: string) => (await h.ok<AuditPage>('audit.list', { action: 'me.chooseCommunity' }, as)).items[0]?.actorName
    expect(await name(COMMITTEE)).toBe('王建华')
    expect(await name(STREET)).toBe('王*华')
    expect(await name(CITY)).toBe('王*华')
    const staff = async (as: string) => (await h.ok<AuditPage>('audit.list', { action: 'report.setDeadlines' }, as)).items[0]?.actorName
    expect(await staff(STREET)).toBe('陈秀兰')
  })

  test('reading the log is not itself audited', async () => {
    const before = await h.sql.value('SELECT count(*) FROM audit_log')
    await h.ok('audit.list', {}, COMMITTEE)
    await h.ok('audit.actions', {}, CITY)
    expect(await h.sql.value('SELECT count(*) FROM audit_log')).toEqual(before)
  })
})

describe('audit.actions', () => {
  test('the action names present in the caller’s scope, with labels', async () => {
    const { actions } = await h.ok<AuditActions>('audit.actions', {}, COMMITTEE)
    const names = (await h.sql.all<{ action: string }>("SELECT DISTINCT action FROM audit_log WHERE community_id = 'c_jinjiang'")).map((r) => r.action).sort()
    expect(actions.map((a) => a.action)).toEqual(names)
    expect(actions).toContainEqual({ action: 'notice.publish', label: '发布通知' })
    expect(actions).toContainEqual({ action: 'legacy.thing', label: 'legacy.thing' })
    const city = await h.ok<AuditActions>('audit.actions', {}, CITY)
    expect(city.actions.map((a) => a.action)).toContain('user.grantRole')
    expect(actions.map((a) => a.action)).not.toContain('user.grantRole')
  })
})
