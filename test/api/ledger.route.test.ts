/**
 * GET /exports/:id (issue 19): the exporter downloads their file with its Chinese name (RFC 5987); a forged or
 * tampered signature, someone else, no session, an expired address or a removed file get no bytes.
 */
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import type { LedgerExport } from '@/domain/ledger'
import { buildServer } from '../../cloud/server/app'
import { NOW, type Harness } from './support/harness'
import { WHO } from './support/reportFixtures'
import { exportIdOf, ledgerHarness } from './support/ledgerFixtures'

let h: Harness
let app: FastifyInstance
let base: string
beforeAll(async () => {
  h = await ledgerHarness()
  app = await buildServer({
    store: h.store,
    env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test', GONGZHI_SECRET: 'test-secret-test-secret-test-secret' },
    deps: { clock: h.clock, exportFiles: h.deps.exportFiles },
    staticDir: path.join(h.dir, 'none'),
  })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await app.close()
  await h.close()
})

const tokenOf = async (who: string) => (await h.deps.tokens.issue(who)).token
const get = async (url: string, who: string | null) => fetch(`${base}${url}`, { headers: who ? { authorization: `Bearer ${await tokenOf(who)}` } : {} })
const exportAs = (who: string) => h.ok<LedgerExport>('ledger.export', { kind: 'month', month: '2025-02' }, who)

test('the exporter gets the workbook, named in Chinese, not cached', async () => {
  const out = await exportAs(WHO.committee)
  const res = await get(out.url, WHO.committee)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  expect(res.headers.get('content-disposition')).toBe(
    `attachment; filename="____-2025_2___.xlsx"; filename*=UTF-8''${encodeURIComponent('锦江社区-2025年2月台账.xlsx')}`,
  )
  expect(res.headers.get('cache-control')).toBe('private, no-store')
  const bytes = Buffer.from(await res.arrayBuffer())
  expect(bytes.length).toBe(out.bytes)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单', '矛盾纠纷', '巡逻'])
})

test('a tampered signature or another file’s signature: 403', async () => {
  const out = await exportAs(WHO.committee)
  const other = await exportAs(WHO.committee)
  const tampered = out.url.replace(/s=([A-Za-z0-9_-])/, (_m, c: string) => `s=${c === 'A' ? 'B' : 'A'}`)
  expect((await get(tampered, WHO.committee)).status).toBe(403)
  const swapped = `/exports/${exportIdOf(out)}?${other.url.split('?')[1]}`
  expect((await get(swapped, WHO.committee)).status).toBe(403)
  expect((await get(`/exports/${exportIdOf(out)}`, WHO.committee)).status).toBe(403)
})

test('someone else with the exporter’s address: 403; signed out: 401', async () => {
  const out = await exportAs(WHO.committee)
  const res = await get(out.url, WHO.street)
  expect(res.status).toBe(403)
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能下载本人导出的文件' } })
  expect((await get(out.url, null)).status).toBe(401)
})

test('an unknown id: 404; an expired address: 403; a swept file: 404', async () => {
  expect((await get('/exports/nope_nope?e=9999999999&s=abc', WHO.committee)).status).toBe(404)
  const out = await exportAs(WHO.committee)
  h.clock.advance(11 * 60_000)
  try {
    expect((await get(out.url, WHO.committee)).status).toBe(403)
    h.clock.advance(50 * 60_000)
    await exportAs(WHO.committee)
    expect((await get(out.url, WHO.committee)).status).toBe(404)
  } finally {
    h.clock.set(NOW)
  }
})
