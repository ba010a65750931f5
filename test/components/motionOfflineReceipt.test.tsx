import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { RECEIPT_PATTERN } from '@/domain/motions'
import { keepReceipt, keptReceipt } from '@/features/motions/receipts'
import { OfflineScreen } from '@/features/motions/ui/OfflineScreen'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { makeMember, makeSession } from '../support/fixtures'
import { makeMotion } from '../support/motions'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)

const ZHANG = makeMember('u-z', { name: '张秀兰', address: '7栋1单元101', rosterOnly: true })
const LIU = makeMember('u-l', { name: '刘德福', address: '7栋1单元102' })
const RECORDER = makeSession({ id: 'u-recorder', roles: ['committee'] })
const OTHER_RECORDER = makeSession({ id: 'u-recorder-2', roles: ['committee'] })

/**
 * A village meeting on a weak network: the server stores each ballot by receipt (one per resident), can lose
 * the reply of the first recordOffline AFTER storing it, and can fail verifyReceipt for a while.
 */
function meeting(opts: { loseFirstReply?: boolean; votedOnline?: string[]; verifyDown?: boolean } = {}) {
  const ballots = new Set<string>()
  const voted = new Set<string>(opts.votedOnline ?? [])
  let lost = 0
  const state = { verifyDown: opts.verifyDown ?? false }
  const motion = makeMotion('m-1', { can: { ...makeMotion('m-1').can, cast: false, recordOffline: true } })
  api.mockImplementation(((action: string, payload: { residentId?: string; receipt?: string }) => {
    if (action === 'motion.get') return Promise.resolve(motion)
    if (action === 'member.list') return Promise.resolve({ items: [ZHANG, LIU], nextCursor: null })
    if (action === 'motion.recordOffline') {
      if (voted.has(payload.residentId!)) return Promise.reject(new ApiError('ALREADY_VOTED', '该居民已经投过票'))
      voted.add(payload.residentId!)
      ballots.add(payload.receipt!)
      if (opts.loseFirstReply && lost++ === 0) return Promise.reject(new ApiError('NETWORK'))
      return Promise.resolve({ receipt: payload.receipt })
    }
    if (action === 'motion.verifyReceipt') {
      if (state.verifyDown) return Promise.reject(new ApiError('NETWORK'))
      return Promise.resolve({ counted: ballots.has(payload.receipt!), choice: null })
    }
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
  return { ballots, state }
}

async function record(name: string, choice: 'yes' | 'no' = 'yes') {
  const row = await waitFor(() => screen.getAllByTestId('offline-person-row').find((r) => r.textContent!.includes(name))!)
  fireEvent.click(row)
  fireEvent.click(await screen.findByTestId(`offline-choice-${choice}`))
  fireEvent.click(screen.getByTestId('offline-submit'))
  fireEvent.click(await screen.findByTestId('offline-confirm'))
}

async function retry() {
  fireEvent.click(screen.getByTestId('offline-submit'))
  fireEvent.click(await screen.findByTestId('offline-confirm'))
}

beforeEach(() => setSession(RECORDER))
afterEach(() => {
  api.mockReset()
  window.localStorage.clear()
})

describe('a paper receipt is never lost to a lost reply at a meeting', () => {
  it('the reply of the stored ballot is lost; the retry is ALREADY_VOTED; the kept receipt is verified and shown as 这一票已录入', async () => {
    const server = meeting({ loseFirstReply: true })
    render(<OfflineScreen motionId='m-1' />)
    await record('张秀兰')
    // stored on the server, but the committee's phone saw only a network failure
    expect((await screen.findByTestId('offline-error')).textContent).toContain('网络')
    const sent = (calls('motion.recordOffline')[0]![1] as { receipt: string }).receipt
    expect(sent).toMatch(RECEIPT_PATTERN)
    expect(server.ballots.has(sent)).toBe(true)
    // kept under the recorder, the motion and this resident before the reply
    expect(keptReceipt('m-1', 'u-z')).toBe(sent)
    expect(keptReceipt('m-1')).toBeNull()
    expect(keptReceipt('m-1', 'u-l')).toBeNull()

    await retry()
    expect((await screen.findByTestId('receipt-title')).textContent).toBe('✓ 这一票已录入，回执码：')
    expect(screen.getByTestId('receipt-code').textContent).toBe(sent)
    expect((calls('motion.recordOffline')[1]![1] as { receipt: string }).receipt).toBe(sent)
    expect(calls('motion.verifyReceipt').map((c) => c[1])).toEqual([{ id: 'm-1', receipt: sent }])
    expect(screen.queryByTestId('offline-already-voted')).toBeNull()

    // 我已记下，登记下一位: the receipt leaves the phone, the picker is back
    fireEvent.click(screen.getByTestId('receipt-next'))
    expect(keptReceipt('m-1', 'u-z')).toBeNull()
    await screen.findByTestId('offline-picker')
  })

  it('a resident who voted online (or through another recorder) gets no receipt here; the kept one is deleted', async () => {
    meeting({ votedOnline: ['u-l'] })
    render(<OfflineScreen motionId='m-1' />)
    await record('刘德福')
    const refused = await screen.findByTestId('offline-already-voted')
    expect(refused.textContent).toContain('刘德福已经投过票（本人在手机上投的，或由其他工作人员在线下登记）')
    expect(refused.textContent).toContain('无法显示那一票的回执码')
    expect(screen.queryByTestId('receipt-code')).toBeNull()
    expect(keptReceipt('m-1', 'u-l')).toBeNull()
  })

  it('another recorder on this phone does not see the first recorder’s kept receipt', async () => {
    meeting({ loseFirstReply: true })
    const first = render(<OfflineScreen motionId='m-1' />)
    await record('张秀兰')
    await screen.findByTestId('offline-error')
    const sent = keptReceipt('m-1', 'u-z')!
    first.unmount()
    // left before seeing it: still kept for the first recorder
    expect(keptReceipt('m-1', 'u-z')).toBe(sent)

    setSession(OTHER_RECORDER)
    render(<OfflineScreen motionId='m-1' />)
    await record('张秀兰')
    expect((await screen.findByTestId('offline-already-voted')).textContent).toContain('张秀兰已经投过票')
    expect(screen.queryByTestId('receipt-code')).toBeNull()
    setSession(RECORDER)
    expect(keptReceipt('m-1', 'u-z')).toBe(sent)
  })

  it('when the check fails the receipt stays kept, the screen says so, and a later 登记 shows it', async () => {
    const server = meeting({ loseFirstReply: true, verifyDown: true })
    const view = render(<OfflineScreen motionId='m-1' />)
    await record('张秀兰')
    await screen.findByTestId('offline-error')
    const sent = keptReceipt('m-1', 'u-z')!
    await retry()
    expect((await screen.findByTestId('offline-unchecked')).textContent).toContain('回执码还保存在这台手机上，但暂时没能核对')
    expect(keptReceipt('m-1', 'u-z')).toBe(sent)

    server.state.verifyDown = false
    await retry()
    expect((await screen.findByTestId('receipt-code')).textContent).toBe(sent)
    // leaving the page once it was seen deletes it
    view.unmount()
    expect(keptReceipt('m-1', 'u-z')).toBeNull()
    expect(JSON.stringify(window.localStorage)).not.toContain(sent)
  })

  it('a receipt kept from an earlier attempt is the one sent again, for that resident only', async () => {
    meeting()
    keepReceipt('m-1', 'ABCD-EFGH-JKMN-PQRS', 'u-z')
    render(<OfflineScreen motionId='m-1' />)
    await record('刘德福')
    const liu = (await screen.findByTestId('receipt-code')).textContent!
    expect(liu).not.toBe('ABCD-EFGH-JKMN-PQRS')
    expect(screen.getByTestId('receipt-title').textContent).toBe('✓ 线下表决已登记')
    fireEvent.click(screen.getByTestId('receipt-next'))
    await record('张秀兰')
    expect((await screen.findByTestId('receipt-code')).textContent).toBe('ABCD-EFGH-JKMN-PQRS')
    expect(calls('motion.recordOffline').map((c) => (c[1] as { receipt: string }).receipt)).toEqual([liu, 'ABCD-EFGH-JKMN-PQRS'])
  })
})
