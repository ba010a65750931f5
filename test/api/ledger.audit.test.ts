/**
 * ledger.export kind `audit` (issue 19: the 操作日志 "itself audited on export") through the dispatcher, the file read
 * back with exceljs: its rows are audit.list's rows for the same filter, in order, masked as the reader sees them,
 * with formulas neutralised; the export writes one audit entry of its own; who may export is who may read the log.
 */
import { AUDIT_SHEET, type LedgerExport } from '@/domain/ledger'
import type { AuditEntryView, AuditPage } from '@/domain/audit'
import type { Harness } from './support/harness'
import { WHO } from './support/reportFixtures'
import { ledgerHarness, readBack, rowsOf } from './support/ledgerFixtures'
import { AUDIT_COLUMNS } from '../../cloud/ledger/auditSheet'

jest.setTimeout(60_000)

let h: Harness
const entry = (at: string, actor: string, action: string, target: string, community: string | null, detail: unknown) =>
  h.sql.run(`INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
    at, actor, action, 'report', target, community, JSON.stringify(detail),
  ])

beforeAll(async () => {
  h = await ledgerHarness()
  await entry('2025-02-03T02:00:00.000Z', WHO.committee, 'report.transition', 'r_a', 'c_jinjiang', { to: 'accepted' })
  await entry('2025-02-04T02:00:00.000Z', WHO.worker, 'report.transition', 'r_b', 'c_jinjiang', { note: '=HYPERLINK("http://x.example")' })
  await entry('2025-02-05T02:00:00.000Z', WHO.committee, 'resident.verify', 'r_c', 'c_jinjiang', { phone: '13812345678' })
  await entry('2025-02-06T02:00:00.000Z', WHO.committee, 'points.reverse', '=SUM(A1:A9)', 'c_jinjiang', { reason: '冲正' })
  await entry('2025-02-05T03:00:00.000Z', WHO.committeeOther, 'report.transition', 'r_d', 'c_linjiang', { to: 'accepted' })
})
afterAll(() => h.close())

/** audit.list's rows for a filter, every page. */
async function listed(filter: Record<string, unknown>, as: string): Promise<AuditEntryView[]> {
  const out: AuditEntryView[] = []
  let cursor: string | undefined
  do {
    const page: AuditPage = await h.ok('audit.list', { ...filter, ...(cursor ? { cursor } : {}), limit: 50 }, as)
    out.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return out
}

test('the committee exports its community’s log: audit.list’s rows for the filter, masked, formulas neutralised', async () => {
  const filter = { action: 'report.', from: '2025-02-01', to: '2025-02-28' }
  const want = await listed(filter, WHO.committee)
  expect(want.map((e) => e.targetId)).toEqual(['r_b', 'r_a'])
  const out = await h.ok<LedgerExport>('ledger.export', { kind: 'audit', ...filter }, WHO.committee)
  expect(out.fileName).toMatch(/-操作日志-\d{4}-\d{2}-\d{2}\.xlsx$/)
  expect(out.rows).toBe(2)
  const rows = rowsOf(await readBack(h, out), AUDIT_SHEET)
  expect(rows[0]).toEqual(AUDIT_COLUMNS.map((c) => c.header))
  expect(rows.slice(1).map((r) => r[5])).toEqual(want.map((e) => e.targetId))
  expect(rows[1]![3]).toBe(want[0]!.actionLabel)
  expect(rows[1]![6]).toBe('note：=HYPERLINK("http://x.example")')
})

test('a cell that would start a formula is written as text', async () => {
  const out = await h.ok<LedgerExport>('ledger.export', { kind: 'audit', action: 'points.reverse' }, WHO.committee)
  expect(rowsOf(await readBack(h, out), AUDIT_SHEET)[1]![5]).toBe("'=SUM(A1:A9)")
})

test('a phone number in a detail is masked in the file as on the screen', async () => {
  const out = await h.ok<LedgerExport>('ledger.export', { kind: 'audit', action: 'resident.verify' }, WHO.committee)
  const text = JSON.stringify(rowsOf(await readBack(h, out), AUDIT_SHEET))
  expect(text).not.toContain('13812345678')
  expect(out.rows).toBe(1)
})

test('the export is audited: one ledger.export entry with kind audit and the filter', async () => {
  const before = Number(await h.sql.value(`SELECT count(*) FROM audit_log WHERE action = 'ledger.export'`))
  await h.ok<LedgerExport>('ledger.export', { kind: 'audit', actorId: WHO.worker }, WHO.committee)
  const rows = await h.sql.all<{ detail: string; community_id: string }>(`SELECT detail, community_id FROM audit_log WHERE action = 'ledger.export' ORDER BY id DESC`)
  expect(rows).toHaveLength(before + 1)
  expect(rows[0]!.community_id).toBe('c_jinjiang')
  expect(JSON.parse(rows[0]!.detail)).toMatchObject({ kind: 'audit', rows: 1, filter: { actorId: WHO.worker } })
})

test('a street exports the log of its communities, not another street’s; the rows match its audit.list', async () => {
  const want = await listed({ action: 'report.transition' }, WHO.street)
  const out = await h.ok<LedgerExport>('ledger.export', { kind: 'audit', action: 'report.transition' }, WHO.street)
  expect(rowsOf(await readBack(h, out), AUDIT_SHEET).slice(1).map((r) => r[5])).toEqual(want.map((e) => e.targetId))
})

test.each([
  ['a resident', WHO.resident, {}],
  ['a volunteer', WHO.volunteer, {}],
  ['a grid worker (who exports the 台账, not the log)', WHO.worker, {}],
  ['a committee naming another community', WHO.committee, { communityId: 'c_linjiang' }],
])('%s → FORBIDDEN, nothing written', async (_who, as, extra) => {
  const before = Number(await h.sql.value('SELECT count(*) FROM audit_log'))
  const r = await h.call('ledger.export', { kind: 'audit', ...extra }, as)
  expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  expect(Number(await h.sql.value('SELECT count(*) FROM audit_log'))).toBe(before)
})

test.each([
  ['from after to', { from: '2025-02-10', to: '2025-02-01' }, /结束日期不能早于开始日期/],
  ['over a year', { from: '2024-01-01', to: '2025-02-01' }, /最长/],
  ['a bad action', { action: 'drop table' }, /操作类型/],
  ['a cursor (pages are not exported)', { cursor: 'abc' }, /[\u4e00-\u9fa5]/],
])('%s → INVALID_INPUT, nothing written', async (_name, extra, message) => {
  const before = Number(await h.sql.value('SELECT count(*) FROM audit_log'))
  const r = await h.call('ledger.export', { kind: 'audit', ...extra }, WHO.committee)
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  if (!r.ok) expect(`${r.error.message} ${JSON.stringify(r.error.details ?? '')}`).toMatch(message)
  expect(Number(await h.sql.value('SELECT count(*) FROM audit_log'))).toBe(before)
})
