/**
 * ledger.export streams (issue 19): a month with more reports than a page is read page by page (each read at most
 * PAGE rows, each page's timelines in one read) and every row reaches the file once, in order.
 */
import type { LedgerExport } from '@/domain/ledger'
import { PAGE } from '../../cloud/ledger/exportLedger'
import type { Harness } from './support/harness'
import { WHO } from './support/reportFixtures'
import { readBack, rowsOf, ledgerHarness } from './support/ledgerFixtures'

jest.setTimeout(120_000)

let h: Harness
const N = 2 * PAGE + 7
beforeAll(async () => {
  h = await ledgerHarness()
  await h.sql.tx(async (sql) => {
    for (let i = 0; i < N; i++) {
      const at = new Date(Date.parse('2025-01-05T02:00:00.000Z') + i * 60_000).toISOString()
      await sql.run(
        `INSERT INTO reports (id, community_id, street_id, district_id, city_id, grid_id, reporter_id, category, description, anonymous, visibility, moderation,
           status, level, max_level, accept_by, resolve_by, created_at, updated_at)
         VALUES (?, 'c_jinjiang', 'st_zhenxing', 'd_binjiang', 'ct_jiangcheng', 'g_jj_1', ?, 'environment', ?, ?, 'private', 'clean', 'submitted', 'grid', 'grid', ?, ?, ?, ?)`,
        [`r_page_${String(i).padStart(4, '0')}`, WHO.resident, `批量问题 ${i}`, false, at, at, at, at],
      )
    }
  })
})
afterAll(() => h.close())

test(`${N} reports of a month: read in pages of at most ${PAGE}, all written once, in order`, async () => {
  const reads = jest.spyOn(h.store.ledger, 'reports')
  const timelines = jest.spyOn(h.store.ledger, 'events')
  const out = await h.ok<LedgerExport>('ledger.export', { kind: 'month', month: '2025-01' }, WHO.committee)
  const want = (await h.sql.all<{ id: string }>(
    'SELECT id FROM reports WHERE community_id = ? AND created_at >= ? AND created_at < ? ORDER BY seq',
    ['c_jinjiang', '2024-12-31T16:00:00.000Z', '2025-01-31T16:00:00.000Z'],
  )).map((r) => r.id)
  expect(want.length).toBeGreaterThanOrEqual(N)
  const got = rowsOf(await readBack(h, out), '问题清单').slice(1).map((r) => String(r[0]))
  expect(got).toEqual(want)
  expect(out.rows).toBe(want.length)
  for (const [, , limit] of reads.mock.calls) expect(limit).toBe(PAGE)
  // the 问题清单 pages (3 or more for N rows), then the 矛盾纠纷 pass
  const listReads = reads.mock.calls.filter(([q]) => q.category === null)
  expect(listReads.length).toBe(Math.floor(want.length / PAGE) + 1)
  for (const [ids] of timelines.mock.calls) expect(ids.length).toBeLessThanOrEqual(PAGE)
})
