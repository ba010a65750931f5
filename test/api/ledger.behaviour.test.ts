/**
 * ledger.export (issue 19) through the dispatcher, the file read back with exceljs: a month's 台账 has its four
 * sheets with their headers, every report of the month of the area (China time, both edges) and none other, the
 * summary's figures equal to counts made here from the rows, formulas neutralised, phones masked, and an audit entry.
 */
import { MONTH_SHEETS, type LedgerExport } from '@/domain/ledger'
import type { Harness } from './support/harness'
import { WHO } from './support/reportFixtures'
import { exportIdOf, FEB, readBack, reportAt, rowsOf, summaryOf, ledgerHarness } from './support/ledgerFixtures'
import { DISPUTE_COLUMNS, REPORT_COLUMNS, SHIFT_COLUMNS } from '../../cloud/ledger/sheets'

jest.setTimeout(60_000)

let h: Harness
const made: Record<string, string> = {}
beforeAll(async () => {
  h = await ledgerHarness()
  made.firstMinute = await reportAt(h, WHO.resident, FEB.from, { description: '二月一日零点：路灯不亮' })
  made.lastMinute = await reportAt(h, WHO.resident, '2025-02-28T15:59:00.000Z', { description: '二月最后一分钟：井盖松动' })
  made.january = await reportAt(h, WHO.resident, '2025-01-31T15:59:00.000Z', { description: '一月最后一分钟：垃圾未清' })
  made.march = await reportAt(h, WHO.resident, FEB.to, { description: '三月一日零点：水管漏水' })
  made.other = await reportAt(h, WHO.residentOther, '2025-02-10T02:00:00.000Z', { description: '临江村二月：道路破损' })
  for (const [k, c] of Object.entries({ eq: '=HYPERLINK("http://x.example","点我")', plus: '+1+2 楼道堆物', minus: '-3 停车乱象', at: '@SUM(A1) 噪音扰民' })) {
    made[k] = await reportAt(h, WHO.resident2, '2025-02-12T02:00:00.000Z', { description: c })
  }
  made.dispute = await reportAt(h, WHO.resident, '2025-02-14T02:00:00.000Z', { category: 'dispute', description: '邻里噪音纠纷，请求调解' })
  await h.sql.run(
    `INSERT INTO mediations (report_id, kind, parties, outcome, agreement, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [made.dispute, 'people', '[]', 'agreed', '=双方约定晚十点后不再装修', '2025-02-15T02:00:00.000Z', WHO.committee],
  )
  // two patrols in February (one of them cancelled) and one in March; hours of those who checked out
  const shift = (id: string, start: string, cancelled: boolean) =>
    h.sql.run(
      `INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, status, cancel_reason, cancelled_at, created_by, created_at)
       VALUES (?, ?, ?, 41.1, 124.3, 200, ?, ?, 5, ?, ?, ?, ?, ?)`,
      [id, 'c_jinjiang', `巡逻${id}`, start, new Date(Date.parse(start) + 2 * 3600_000).toISOString(), cancelled ? 'cancelled' : 'scheduled', cancelled ? '下雨' : null, cancelled ? start : null, WHO.committee, '2025-01-20T02:00:00.000Z'],
    )
  await shift('s_feb_first', FEB.from, false)
  await shift('s_feb_cancel', '2025-02-20T10:00:00.000Z', true)
  await shift('s_march', FEB.to, false)
  for (const [i, [user, tenths]] of ([['u_volunteer_jj1', 20], ['u_resident_jj2', 15]] as const).entries()) {
    await h.sql.run(
      `INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at, checkin_at, checkin_lat, checkin_lng, checkin_accuracy, checkin_coord, checkin_distance, checkout_at, hours_tenths)
       VALUES (?, ?, ?, 'checkedOut', ?, ?, ?, 41.1, 124.3, 10, 'gcj02', 5, ?, ?)`,
      [`ss_${i}`, 's_feb_first', user, '2025-01-25T02:00:00.000Z', '2025-01-25T02:00:00.000Z', FEB.from, '2025-01-31T18:00:00.000Z', tenths],
    )
  }
})
afterAll(() => h.close())

const idsIn = async (where: string, params: unknown[]) =>
  new Set((await h.sql.all<{ id: string }>(`SELECT id FROM reports WHERE ${where}`, params)).map((r) => r.id))

describe('the month of a community', () => {
  let out: LedgerExport
  let book: Awaited<ReturnType<typeof readBack>>
  beforeAll(async () => {
    out = await h.ok<LedgerExport>('ledger.export', { kind: 'month', month: FEB.month }, WHO.committee)
    book = await readBack(h, out)
  })

  test('four sheets in order, each with its header row; the file name and size', async () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([...MONTH_SHEETS])
    expect(rowsOf(book, '问题清单')[0]).toEqual(REPORT_COLUMNS.map((c) => c.header))
    expect(rowsOf(book, '矛盾纠纷')[0]).toEqual(DISPUTE_COLUMNS.map((c) => c.header))
    expect(rowsOf(book, '巡逻')[0]).toEqual(SHIFT_COLUMNS.map((c) => c.header))
    expect(out.fileName).toBe('锦江社区-2025年2月台账.xlsx')
    expect(out.bytes).toBe((await h.deps.exportFiles.open(exportIdOf(out)))!.bytes)
    expect(out.url).toMatch(/^\/exports\/[A-Za-z0-9_-]+\?e=\d+&s=[A-Za-z0-9_-]+$/)
  })

  test('every report of the month of 锦江社区 (both edges of China time) and no other', async () => {
    const want = await idsIn('community_id = ? AND created_at >= ? AND created_at < ?', ['c_jinjiang', FEB.from, FEB.to])
    const got = rowsOf(book, '问题清单').slice(1).map((r) => String(r[0]))
    expect(new Set(got)).toEqual(want)
    expect(got).toHaveLength(want.size)
    expect(out.rows).toBe(want.size)
    expect(got).toEqual(expect.arrayContaining([made.firstMinute, made.lastMinute, made.eq, made.dispute]))
    for (const not of [made.january, made.march, made.other]) expect(got).not.toContain(not)
  })

  test('formula-looking text is written with a leading apostrophe, as a plain string', () => {
    const byId = new Map(rowsOf(book, '问题清单').slice(1).map((r) => [String(r[0]), r]))
    for (const [k, lead] of [['eq', '='], ['plus', '+'], ['minus', '-'], ['at', '@']] as const) {
      const desc = byId.get(made[k]!)![7]
      expect(typeof desc).toBe('string')
      expect(String(desc).startsWith(`'${lead}`)).toBe(true)
    }
    const sheet = book.getWorksheet('问题清单')!
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()))
  })

  test('phones masked; the committee sees reporters’ names; each report’s timeline as text', () => {
    const rows = rowsOf(book, '问题清单').slice(1)
    const all = JSON.stringify(rows)
    expect(all).not.toContain('13900000001')
    const first = rows.find((r) => r[0] === made.firstMinute)!
    expect(first[8]).toBe('王建华')
    expect(first[9]).toBe('139****0001')
    expect(String(first[15])).toMatch(/^2025-02-01 00:00 提交上报（王建华）/)
  })

  test('the summary’s figures equal counts of the rows', async () => {
    const range = ['c_jinjiang', FEB.from, FEB.to]
    const n = async (extra: string, params: unknown[] = []) =>
      Number(await h.sql.value(`SELECT count(*) FROM reports WHERE community_id = ? AND created_at >= ? AND created_at < ? ${extra}`, [...range, ...params]))
    const s = summaryOf(book)
    expect(s['问题总数']).toBe(await n(''))
    expect(s['状态：待受理']).toBe(await n('AND status = ?', ['submitted']))
    expect(s['类别：矛盾纠纷']).toBe(await n('AND category = ?', ['dispute']))
    expect(s['矛盾纠纷总数']).toBe(await n('AND category = ?', ['dispute']))
    expect(s['调解成功']).toBe(
      Number(await h.sql.value(`SELECT count(*) FROM reports r JOIN mediations m ON m.report_id = r.id WHERE r.community_id = ? AND r.created_at >= ? AND r.created_at < ? AND m.outcome = ?`, [...range, 'agreed'])),
    )
    const disputes = rowsOf(book, '矛盾纠纷').slice(1).map((r) => String(r[0]))
    expect(new Set(disputes)).toEqual(await idsIn('community_id = ? AND created_at >= ? AND created_at < ? AND category = ?', [...range, 'dispute']))
    const shifts = await h.sql.all<{ id: string; hours: number | string | null }>(
      `SELECT s.id, (SELECT sum(x.hours_tenths) FROM shift_signups x WHERE x.shift_id = s.id AND x.status = ?) AS hours FROM shifts s
       WHERE s.community_id = ? AND s.start_at >= ? AND s.start_at < ? AND s.status = ?`,
      ['checkedOut', ...range, 'scheduled'],
    )
    expect(shifts.map((r) => r.id)).toEqual(['s_feb_first'])
    expect(s['调解成功']).toBe(1)
    expect(s['巡逻班次']).toBe(shifts.length)
    expect(s['巡逻时长（小时）']).toBe(shifts.reduce((t, r) => t + Number(r.hours ?? 0), 0) / 10)
    expect(s['巡逻时长（小时）']).toBe(3.5)
    const patrols = rowsOf(book, '巡逻').slice(1)
    expect(patrols.map((r) => r[0]).sort()).toEqual(['巡逻s_feb_cancel', '巡逻s_feb_first'])
    expect(patrols.find((r) => r[0] === '巡逻s_feb_first')).toEqual(['巡逻s_feb_first', '锦江社区', '2025-02-01 00:00', '2025-02-01 02:00', 5, 2, 2, 3.5, '正常'])
    const dispute = rowsOf(book, '矛盾纠纷').find((r) => r[0] === made.dispute)!
    expect(dispute.slice(6)).toEqual(['人民调解', 0, '调解成功', "'=双方约定晚十点后不再装修"])
  })

  test('an audit entry: kind, area, period, rows', async () => {
    const a = await h.sql.get<{ actor_id: string; target_id: string; community_id: string; detail: string }>(
      'SELECT actor_id, target_id, community_id, detail FROM audit_log WHERE action = ? AND target_id = ?',
      ['ledger.export', exportIdOf(out)],
    )
    expect(a).toMatchObject({ actor_id: WHO.committee, community_id: 'c_jinjiang' })
    expect(JSON.parse(a!.detail)).toMatchObject({ kind: 'month', area: { communityId: 'c_jinjiang' }, period: '2025-02', rows: out.rows })
  })
})

