/**
 * 导出台账 (issue 19): the month chosen with 上个月 / 下个月 (never after this month), the export sent for that month,
 * the file fetched with the session's token and saved under its Chinese name (H5) or downloaded and opened with the
 * share menu (weapp), progress and errors in words; and the card on 问题总览.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { LedgerExport } from '@/domain/ledger'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { clearSession, setSession } from '@/services/session'
import { LedgerExportButton } from '@/features/ledger'
import ReportAreaPage from '@/packages/reports/area/index'
import { makeMe, makeSession } from '../support/fixtures'
import { summaryCounts } from '../support/staffReports'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const NOW = new Date('2025-03-10T02:00:00Z')
const DONE: LedgerExport = { fileName: '锦江社区-2025年2月台账.xlsx', url: '/exports/x1?e=1&s=abc', rows: 16, bytes: 9000 }
const committee = makeMe({ id: 'u-c', name: '陈秀兰', roles: ['committee'], verified: false, gridId: null, gridName: null })

let fetchMock: jest.Mock
let clicked: { href: string; download: string }[]
beforeEach(() => {
  setSession(makeSession(committee))
  fetchMock = jest.fn(async () => new Response(new Blob(['xlsx']), { status: 200 }))
  global.fetch = fetchMock as unknown as typeof fetch
  URL.createObjectURL = jest.fn(() => 'blob:ledger')
  URL.revokeObjectURL = jest.fn()
  clicked = []
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download })
  })
})
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
  clearSession()
})

const monthShown = () => screen.getByTestId('ledger-export-month').textContent

test('starts at last month; 上个月 / 下个月 move it, never past this month', () => {
  render(<LedgerExportButton now={NOW} />)
  expect(monthShown()).toBe('2025年2月')
  expect(screen.getByTestId('ledger-export').textContent).toContain('导出2025年2月台账')
  fireEvent.click(screen.getByTestId('ledger-export-next'))
  expect(monthShown()).toBe('2025年3月')
  expect(screen.getByTestId('ledger-export-next').getAttribute('aria-disabled') ?? String((screen.getByTestId('ledger-export-next') as HTMLButtonElement).disabled)).toMatch(/true/)
  fireEvent.click(screen.getByTestId('ledger-export-next'))
  expect(monthShown()).toBe('2025年3月')
  for (let i = 0; i < 3; i++) fireEvent.click(screen.getByTestId('ledger-export-prev'))
  expect(monthShown()).toBe('2024年12月')
})

test('H5: exports the month, fetches the file with the token, saves it under its Chinese name, says what it wrote', async () => {
  api.mockResolvedValue(DONE as never)
  render(<LedgerExportButton now={NOW} communityId='c-1' />)
  fireEvent.click(screen.getByTestId('ledger-export'))
  await screen.findByTestId('ledger-export-done')
  expect(api).toHaveBeenCalledWith('ledger.export', { kind: 'month', month: '2025-02', communityId: 'c-1' }, { requestId: expect.any(String) })
  expect(fetchMock).toHaveBeenCalledWith('http://api.test/exports/x1?e=1&s=abc', { headers: { Authorization: 'Bearer token-abc' } })
  expect(clicked).toEqual([{ href: 'blob:ledger', download: '锦江社区-2025年2月台账.xlsx' }])
  expect(screen.getByTestId('ledger-export-done').textContent).toBe('已导出「锦江社区-2025年2月台账.xlsx」，共 16 条问题')
})

test('the server refuses: its Chinese message, nothing fetched', async () => {
  api.mockRejectedValue(new ApiError('FORBIDDEN', '只能导出本辖区的台账'))
  render(<LedgerExportButton now={NOW} />)
  fireEvent.click(screen.getByTestId('ledger-export'))
  expect((await screen.findByTestId('ledger-export-error')).textContent).toBe('只能导出本辖区的台账')
  expect(fetchMock).not.toHaveBeenCalled()
  expect(screen.queryByTestId('ledger-export-done')).toBeNull()
})

test('the file cannot be fetched (expired): said in words, no 已导出', async () => {
  api.mockResolvedValue(DONE as never)
  fetchMock.mockResolvedValue(new Response('{}', { status: 403 }))
  render(<LedgerExportButton now={NOW} />)
  fireEvent.click(screen.getByTestId('ledger-export'))
  expect((await screen.findByTestId('ledger-export-error')).textContent).toBe('文件下载失败，请重新导出')
  expect(screen.queryByTestId('ledger-export-done')).toBeNull()
  expect(clicked).toEqual([])
})

test('weapp: downloadFile with the token, then openDocument as xlsx with the share menu', async () => {
  api.mockResolvedValue(DONE as never)
  const t = Taro as unknown as Record<string, unknown>
  const saved = { env: process.env.TARO_ENV, downloadFile: t.downloadFile, openDocument: t.openDocument }
  const downloadFile = jest.fn(async () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/ledger.xlsx' }))
  const openDocument = jest.fn(async () => ({ errMsg: 'openDocument:ok' }))
  t.downloadFile = downloadFile
  t.openDocument = openDocument
  process.env.TARO_ENV = 'weapp'
  try {
    render(<LedgerExportButton now={NOW} />)
    fireEvent.click(screen.getByTestId('ledger-export'))
    await screen.findByTestId('ledger-export-done')
    expect(downloadFile).toHaveBeenCalledWith({ url: 'http://api.test/exports/x1?e=1&s=abc', header: { Authorization: 'Bearer token-abc' } })
    expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/ledger.xlsx', fileType: 'xlsx', showMenu: true })
    expect(fetchMock).not.toHaveBeenCalled()
  } finally {
    process.env.TARO_ENV = saved.env
    t.downloadFile = saved.downloadFile
    t.openDocument = saved.openDocument
  }
})

test('cloud mode: the temporary URL of cloud storage is downloaded without a token (there is none), then opened', async () => {
  clearSession()
  const url = 'https://7374-env-1300000000.tcb.qcloud.la/exports/x1.xlsx?sign=abc&t=1741575600'
  api.mockResolvedValue({ ...DONE, url } as never)
  const t = Taro as unknown as Record<string, unknown>
  const saved = { env: process.env.TARO_ENV, downloadFile: t.downloadFile, openDocument: t.openDocument }
  const downloadFile = jest.fn(async () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/ledger.xlsx' }))
  const openDocument = jest.fn(async () => ({ errMsg: 'openDocument:ok' }))
  t.downloadFile = downloadFile
  t.openDocument = openDocument
  process.env.TARO_ENV = 'weapp'
  try {
    render(<LedgerExportButton now={NOW} />)
    fireEvent.click(screen.getByTestId('ledger-export'))
    await screen.findByTestId('ledger-export-done')
    expect(downloadFile).toHaveBeenCalledWith({ url })
    expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/ledger.xlsx', fileType: 'xlsx', showMenu: true })
  } finally {
    process.env.TARO_ENV = saved.env
    t.downloadFile = saved.downloadFile
    t.openDocument = saved.openDocument
  }
})

test('问题总览 carries the 导出台账 card', async () => {
  api.mockImplementation(((action: string) => {
    if (action === 'report.list') return Promise.resolve({ items: [], nextCursor: null })
    if (action === 'report.summary') return Promise.resolve(summaryCounts({}))
    if (action === 'community.get') return Promise.resolve({ id: 'c-1', name: '锦江社区', grids: [] })
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
  render(<ReportAreaPage />)
  await waitFor(() => expect(screen.getByTestId('ledger-export')).toBeTruthy())
  expect(screen.getByText('导出台账')).toBeTruthy()
})
