/**
 * 操作日志 → 按当前筛选导出为 Excel (issue 19: the log "itself audited on export"): the export asks ledger.export
 * for kind `audit` with exactly the filter on screen (period, action, the person tapped), then saves the file; the
 * server's refusal is shown in its words.
 */
import { fireEvent, render, screen } from '@testing-library/react'
import type { AuditEntryView } from '@/domain/audit'
import type { LedgerExport } from '@/domain/ledger'
import { AuditLog } from '@/features/audit/ui/AuditLog'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { clearSession, setSession } from '@/services/session'
import { makeMe, makeSession } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const NOW = new Date('2025-03-10T04:00:00.000Z')
const DONE: LedgerExport = { fileName: '锦江社区-操作日志-2025-03-10.xlsx', url: '/exports/x2?e=1&s=abc', rows: 3, bytes: 7000 }
const committee = makeMe({ id: 'u-c', name: '陈秀兰', roles: ['committee'], verified: false, gridId: null, gridName: null })
const row: AuditEntryView = {
  id: '7', at: '2025-03-09T02:30:00.000Z', actorId: 'u-w', actorName: '孙丽', actorRoles: ['gridWorker'], action: 'report.transition',
  actionLabel: '处理问题', targetType: 'report', targetId: 'r-1', communityId: 'c-1', detail: null,
}

let exported: unknown[]
beforeEach(() => {
  setSession(makeSession(committee))
  global.fetch = jest.fn(async () => new Response(new Blob(['xlsx']), { status: 200 })) as unknown as typeof fetch
  URL.createObjectURL = jest.fn(() => 'blob:audit')
  URL.revokeObjectURL = jest.fn()
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
  exported = []
})
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
  clearSession()
})

function serve(onExport: (p: unknown) => unknown) {
  api.mockImplementation((async (action: string, payload: unknown) => {
    if (action === 'audit.list') return { items: [row], nextCursor: null }
    if (action === 'audit.actions') return { actions: [{ action: 'report.transition', label: '处理问题' }] }
    if (action === 'ledger.export') {
      exported.push(payload)
      return onExport(payload)
    }
    throw new ApiError('NOT_FOUND')
  }) as typeof callApi)
}

test('exports what the screen shows: the period, the action and the person chosen', async () => {
  serve(() => DONE)
  render(<AuditLog userId='u-c' now={NOW} />)
  await screen.findByTestId('audit-row-7')
  fireEvent.click(screen.getByTestId('audit-export'))
  await screen.findByTestId('audit-export-done')
  fireEvent.click(await screen.findByTestId('audit-action-report.transition'))
  fireEvent.click(await screen.findByTestId('audit-who-7'))
  await screen.findByTestId('audit-actor-clear')
  fireEvent.click(screen.getByTestId('audit-period-7'))
  await screen.findByTestId('audit-row-7')
  fireEvent.click(screen.getByTestId('audit-export'))
  await screen.findByTestId('audit-export-done')
  expect(exported).toEqual([
    { kind: 'audit', from: '2025-02-09', to: '2025-03-10' },
    { kind: 'audit', from: '2025-03-04', to: '2025-03-10', action: 'report.transition', actorId: 'u-w' },
  ])
  expect(screen.getByTestId('audit-export-done').textContent).toBe('已导出「锦江社区-操作日志-2025-03-10.xlsx」，共 3 条记录')
})

test('the server refuses: its Chinese message, nothing saved', async () => {
  serve(() => {
    throw new ApiError('FORBIDDEN', '只有社区及以上的工作人员可以查看操作日志')
  })
  render(<AuditLog userId='u-c' now={NOW} />)
  await screen.findByTestId('audit-row-7')
  fireEvent.click(screen.getByTestId('audit-export'))
  expect((await screen.findByTestId('audit-export-error')).textContent).toBe('只有社区及以上的工作人员可以查看操作日志')
  expect(screen.queryByTestId('audit-export-done')).toBeNull()
})
