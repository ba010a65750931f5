import Taro from '@tarojs/taro'
import { ACTION_NAMES, CONTRACT, READ_ACTION_NAMES } from '@/domain/contract'
import { ApiError, callApi } from '@/services/api'
import { getSession, setSession } from '@/services/session'
import { makeNotice, makeSession } from '../support/fixtures'

type RequestOptions = { url: string; data: { action: string; payload: unknown; requestId?: string }; header: Record<string, string>; timeout: number }

const reply = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {}, errMsg: 'request:ok' })

let request: jest.SpyInstance
let reLaunch: jest.SpyInstance

beforeEach(() => {
  request = jest.spyOn(Taro, 'request')
  reLaunch = jest.spyOn(Taro, 'reLaunch').mockImplementation(() => Promise.resolve({ errMsg: 'reLaunch:ok' }))
})

afterEach(() => {
  jest.restoreAllMocks()
})

function sent(call = 0): RequestOptions {
  return request.mock.calls[call][0] as RequestOptions
}

describe('callApi', () => {
  it('posts { action, payload } to API_BASE/api with the bearer token and returns data of an ok envelope', async () => {
    setSession(makeSession())
    const notice = makeNotice('n1')
    request.mockImplementation(() => reply(200, { ok: true, data: notice }))

    await expect(callApi('notice.get', { id: 'n1' })).resolves.toEqual(notice)

    const opts = sent()
    expect(opts.url).toBe('http://api.test/api')
    expect(opts.data).toEqual({ action: 'notice.get', payload: { id: 'n1' } })
    expect(opts.header.Authorization).toBe('Bearer token-abc')
    expect(opts.timeout).toBeGreaterThanOrEqual(10_000)
  })

  it('sends the requestId of a write', async () => {
    request.mockImplementation(() => reply(200, { ok: true, data: { confirmedAt: '2026-11-25T10:00:00+08:00' } }))
    await callApi('notice.confirm', { id: 'n1' }, { requestId: 'req-12345678' })
    expect(sent().data.requestId).toBe('req-12345678')
  })

  it('throws ApiError with the code, message and details of an error envelope', async () => {
    const details = [{ path: 'title', message: '请填写标题' }]
    request.mockImplementation(() => reply(400, { ok: false, error: { code: 'INVALID_INPUT', message: '请填写标题', details } }))

    const err = await callApi('notice.publish', { title: '', body: 'x', category: 'notice' }).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toBe('请填写标题')
    expect(err.details).toEqual(details)
  })

  it('on UNAUTHENTICATED clears the session and goes to the login page', async () => {
    setSession(makeSession())
    request.mockImplementation(() => reply(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }))

    const err = await callApi('me.get', {}).catch((e) => e)
    expect(err.code).toBe('UNAUTHENTICATED')
    expect(getSession()).toBeNull()
    expect(reLaunch).toHaveBeenCalledWith({ url: '/packages/auth/login/index' })
  })

  it('a refused login (auth.*) stays where it is, so the login page can show why', async () => {
    request.mockImplementation(() => reply(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '微信登录失败，请重试' } }))
    await expect(callApi('auth.wxLogin', { code: 'bad' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '微信登录失败，请重试' })
    await new Promise((r) => setTimeout(r, 0))
    expect(reLaunch).not.toHaveBeenCalled()
  })

  it('keeps the session on other errors', async () => {
    setSession(makeSession())
    request.mockImplementation(() => reply(403, { ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } }))
    await expect(callApi('notice.stats', { id: 'n1' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(getSession()).not.toBeNull()
    expect(reLaunch).not.toHaveBeenCalled()
  })

  it('retries a read once after a network failure', async () => {
    request
      .mockImplementationOnce(() => Promise.reject({ errMsg: 'request:fail timeout' }))
      .mockImplementationOnce(() => reply(200, { ok: true, data: { items: [], nextCursor: null } }))
    await expect(callApi('notice.list', {})).resolves.toEqual({ items: [], nextCursor: null })
    expect(request).toHaveBeenCalledTimes(2)
  })

  it.each(READ_ACTION_NAMES)('retries the read %s once after a network failure', async (action) => {
    request
      .mockImplementationOnce(() => Promise.reject({ errMsg: 'request:fail timeout' }))
      .mockImplementationOnce(() => reply(200, { ok: true, data: { done: true } }))
    await expect(callApi(action, {} as never)).resolves.toEqual({ done: true })
    expect(request).toHaveBeenCalledTimes(2)
  })

  it.each(ACTION_NAMES.filter((a) => CONTRACT[a].kind === 'write'))('never retries the write %s on its own', async (action) => {
    request.mockImplementation(() => Promise.reject({ errMsg: 'request:fail timeout' }))
    await expect(callApi(action, {} as never)).rejects.toMatchObject({ code: 'NETWORK' })
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('does not retry motion.cast or shift.signup on its own', async () => {
    request.mockImplementation(() => Promise.reject({ errMsg: 'request:fail timeout' }))
    await expect(callApi('motion.cast', { id: 'm1', choice: 'yes' })).rejects.toMatchObject({ code: 'NETWORK' })
    await expect(callApi('shift.signup', { id: 's1' })).rejects.toMatchObject({ code: 'NETWORK' })
    expect(request).toHaveBeenCalledTimes(2)
  })

  it('gives up with NETWORK and 网络不好，请稍后重试 when the retry fails too', async () => {
    request.mockImplementation(() => Promise.reject({ errMsg: 'request:fail' }))
    const err = await callApi('notice.list', {}).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('NETWORK')
    expect(err.message).toBe('网络不好，请稍后重试')
    expect(request).toHaveBeenCalledTimes(2)
  })

  it('does not retry a write on its own', async () => {
    request.mockImplementation(() => Promise.reject({ errMsg: 'request:fail timeout' }))
    await expect(callApi('notice.confirm', { id: 'n1' }, { requestId: 'req-12345678' })).rejects.toMatchObject({ code: 'NETWORK' })
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('treats a gateway page (502, not our envelope) as a network failure', async () => {
    request.mockImplementation(() => reply(502, '<html>Bad Gateway</html>'))
    await expect(callApi('notice.withdraw', { id: 'n1' })).rejects.toMatchObject({ code: 'NETWORK' })
  })
})
