import { fireEvent, render, screen } from '@testing-library/react'
import { RECEIPT_ALPHABET, RECEIPT_PATTERN, type MotionView } from '@/domain/motions'
import Taro from '@tarojs/taro'
import { forgetReceipt, keepReceipt, keptReceipt, newDeviceReceipt, secureRandomBytes } from '@/features/motions/receipts'
import { MotionDetail } from '@/features/motions/ui/MotionDetail'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { makeSession } from '../support/fixtures'
import { makeMotion } from '../support/motions'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)

/**
 * A fake server for one voter on a weak network: stores ballots by receipt, and can lose the reply of the
 * first cast AFTER storing it (the reply never reaches the phone).
 */
function weakServer(opts: { loseFirstReply: boolean; alreadyVoted?: boolean }) {
  const ballots = new Set<string>()
  let voted = opts.alreadyVoted ?? false
  let lost = 0
  const motion = (): MotionView =>
    makeMotion('m-1', voted ? { me: { eligible: true, voted: true }, can: { ...makeMotion('m-1').can, cast: false } } : {})
  api.mockImplementation(((action: string, payload: { receipt?: string }) => {
    if (action === 'motion.get') return Promise.resolve(motion())
    if (action === 'motion.cast') {
      if (voted) return Promise.reject(new ApiError('ALREADY_VOTED', '您已经投过票了'))
      voted = true
      ballots.add(payload.receipt!)
      if (opts.loseFirstReply && lost++ === 0) return Promise.reject(new ApiError('NETWORK'))
      return Promise.resolve({ receipt: payload.receipt })
    }
    if (action === 'motion.verifyReceipt') return Promise.resolve({ counted: ballots.has(payload.receipt!), choice: null })
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
  return { ballots }
}

function renderDetail() {
  return render(<MotionDetail id='m-1' onEdit={jest.fn()} onAssess={jest.fn()} onOffline={jest.fn()} onResult={jest.fn()} />)
}

async function castYes() {
  fireEvent.click(await screen.findByTestId('cast-choice-yes'))
  fireEvent.click(screen.getByTestId('cast-submit'))
  fireEvent.click(await screen.findByTestId('cast-confirm'))
}

beforeEach(() => setSession(makeSession()))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('a receipt is never lost to a lost reply', () => {
  it('the reply of the stored cast is lost; the retry is ALREADY_VOTED; the kept receipt is verified and shown', async () => {
    const server = weakServer({ loseFirstReply: true })
    renderDetail()
    await castYes()
    // the first attempt: stored on the server, but the phone only saw a network failure
    expect((await screen.findByTestId('cast-error')).textContent).toContain('网络不好')
    const sent = (calls('motion.cast')[0]![1] as { receipt: string }).receipt
    expect(sent).toMatch(RECEIPT_PATTERN)
    expect(server.ballots.has(sent)).toBe(true)
    // kept on the device before the reply: still there after the failure
    expect(keptReceipt('m-1')).toBe(sent)

    // the person tries again: same receipt sent, ALREADY_VOTED, then verifyReceipt says counted
    fireEvent.click(screen.getByTestId('cast-submit'))
    fireEvent.click(await screen.findByTestId('cast-confirm'))
    expect((await screen.findByTestId('receipt-title')).textContent).toBe('✓ 您上次提交的表决已计入，回执码：')
    expect(screen.getByTestId('receipt-code').textContent).toBe(sent)
    expect((calls('motion.cast')[1]![1] as { receipt: string }).receipt).toBe(sent)
    expect(calls('motion.verifyReceipt').map((c) => c[1])).toContainEqual({ id: 'm-1', receipt: sent })
    expect(screen.queryByTestId('cast-note')).toBeNull()

    // 我已记下 deletes it
    fireEvent.click(screen.getByTestId('receipt-done'))
    expect(keptReceipt('m-1')).toBeNull()
  })

  it('opening the motion again after a lost reply finds the kept receipt by itself', async () => {
    weakServer({ loseFirstReply: true })
    const first = renderDetail()
    await castYes()
    await screen.findByTestId('cast-error')
    const sent = keptReceipt('m-1')!
    // the person gave up and left the page without seeing a receipt: it stays kept
    first.unmount()
    expect(keptReceipt('m-1')).toBe(sent)

    renderDetail()
    expect((await screen.findByTestId('receipt-code')).textContent).toBe(sent)
    expect(screen.getByTestId('receipt-title').textContent).toContain('您上次提交的表决已计入')
  })

  it('the receipt stays on the phone until 我已记下, as the card says: leaving and opening again shows it again', async () => {
    weakServer({ loseFirstReply: false })
    const view = renderDetail()
    await castYes()
    const shown = (await screen.findByTestId('receipt-code')).textContent!
    const said = screen.getByTestId('receipt-explain').textContent!
    expect(said).toContain('保存在这台手机上，重新打开本页还能看到')
    expect(said).toContain('点“我已记下”就从手机上删掉')
    expect(said).not.toMatch(/只显示这一次|离开本页后/)
    view.unmount()
    expect(keptReceipt('m-1')).toBe(shown)

    renderDetail()
    expect((await screen.findByTestId('receipt-code')).textContent).toBe(shown)
    fireEvent.click(screen.getByTestId('receipt-done'))
    expect(keptReceipt('m-1')).toBeNull()
    expect(JSON.stringify(window.localStorage)).not.toContain(shown)
  })

  it('a kept receipt the server does not know (voted elsewhere) is deleted and the page says why', async () => {
    weakServer({ loseFirstReply: false, alreadyVoted: true })
    keepReceipt('m-1', 'ABCD-EFGH-JKMN-PQRS')
    renderDetail()
    expect((await screen.findByTestId('cast-note')).textContent).toContain('不是在这台手机上投的')
    expect(keptReceipt('m-1')).toBeNull()
    expect(screen.queryByTestId('receipt-code')).toBeNull()
  })

  it('a receipt is kept per signed-in user: another person on the same phone does not see it', async () => {
    keepReceipt('m-1', 'ABCD-EFGH-JKMN-PQRS')
    setSession(makeSession({ id: 'u-someone-else' }))
    expect(keptReceipt('m-1')).toBeNull()
    setSession(makeSession())
    expect(keptReceipt('m-1')).toBe('ABCD-EFGH-JKMN-PQRS')
    forgetReceipt('m-1')
    expect(keptReceipt('m-1')).toBeNull()
  })
})

describe('the device makes receipts from a secure source', () => {
  it('16 characters of the alphabet in groups of four, from crypto.getRandomValues', async () => {
    const spy = jest.spyOn(globalThis.crypto, 'getRandomValues')
    const a = await newDeviceReceipt()
    const b = await newDeviceReceipt()
    expect(a).toMatch(RECEIPT_PATTERN)
    expect(b).toMatch(RECEIPT_PATTERN)
    expect(a).not.toBe(b)
    expect(spy).toHaveBeenCalled()
  })

  it('drops bytes that would bias the alphabet, and gives null (server makes it) without a source', async () => {
    const limit = Math.floor(256 / RECEIPT_ALPHABET.length) * RECEIPT_ALPHABET.length
    // first round: only bytes at or above the limit (all dropped) and 3 good ones; second round good ones
    const rounds = [
      Uint8Array.from({ length: 32 }, (_, i) => (i < 3 ? i : limit + (i % (256 - limit)))),
      Uint8Array.from({ length: 32 }, (_, i) => i + 3),
    ]
    const r = await newDeviceReceipt(async () => rounds.shift() ?? null)
    expect(r).toBe([...RECEIPT_ALPHABET.slice(0, 16)].join('').match(/.{4}/g)!.join('-'))
    expect(await newDeviceReceipt(async () => null)).toBeNull()
  })

  it('on weapp (no Web Crypto) the bytes come from wx.getRandomValues through Taro; its failure is no source', async () => {
    const webCrypto = globalThis.crypto
    const env = process.env.TARO_ENV
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })
    process.env.TARO_ENV = 'weapp'
    try {
      const wx = jest
        .spyOn(Taro, 'getRandomValues')
        .mockImplementation(async ({ length }) => ({ randomValues: Uint8Array.from({ length }, (_, i) => i).buffer, errMsg: 'ok' }) as never)
      expect(await secureRandomBytes(32)).toEqual(Uint8Array.from({ length: 32 }, (_, i) => i))
      expect(await newDeviceReceipt()).toBe(RECEIPT_ALPHABET.slice(0, 16).match(/.{4}/g)!.join('-'))
      expect(wx).toHaveBeenCalledWith({ length: 32 })
      wx.mockRejectedValue(new Error('getRandomValues:fail'))
      expect(await newDeviceReceipt()).toBeNull()
    } finally {
      process.env.TARO_ENV = env
      Object.defineProperty(globalThis, 'crypto', { value: webCrypto, configurable: true })
    }
  })

  it('without a secure source the cast goes without a receipt and the server’s is shown', async () => {
    const webCrypto = globalThis.crypto
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })
    try {
      api.mockImplementation(((action: string) => {
        if (action === 'motion.get') return Promise.resolve(makeMotion('m-1'))
        if (action === 'motion.cast') return Promise.resolve({ receipt: 'WXYZ-2345-6789-ABCD' })
        return Promise.reject(new ApiError('NOT_FOUND'))
      }) as typeof callApi)
      renderDetail()
      await castYes()
      expect((await screen.findByTestId('receipt-code')).textContent).toBe('WXYZ-2345-6789-ABCD')
      expect(calls('motion.cast')[0]![1]).toEqual({ id: 'm-1', choice: 'yes' })
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: webCrypto, configurable: true })
    }
  })
})
