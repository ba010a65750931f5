/**
 * Authorization matrix of every report and message action (issue 4, DESIGN §5): caller kind × action ×
 * ownership, code asserted, and every refusal leaves every table as it was (h.counts()). Each cell gets a
 * fresh target report in the state it needs (reportFixtures.makeReport), reported by 王建华 of 锦江 第一网格
 * unless the cell says otherwise. Then the named cases of the issue, and what each caller sees (masking).
 *
 * Outsiders (临江村's resident and committee) get NOT_FOUND for a report of 锦江: even a public report's
 * existence is not theirs to know; so does anyone who may not see a private report.
 */
import type { MessagePage } from '@/domain/messages'
import { REPORT_ACTIONS, type NearbyReport, type ReportListPage, type ReportStatus, type ReportView } from '@/domain/reports'
import { canEdit, canMediate, canRate, canSupport, decide, isReportStaff, relationsOf, type Caller } from '@/domain/reports/flow'
import { makeHarness, type Harness } from './support/harness'
import { DEMO_GRID_CENTRES, DEMO_USERS } from '../../cloud/seed/demoData'
import { addPhoto, makeReport, REPORTER_NAME, REPORTER_PHONE, WHO, type ReportSpec, type Who } from './support/reportFixtures'

type Actor = Who | 'anonymous'
type Outcome = 'ok' | 'FORBIDDEN' | 'CONFLICT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'INVALID_INPUT'

const ACTORS: Actor[] = [
  'resident', 'volunteer', 'resident2', 'unverified', 'residentOther',
  'worker', 'worker2', 'committee', 'committeeOther', 'street', 'anonymous',
]

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

