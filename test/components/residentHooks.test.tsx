import { act, renderHook, waitFor } from '@testing-library/react'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { loadDraft } from '@/services/drafts'
import { usePagedList } from '@/features/common/usePagedList'
import { useSubmit } from '@/features/common/useSubmit'
import { useMyApplication } from '@/features/residents/useMyApplication'
import { useVolunteerApply, volunteerDraftKey } from '@/features/residents/useVolunteerApply'
import { useHouseholds, useRegisterResident } from '@/features/residents/useHouseholds'
import { useAssignGrids, useMembers } from '@/features/members/useMembers'
import { useDesk } from '@/features/workspace/useDesk'
import { deferred, makeApplication, makeMe, makeMember, makeVolunteerApplication } from '../support/fixtures'

// Mocked at the transport seam: every hook talks to the API only through callApi.
jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

afterEach(() => api.mockReset())

const item = (id: string) => ({ id })

describe('usePagedList', () => {
  it('loads by cursor, appends without duplicates, and starts again when the filter changes', async () => {
    const fetchPage = jest
      .fn()
      .mockResolvedValueOnce({ items: [item('a'), item('b')], nextCursor: 'c1' })
      .mockResolvedValueOnce({ items: [item('b'), item('c')], nextCursor: null })
      .mockResolvedValueOnce({ items: [item('x')], nextCursor: null })
    const { result, rerender } = renderHook(({ k }) => usePagedList(k, fetchPage), { initialProps: { k: 'one' } })
    await waitFor(() => expect(result.current.status).toBe('ready'))
    await act(() => result.current.loadMore())
    expect(fetchPage).toHaveBeenLastCalledWith('c1')
    expect(result.current.items.map((i) => i.id)).toEqual(['a', 'b', 'c'])
    expect(result.current.hasMore).toBe(false)

    rerender({ k: 'two' })
    await waitFor(() => expect(result.current.items.map((i) => i.id)).toEqual(['x']))
    expect(fetchPage).toHaveBeenLastCalledWith(undefined)
  })

  it('drops a late reply of the previous filter', async () => {
    const slow = deferred<{ items: { id: string }[]; nextCursor: null }>()
    const fetchPage = jest
      .fn()
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce({ items: [item('new')], nextCursor: null })
    const { result, rerender } = renderHook(({ k }) => usePagedList(k, fetchPage), { initialProps: { k: 'old' } })
    rerender({ k: 'new' })
    await waitFor(() => expect(result.current.status).toBe('ready'))
    await act(async () => slow.resolve({ items: [item('old')], nextCursor: null }))
    expect(result.current.items.map((i) => i.id)).toEqual(['new'])
  })

  it('keeps the items when a refresh fails, and updates or removes one item', async () => {
    const fetchPage = jest
      .fn()
      .mockResolvedValueOnce({ items: [item('a'), item('b')], nextCursor: null })
      .mockRejectedValueOnce(new ApiError('NETWORK'))
    const { result } = renderHook(() => usePagedList('k', fetchPage))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    await act(() => result.current.refresh())
    expect(result.current.refreshError?.code).toBe('NETWORK')
    expect(result.current.items).toHaveLength(2)
    act(() => result.current.remove('a'))
    expect(result.current.items.map((i) => i.id)).toEqual(['b'])
  })
})

describe('useSubmit', () => {
  it('re-sends the same input with the same requestId, a changed input with a new one, and forgets it after success', async () => {
    const send = jest.fn().mockRejectedValueOnce(new ApiError('NETWORK')).mockRejectedValueOnce(new ApiError('NETWORK')).mockResolvedValue('ok')
    const { result } = renderHook(() => useSubmit<{ v: number }, string>(send))
    await act(async () => void (await result.current.submit({ v: 1 })))
    expect(result.current.error?.code).toBe('NETWORK')
    await act(async () => void (await result.current.submit({ v: 1 })))
    await act(async () => void (await result.current.submit({ v: 2 })))
    await act(async () => void (await result.current.submit({ v: 2 })))
    const ids = send.mock.calls.map((c) => c[1])
    expect(ids[1]).toBe(ids[0])
    expect(ids[2]).not.toBe(ids[1])
    expect(ids[3]).not.toBe(ids[2])
  })

  it('resumes an attempt kept in a draft', async () => {
    const send = jest.fn().mockResolvedValue('ok')
    const { result } = renderHook(() => useSubmit<{ v: number }, string>(send, { input: { v: 1 }, requestId: 'rSaved12345678' }))
    await act(async () => void (await result.current.submit({ v: 1 })))
    expect(send).toHaveBeenCalledWith({ v: 1 }, 'rSaved12345678')
  })

  it('sends once while an attempt is in flight', async () => {
    const pending = deferred<string>()
    const send = jest.fn().mockReturnValue(pending.promise)
    const { result } = renderHook(() => useSubmit<{ v: number }, string>(send))
    let second: unknown
    await act(async () => {
      void result.current.submit({ v: 1 })
      second = await result.current.submit({ v: 1 })
    })
    expect(second).toEqual({ ok: false, error: null })
    expect(send).toHaveBeenCalledTimes(1)
    await act(async () => pending.resolve('ok'))
  })
})

