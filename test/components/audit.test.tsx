/**
 * 操作日志 (issue 19): the screen (rows in words, the filter bar asking again, 加载更多, empty and error states),
 * its hooks (the filter as audit.list's input), the page's gate, and the desk's link for the committee and tiers.
 */
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AuditEntryView } from '@/domain/audit'
import type { Me } from '@/domain/auth'
import { AUDIT_ROUTES } from '@/features/audit'
import { filterInput, NO_FILTER } from '@/features/audit/filters'
import { AuditLog } from '@/features/audit/ui/AuditLog'
import { useAuditLog } from '@/features/audit/useAuditLog'
import { WorkDesk } from '@/features/workspace/ui/WorkDesk'
import { useDesk } from '@/features/workspace/useDesk'
import AuditPage from '@/packages/audit/index'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { makeMe, makeSession } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const committee = makeMe({ id: 'u-c', name: '陈秀兰', roles: ['committee'], verified: false, gridId: null, gridName: null })
const street = makeMe({ id: 'u-s', name: '赵明', roles: ['street'], verified: false, gridId: null, gridName: null })
const worker = makeMe({ id: 'u-w', name: '孙丽', roles: ['gridWorker'], verified: false, gridId: null, gridName: null, grids: [{ id: 'g-1', name: '第一网格' }] })

// 2025-03-10 12:00 in China
const NOW = new Date('2025-03-10T04:00:00.000Z')

function row(id: string, over: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    id,
    at: '2025-03-09T02:30:00.000Z',
    actorId: 'u-c',
    actorName: '陈秀兰',
    actorRoles: ['committee'],
    action: 'community.setGridPhone',
    actionLabel: '设置网格服务电话',
    targetType: 'grid',
    targetId: 'g-1',
    communityId: 'c-1',
    detail: { servicePhone: '138****5678' },
    ...over,
  }
}

function serve(handlers: Record<string, (payload: never) => unknown>) {
  api.mockImplementation((async (action: string, payload: never) => {
    const h = handlers[action]
    if (!h) throw new ApiError('NOT_FOUND')
    return h(payload)
  }) as typeof callApi)
}

const ACTIONS = { actions: [{ action: 'community.setGridPhone', label: '设置网格服务电话' }, { action: 'legacy.thing', label: 'legacy.thing' }] }

beforeEach(() => setSession(makeSession(committee)))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('the filter as audit.list’s input', () => {
  it('periods count back from today in China time; the action and the person are passed as they are', () => {
    expect(filterInput(NO_FILTER, NOW)).toEqual({ from: '2025-02-09', to: '2025-03-10' })
    expect(filterInput({ period: '7', action: 'notice.publish', actor: { id: 'u-1', name: '甲' } }, NOW)).toEqual({ from: '2025-03-04', to: '2025-03-10', action: 'notice.publish', actorId: 'u-1' })
    // 23:30 on 3月10日 in China is still 3月10日 (15:30 UTC)
    expect(filterInput({ period: '365', action: '', actor: null }, new Date('2025-03-10T15:30:00.000Z'))).toEqual({ from: '2024-03-11', to: '2025-03-10' })
    expect(filterInput({ period: 'all', action: '', actor: null }, NOW)).toEqual({})
  })

  it('useAuditLog asks 20 a page with the filter, then the next page by cursor', async () => {
    const calls: unknown[] = []
    serve({
      'audit.list': (p: { cursor?: string }) => {
        calls.push(p)
        return p.cursor ? { items: [row('1')], nextCursor: null } : { items: [row('2')], nextCursor: 'c2' }
      },
    })
    const { result } = renderHook(() => useAuditLog('u-c', { period: '7', action: '', actor: null }, NOW))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(result.current.hasMore).toBe(true)
    await act(() => result.current.loadMore())
    expect(result.current.items.map((r) => r.id)).toEqual(['2', '1'])
    expect(calls).toEqual([
      { from: '2025-03-04', to: '2025-03-10', limit: 20 },
      { from: '2025-03-04', to: '2025-03-10', limit: 20, cursor: 'c2' },
    ])
  })
})