/** a report of 锦江 第一网格: `base` for everyone of 锦江, NOT_FOUND for 临江村, `set` overrides */
function row(base: Outcome, set: Partial<Record<Actor, Outcome>> = {}): Record<Actor, Outcome> {
  const out = Object.fromEntries(ACTORS.map((a) => [a, base])) as Record<Actor, Outcome>
  return { ...out, residentOther: 'NOT_FOUND', committeeOther: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED', ...set }
}
/** a PRIVATE report of 锦江 第一网格: only the reporter and its staff (第一网格's 网格员, 社区, 街道) see it */
function privateRow(base: Outcome, set: Partial<Record<Actor, Outcome>> = {}): Record<Actor, Outcome> {
  return row(base, { volunteer: 'NOT_FOUND', resident2: 'NOT_FOUND', unverified: 'NOT_FOUND', worker2: 'NOT_FOUND', ...set })
}
/** not about one report: everyone signed in gets `base` */
function all(base: Outcome, set: Partial<Record<Actor, Outcome>> = {}): Record<Actor, Outcome> {
  const out = Object.fromEntries(ACTORS.map((a) => [a, base])) as Record<Actor, Outcome>
  return { ...out, anonymous: 'UNAUTHENTICATED', ...set }
}

const report = (spec: ReportSpec = {}) => makeReport(h, spec)
const transition = (spec: ReportSpec, action: string, extra: Record<string, unknown> = {}) => async () => ({
  id: (await report(spec)).id,
  action,
  ...extra,
})
const DISPUTE: ReportSpec = { category: 'dispute', description: '楼上邻居每晚装修噪音，协商未果' }

interface Cell {
  payload: () => Promise<unknown>
  expect: Record<Actor, Outcome>
}

const MATRIX: Record<string, Cell> = {
  // anyone of a community may report (staff too); with no place given it goes to their own grid, else the first
  'report.create (no place given)': {
    payload: async () => ({ category: 'environment', description: '小区门口路灯坏了一周' }),
    expect: all('ok'),
  },
  // a grid of another community is no grid of theirs: refused as input, nothing written
  'report.create (第一网格 of 锦江 picked)': {
    payload: async () => ({ category: 'facility', description: '小区门口路灯坏了一周', gridId: 'g_jj_1' }),
    expect: all('ok', { residentOther: 'INVALID_INPUT', committeeOther: 'INVALID_INPUT' }),
  },
  'report.nearby': { payload: async () => ({ latitude: 30.66, longitude: 104.06, category: 'environment' }), expect: all('ok') },
  // 我也遇到 is for residents: staff (网格员 of any grid, 社区, 街道) are refused
  'report.support (public, open)': {
    payload: async () => ({ id: (await report()).id }),
    expect: row('ok', { resident: 'CONFLICT', worker: 'FORBIDDEN', worker2: 'FORBIDDEN', committee: 'FORBIDDEN', street: 'FORBIDDEN' }),
  },
  'report.support (private dispute)': {
    payload: async () => ({ id: (await report(DISPUTE)).id }),
    expect: privateRow('CONFLICT', { worker: 'FORBIDDEN', committee: 'FORBIDDEN', street: 'FORBIDDEN' }),
  },
  'report.list (mine)': { payload: async () => ({ scope: 'mine' }), expect: all('ok') },
  'report.list (public)': { payload: async () => ({ scope: 'public' }), expect: all('ok') },
  'report.list (queue)': {
    payload: async () => ({ scope: 'queue' }),
    expect: all('FORBIDDEN', { worker: 'ok', worker2: 'ok', committee: 'ok', committeeOther: 'ok', street: 'ok' }),
  },
  'report.list (area)': {
    payload: async () => ({ scope: 'area' }),
    expect: all('FORBIDDEN', { committee: 'ok', committeeOther: 'ok', street: 'ok' }),
  },
  'report.get (public)': { payload: async () => ({ id: (await report()).id }), expect: row('ok') },
  'report.get (private dispute)': {
    payload: async () => ({ id: (await report(DISPUTE)).id }),
    expect: privateRow('ok'),
  },
  'report.transition accept': { payload: transition({}, 'accept'), expect: row('FORBIDDEN', { worker: 'ok' }) },
  'report.transition accept (private dispute)': { payload: transition(DISPUTE, 'accept'), expect: privateRow('FORBIDDEN', { worker: 'ok' }) },
  'report.transition note': { payload: transition({ status: 'accepted' }, 'note', { note: '已联系物业' }), expect: row('FORBIDDEN', { worker: 'ok' }) },
  'report.transition resolve': { payload: transition({ status: 'accepted' }, 'resolve', { note: '已清运' }), expect: row('FORBIDDEN', { worker: 'ok' }) },
  'report.transition reject': { payload: transition({}, 'reject', { note: '重复上报' }), expect: row('FORBIDDEN', { worker: 'ok' }) },
  'report.transition return': { payload: transition({}, 'return', { note: '请补充位置' }), expect: row('FORBIDDEN', { worker: 'ok' }) },
  'report.transition escalate (grid → 社区)': {
    payload: transition({}, 'escalate', { note: '需要社区协调' }),
    expect: row('FORBIDDEN', { worker: 'ok' }),
  },
  'report.transition escalate (社区 → 街道)': {
    payload: transition({ level: 'community' }, 'escalate', { note: '需要街道协调' }),
    expect: row('FORBIDDEN', { committee: 'ok' }),
  },
  'report.transition accept (community level)': {
    payload: transition({ level: 'community' }, 'accept'),
    expect: row('FORBIDDEN', { committee: 'ok' }),
  },
  'report.transition accept (street level)': {
    payload: transition({ level: 'street' }, 'accept'),
    expect: row('FORBIDDEN', { street: 'ok' }),
  },
  'report.transition supervise (overdue, grid level)': {
    payload: transition({ overdue: true }, 'supervise', { note: '请尽快处理' }),
    expect: row('FORBIDDEN', { committee: 'ok', street: 'ok' }),
  },
  'report.transition supervise (overdue, community level)': {
    payload: transition({ overdue: true, level: 'community' }, 'supervise', { note: '请尽快处理' }),
    expect: row('FORBIDDEN', { street: 'ok' }),
  },
  'report.transition reassign (community level → 孙丽)': {
    payload: transition({ level: 'community' }, 'reassign', { toUserId: WHO.worker, note: '请网格员处理' }),
    expect: row('FORBIDDEN', { committee: 'ok' }),
  },
  'report.transition reopen': {
    payload: transition({ status: 'resolved' }, 'reopen', { note: '垃圾又堆起来了' }),
    expect: row('FORBIDDEN', { resident: 'ok' }),
  },
  'report.transition withdraw': { payload: transition({}, 'withdraw'), expect: row('FORBIDDEN', { resident: 'ok' }) },
  'report.edit': {
    payload: async () => ({ id: (await report()).id, description: '3栋楼下垃圾堆了四天没人清运' }),
    expect: row('FORBIDDEN', { resident: 'ok' }),
  },
  'report.rate': {
    payload: async () => ({ id: (await report({ status: 'resolved' })).id, score: 4 }),
    expect: row('FORBIDDEN', { resident: 'ok' }),
  },
  'report.mediate (private dispute)': {
    payload: async () => ({
      id: (await report({ ...DISPUTE, status: 'accepted' })).id,
      kind: 'people',
      parties: [{ name: '张三丰', role: '申请人' }, { name: '李四光', role: '被申请人' }],
    }),
    expect: privateRow('FORBIDDEN', { worker: 'ok' }),
  },
  'report.summary': {
    payload: async () => ({}),
    expect: all('FORBIDDEN', { committee: 'ok', committeeOther: 'ok', street: 'ok' }),
  },
  'report.counts': { payload: async () => ({}), expect: all('ok') },
  'report.route': { payload: async () => ({ latitude: 29.63, longitude: 120.43 }), expect: all('ok') },
  'report.deadlines': { payload: async () => ({}), expect: all('ok') },
  'report.setDeadlines': {
    payload: async () => ({ days: { environment: 4 } }),
    expect: all('FORBIDDEN', { committee: 'ok', committeeOther: 'ok' }),
  },
  'message.list': { payload: async () => ({}), expect: all('ok') },
  'message.read (all)': { payload: async () => ({ all: true }), expect: all('ok') },
  "message.read (王建华's message)": {
    payload: async () => {
      await makeReport(h, { status: 'accepted' })
      const m = (await h.sql.get('SELECT id FROM messages WHERE user_id = ? ORDER BY seq DESC LIMIT 1', [WHO.resident])) as { id: string }
      return { id: m.id }
    },
    expect: all('NOT_FOUND', { resident: 'ok' }),
  },
}

const cells = Object.entries(MATRIX).flatMap(([label, cell]) =>
  ACTORS.map((actor) => [label, actor, cell.expect[actor], cell] as const),
)

test.each(cells)('%s × %s → %s', async (label, actor, outcome, cell) => {
  const action = label.split(' ')[0] as string
  const payload = await cell.payload()
  const as = actor === 'anonymous' ? null : WHO[actor]
  const before = await h.counts()
  const r = await h.call(action, payload, as)
  if (outcome === 'ok') {
    if (!r.ok) throw new Error(`${label} as ${actor}: ${JSON.stringify(r.error)}`)
  } else {
    expect(r).toMatchObject({ ok: false, error: { code: outcome } })
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(await h.counts()).toEqual(before)
  }
})

test('the matrix covers every report and message action and every transition', () => {
  const actions = new Set(Object.keys(MATRIX).map((l) => l.split(' ')[0]))
  expect([...actions].sort()).toEqual(
    [
      'report.create', 'report.nearby', 'report.support', 'report.list', 'report.get', 'report.transition', 'report.edit',
      'report.rate', 'report.mediate', 'report.summary', 'report.counts', 'report.route', 'report.deadlines', 'report.setDeadlines', 'message.list', 'message.read',
    ].sort(),
  )
  const transitions = new Set(Object.keys(MATRIX).filter((l) => l.startsWith('report.transition')).map((l) => l.split(' ')[1]))
  expect([...transitions].sort()).toEqual(['accept', 'escalate', 'note', 'reassign', 'reject', 'reopen', 'resolve', 'return', 'supervise', 'withdraw'])
  const scopes = Object.keys(MATRIX).filter((l) => l.startsWith('report.list')).map((l) => l.split(' ')[1])
  expect(scopes.sort()).toEqual(['(area)', '(mine)', '(public)', '(queue)'])
})

const refused = (r: unknown, code: Outcome) => expect(r).toMatchObject({ ok: false, error: { code } })

describe('named cases', () => {
  test("a resident cannot read another's private report (NOT_FOUND) nor get URLs of its photos", async () => {
    const r = await makeReport(h, { ...DISPUTE, photos: 2 })
    const fileIds = (await h.sql.all('SELECT file_id FROM report_photos WHERE report_id = ?', [r.id])) as { file_id: string }[]
    expect(fileIds).toHaveLength(2)
    const before = await h.counts()
    refused(await h.call('report.get', { id: r.id }, WHO.volunteer), 'NOT_FOUND')
    refused(await h.call('report.get', { id: r.id }, WHO.resident2), 'NOT_FOUND')
    // nothing the neighbour can list carries the report or its photos
    const seen = JSON.stringify([
      await h.ok<ReportListPage>('report.list', { scope: 'public' }, WHO.volunteer),
      await h.ok<ReportListPage>('report.list', { scope: 'mine' }, WHO.volunteer),
      await h.ok<ReportListPage>('report.list', { scope: 'public', category: 'dispute' }, WHO.volunteer),
    ])
    expect(seen).not.toContain(r.id)
    for (const f of fileIds) expect(seen).not.toContain(f.file_id)
    expect(await h.counts()).toEqual(before)
    // the reporter and the grid's 网格员 get signed URLs of both photos
    for (const who of [WHO.resident, WHO.worker, WHO.committee, WHO.street]) {
      const v = await h.ok<ReportView>('report.get', { id: r.id }, who)
      expect(v.photos.map((p) => p.id).sort()).toEqual(fileIds.map((f) => f.file_id).sort())
      for (const p of v.photos) {
        const url = new URL(p.url, 'http://x')
        expect(url.pathname).toBe(`/files/${p.id}`)
        expect(h.deps.fileUrls.verify(p.id, url.searchParams.get('e') ?? '', url.searchParams.get('s') ?? '', `${r.id}:private`)).toBe(true)
      }
    }
  })

  test('a resident of another community cannot see a public report: get NOT_FOUND, absent from their lists', async () => {
    const r = await makeReport(h, { photos: 1 })
    expect(r.visibility).toBe('public')
    refused(await h.call('report.get', { id: r.id }, WHO.residentOther), 'NOT_FOUND')
    refused(await h.call('report.support', { id: r.id }, WHO.residentOther), 'NOT_FOUND')
    const lists = JSON.stringify([
      await h.ok<ReportListPage>('report.list', { scope: 'public' }, WHO.residentOther),
      await h.ok<ReportListPage>('report.list', { scope: 'area' }, WHO.committeeOther),
      await h.ok<ReportListPage>('report.list', { scope: 'queue' }, WHO.committeeOther),
    ])
    expect(lists).not.toContain(r.id)
    // a resident of 锦江 sees it in the public list
    const mine = await h.ok<ReportListPage>('report.list', { scope: 'public', limit: 100 }, WHO.resident2)
    expect(mine.items.map((i) => i.id)).toContain(r.id)
  })

  test('a 网格员 cannot act outside their grids (第二网格 report, 第一网格 worker)', async () => {
    const submitted = await makeReport(h, { reporter: WHO.resident2 })
    expect(submitted.gridId).toBe('g_jj_2')
    const accepted = await makeReport(h, { reporter: WHO.resident2, status: 'accepted' })
    const dispute = await makeReport(h, { ...DISPUTE, reporter: WHO.resident2 })
    const before = await h.counts()
    for (const [id, action, extra] of [
      [submitted.id, 'accept', {}],
      [submitted.id, 'reject', { note: '重复' }],
      [submitted.id, 'return', { note: '补充' }],
      [submitted.id, 'escalate', { note: '上报' }],
      [accepted.id, 'note', { note: '进展' }],
      [accepted.id, 'resolve', { note: '办结' }],
    ] as const) {
      refused(await h.call('report.transition', { id, action, ...extra }, WHO.worker), 'FORBIDDEN')
    }
    refused(await h.call('report.get', { id: dispute.id }, WHO.worker), 'NOT_FOUND')
    refused(await h.call('report.transition', { id: dispute.id, action: 'accept' }, WHO.worker), 'NOT_FOUND')
    refused(await h.call('report.list', { scope: 'queue', gridId: 'g_jj_2' }, WHO.worker), 'FORBIDDEN')
    refused(await h.call('report.list', { scope: 'queue', gridId: 'g_lj_1' }, WHO.worker), 'FORBIDDEN')
    expect(await h.counts()).toEqual(before)
    // their own queue holds only their grid's reports
    const queue = await h.ok<ReportListPage>('report.list', { scope: 'queue', limit: 100 }, WHO.worker)
    expect(queue.items.length).toBeGreaterThan(0)
    expect(new Set(queue.items.map((i) => i.gridId))).toEqual(new Set(['g_jj_1']))
    // and the 第二网格 worker may accept
    expect(await h.call('report.transition', { id: submitted.id, action: 'accept' }, WHO.worker2)).toMatchObject({ ok: true, data: { status: 'accepted' } })
  })

  test('the committee cannot accept (or resolve) a grid-level report, only supervise when overdue and reassign', async () => {
    const r = await makeReport(h, { overdue: true })
    expect(r.level).toBe('grid')
    const before = await h.counts()
    refused(await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.committee), 'FORBIDDEN')
    refused(await h.call('report.transition', { id: r.id, action: 'reject', note: '不归我管' }, WHO.committee), 'FORBIDDEN')
    refused(await h.call('report.transition', { id: r.id, action: 'escalate', note: '上报' }, WHO.committee), 'FORBIDDEN')
    expect(await h.counts()).toEqual(before)
    const supervised = await h.ok<ReportView>('report.transition', { id: r.id, action: 'supervise', note: '已逾期，请今天处理' }, WHO.committee)
    expect(supervised.status).toBe('submitted')
    expect(supervised.timeline.at(-1)).toMatchObject({ action: 'supervise', note: '已逾期，请今天处理' })
    const reassigned = await h.ok<ReportView>('report.transition', { id: r.id, action: 'reassign', toUserId: WHO.worker2, note: '改由周强处理' }, WHO.committee)
    expect(reassigned.assignee?.id).toBe(WHO.worker2)
    // supervising a report that is not overdue is a CONFLICT
    const fresh = await makeReport(h)
    refused(await h.call('report.transition', { id: fresh.id, action: 'supervise', note: '督办' }, WHO.committee), 'CONFLICT')
  })

  test('the street supervises a community-level report and cannot accept it; it accepts street-level ones', async () => {
    const r = await makeReport(h, { overdue: true, level: 'community' })
    expect(r.level).toBe('community')
    refused(await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.street), 'FORBIDDEN')
    refused(await h.call('report.transition', { id: r.id, action: 'supervise', note: '督办' }, WHO.committee), 'FORBIDDEN')
    expect(await h.call('report.transition', { id: r.id, action: 'supervise', note: '请社区尽快处理' }, WHO.street)).toMatchObject({ ok: true })
    const top = await makeReport(h, { level: 'street' })
    expect(await h.call('report.transition', { id: top.id, action: 'accept' }, WHO.street)).toMatchObject({ ok: true, data: { status: 'accepted', level: 'street' } })
    const topOpen = await makeReport(h, { level: 'street' })
    expect(await h.call('report.transition', { id: topOpen.id, action: 'escalate', note: '涉及多个街道' }, WHO.street)).toMatchObject({
      ok: true,
      data: { status: 'submitted', level: 'district' },
    })
    // under no district (not placed yet), the street is the top: nowhere further to escalate
    await h.sql.run('UPDATE streets SET district_id = NULL WHERE id = ?', ['st_zhenxing'])
    try {
      const unplaced = await makeReport(h, { level: 'street', visibility: 'private' })
      const reply = await h.call('report.transition', { id: unplaced.id, action: 'escalate', note: '再上报' }, WHO.street)
      expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已上报到街道，没有更高一级可以上报' } })
      refused(await h.call('report.get', { id: unplaced.id }, WHO.district), 'NOT_FOUND')
    } finally {
      await h.sql.run('UPDATE streets SET district_id = ? WHERE id = ?', ['d_binjiang', 'st_zhenxing'])
    }
  })

  test('the district and the city supervise everything below them, and see it; another district does not', async () => {
    const r = await makeReport(h, { overdue: true, level: 'street', visibility: 'private' })
    refused(await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.district), 'FORBIDDEN')
    expect(await h.call('report.transition', { id: r.id, action: 'supervise', note: '请街道尽快处理' }, WHO.district)).toMatchObject({ ok: true })
    expect(await h.call('report.transition', { id: r.id, action: 'supervise', note: '市里督办' }, WHO.city)).toMatchObject({ ok: true })
    expect(await h.call('report.get', { id: r.id }, WHO.city)).toMatchObject({ ok: true, data: { id: r.id } })
    const other = await h.devLogin({ role: 'district', name: '外区干部' })
    await h.sql.run(`INSERT INTO districts (id, city_id, name, seq) VALUES ('d_other', 'ct_jiangcheng', '外区', 1)`)
    await h.sql.run(`INSERT INTO streets (id, name, seq, district_id) VALUES ('st_other', '外区街道', 1, 'd_other')`)
    await h.sql.run(`INSERT INTO communities (id, street_id, name, kind, seq) VALUES ('c_other', 'st_other', '外区社区', 'community', 9)`)
    await h.sql.run(`UPDATE users SET community_id = 'c_other', grid_id = NULL WHERE id = ?`, [other])
    refused(await h.call('report.get', { id: r.id }, other), 'NOT_FOUND')
    refused(await h.call('report.transition', { id: r.id, action: 'supervise', note: '督办' }, other), 'NOT_FOUND')
  })

  test('a reporter cannot accept their own report unless they are its handler', async () => {
    const own = await makeReport(h)
    refused(await h.call('report.transition', { id: own.id, action: 'accept' }, WHO.resident), 'FORBIDDEN')
    // 孙丽 reports in her own grid: she is its handler and may accept it
    const byWorker = await makeReport(h, { reporter: WHO.worker, gridId: 'g_jj_1' })
    expect(byWorker.mine).toBe(true)
    expect(byWorker.can).toContain('accept')
    expect(await h.call('report.transition', { id: byWorker.id, action: 'accept' }, WHO.worker)).toMatchObject({ ok: true, data: { status: 'accepted' } })
    // 周强 reports in 第一网格: not his grid, he may not
    const byWorker2 = await makeReport(h, { reporter: WHO.worker2, gridId: 'g_jj_1' })
    refused(await h.call('report.transition', { id: byWorker2.id, action: 'accept' }, WHO.worker2), 'FORBIDDEN')
  })

  test('reassigned to another grid\'s 网格员: the new one handles it, the old one no longer may', async () => {
    const r = await makeReport(h)
    const v = await h.ok<ReportView>('report.transition', { id: r.id, action: 'reassign', toUserId: WHO.worker2, note: '改由周强处理' }, WHO.committee)
    expect(v.assignee?.id).toBe(WHO.worker2)
    refused(await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.worker), 'FORBIDDEN')
    expect(await h.call('report.transition', { id: r.id, action: 'accept' }, WHO.worker2)).toMatchObject({ ok: true, data: { status: 'accepted' } })
  })

  test("a committee's deadlines are its own community's: 临江村 changing them leaves 锦江's as they were", async () => {
    const mine = await h.ok<{ days: Record<string, number> }>('report.deadlines', {}, WHO.committee)
    await h.ok('report.setDeadlines', { days: { environment: 1, safety_hazard: 1 } }, WHO.committeeOther)
    expect(await h.ok('report.deadlines', {}, WHO.committee)).toEqual(mine)
    expect(await h.ok('report.deadlines', {}, WHO.resident)).toEqual(mine)
    expect((await h.ok<{ days: Record<string, number> }>('report.deadlines', {}, WHO.residentOther)).days.environment).toBe(1)
  })

  test("lists never carry someone else's private report: mine is mine, public is the caller's community's", async () => {
    const priv = await makeReport(h, DISPUTE)
    const mine2 = await h.ok<ReportListPage>('report.list', { scope: 'mine', limit: 100 }, WHO.resident2)
    expect(mine2.items.map((i) => i.id)).not.toContain(priv.id)
    const other = await h.ok<ReportListPage>('report.list', { scope: 'public', limit: 100 }, WHO.residentOther)
    expect(other.items.every((i) => i.gridId.startsWith('g_lj_'))).toBe(true)
    const pub = await h.ok<ReportListPage>('report.list', { scope: 'public', limit: 100 }, WHO.resident2)
    expect(pub.items.every((i) => i.visibility === 'public' && i.gridId.startsWith('g_jj_'))).toBe(true)
    const mine = await h.ok<ReportListPage>('report.list', { scope: 'mine', limit: 100 }, WHO.resident)
    expect(mine.items.map((i) => i.id)).toContain(priv.id)
  })

  test("a message of someone else cannot be marked read, and message.list shows only the caller's", async () => {
    const r = await makeReport(h, { status: 'accepted' })
    const page = await h.ok<MessagePage>('message.list', {}, WHO.resident)
    expect(page.items.some((m) => m.target?.id === r.id)).toBe(true)
    const other = await h.ok<MessagePage>('message.list', {}, WHO.volunteer)
    expect(other.items.some((m) => m.target?.id === r.id)).toBe(false)
  })
})

