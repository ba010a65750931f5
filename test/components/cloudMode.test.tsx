/**
 * The mini-program built for WeChat 云开发 (TARO_APP_CLOUD_ENV): every call goes to the cloud function `api`
 * through Taro.cloud.callFunction, with no token; its envelope is read as the HTTP door's (the status the HTTP door
 * would give); 微信一键登录 asks the function for the caller's session instead of exchanging a wx.login code.
 */
type Loaded = { upload: typeof import('@/services/upload'); api: typeof import('@/services/api'); login: typeof import('@/features/auth/login'); session: typeof import('@/services/session') }
type TaroStub = { cloud?: unknown; login: unknown; request: unknown }

function loadAsCloudWeapp(): Loaded {
  const saved = { env: process.env.TARO_ENV, cloud: process.env.TARO_APP_CLOUD_ENV }
  process.env.TARO_ENV = 'weapp'
  process.env.TARO_APP_CLOUD_ENV = 'gongzhi-test-1a2b'
  try {
    let loaded!: Loaded
    // modules loaded afresh, reading the build's environment as a cloud weapp build would
    /* eslint-disable @typescript-eslint/no-require-imports */
    jest.isolateModules(() => {
      stub(require('@tarojs/taro') as TaroStub)
      loaded = { upload: require('@/services/upload'), api: require('@/services/api'), login: require('@/features/auth/login'), session: require('@/services/session') }
    })
    /* eslint-enable @typescript-eslint/no-require-imports */
    return loaded
  } finally {
    process.env.TARO_ENV = saved.env
    process.env.TARO_APP_CLOUD_ENV = saved.cloud
  }
}

const calls: { name: string; data: unknown }[] = []
let answer: (data: { action: string }) => unknown
let taro: TaroStub

beforeEach(() => {
  calls.length = 0
})

/** Taro of the freshly loaded modules: callFunction answered by `answer`; wx.login and HTTP must not be used. */
function stub(t: TaroStub): void {
  taro = t
  taro.cloud = {
    callFunction: jest.fn(async ({ name, data }: { name: string; data: { action: string } }) => {
      calls.push({ name, data })
      const result = answer(data)
      if (result instanceof Error) throw result
      return { result, requestID: 'r1', errMsg: 'cloud.callFunction:ok' }
    }),
  }
  taro.login = jest.fn(async () => {
    throw new Error('wx.login is not used on 云开发')
  })
  taro.request = jest.fn(async () => {
    throw new Error('no HTTP on 云开发')
  })
}

test('a call goes to the cloud function api with the event and no token; its data comes back', async () => {
  const { api } = loadAsCloudWeapp()
  answer = () => ({ ok: true, data: { items: [], nextCursor: null } })
  await expect(api.callApi('notice.list', {})).resolves.toEqual({ items: [], nextCursor: null })
  expect(calls).toEqual([{ name: 'api', data: { action: 'notice.list', payload: {} } }])
  expect(taro.request).not.toHaveBeenCalled()
})

test('a refusal is the same ApiError as over HTTP; a failed call is NETWORK, and a read is tried once more', async () => {
  const { api } = loadAsCloudWeapp()
  answer = () => ({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } })
  await expect(api.callApi('notice.publish', { title: '标题', body: '正文', category: 'notice' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: '没有权限进行此操作' })
  let n = 0
  answer = () => (++n === 1 ? new Error('cloud.callFunction:fail timeout') : { ok: true, data: { items: [], nextCursor: null } })
  await expect(api.callApi('notice.list', {})).resolves.toEqual({ items: [], nextCursor: null })
  expect(n).toBe(2)
})

test('微信一键登录 on 云开发: the session comes from auth.cloudLogin, with no wx.login code', async () => {
  const { login, session } = loadAsCloudWeapp()
  const me = { token: 't.o.k', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', name: '王建华', roles: ['resident'] } }
  answer = (data) => (data.action === 'auth.cloudLogin' ? { ok: true, data: me } : { ok: false, error: { code: 'NOT_FOUND', message: '未知的操作' } })
  await expect(login.wxLogin()).resolves.toEqual(me)
  expect(calls.map((c) => (c.data as { action: string }).action)).toEqual(['auth.cloudLogin'])
  expect(taro.login).not.toHaveBeenCalled()
  expect(session.getSession()?.user.id).toBe('u1')
})