test('a street’s month holds both its communities; another community’s names are masked, phones too', async () => {
  const out = await h.ok<LedgerExport>('ledger.export', { kind: 'month', month: FEB.month }, WHO.street)
  expect(out.fileName).toBe('振兴街道-2025年2月台账.xlsx')
  const rows = rowsOf(await readBack(h, out), '问题清单').slice(1)
  expect(new Set(rows.map((r) => String(r[0])))).toEqual(await idsIn('street_id = ? AND created_at >= ? AND created_at < ?', ['st_zhenxing', FEB.from, FEB.to]))
  expect(rows.map((r) => r[0])).toContain(made.other)
  const first = rows.find((r) => r[0] === made.firstMinute)!
  expect(first[8]).toBe('王*华')
  // no full mobile number in any cell (the ids, random hex, left out)
  expect(JSON.stringify(rows.map((r) => r.slice(1)))).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
  expect(rows.map((r) => r[9])).toEqual(expect.arrayContaining(['139****0001', '139****0005']))
})

test('a grid worker’s month: the reports of their grids only', async () => {
  const out = await h.ok<LedgerExport>('ledger.export', { kind: 'month', month: FEB.month }, WHO.worker)
  const got = new Set(rowsOf(await readBack(h, out), '问题清单').slice(1).map((r) => String(r[0])))
  expect(got).toEqual(await idsIn('grid_id = ? AND created_at >= ? AND created_at < ?', ['g_jj_1', FEB.from, FEB.to]))
})

