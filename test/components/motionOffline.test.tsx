import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { RECEIPT_PATTERN } from '@/domain/motions'
import { keptReceipt } from '@/features/motions/receipts'
import { OfflineScreen } from '@/features/motions/ui/OfflineScreen'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { makeMember, makeSession, typeInto } from '../support/fixtures'
import { makeMotion } from '../support/motions'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)

const WANG_A = makeMember('u-a', { name: '王建国', gridName: '第一网格', address: '3栋2单元301' })
const WANG_B = makeMember('u-b', { name: '王建国', gridName: '第一网格', address: '5栋1单元102', rosterOnly: true })
const LI = makeMember('u-c', { name: '李秀英', gridName: '第一网格', address: '3栋2单元302' })
const PEOPLE = [WANG_A, WANG_B, LI]

/** member.list as the server answers it: name, phone digits or address part. */
function serve(opts: { eligibility?: 'adults' | 'households'; alreadyVoted?: string[] } = {}) {
  const ballots = new Set<string>()
  const motion = makeMotion('m-1', {
    eligibility: opts.eligibility ?? 'adults',
    can: { ...makeMotion('m-1').can, cast: false, recordOffline: true },
  })
  api.mockImplementation(((action: string, payload: { query?: string; residentId?: string; receipt?: string }) => {
    if (action === 'motion.get') return Promise.resolve(motion)
    if (action === 'member.list') {
      const q = payload.query ?? ''
      const items = PEOPLE.filter((p) => !q || p.name.includes(q) || (p.address ?? '').includes(q))
      return Promise.resolve({ items, nextCursor: null })
    }
    if (action === 'motion.recordOffline') {
      if (opts.alreadyVoted?.includes(payload.residentId!)) return Promise.reject(new ApiError('ALREADY_VOTED', '本户已经投过票，每户只能投一次'))
      ballots.add(payload.receipt!)
      return Promise.resolve({ receipt: payload.receipt })
    }
    if (action === 'motion.verifyReceipt') return Promise.resolve({ counted: ballots.has(payload.receipt!), choice: null })
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

const rows = () => screen.getAllByTestId('offline-person-row')

beforeEach(() => setSession(makeSession({ roles: ['committee'] })))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('the offline-ballot picker', () => {
  it('shows each person’s address under the name, so two 王建国 differ, and searches by address', async () => {
    serve()
    render(<OfflineScreen motionId='m-1' />)
    await waitFor(() => expect(rows()).toHaveLength(3))
    const wangs = rows().filter((r) => r.textContent!.includes('王建国'))
    expect(wangs.map((r) => r.querySelector('[data-testid="offline-person-row-address"]')!.textContent)).toEqual(['3栋2单元301', '5栋1单元102'])
    expect(screen.getByTestId('offline-search').getAttribute('placeholder')).toContain('门牌')

    typeInto(screen.getByTestId('offline-search'), '5栋1单元')
    await waitFor(() => expect(rows()).toHaveLength(1))
    expect(calls('member.list').at(-1)![1]).toMatchObject({ role: 'resident', query: '5栋1单元' })
    expect(rows()[0]!.textContent).toContain('王建国')
    expect(rows()[0]!.textContent).toContain('5栋1单元102')

    // picked: the address is on the choice card and in the confirmation
    fireEvent.click(rows()[0]!)
    expect((await screen.findByTestId('offline-person-address')).textContent).toContain('住址：5栋1单元102')
    fireEvent.click(screen.getByTestId('offline-choice-yes'))
    fireEvent.click(screen.getByTestId('offline-submit'))
    expect((await screen.findByTestId('offline-dialog')).textContent).toContain('住址：5栋1单元102')
    fireEvent.click(screen.getByTestId('offline-confirm'))
    const code = (await screen.findByTestId('receipt-code')).textContent!
    expect(code).toMatch(RECEIPT_PATTERN)
    expect(calls('motion.recordOffline')[0]![1]).toEqual({ id: 'm-1', residentId: 'u-b', choice: 'yes', receipt: code })
  })

  it('a household that already voted is refused in plain words naming the address, and 换一位 goes back', async () => {
    serve({ eligibility: 'households', alreadyVoted: ['u-a'] })
    render(<OfflineScreen motionId='m-1' />)
    await waitFor(() => expect(rows()).toHaveLength(3))
    fireEvent.click(rows()[0]!)
    expect((await screen.findByTestId('offline-person-address')).textContent).toContain('这一票代表这一户')
    fireEvent.click(screen.getByTestId('offline-choice-no'))
    fireEvent.click(screen.getByTestId('offline-submit'))
    fireEvent.click(await screen.findByTestId('offline-confirm'))
    const refused = await screen.findByTestId('offline-already-voted')
    expect(refused.textContent).toContain('3栋2单元301已经投过票')
    expect(refused.textContent).toContain('每户只能投一次')
    expect(refused.textContent).toContain('无法显示那一票的回执码')
    // the receipt made for this attempt is not left behind
    expect(keptReceipt('m-1', 'u-a')).toBeNull()
    expect(screen.queryByTestId('receipt-code')).toBeNull()
    fireEvent.click(screen.getByTestId('offline-back'))
    await waitFor(() => expect(rows()).toHaveLength(3))
    expect(screen.queryByTestId('offline-already-voted')).toBeNull()
  })

  it('a person without a household says so instead of an address', async () => {
    serve()
    PEOPLE.push(makeMember('u-d', { name: '赵老师', address: null }))
    try {
      render(<OfflineScreen motionId='m-1' />)
      await waitFor(() => expect(rows()).toHaveLength(4))
      const zhao = rows().find((r) => r.textContent!.includes('赵老师'))!
      expect(zhao.querySelector('[data-testid="offline-person-row-address"]')).toBeNull()
      fireEvent.click(zhao)
      expect((await screen.findByTestId('offline-person-address')).textContent).toBe('没有绑定住户（门牌未知）')
    } finally {
      PEOPLE.pop()
    }
  })
})
