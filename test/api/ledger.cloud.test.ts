/**
 * 台账导出 on the cloud function (issue 19): exports go to cloud storage (wx-server-sdk's stand-in, files in a temp
 * folder, behind the real adapter) under a path with no personal data, the reply carries a temporary URL that needs
 * no session, the workbook behind it reads back with exceljs, each export is audited once (a retry too), and the
 * sweep removes the files past the keep time.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { EXPORT_KEEP_MS, EXPORT_URL_TTL_MS, type LedgerExport } from '@/domain/ledger'
import { cloudExports } from '../../cloud/adapters/wechat/cloudExports'
import { standin, standinUrlFile } from '../support/cloud/standinStorage'
import { makeHarness, NOW, tempDir, type Harness } from './support/harness'
import { WHO } from './support/reportFixtures'
import { FEB, reportAt } from './support/ledgerFixtures'

jest.setTimeout(60_000)

let h: Harness
let root: string
let tmp: string
beforeAll(async () => {
  tmp = tempDir('gongzhi-cloud-exports-')
  h = await makeHarness({ deps: { exportFiles: cloudExports(standin, EXPORT_URL_TTL_MS / 1000, path.join(tmp, 'part')) } })
  root = path.join(tmp, 'cloud-storage')
  process.env.GONGZHI_STANDIN_STORAGE = root
  await reportAt(h, WHO.resident, '2025-02-10T02:00:00.000Z', { description: '楼道灯坏了，晚上看不清台阶' })
})
afterAll(async () => {
  delete process.env.GONGZHI_STANDIN_STORAGE
  await h.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

const audited = async () => Number(await h.sql.value('SELECT count(*) FROM audit_log WHERE action = ?', ['ledger.export']))
const stored = () => (fs.existsSync(path.join(root, 'exports')) ? fs.readdirSync(path.join(root, 'exports')) : [])

test('the month goes to cloud storage as exports/<id>.xlsx; the reply is a temporary URL to it; audited once', async () => {
  const before = await audited()
  const out = await h.ok<LedgerExport>('ledger.export', { kind: 'month', month: FEB.month }, WHO.committee)
  expect(out.fileName).toBe('锦江社区-2025年2月台账.xlsx')
  expect(out.url).toMatch(/^https:\/\/[^/]+\.tcb\.qcloud\.la\/exports\/[A-Za-z0-9_-]+\.xlsx\?sign=standin&t=\d+$/)
  const t = Number(/t=(\d+)$/.exec(out.url)![1])
  expect(t * 1000 - Date.now()).toBeLessThanOrEqual(EXPORT_URL_TTL_MS + 1000)
  // the path names the export by its random id only: no user, community or Chinese name
  const [name] = stored()
  expect(stored()).toHaveLength(1)
  expect(name).toMatch(/^[a-f0-9]{32}\.xlsx$/)
  expect(out.url).not.toContain(WHO.committee)
  // nothing left in the instance's temp folder
  expect(fs.readdirSync(path.join(tmp, 'part'))).toEqual([])
  const bytes = standinUrlFile(root, out.url)
  expect(bytes).not.toBeNull()
  expect(bytes!.length).toBe(out.bytes)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单', '矛盾纠纷', '巡逻'])
  expect(book.getWorksheet('问题清单')!.actualRowCount - 1).toBe(out.rows)
  const texts: string[] = []
  book.getWorksheet('问题清单')!.eachRow((row) => texts.push(JSON.stringify(row.values)))
  expect(texts.some((t) => t.includes('楼道灯坏了，晚上看不清台阶'))).toBe(true)
  expect(await audited()).toBe(before + 1)
  const entry = await h.sql.get<{ target_id: string }>('SELECT target_id FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1', ['ledger.export'])
  expect(`${entry!.target_id}.xlsx`).toBe(name)
})

test('a retried request gets the same file with a fresh URL, one audit entry, nothing uploaded again', async () => {
  const before = await audited()
  const files = stored().length
  const first = await h.ok<LedgerExport>('ledger.export', { kind: 'reports' }, WHO.committee, 'req-cloud-1')
  const again = await h.ok<LedgerExport>('ledger.export', { kind: 'reports' }, WHO.committee, 'req-cloud-1')
  expect(again.url.split('?')[0]).toBe(first.url.split('?')[0])
  expect(again).toMatchObject({ fileName: first.fileName, rows: first.rows, bytes: first.bytes })
  expect(stored()).toHaveLength(files + 1)
  expect(await audited()).toBe(before + 1)
})

test('files past the keep time are removed by the next export', async () => {
  expect(stored().length).toBeGreaterThan(1)
  h.clock.set(new Date(Date.parse(NOW) + EXPORT_KEEP_MS + 60_000).toISOString())
  try {
    await h.ok<LedgerExport>('ledger.export', { kind: 'reports' }, WHO.committee)
    expect(stored()).toHaveLength(1)
  } finally {
    h.clock.set(NOW)
  }
})

test('a refused export leaves nothing in cloud storage and no audit entry', async () => {
  const before = await audited()
  const files = stored().length
  const res = await h.call('ledger.export', { kind: 'month', month: FEB.month }, WHO.resident)
  expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(stored()).toHaveLength(files)
  expect(await audited()).toBe(before)
})

test('the workbook goes up as a read stream of the temp file (never a Buffer of it), which is gone after', async () => {
  const upload = jest.spyOn(standin, 'uploadFile')
  try {
    const out = await h.ok<LedgerExport>('ledger.export', { kind: 'month', month: FEB.month }, WHO.committee)
    expect(upload).toHaveBeenCalledTimes(1)
    const { fileContent, cloudPath } = upload.mock.calls[0]![0]
    expect(Buffer.isBuffer(fileContent)).toBe(false)
    expect(fileContent).toBeInstanceOf(fs.ReadStream)
    const streamed = fileContent as fs.ReadStream
    expect(path.dirname(String(streamed.path))).toBe(path.join(tmp, 'part'))
    // read to its end by the upload, then closed; the file it read is removed
    expect(streamed.bytesRead).toBe(out.bytes)
    expect(streamed.destroyed).toBe(true)
    expect(fs.existsSync(String(streamed.path))).toBe(false)
    expect(fs.readdirSync(path.join(tmp, 'part'))).toEqual([])
    // what arrived is the workbook
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(fs.readFileSync(path.join(root, cloudPath)) as unknown as ArrayBuffer)
    expect(book.getWorksheet('问题清单')!.actualRowCount - 1).toBe(out.rows)
  } finally {
    upload.mockRestore()
  }
})

test('an upload that fails: the export fails, the temp file is removed, nothing audited', async () => {
  const before = await audited()
  const upload = jest.spyOn(standin, 'uploadFile').mockRejectedValueOnce(Object.assign(new Error('uploadFile:fail (test)'), { errCode: -1 }))
  try {
    const res = await h.call('ledger.export', { kind: 'month', month: FEB.month }, WHO.committee)
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(fs.readdirSync(path.join(tmp, 'part'))).toEqual([])
    expect(await audited()).toBe(before)
  } finally {
    upload.mockRestore()
  }
})
