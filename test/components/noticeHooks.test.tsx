import { act, renderHook, waitFor } from '@testing-library/react'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { useNoticeList } from '@/features/notices/useNoticeList'
import { useNotice } from '@/features/notices/useNotice'
import { emitNoticeEvent } from '@/features/notices/events'
import { useNoticeStats } from '@/features/notices/useNoticeStats'
import { makeNotice, makeSummary } from '../support/fixtures'

// Mocked at the transport seam: every hook talks to the API only through callApi.
jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

afterEach(() => api.mockReset())

describe('useNoticeList', () => {
  it('loads the first page, then the next by cursor, appending without duplicates', async () => {
    api
      .mockResolvedValueOnce({ items: [makeSummary('a'), makeSummary('b', { read: true })], nextCursor: 'c1', unread: 7 })
      .mockResolvedValueOnce({ items: [makeSummary('b', { read: true }), makeSummary('c')], nextCursor: null, unread: 6 })

    const { result } = renderHook(() => useNoticeList({ pageSize: 2 }))
    expect(result.current.status).toBe('loading')
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(api).toHaveBeenLastCalledWith('notice.list', { limit: 2 })
    expect(result.current.items.map((n) => n.id)).toEqual(['a', 'b'])
    expect(result.current.hasMore).toBe(true)
    // the server's count over the whole scope, not only the loaded page
    expect(result.current.unreadCount).toBe(7)

    await act(() => result.current.loadMore())
    expect(api).toHaveBeenLastCalledWith('notice.list', { cursor: 'c1', limit: 2 })
    expect(result.current.items.map((n) => n.id)).toEqual(['a', 'b', 'c'])
    expect(result.current.hasMore).toBe(false)
    expect(result.current.unreadCount).toBe(6)

    await act(() => result.current.loadMore())
    expect(api).toHaveBeenCalledTimes(2)
  })

  it('counts a notice opened on another screen once, and not one already read', async () => {
    api.mockResolvedValueOnce({ items: [makeSummary('a'), makeSummary('b', { read: true })], nextCursor: null, unread: 3 })
    const { result } = renderHook(() => useNoticeList())
    await waitFor(() => expect(result.current.status).toBe('ready'))

    act(() => emitNoticeEvent({ type: 'read', id: 'a' }))
    expect(result.current.unreadCount).toBe(2)
    act(() => emitNoticeEvent({ type: 'read', id: 'a' }))
    act(() => emitNoticeEvent({ type: 'confirmed', id: 'b', confirmedAt: '2025-03-01T02:00:00.000Z' }))
    expect(result.current.unreadCount).toBe(2)
  })

  it('shows the error of a failed first page and loads again on retry', async () => {
    api.mockRejectedValueOnce(new ApiError('NETWORK')).mockResolvedValueOnce({ items: [], nextCursor: null, unread: 0 })
    const { result } = renderHook(() => useNoticeList())
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error?.message).toBe('网络不好，请稍后重试')

    await act(() => result.current.retry())
    expect(result.current.status).toBe('ready')
    expect(result.current.items).toEqual([])
  })

  it('keeps the items on screen when a pull-to-refresh fails, and replaces them when it works', async () => {
    api
      .mockResolvedValueOnce({ items: [makeSummary('a')], nextCursor: null, unread: 0 })
      .mockRejectedValueOnce(new ApiError('NETWORK'))
      .mockResolvedValueOnce({ items: [makeSummary('new'), makeSummary('a')], nextCursor: null, unread: 0 })
    const { result } = renderHook(() => useNoticeList())
    await waitFor(() => expect(result.current.status).toBe('ready'))

    await act(() => result.current.refresh())
    expect(result.current.status).toBe('ready')
    expect(result.current.items.map((n) => n.id)).toEqual(['a'])
    expect(result.current.refreshError?.code).toBe('NETWORK')

    await act(() => result.current.refresh())
    expect(result.current.refreshError).toBeNull()
    expect(result.current.items.map((n) => n.id)).toEqual(['new', 'a'])
  })

  it('keeps what is loaded when the next page fails, and says so', async () => {
    api.mockResolvedValueOnce({ items: [makeSummary('a')], nextCursor: 'c1', unread: 0 }).mockRejectedValueOnce(new ApiError('NETWORK'))
    const { result } = renderHook(() => useNoticeList())
    await waitFor(() => expect(result.current.status).toBe('ready'))
    await act(() => result.current.loadMore())
    expect(result.current.items.map((n) => n.id)).toEqual(['a'])
    expect(result.current.loadMoreError?.code).toBe('NETWORK')
    expect(result.current.hasMore).toBe(true)
  })
})