describe('操作日志 screen', () => {
  it('shows each row in words: the label, when, who with their role, the object, the masked detail', async () => {
    serve({ 'audit.list': () => ({ items: [row('7'), row('6', { actorId: 'operator', actorName: null, actorRoles: [], action: 'user.grantRole', actionLabel: '授予角色', targetType: 'user', targetId: 'u-s', detail: null })], nextCursor: null }), 'audit.actions': () => ACTIONS })
    render(<AuditLog userId='u-c' now={NOW} />)
    const first = await screen.findByTestId('audit-row-7')
    expect(first.textContent).toContain('设置网格服务电话')
    expect(first.textContent).toContain('2025-03-09 10:30')
    expect(screen.getByTestId('audit-who-7').textContent).toBe('操作人：陈秀兰（社区/村委会） ›')
    expect(first.textContent).toContain('对象：网格 g-1')
    expect(first.textContent).toContain('服务电话：138****5678')
    expect(screen.getByTestId('audit-who-6').textContent).toBe('操作人：系统/运维（operator） ›')
    expect(screen.getByTestId('audit-row-6').textContent).toContain('对象：人员 u-s')
  })

  it('the filter bar asks again: a period, an action from those present, a person tapped on a row, and back', async () => {
    const calls: Record<string, unknown>[] = []
    serve({
      'audit.list': (p: Record<string, unknown>) => {
        calls.push(p)
        return { items: [row(String(calls.length))], nextCursor: null }
      },
      'audit.actions': () => ACTIONS,
    })
    render(<AuditLog userId='u-c' now={NOW} />)
    await screen.findByTestId('audit-row-1')
    fireEvent.click(screen.getByTestId('audit-period-7'))
    await screen.findByTestId('audit-row-2')
    fireEvent.click(await screen.findByTestId('audit-action-legacy.thing'))
    await screen.findByTestId('audit-row-3')
    fireEvent.click(screen.getByTestId('audit-who-3'))
    await screen.findByTestId('audit-row-4')
    expect(screen.getByTestId('audit-actor-clear').textContent).toContain('只看 陈秀兰 的操作')
    fireEvent.click(screen.getByTestId('audit-actor-clear'))
    await screen.findByTestId('audit-row-5')
    fireEvent.click(screen.getByTestId('audit-period-all'))
    await screen.findByTestId('audit-row-6')
    expect(calls).toEqual([
      { from: '2025-02-09', to: '2025-03-10', limit: 20 },
      { from: '2025-03-04', to: '2025-03-10', limit: 20 },
      { from: '2025-03-04', to: '2025-03-10', action: 'legacy.thing', limit: 20 },
      { from: '2025-03-04', to: '2025-03-10', action: 'legacy.thing', actorId: 'u-c', limit: 20 },
      { from: '2025-03-04', to: '2025-03-10', action: 'legacy.thing', limit: 20 },
      { action: 'legacy.thing', limit: 20 },
    ])
    expect(screen.getByTestId('audit-action-all').textContent).toContain('全部操作')
  })

  it('加载更多 takes the next page; empty and error states are said in words', async () => {
    serve({
      'audit.list': (p: { cursor?: string }) => (p.cursor ? { items: [row('1')], nextCursor: null } : { items: [row('2')], nextCursor: 'c' }),
      'audit.actions': () => ACTIONS,
    })
    const { unmount } = render(<AuditLog userId='u-c' now={NOW} />)
    fireEvent.click(await screen.findByTestId('load-more'))
    await screen.findByTestId('audit-row-1')
    expect(screen.getByTestId('audit-row-2')).toBeTruthy()
    unmount()

    serve({ 'audit.list': () => ({ items: [], nextCursor: null }), 'audit.actions': () => ({ actions: [] }) })
    const empty = render(<AuditLog userId='u-e' now={NOW} />)
    expect(await screen.findByText('这段时间没有符合条件的操作记录')).toBeTruthy()
    empty.unmount()

    serve({
      'audit.list': () => {
        throw new ApiError('FORBIDDEN', '只有社区及以上的工作人员可以查看操作日志')
      },
      'audit.actions': () => ({ actions: [] }),
    })
    render(<AuditLog userId='u-x' now={NOW} />)
    expect(await screen.findByText(/只有社区及以上的工作人员可以查看操作日志/)).toBeTruthy()
  })
})

describe('the page and the desk', () => {
  it('a grid worker reads why the page is not theirs; the committee gets the log', async () => {
    serve({ 'audit.list': () => ({ items: [row('1')], nextCursor: null }), 'audit.actions': () => ACTIONS })
    setSession(makeSession(worker))
    const { unmount } = render(<AuditPage />)
    expect(screen.getByTestId('audit-not-allowed').textContent).toContain('只有社区工作人员、街道/区/市工作人员可以使用这个功能')
    unmount()
    setSession(makeSession(committee))
    render(<AuditPage />)
    expect(await screen.findByTestId('audit-row-1')).toBeTruthy()
  })

  function Desk({ me }: { me: Me }) {
    return <WorkDesk me={me} desk={useDesk(me)} />
  }

  it('the committee’s and a street’s desks link to 操作日志; a grid worker’s does not', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never)
    serve({})
    const a = render(<Desk me={committee} />)
    fireEvent.click(await screen.findByTestId('desk-audit'))
    a.unmount()
    setSession(makeSession(street))
    const b = render(<Desk me={street} />)
    fireEvent.click(await screen.findByTestId('desk-audit'))
    b.unmount()
    setSession(makeSession(worker))
    render(<Desk me={worker} />)
    await screen.findByTestId('desk-problems')
    expect(screen.queryByTestId('desk-audit')).toBeNull()
    expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([AUDIT_ROUTES.log, AUDIT_ROUTES.log])
  })
})
