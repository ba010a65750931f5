import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { ApplicationsScreen, VolunteersScreen } from '@/features/residents/ui/ReviewScreens'
import { makeApplication, makeVolunteerApplication, typeInto } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

afterEach(() => api.mockReset())

const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)

async function settle() {
  await act(async () => undefined)
  await act(async () => undefined)
}

function card(id: string) {
  return screen.getAllByTestId('application-card').find((c) => c.getAttribute('data-id') === id) as HTMLElement
}

describe('ApplicationsScreen (认证审核)', () => {
  it('lists pending applications with room, relation and the roster match in words', async () => {
    api.mockResolvedValue({
      items: [
        makeApplication('a1', { name: '王秀兰', relation: 'head', matchesRoster: true }),
        makeApplication('a2', { name: '李建国', relation: 'head', householdId: 'h-9', matchesRoster: false }),
        makeApplication('a4', { name: '李小红', relation: 'member', householdId: 'h-9', matchesRoster: false }),
        makeApplication('a3', { name: '郑海涛', relation: 'tenant', householdId: null, building: '9', unit: null, room: '502' }),
      ],
      nextCursor: null,
    })
    render(<ApplicationsScreen />)
    expect(screen.getByTestId('list-loading')).toBeTruthy()
    await settle()
    expect(calls('resident.applications')[0][1]).toEqual({ status: 'pending', limit: 20 })
    expect(within(card('a1')).getByTestId('application-match').textContent).toBe('与花名册一致')
    expect(within(card('a2')).getByTestId('application-match').textContent).toBe('花名册中户主不同')
    expect(within(card('a4')).getByTestId('application-match').textContent).toBe('花名册中有此户，请核实家庭成员')
    expect(within(card('a3')).getByTestId('application-match').textContent).toBe('花名册中无此户')
    expect(card('a3').textContent).toContain('第一网格 9栋502')
    expect(card('a3').textContent).toContain('与户主关系：租户')
    expect(within(card('a1')).getByTestId('application-status').textContent).toBe('待审核')
  })

  it('says what will appear when nothing waits', async () => {
    api.mockResolvedValue({ items: [], nextCursor: null })
    render(<ApplicationsScreen />)
    await settle()
    expect(screen.getByTestId('list-empty').textContent).toContain('没有待审核的认证申请')
  })

  it('does not reject without a reason, then sends the reason and takes the card off the list', async () => {
    api.mockImplementation(((action: string) => {
      if (action === 'resident.applications') return Promise.resolve({ items: [makeApplication('a1'), makeApplication('a2')], nextCursor: null })
      if (action === 'resident.review') return Promise.resolve(makeApplication('a1', { status: 'rejected', reason: '房号不对' }))
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
    render(<ApplicationsScreen />)
    await settle()
    fireEvent.click(within(card('a1')).getByText('不通过'))
    expect(screen.getByTestId('reject-dialog')).toBeTruthy()

    fireEvent.click(screen.getByText('确定不通过'))
    expect((await screen.findByTestId('reject-error')).textContent).toBe('不通过时请写明理由')
    expect(calls('resident.review')).toHaveLength(0)

    typeInto(screen.getByTestId('reject-reason'), '  房号不对  ')
    fireEvent.click(screen.getByTestId('reject-confirm'))
    await waitFor(() => expect(calls('resident.review')).toHaveLength(1))
    expect(calls('resident.review')[0][1]).toEqual({ applicationId: 'a1', approve: false, reason: '房号不对' })
    expect(calls('resident.review')[0][2]?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    await waitFor(() => expect(screen.getAllByTestId('application-card').map((c) => c.getAttribute('data-id'))).toEqual(['a2']))
    expect(screen.getByTestId('review-notice').textContent).toContain('已标为不通过')
  })

  it('approves with one tap and shows progress while sending', async () => {
    let finish: (v: unknown) => void = () => undefined
    api.mockImplementation(((action: string) => {
      if (action === 'resident.applications') return Promise.resolve({ items: [makeApplication('a1')], nextCursor: null })
      return new Promise((resolve) => {
        finish = resolve as (v: unknown) => void
      })
    }) as typeof callApi)
    render(<ApplicationsScreen />)
    await settle()
    fireEvent.click(screen.getByTestId('application-approve'))
    expect(await screen.findByText('正在提交…')).toBeTruthy()
    expect(calls('resident.review')[0][1]).toEqual({ applicationId: 'a1', approve: true })
    await act(async () => finish(makeApplication('a1', { status: 'verified' })))
    await waitFor(() => expect(screen.queryAllByTestId('application-card')).toHaveLength(0))
  })

  it('on CONFLICT shows the server’s own message and loads the list again', async () => {
    let listed = 0
    api.mockImplementation(((action: string) => {
      if (action === 'resident.applications') {
        listed++
        return Promise.resolve({ items: listed === 1 ? [makeApplication('a1'), makeApplication('a2')] : [makeApplication('a2')], nextCursor: null })
      }
      if (action === 'resident.review') return Promise.reject(new ApiError('CONFLICT', '花名册里没有这户，请先导入或登记'))
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
    render(<ApplicationsScreen />)
    await settle()
    fireEvent.click(within(card('a1')).getByTestId('application-approve'))
    const notice = await screen.findByTestId('review-notice')
    expect(notice.textContent).toContain('花名册里没有这户，请先导入或登记')
    expect(notice.textContent).not.toContain('该申请已被处理')
    await waitFor(() => expect(calls('resident.applications')).toHaveLength(2))
    await waitFor(() => expect(screen.getAllByTestId('application-card').map((c) => c.getAttribute('data-id'))).toEqual(['a2']))
  })

  it('a CONFLICT while rejecting closes the dialog and says what the server said', async () => {
    api.mockImplementation(((action: string) => {
      if (action === 'resident.applications') return Promise.resolve({ items: [makeApplication('a1')], nextCursor: null })
      return Promise.reject(new ApiError('CONFLICT', '该申请已被处理'))
    }) as typeof callApi)
    render(<ApplicationsScreen />)
    await settle()
    fireEvent.click(screen.getByTestId('application-reject'))
    typeInto(screen.getByTestId('reject-reason'), '不是本户')
    fireEvent.click(screen.getByTestId('reject-confirm'))
    expect((await screen.findByTestId('review-notice')).textContent).toContain('该申请已被处理')
    await waitFor(() => expect(calls('resident.applications')).toHaveLength(2))
    await waitFor(() => expect(screen.queryByTestId('reject-dialog')).toBeNull())
  })

  it('a network failure while rejecting keeps the dialog open with the typed reason and says why inside it', async () => {
    let attempt = 0
    api.mockImplementation(((action: string) => {
      if (action === 'resident.applications') return Promise.resolve({ items: [makeApplication('a1')], nextCursor: null })
      if (action === 'resident.review')
        return ++attempt === 1 ? Promise.reject(new ApiError('NETWORK')) : Promise.resolve(makeApplication('a1', { status: 'rejected', reason: '不是本户' }))
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
    render(<ApplicationsScreen />)
    await settle()
    fireEvent.click(screen.getByTestId('application-reject'))
    typeInto(screen.getByTestId('reject-reason'), '不是本户')
    fireEvent.click(screen.getByTestId('reject-confirm'))
    const error = await screen.findByTestId('reject-error')
    expect(error.textContent).toContain('网络不好，请稍后重试')
    expect(within(screen.getByTestId('reject-dialog')).getByTestId('reject-error')).toBe(error)
    expect(screen.getByTestId('reject-reason').getAttribute('value')).toBe('不是本户')
    expect(screen.queryByTestId('review-notice')).toBeNull()

    fireEvent.click(screen.getByTestId('reject-confirm'))
    await waitFor(() => expect(screen.queryByTestId('reject-dialog')).toBeNull())
    const [first, second] = calls('resident.review')
    expect(second[1]).toEqual({ applicationId: 'a1', approve: false, reason: '不是本户' })
    expect(second[2]?.requestId).toBe(first[2]?.requestId)
    expect(screen.getByTestId('review-notice').textContent).toContain('已标为不通过')
  })

  it('switches the status filter and shows the reason of rejected ones', async () => {
    api.mockImplementation(((_action: string, input: { status?: string }) =>
      Promise.resolve({
        items: input.status === 'rejected' ? [makeApplication('r1', { status: 'rejected', reason: '查无此人' })] : [],
        nextCursor: null,
      })) as unknown as typeof callApi)
    render(<ApplicationsScreen />)
    await settle()
    fireEvent.click(screen.getByTestId('application-filter-rejected'))
    await settle()
    expect(calls('resident.applications').at(-1)?.[1]).toEqual({ status: 'rejected', limit: 20 })
    expect(card('r1').textContent).toContain('不通过的理由：查无此人')
    expect(within(card('r1')).queryByTestId('application-approve')).toBeNull()
  })

  it('shows the error with 重试', async () => {
    api.mockRejectedValueOnce(new ApiError('NETWORK')).mockResolvedValueOnce({ items: [makeApplication('a1')], nextCursor: null })
    render(<ApplicationsScreen />)
    await settle()
    expect(screen.getByTestId('list-error').textContent).toContain('网络不好')
    fireEvent.click(screen.getByText('重试'))
    await settle()
    expect(screen.getAllByTestId('application-card')).toHaveLength(1)
  })
})

describe('VolunteersScreen (志愿者审核)', () => {
  it('lists skills and availability and reviews through volunteer.review', async () => {
    api.mockImplementation(((action: string) => {
      if (action === 'volunteer.applications') return Promise.resolve({ items: [makeVolunteerApplication('v1')], nextCursor: null })
      return Promise.resolve(makeVolunteerApplication('v1', { status: 'verified' }))
    }) as typeof callApi)
    render(<VolunteersScreen />)
    await settle()
    const c = screen.getByTestId('volunteer-card')
    expect(c.textContent).toContain('特长：会急救')
    expect(c.textContent).toContain('可服务时间：周末上午')
    fireEvent.click(screen.getByTestId('volunteer-approve'))
    await waitFor(() => expect(calls('volunteer.review')[0][1]).toEqual({ applicationId: 'v1', approve: true }))
  })
})