describe('what each caller sees (masking)', () => {
  const view = (id: string, who: string) => h.ok<ReportView>('report.get', { id }, who)

  test("an anonymous reporter is '居民' to other residents, in the view and in the timeline; staff see who it is", async () => {
    const r = await makeReport(h, { anonymous: true, status: 'accepted' })
    for (const who of [WHO.volunteer, WHO.resident2, WHO.unverified]) {
      const v = await view(r.id, who)
      expect(v.anonymous).toBe(true)
      expect(v.reporterName).toBe('居民')
      expect(v.timeline.find((e) => e.action === 'create')?.actor).toBe('居民')
      expect(v.mine).toBe(false)
      const json = JSON.stringify(v)
      expect(json).not.toContain(REPORTER_NAME)
      expect(json).not.toContain(WHO.resident)
      expect(json).not.toContain(REPORTER_PHONE)
      // and in the public list
      const list = await h.ok<ReportListPage>('report.list', { scope: 'public', limit: 100 }, who)
      const item = list.items.find((i) => i.id === r.id)
      expect(item?.reporterName).toBe('居民')
      expect(JSON.stringify(list)).not.toContain(REPORTER_NAME)
    }
    expect((await view(r.id, WHO.resident)).mine).toBe(true)
    for (const who of [WHO.worker, WHO.committee]) expect((await view(r.id, who)).reporterName).toBe(REPORTER_NAME)
    // the street supervises it but sees people only once it is escalated to the street (issue 16)
    expect((await view(r.id, WHO.street)).reporterName).toBe('居民')
  })

  test('a named public reporter is masked to other residents (never the full name)', async () => {
    const r = await makeReport(h)
    const v = await view(r.id, WHO.volunteer)
    expect(v.reporterName).not.toBe(REPORTER_NAME)
    expect(v.reporterName).toMatch(/^王/)
    expect(JSON.stringify(v)).not.toContain(REPORTER_NAME)
    expect((await view(r.id, WHO.resident)).reporterName).toBe(REPORTER_NAME)
  })

  test("reporterPhone: the report's staff only (its 网格员, 社区, 街道), null for the reporter, residents and another grid's worker", async () => {
    const r = await makeReport(h)
    for (const who of [WHO.worker, WHO.committee]) expect((await view(r.id, who)).reporterPhone).toBe(REPORTER_PHONE)
    for (const who of [WHO.resident, WHO.volunteer, WHO.resident2, WHO.worker2, WHO.street]) {
      const v = await view(r.id, who)
      expect(v.reporterPhone).toBeNull()
      if (who !== WHO.resident) expect(JSON.stringify(v)).not.toContain(REPORTER_PHONE)
    }
  })

  test('mediation party names are masked for the reporter, whole for the staff', async () => {
    const r = await makeReport(h, { ...DISPUTE, status: 'accepted' })
    await h.ok('report.mediate', {
      id: r.id,
      kind: 'people',
      parties: [{ name: '张三丰', role: '申请人' }, { name: '李四光', role: '被申请人' }],
      session: { date: '2025-02-28', note: '双方到场，约定晚十点后停工' },
    }, WHO.worker)
    const staff = await view(r.id, WHO.worker)
    expect(staff.mediation?.parties.map((p) => p.name)).toEqual(['张三丰', '李四光'])
    expect(staff.mediation?.sessions).toHaveLength(1)
    expect((await view(r.id, WHO.committee)).mediation?.parties.map((p) => p.name)).toEqual(['张三丰', '李四光'])
    expect((await view(r.id, WHO.street)).mediation?.parties.map((p) => p.name)).toEqual(['张*丰', '李*光'])
    const reporter = await view(r.id, WHO.resident)
    expect(reporter.mediation?.kind).toBe('people')
    expect(reporter.mediation?.parties).toHaveLength(2)
    const json = JSON.stringify(reporter)
    expect(json).not.toContain('张三丰')
    expect(json).not.toContain('李四光')
    expect(reporter.mediation?.parties[0]?.name).toMatch(/^张/)
  })

  test('the nearby list shows open public reports of the caller’s community only, anonymous ones as 居民', async () => {
    const at = { latitude: 30.6601, longitude: 104.0601 }
    const r = await h.ok<ReportView>('report.create', {
      category: 'environment', description: '绿化带里有人倾倒建筑垃圾', anonymous: true, location: at,
    }, WHO.resident)
    const near = await h.ok<{ items: NearbyReport[] }>('report.nearby', { ...at, category: 'environment' }, WHO.volunteer)
    const hit = near.items.find((i) => i.id === r.id)
    expect(hit?.reporterName).toBe('居民')
    expect(hit?.distance).toBeLessThan(5)
    const far = await h.ok<{ items: NearbyReport[] }>('report.nearby', { ...at, category: 'environment' }, WHO.residentOther)
    expect(far.items.map((i) => i.id)).not.toContain(r.id)
  })
})

