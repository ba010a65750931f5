import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import {
  AGREE_BUTTON_ID,
  registerPrivacyListener,
  resetPrivacyForTests,
  type PrivacyResolve,
} from '@/features/legal/privacyConsent'

const env = process.env.TARO_ENV
type Listener = (resolve: PrivacyResolve, eventInfo?: { referrer?: string }) => void

/** A fake WeChat: keeps the listener the app registers, and fires it like a held privacy call. */
function fakeWechat() {
  let listener: Listener | null = null
  const api = { onNeedPrivacyAuthorization: jest.fn((l: Listener) => (listener = l)) }
  return {
    api,
    need(referrer: string) {
      const resolve = jest.fn<void, Parameters<PrivacyResolve>>()
      act(() => listener?.(resolve, { referrer }))
      return resolve
    },
  }
}

beforeEach(() => {
  resetPrivacyForTests()
  process.env.TARO_ENV = 'weapp'
})
afterEach(() => {
  process.env.TARO_ENV = env
})

describe('PrivacyConsent (weapp)', () => {
  it('is hidden until WeChat holds a privacy call; says what is about to be used and links the guide', () => {
    const wx = fakeWechat()
    expect(registerPrivacyListener(wx.api)).toBe(true)
    render(<PrivacyConsent />)
    expect(screen.queryByTestId('privacy-consent')).toBeNull()

    const resolve = wx.need('chooseLocation')
    expect(screen.getByTestId('privacy-consent-use').textContent).toContain('您的位置')
    expect(screen.getByTestId('privacy-consent-guide').textContent).toContain('隐私保护指引')
    // the sheet on screen is reported to WeChat, nothing answered yet
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    expect(resolve).not.toHaveBeenCalledWith(expect.objectContaining({ event: 'agree' }))
  })

  it('同意 is the agreePrivacyAuthorization button and resolves agree with its id once WeChat reports the tap', () => {
    const wx = fakeWechat()
    registerPrivacyListener(wx.api)
    render(<PrivacyConsent />)
    const resolve = wx.need('chooseImage')
    expect(screen.getByTestId('privacy-consent-use').textContent).toContain('相册或相机')

    const agree = screen.getByTestId('privacy-agree')
    expect(agree.getAttribute('id')).toBe(AGREE_BUTTON_ID)
    expect(agree.getAttribute('open-type')).toBe('agreePrivacyAuthorization')
    act(() => {
      agree.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { detail: {}, bubbles: true }))
    })
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: AGREE_BUTTON_ID })
    expect(screen.queryByTestId('privacy-consent')).toBeNull()
  })

  it('不同意 resolves disagree, closes the sheet and lets the page go on', () => {
    const wx = fakeWechat()
    registerPrivacyListener(wx.api)
    render(<PrivacyConsent />)
    const resolve = wx.need('button.getPhoneNumber')
    expect(screen.getByTestId('privacy-consent-use').textContent).toContain('手机号')
    fireEvent.click(screen.getByTestId('privacy-disagree'))
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(resolve).not.toHaveBeenCalledWith(expect.objectContaining({ event: 'agree' }))
    expect(screen.queryByTestId('privacy-consent')).toBeNull()
  })

  it('a call held before any sheet was mounted is shown by the first sheet; one answer settles every held call', () => {
    const wx = fakeWechat()
    registerPrivacyListener(wx.api)
    const first = wx.need('getLocation')
    const second = wx.need('chooseLocation')
    render(<PrivacyConsent />)
    expect(screen.getByTestId('privacy-consent')).toBeTruthy()
    fireEvent.click(screen.getByTestId('privacy-disagree'))
    expect(first).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(second).toHaveBeenLastCalledWith({ event: 'disagree' })
  })

  it('with a tab and a page over it, only the page on top shows the sheet; back on the tab, the tab shows it', () => {
    const wx = fakeWechat()
    registerPrivacyListener(wx.api)
    const tab = render(<PrivacyConsent />)
    const page = render(<PrivacyConsent />)
    wx.need('chooseImage')
    expect(screen.getAllByTestId('privacy-consent')).toHaveLength(1)
    expect(within(page.container).queryByTestId('privacy-consent')).toBeTruthy()
    expect(within(tab.container).queryByTestId('privacy-consent')).toBeNull()
    page.unmount()
    expect(within(tab.container).queryByTestId('privacy-consent')).toBeTruthy()
  })

  it('registers once, and not where the base library has no privacy API', () => {
    expect(registerPrivacyListener({})).toBe(false)
    const wx = fakeWechat()
    expect(registerPrivacyListener(wx.api)).toBe(true)
    expect(registerPrivacyListener(wx.api)).toBe(true)
    expect(wx.api.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
  })
})

describe('PrivacyConsent (H5)', () => {
  it('renders nothing and registers no listener: the browser has no WeChat privacy API', () => {
    process.env.TARO_ENV = 'h5'
    const wx = fakeWechat()
    expect(registerPrivacyListener(wx.api)).toBe(false)
    expect(wx.api.onNeedPrivacyAuthorization).not.toHaveBeenCalled()
    const { container } = render(<PrivacyConsent />)
    expect(container.innerHTML).toBe('')
  })
})