describe('resident hooks', () => {
  it('useMyApplication loads only when enabled', async () => {
    api.mockResolvedValue(makeApplication('a1'))
    const off = renderHook(() => useMyApplication('u1', false))
    expect(api).not.toHaveBeenCalled()
    off.unmount()
    const { result } = renderHook(() => useMyApplication('u1'))
    await waitFor(() => expect(result.current.application?.id).toBe('a1'))
    expect(api).toHaveBeenCalledWith('resident.myApplication', {})
  })

  it('useVolunteerApply keeps a draft, leaves out empty fields and refuses 201 characters', async () => {
    api.mockResolvedValue(makeVolunteerApplication('v1'))
    const onDone = jest.fn()
    const { result } = renderHook(() => useVolunteerApply('u1', onDone))
    act(() => result.current.setField('skills', '会急救'))
    expect(loadDraft<{ skills: string }>(volunteerDraftKey('u1'))?.value.skills).toBe('会急救')

    act(() => result.current.setField('availability', '长'.repeat(201)))
    await act(async () => void (await result.current.submit()))
    expect(result.current.errors.availability).toBe('可服务时间最多 200 个字')
    expect(api).not.toHaveBeenCalled()

    act(() => result.current.setField('availability', ''))
    await act(async () => void (await result.current.submit()))
    expect(api).toHaveBeenCalledWith('volunteer.apply', { skills: '会急救' }, { requestId: expect.stringMatching(/^r/) })
    expect(onDone).toHaveBeenCalled()
    expect(loadDraft(volunteerDraftKey('u1'))).toBeNull()
  })
})

describe('workspace hooks', () => {
  it('useHouseholds asks by grid and pages by cursor', async () => {
    api.mockResolvedValueOnce({ items: [], nextCursor: 'n1' }).mockResolvedValueOnce({ items: [], nextCursor: null })
    const { result } = renderHook(() => useHouseholds('g-2'))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(api).toHaveBeenLastCalledWith('household.list', { gridId: 'g-2', limit: 20 })
    await act(() => result.current.loadMore())
    expect(api).toHaveBeenLastCalledWith('household.list', { gridId: 'g-2', cursor: 'n1', limit: 20 })
  })

  it('useMembers sends the role and the trimmed search', async () => {
    api.mockResolvedValue({ items: [], nextCursor: null })
    const { result } = renderHook(() => useMembers('gridWorker', ' 孙 '))
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(api).toHaveBeenCalledWith('member.list', { role: 'gridWorker', query: '孙', limit: 20 })
  })

  it('useRegisterResident checks name and phone with the schema before sending', async () => {
    api.mockResolvedValue(makeMember('m1', { rosterOnly: true }))
    const { result } = renderHook(() => useRegisterResident())
    let out: Awaited<ReturnType<typeof result.current.register>> | undefined
    await act(async () => {
      out = await result.current.register('h1', ' ', '123')
    })
    expect(out?.errors).toEqual({ name: '请填写姓名', phone: '请填写 11 位手机号' })
    expect(api).not.toHaveBeenCalled()
    await act(async () => {
      out = await result.current.register('h1', '张大爷', '')
    })
    expect(api).toHaveBeenCalledWith('resident.register', { householdId: 'h1', name: '张大爷' }, { requestId: expect.any(String) })
    expect(out?.member?.name).toBe('张大爷')
  })

  it('useAssignGrids sends the chosen grids ([] takes the role away)', async () => {
    api.mockResolvedValue(makeMember('u9', { roles: ['committee'] }))
    const { result } = renderHook(() => useAssignGrids())
    await act(async () => void (await result.current.assign({ userId: 'u9', gridIds: [] })))
    expect(api).toHaveBeenCalledWith('member.assignGrids', { userId: 'u9', gridIds: [] }, { requestId: expect.any(String) })
  })

  it('the desk counts both kinds of application and says when there are more than a page', async () => {
    api.mockImplementation(((action: string) =>
      Promise.resolve(
        action === 'resident.applications'
          ? { items: [makeApplication('a1'), makeApplication('a2')], nextCursor: null }
          : action === 'volunteer.applications'
            ? { items: Array.from({ length: 100 }, (_, i) => makeVolunteerApplication(`v${i}`)), nextCursor: 'more' }
            : { items: [], nextCursor: null },
      )) as typeof callApi)
    const { result } = renderHook(() => useDesk(makeMe({ roles: ['committee'] })))
    await waitFor(() => expect(result.current.committee.status).toBe('ready'))
    expect(result.current.committee.data).toMatchObject({ residents: { n: 2, more: false }, volunteers: { n: 100, more: true } })
    expect(api).toHaveBeenCalledWith('resident.applications', { status: 'pending', limit: 100 })
  })
})