test('the report list with its filters: one sheet, the filtered rows', async () => {
  const out = await h.ok<LedgerExport>('ledger.export', { kind: 'reports', category: 'environment', from: '2025-02-01', to: '2025-02-28' }, WHO.committee)
  const book = await readBack(h, out)
  expect(book.worksheets.map((s) => s.name)).toEqual(['问题清单'])
  const got = new Set(rowsOf(book, '问题清单').slice(1).map((r) => String(r[0])))
  expect(got).toEqual(await idsIn('community_id = ? AND category = ? AND created_at >= ? AND created_at < ?', ['c_jinjiang', 'environment', FEB.from, FEB.to]))
  expect(got.has(made.lastMinute!)).toBe(true)
  expect(out.fileName).toBe('锦江社区-问题清单-2025-03-01.xlsx')
  const byStatus = await h.ok<LedgerExport>('ledger.export', { kind: 'reports', status: 'submitted', gridId: 'g_jj_2' }, WHO.committee)
  const rows = rowsOf(await readBack(h, byStatus), '问题清单').slice(1)
  expect(new Set(rows.map((r) => String(r[0])))).toEqual(await idsIn('community_id = ? AND status = ? AND grid_id = ?', ['c_jinjiang', 'submitted', 'g_jj_2']))
})

test('an export an hour old is removed at the next export', async () => {
  const first = await h.ok<LedgerExport>('ledger.export', { kind: 'reports' }, WHO.committee)
  expect(await h.deps.exportFiles.open(exportIdOf(first))).not.toBeNull()
  h.clock.advance(61 * 60_000)
  try {
    await h.ok<LedgerExport>('ledger.export', { kind: 'reports' }, WHO.committee)
    expect(await h.deps.exportFiles.open(exportIdOf(first))).toBeNull()
  } finally {
    h.clock.set('2025-03-01T02:00:00.000Z')
  }
})

test('a retried request (the same requestId) is one export: the same file, one audit entry; another input with it CONFLICT', async () => {
  const count = async () => Number(await h.sql.value('SELECT count(*) FROM audit_log WHERE action = ?', ['ledger.export']))
  const before = await count()
  const payload = { kind: 'month', month: FEB.month }
  const first = await h.ok<LedgerExport>('ledger.export', payload, WHO.committee, 'req-ledger-1')
  const again = await h.ok<LedgerExport>('ledger.export', payload, WHO.committee, 'req-ledger-1')
  expect(exportIdOf(again)).toBe(exportIdOf(first))
  expect(again).toMatchObject({ fileName: first.fileName, rows: first.rows, bytes: first.bytes })
  expect(await count()).toBe(before + 1)
  const other = await h.call('ledger.export', { kind: 'month', month: '2025-01' }, WHO.committee, 'req-ledger-1')
  expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/请求编号/) } })
  expect(await count()).toBe(before + 1)
})
