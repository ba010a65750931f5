import { act, render, screen, waitFor } from '@testing-library/react'
import { callApi } from '@/services/api'
import { setSession } from '@/services/session'
import { PhoneEditor } from '@/features/auth/ui/PhoneEditor'
import { makeMe, makeSession } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const me = makeMe({ id: 'u-p', phone: null })
const env = process.env.TARO_ENV

beforeEach(() => {
  process.env.TARO_ENV = 'weapp'
  setSession({ ...makeSession(), user: me })
})
afterEach(() => {
  process.env.TARO_ENV = env
  api.mockReset()
})

function tapWechat(detail: Record<string, unknown>) {
  act(() => {
    screen.getByTestId('phone-wechat').dispatchEvent(new CustomEvent('getphonenumber', { detail, bubbles: true }))
  })
}

describe('PhoneEditor (微信手机号)', () => {
  it.each([
    ['the person said no', { errMsg: 'getPhoneNumber:fail user deny' }],
    ['the feature is not available', { errMsg: 'getPhoneNumber:fail no permission' }],
  ])('when WeChat gives no code (%s) says so and puts the cursor in the typed field', async (_why, detail) => {
    render(<PhoneEditor hasPhone={false} onSaved={jest.fn()} onClose={jest.fn()} />)
    expect(screen.queryByTestId('phone-wechat-none')).toBeNull()
    expect(screen.getByTestId('phone-input').getAttribute('focus')).not.toBe('true')
    tapWechat(detail)
    expect(screen.getByTestId('phone-wechat-none').textContent).toBe('没有取得手机号，请直接填写')
    expect(screen.getByTestId('phone-input').getAttribute('focus')).toBe('true')
    expect(api).not.toHaveBeenCalled()
  })

  it('with a code saves it through me.setPhone { phoneCode }', async () => {
    const onSaved = jest.fn()
    api.mockResolvedValue({ ...me, phone: '139****8888' })
    render(<PhoneEditor hasPhone={false} onSaved={onSaved} onClose={jest.fn()} />)
    tapWechat({ code: 'wx-code-1', errMsg: 'getPhoneNumber:ok' })
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(api.mock.calls[0][0]).toBe('me.setPhone')
    expect(api.mock.calls[0][1]).toEqual({ phoneCode: 'wx-code-1' })
    expect(screen.queryByTestId('phone-wechat-none')).toBeNull()
  })
})