describe('visibility edges', () => {
  const view = (id: string, who: string) => h.call<ReportView>('report.get', { id }, who)
  const at = (gridId: string, dLat = 0) => ({ latitude: DEMO_GRID_CENTRES[gridId]!.latitude + dLat, longitude: DEMO_GRID_CENTRES[gridId]!.longitude })

  test('nearby: open public reports of the same category near the point; not private, not another community, not closed', async () => {
    const point = at('g_jj_2')
    const open = await h.ok<ReportView>('report.create', { category: 'facility', description: '2栋门口井盖松动，踩上去会响', location: point }, WHO.resident)
    expect(open.gridId).toBe('g_jj_2')
    const priv = await h.ok<ReportView>('report.create', { category: 'facility', description: '2栋门口井盖松动，私下反映', location: point, visibility: 'private' }, WHO.resident)
    const done = await h.ok<ReportView>('report.create', { category: 'facility', description: '2栋门口井盖松动，已撤回', location: point }, WHO.resident)
    await h.ok('report.transition', { id: done.id, action: 'withdraw' }, WHO.resident)
    const seen = await h.ok<{ items: NearbyReport[] }>('report.nearby', { ...point, category: 'facility' }, WHO.resident2)
    const ids = seen.items.map((i) => i.id)
    expect(ids).toContain(open.id)
    expect(ids).not.toContain(priv.id)
    expect(ids).not.toContain(done.id)
    expect(JSON.stringify(seen)).not.toContain(REPORTER_NAME)
    // 临江村's resident standing on the very spot sees none of 锦江's reports
    const outsider = await h.ok<{ items: NearbyReport[] }>('report.nearby', { ...point, category: 'facility' }, WHO.residentOther)
    expect(outsider.items.map((i) => i.id)).not.toContain(open.id)
    // 300 m north is beyond 200 m
    const far = await h.ok<{ items: NearbyReport[] }>('report.nearby', { ...at('g_jj_2', 0.0027), category: 'facility' }, WHO.resident2)
    expect(far.items.map((i) => i.id)).not.toContain(open.id)
  })

  test('a point inside another community is not routed there: the report stays in the reporter’s community', async () => {
    const r = await h.ok<ReportView>('report.create', { category: 'facility', description: '去临江村路上的路灯坏了', location: at('g_lj_1') }, WHO.resident)
    expect(r.gridId).toBe('g_jj_1')
    refused(await h.call('report.get', { id: r.id }, WHO.committeeOther), 'NOT_FOUND')
  })

  test('a rejected or withdrawn public report leaves the public: neighbours get NOT_FOUND, the reporter and staff still see it', async () => {
    for (const status of ['rejected', 'withdrawn'] as const) {
      const r = await makeReport(h, { status })
      refused(await view(r.id, WHO.volunteer), 'NOT_FOUND')
      refused(await h.call('report.support', { id: r.id }, WHO.volunteer), 'NOT_FOUND')
      expect(await view(r.id, WHO.resident)).toMatchObject({ ok: true, data: { status } })
      expect(await view(r.id, WHO.worker)).toMatchObject({ ok: true, data: { status } })
      const list = await h.ok<ReportListPage>('report.list', { scope: 'public', limit: 100 }, WHO.volunteer)
      expect(list.items.map((i) => i.id)).not.toContain(r.id)
    }
  })

  test('a report whose text needs review (传销) is kept from other residents, staff and the reporter see it', async () => {
    const r = await h.ok<ReportView>('report.create', { category: 'public_security', description: '有人在3栋302搞传销，每天很多人进出' }, WHO.resident)
    refused(await view(r.id, WHO.volunteer), 'NOT_FOUND')
    expect((await h.ok<ReportListPage>('report.list', { scope: 'public', limit: 100 }, WHO.volunteer)).items.map((i) => i.id)).not.toContain(r.id)
    expect(await view(r.id, WHO.worker)).toMatchObject({ ok: true })
    expect(await view(r.id, WHO.resident)).toMatchObject({ ok: true })
  })

  test('reporting 聚众赌博 (治安隐患) is what the feature is for: accepted, kept from the public, handled by staff', async () => {
    const r = await h.call<ReportView>('report.create', { category: 'public_security', description: '地下车库每晚有人聚众赌博，吵闹到半夜' }, WHO.resident)
    expect(r).toMatchObject({ ok: true, data: { status: 'submitted' } })
    if (!r.ok) return
    refused(await view(r.data.id, WHO.volunteer), 'NOT_FOUND')
    expect(await view(r.data.id, WHO.worker)).toMatchObject({ ok: true })
  })

  test("a public dispute's mediation: party names masked for residents, whole for staff; notes and agreement to the reporter and staff only", async () => {
    const r = await makeReport(h, { ...DISPUTE, visibility: 'public', status: 'accepted' })
    await h.ok('report.mediate', {
      id: r.id, kind: 'administrative', parties: [{ name: '张三丰' }, { name: '李四光' }],
      session: { date: '2025-02-28', note: '张三丰家漏水，双方到场' }, outcome: 'agreed', agreement: '李四光一周内修好防水',
    }, WHO.worker)
    const neighbour = await h.ok<ReportView>('report.get', { id: r.id }, WHO.volunteer)
    expect(JSON.stringify(neighbour)).not.toMatch(/张三丰|李四光|漏水|防水/)
    expect(neighbour.mediation).toMatchObject({ kind: 'administrative', outcome: 'agreed', agreement: null, sessions: [{ date: '2025-02-28' }] })
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident)).mediation).toMatchObject({
      // the reporter reads the text with the parties masked, as the party list (issue 16)
      agreement: '李*光一周内修好防水', sessions: [{ note: '张*丰家漏水，双方到场' }],
    })
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.worker)).mediation?.parties[0]?.name).toBe('张三丰')
  })

  test("summary and area lists stay inside the caller's area; a grid of another community is FORBIDDEN", async () => {
    await makeReport(h)
    const other = await h.ok<{ byGrid: { gridId: string }[] }>('report.summary', {}, WHO.committeeOther)
    expect(other.byGrid.every((g) => g.gridId.startsWith('g_lj_'))).toBe(true)
    const area = await h.ok<ReportListPage>('report.list', { scope: 'area', limit: 100 }, WHO.committeeOther)
    expect(area.items.every((i) => i.gridId.startsWith('g_lj_'))).toBe(true)
    const before = await h.counts()
    refused(await h.call('report.summary', { gridId: 'g_jj_1' }, WHO.committeeOther), 'FORBIDDEN')
    refused(await h.call('report.list', { scope: 'area', gridId: 'g_jj_1' }, WHO.committeeOther), 'FORBIDDEN')
    expect(await h.counts()).toEqual(before)
    const street = await h.ok<{ byGrid: { gridId: string }[] }>('report.summary', {}, WHO.street)
    expect(street.byGrid.some((g) => g.gridId === 'g_jj_1')).toBe(true)
  })

  test("a staff step's photos on a private report go to who may see it only", async () => {
    const r = await makeReport(h, { ...DISPUTE, status: 'accepted' })
    const [p] = [await addPhoto(h, WHO.worker)]
    const v = await h.ok<ReportView>('report.transition', { id: r.id, action: 'note', note: '现场照片', photoIds: [p] }, WHO.worker)
    expect(v.timeline.at(-1)?.photos.map((x) => x.id)).toEqual([p])
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident)).timeline.at(-1)?.photos.map((x) => x.id)).toEqual([p])
    refused(await view(r.id, WHO.volunteer), 'NOT_FOUND')
  })

  test('the reporter edits a submitted report keeping one of its photos and adding a new one', async () => {
    const r = await makeReport(h, { photos: 2 })
    const [keep] = r.photos.map((p) => p.id)
    const added = await addPhoto(h, WHO.resident)
    const v = await h.call<ReportView>('report.edit', { id: r.id, photoIds: [keep, added] }, WHO.resident)
    expect(v).toMatchObject({ ok: true })
    if (v.ok) expect(v.data.photos.map((p) => p.id)).toEqual([keep, added])
  })
})