describe('useNotice', () => {
  it('gets the notice, which also marks it read in an open list', async () => {
    api.mockImplementation(((action: string) =>
      Promise.resolve(
        action === 'notice.list'
          ? { items: [makeSummary('n1', { important: true })], nextCursor: null, unread: 1 }
          : makeNotice('n1', { important: true, read: true, canConfirm: true }),
      )) as typeof callApi)
    const list = renderHook(() => useNoticeList())
    await waitFor(() => expect(list.result.current.unreadCount).toBe(1))

    const { result } = renderHook(() => useNotice('n1'))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(api).toHaveBeenCalledWith('notice.get', { id: 'n1' })
    expect(result.current.notice?.canConfirm).toBe(true)
    expect(list.result.current.unreadCount).toBe(0)
  })

  it('confirms: records confirmedAt, no second 已知晓, and the list shows it confirmed', async () => {
    api.mockImplementation(((action: string) => {
      if (action === 'notice.list') return Promise.resolve({ items: [makeSummary('n1', { important: true })], nextCursor: null, unread: 0 })
      if (action === 'notice.confirm') return Promise.resolve({ confirmedAt: '2026-11-25T10:00:00+08:00' })
      return Promise.resolve(makeNotice('n1', { important: true, read: true, canConfirm: true }))
    }) as typeof callApi)
    const list = renderHook(() => useNoticeList())
    const { result } = renderHook(() => useNotice('n1'))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    await waitFor(() => expect(list.result.current.status).toBe('ready'))

    let ok = false
    await act(async () => {
      ok = await result.current.confirm()
    })
    expect(ok).toBe(true)
    expect(api).toHaveBeenCalledWith('notice.confirm', { id: 'n1' }, { requestId: expect.any(String) })
    expect(result.current.notice).toMatchObject({ confirmed: true, canConfirm: false, confirmedAt: '2026-11-25T10:00:00+08:00' })
    expect(list.result.current.items[0]).toMatchObject({ confirmed: true, read: true })
  })

  it('keeps the same requestId when a failed confirm is tried again', async () => {
    api.mockImplementation(((action: string) =>
      action === 'notice.confirm'
        ? Promise.reject(new ApiError('NETWORK'))
        : Promise.resolve(makeNotice('n1', { important: true, canConfirm: true }))) as typeof callApi)
    const { result } = renderHook(() => useNotice('n1'))
    await waitFor(() => expect(result.current.status).toBe('ready'))

    await act(async () => {
      await result.current.confirm()
    })
    expect(result.current.confirmError?.message).toBe('网络不好，请稍后重试')
    expect(result.current.notice?.confirmed).toBe(false)
    await act(async () => {
      await result.current.confirm()
    })
    const ids = api.mock.calls.filter((c) => c[0] === 'notice.confirm').map((c) => c[2]?.requestId)
    expect(ids).toHaveLength(2)
    expect(ids[0]).toBeTruthy()
    expect(ids[1]).toBe(ids[0])
  })

  it('withdraw removes the notice from an open list', async () => {
    api.mockImplementation(((action: string) => {
      if (action === 'notice.list') return Promise.resolve({ items: [makeSummary('n1'), makeSummary('n2')], nextCursor: null, unread: 0 })
      if (action === 'notice.withdraw') return Promise.resolve({ withdrawnAt: '2026-11-25T10:00:00+08:00' })
      return Promise.resolve(makeNotice('n1'))
    }) as typeof callApi)
    const list = renderHook(() => useNoticeList())
    const { result } = renderHook(() => useNotice('n1'))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    await waitFor(() => expect(list.result.current.items).toHaveLength(2))

    await act(async () => {
      await result.current.withdraw()
    })
    expect(result.current.notice?.state).toBe('withdrawn')
    expect(list.result.current.items.map((n) => n.id)).toEqual(['n2'])
  })

  it('shows NOT_FOUND as the error of the page', async () => {
    api.mockRejectedValue(new ApiError('NOT_FOUND', '内容不存在或已被撤回'))
    const { result } = renderHook(() => useNotice('gone'))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error?.message).toBe('内容不存在或已被撤回')
  })
})

describe('useNoticeStats', () => {
  it('a refresh keeps the figures on screen, says it is running, and reports a failure', async () => {
    const figures = { audience: 3, read: 1, confirmed: 1, byGrid: [] }
    api.mockResolvedValueOnce(figures).mockRejectedValueOnce(new ApiError('NETWORK'))
    const { result } = renderHook(() => useNoticeStats('n1'))
    await waitFor(() => expect(result.current.status).toBe('ready'))

    let done: Promise<void> = Promise.resolve()
    act(() => {
      done = result.current.reload({ silent: true })
    })
    expect(result.current.refreshing).toBe(true)
    await act(() => done)
    expect(result.current.refreshing).toBe(false)
    expect(result.current.stats).toEqual(figures)
    expect(result.current.error?.code).toBe('NETWORK')
  })
})