/**
 * Every status × level × transition × caller, against the state machine as the oracle (src/domain/reportFlow):
 * the API must agree with decide() — the allowed ones succeed with the status it names, the refused ones carry
 * its code — and a refusal writes nothing. Those who may not see the report get NOT_FOUND first.
 */
/** Where the demo's communities sit: 振兴街道 › 滨江区 › 江城市 */
const PLACE = { streetId: 'st_zhenxing', districtId: 'd_binjiang', cityId: 'ct_jiangcheng' }

describe('the API follows the state machine in every state', () => {
  const STATES: ReportStatus[] = ['submitted', 'returned', 'accepted', 'resolved', 'closed', 'rejected', 'withdrawn']
  const CALLERS = ['resident', 'volunteer', 'worker', 'committee', 'street', 'district', 'city'] as const
  /** above the community only staff act: residents and the grid's worker are covered at grid and community level */
  const TIER_CALLERS = ['committee', 'street', 'district', 'city'] as const
  const callerOf = (who: (typeof CALLERS)[number]): Caller => {
    const u = DEMO_USERS.find((d) => d.id === WHO[who])!
    return { id: u.id, roles: u.roles, communityId: u.communityId, ...PLACE, gridIds: u.workerGridIds }
  }
  const cases = STATES.flatMap((status) => [
    ...(['grid', 'community'] as const).flatMap((level) =>
      REPORT_ACTIONS.flatMap((action) => CALLERS.map((who) => [status, level, action, who] as const)),
    ),
    ...(['street', 'district', 'city'] as const).flatMap((level) =>
      REPORT_ACTIONS.flatMap((action) => TIER_CALLERS.map((who) => [status, level, action, who] as const)),
    ),
  ])

  test.each(cases)('%s at %s level: %s by %s', async (status, level, action, who) => {
    const r = await makeReport(h, { status, level })
    expect(r.status).toBe(status)
    const parties = { reporterId: WHO.resident, communityId: 'c_jinjiang', ...PLACE, gridId: 'g_jj_1', level }
    const rel = relationsOf(parties, callerOf(who))
    const now = h.clock.now()
    const publicNow = r.visibility === 'public' && status !== 'rejected' && status !== 'withdrawn'
    const sees = rel.has('reporter') || isReportStaff(rel, callerOf(who), parties) || publicNow
    const facts = { status, level, category: r.category, visibility: r.visibility, overdue: r.overdue, resolvedAt: r.resolvedAt, topLevel: 'city' as const }
    const d = decide(action, facts, rel, now)
    const before = await h.counts()
    const reply = await h.call<ReportView>('report.transition', { id: r.id, action, note: '说明', ...(action === 'reassign' ? { toUserId: WHO.worker } : {}) }, WHO[who])
    if (!sees) {
      refused(reply, 'NOT_FOUND')
      expect(await h.counts()).toEqual(before)
    } else if (d.ok) {
      expect(reply).toMatchObject({ ok: true, data: { status: d.status, level: d.level } })
    } else {
      refused(reply, d.code)
      expect(await h.counts()).toEqual(before)
    }
  })

  const extras = STATES.flatMap((status) =>
    (['edit', 'anonymise', 'rate', 'support', 'mediate'] as const).flatMap((extra) => CALLERS.map((who) => [status, extra, who] as const)),
  )

  test.each(extras)('%s: %s by %s', async (status, extra, who) => {
    const spec: ReportSpec = extra === 'mediate' ? { ...DISPUTE, visibility: 'public', status } : { status }
    const r = await makeReport(h, spec)
    const parties = { reporterId: WHO.resident, communityId: 'c_jinjiang', ...PLACE, gridId: 'g_jj_1', level: 'grid' as const }
    const caller = callerOf(who)
    const rel = relationsOf(parties, caller)
    const publicNow = r.visibility === 'public' && status !== 'rejected' && status !== 'withdrawn'
    const sees = rel.has('reporter') || isReportStaff(rel, caller, parties) || publicNow
    const facts = { status, level: 'grid' as const, category: r.category, visibility: r.visibility, overdue: r.overdue, resolvedAt: r.resolvedAt, topLevel: 'city' as const }
    const call = {
      edit: () => ({ d: canEdit(facts, rel, false), action: 'report.edit', payload: { id: r.id, description: '改过的描述，多写几个字' } }),
      anonymise: () => ({ d: canEdit(facts, rel, true), action: 'report.edit', payload: { id: r.id, anonymous: true } }),
      rate: () => ({ d: canRate(facts, rel), action: 'report.rate', payload: { id: r.id, score: 3 } }),
      support: () => ({ d: canSupport(facts, rel), action: 'report.support', payload: { id: r.id } }),
      mediate: () => ({ d: canMediate(facts, rel), action: 'report.mediate', payload: { id: r.id, kind: 'people', parties: [{ name: '甲方' }, { name: '乙方' }] } }),
    }[extra]()
    const before = await h.counts()
    const reply = await h.call(call.action, call.payload, WHO[who])
    if (!sees) refused(reply, 'NOT_FOUND')
    else if (call.d.ok) expect(reply).toMatchObject({ ok: true })
    else refused(reply, call.d.code)
    if (!reply.ok) expect(await h.counts()).toEqual(before)
  })
})
