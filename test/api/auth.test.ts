/** Identity: dev login per role (DESIGN §4), its production switch, WeChat login against a local code2Session stub, me.get, community.get. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Me, Session } from '@/domain/auth'
import { wechatCode2Session } from '../../cloud/adapters/wechat/code2Session'
import { configFromEnv } from '../../cloud/compose'
import { makeHarness, type Harness } from './support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

describe('auth.devLogin', () => {
  test.each([
    ['resident', { roles: ['resident'], gridId: 'g_jj_1', verified: true, grids: [] }],
    ['volunteer', { roles: ['resident', 'volunteer'], gridId: 'g_jj_1', verified: true, grids: [] }],
    ['gridWorker', { roles: ['gridWorker'], gridId: null, verified: false, grids: [{ id: 'g_jj_1', name: '第一网格' }] }],
    ['committee', { roles: ['committee'], gridId: null, verified: false, grids: [] }],
    ['street', { roles: ['street'], gridId: null, verified: false, grids: [] }],
    ['district', { roles: ['district'], gridId: null, verified: false, grids: [] }],
    ['city', { roles: ['city'], gridId: null, verified: false, grids: [] }],
  ])('%s: a new user in the first demo community', async (role, want) => {
    const s = await h.ok<Session>('auth.devLogin', { role })
    expect(s.user).toMatchObject({ ...want, communityId: 'c_jinjiang', communityName: '锦江社区' })
    expect(Date.parse(s.expiresAt) - Date.parse(h.clock.now().toISOString())).toBe(7 * 24 * 3600_000)
    expect(await h.deps.tokens.verify(s.token)).toBe(s.user.id)
    const again = await h.ok<Session>('auth.devLogin', { role })
    expect(again.user.id).not.toBe(s.user.id)
    const row = (await h.sql.get('SELECT household_id FROM users WHERE id = ?', [s.user.id])) as { household_id: string | null }
    if (role === 'resident' || role === 'volunteer') expect(row.household_id).toMatch(/^h_jj_1_/)
    else expect(row.household_id).toBeNull()
  })

  test.each([
    ['district', '振兴街道'],
    ['city', '滨江区'],
  ])('%s: acts at its tier (its queue; the overview by the areas below it)', async (role, below) => {
    const s = await h.ok<Session>('auth.devLogin', { role })
    const as = s.user.id
    await expect(h.ok('report.list', { scope: 'queue' }, as)).resolves.toMatchObject({ items: [] })
    const summary = await h.ok<{ byGrid: unknown[]; byArea: { name: string }[] }>('report.summary', {}, as)
    expect(summary.byGrid).toEqual([])
    expect(summary.byArea.map((a) => a.name)).toEqual([below])
  })

  test('verified:false → an unverified resident without a household', async () => {
    const s = await h.ok<Session>('auth.devLogin', { role: 'resident', verified: false, name: '新来的' })
    expect(s.user).toMatchObject({ verified: false, name: '新来的', gridId: 'g_jj_1' })
    const row = (await h.sql.get('SELECT household_id FROM users WHERE id = ?', [s.user.id])) as { household_id: string | null }
    expect(row.household_id).toBeNull()
  })

  test('communityId / gridId place the user; the grid implies its community', async () => {
    const a = await h.ok<Session>('auth.devLogin', { role: 'resident', gridId: 'g_lj_2' })
    expect(a.user).toMatchObject({ communityId: 'c_linjiang', gridId: 'g_lj_2', gridName: '第二网格' })
    const b = await h.ok<Session>('auth.devLogin', { role: 'committee', communityId: 'c_linjiang' })
    expect(b.user).toMatchObject({ communityId: 'c_linjiang', communityName: '临江村' })
    const c = await h.ok<Session>('auth.devLogin', { role: 'gridWorker', communityId: 'c_linjiang' })
    expect(c.user.grids).toEqual([{ id: 'g_lj_1', name: '第一网格' }])
  })

  test.each([
    [{ role: 'resident', communityId: 'c_nowhere' }, 'NOT_FOUND'],
    [{ role: 'resident', gridId: 'g_nowhere' }, 'NOT_FOUND'],
    [{ role: 'resident', communityId: 'c_jinjiang', gridId: 'g_lj_1' }, 'INVALID_INPUT'],
    [{ role: 'mayor' }, 'INVALID_INPUT'],
    [{}, 'INVALID_INPUT'],
    [{ role: 'resident', name: '' }, 'INVALID_INPUT'],
    [{ role: 'resident', name: '名'.repeat(21) }, 'INVALID_INPUT'],
    [{ role: 'resident', isAdmin: true }, 'INVALID_INPUT'],
    [{ role: 'committee', name: '代开发票' }, 'CONTENT_REJECTED'],
  ])('%j → %s, no user written', async (payload, code) => {
    const before = await h.counts()
    expect(await h.call('auth.devLogin', payload)).toMatchObject({ ok: false, error: { code } })
    expect(await h.counts()).toEqual(before)
  })

  test('off under NODE_ENV=production unless GONGZHI_DEV_LOGIN=1', async () => {
    expect(configFromEnv({ NODE_ENV: 'production' }).devLogin).toBe(false)
    expect(configFromEnv({ NODE_ENV: 'production', GONGZHI_DEV_LOGIN: '1' }).devLogin).toBe(true)
    expect(configFromEnv({ NODE_ENV: 'development' }).devLogin).toBe(true)
    expect(configFromEnv({}).devLogin).toBe(true)
    const prod = await makeHarness({ deps: { devLogin: configFromEnv({ NODE_ENV: 'production' }).devLogin } })
    try {
      const before = await prod.counts()
      expect(await prod.call('auth.devLogin', { role: 'committee' })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '开发登录已关闭' },
      })
      expect(await prod.counts()).toEqual(before)
    } finally {
      await prod.close()
    }
  })
})

describe('auth.wxLogin against a local code2Session stub', () => {
  let stub: http.Server
  let base: string
  const seen: URLSearchParams[] = []
  beforeAll(async () => {
    stub = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://stub')
      seen.push(url.searchParams)
      res.setHeader('content-type', 'text/plain') // the real endpoint answers JSON as text/plain
      if (url.pathname !== '/sns/jscode2session') {
        res.statusCode = 404
        return res.end('{}')
      }
      const code = url.searchParams.get('js_code')
      if (code === 'bad-code') return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }))
      if (code === 'not-json') return res.end('<html>gateway</html>')
      res.end(JSON.stringify({ openid: `openid-${code}`, session_key: 'SECRET-SESSION-KEY' }))
    })
    await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => stub.close(() => r())))

  async function wx(): Promise<Harness> {
    const env = { WECHAT_APPID: 'wx-test-appid', WECHAT_SECRET: 'wx-test-secret', WECHAT_API_BASE: base }
    const wechat = configFromEnv(env).wechat
    if (!wechat) throw new Error('wechat config missing')
    return makeHarness({ deps: { wechat: wechatCode2Session(wechat) } })
  }

  test('a first login creates an unverified resident of no community yet; the next login finds the same user', async () => {
    const w = await wx()
    try {
      const first = await w.ok<Session>('auth.wxLogin', { code: 'alice' })
      // they choose their community next (me.chooseCommunity: test/api/community.choose.test.ts)
      expect(first.user).toMatchObject({ roles: ['resident'], verified: false, communityId: null, communityName: null, gridId: null })
      const q = seen[seen.length - 1]
      expect(Object.fromEntries(q?.entries() ?? [])).toEqual({
        appid: 'wx-test-appid',
        secret: 'wx-test-secret',
        js_code: 'alice',
        grant_type: 'authorization_code',
      })
      const second = await w.ok<Session>('auth.wxLogin', { code: 'alice' })
      expect(second.user.id).toBe(first.user.id)
      expect(JSON.stringify(second)).not.toContain('SECRET-SESSION-KEY')
      const other = await w.ok<Session>('auth.wxLogin', { code: 'bob' })
      expect(other.user.id).not.toBe(first.user.id)
      expect(await w.ok<Me>('me.get', {}, first.user.id)).toMatchObject({ id: first.user.id })
    } finally {
      await w.close()
    }
  })

  test('20 parallel first logins with the same openid → one user', async () => {
    const w = await wx()
    try {
      const before = (await w.counts()).users
      const sessions = await Promise.all(Array.from({ length: 20 }, () => w.ok<Session>('auth.wxLogin', { code: 'carol' })))
      expect(new Set(sessions.map((s) => s.user.id)).size).toBe(1)
      expect((await w.counts()).users).toBe(before + 1)
    } finally {
      await w.close()
    }
  })

  test('an errcode from WeChat → UNAUTHENTICATED with a Chinese message, nothing written', async () => {
    const w = await wx()
    try {
      const before = await w.counts()
      const r = await w.call('auth.wxLogin', { code: 'bad-code' })
      expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('40029') } })
      expect(await w.counts()).toEqual(before)
    } finally {
      await w.close()
    }
  })

  test('WeChat unreachable or answering nonsense → INTERNAL message, no stack', async () => {
    const w = await wx()
    try {
      const r = await w.call('auth.wxLogin', { code: 'not-json' })
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/微信/) } })
    } finally {
      await w.close()
    }
  })

  test('not configured → FORBIDDEN 未配置微信登录', async () => {
    expect(configFromEnv({ WECHAT_APPID: 'x' }).wechat).toBeNull()
    expect(await h.call('auth.wxLogin', { code: 'alice' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '未配置微信登录' } })
  })

  test('bad codes are INVALID_INPUT before any call to WeChat', async () => {
    const w = await wx()
    try {
      const calls = seen.length
      for (const payload of [{}, { code: '' }, { code: 1 }, { code: 'x'.repeat(129) }, { code: 'a', openid: 'forged' }]) {
        expect(await w.call('auth.wxLogin', payload)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      }
      expect(seen.length).toBe(calls)
    } finally {
      await w.close()
    }
  })
})

describe('me.get and community.get', () => {
  test('me.get shows the caller their own phone, unmasked', async () => {
    expect(await h.ok<Me>('me.get', {}, 'u_resident_jj1')).toMatchObject({
      id: 'u_resident_jj1',
      name: '王建华',
      phone: '13900000001',
      gridName: '第一网格',
      verified: true,
    })
  })

  test('community.get → the caller’s community with its grids', async () => {
    expect(await h.ok('community.get', {}, 'u_resident_lj1')).toEqual({
      id: 'c_linjiang',
      name: '临江村',
      streetName: '振兴街道',
      grids: [
        { id: 'g_lj_1', name: '第一网格', servicePhone: null },
        { id: 'g_lj_2', name: '第二网格', servicePhone: null },
        { id: 'g_lj_3', name: '第三网格', servicePhone: null },
      ],
    })
  })

  test('both need a signed-in caller and take no payload keys', async () => {
    for (const action of ['me.get', 'community.get']) {
      expect(await h.call(action, {})).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
      expect(await h.call(action, { userId: 'u_street' }, 'u_resident_jj1')).toMatchObject({ error: { code: 'INVALID_INPUT' } })
    }
  })
})

describe('tokens', () => {
  test('expire after 7 days; a token signed with another secret is refused', async () => {
    const { createTokens } = await import('../../cloud/auth/tokens')
    const s = await h.ok<Session>('auth.devLogin', { role: 'resident' })
    h.clock.advance(7 * 24 * 3600_000 - 1000)
    expect(await h.deps.tokens.verify(s.token)).toBe(s.user.id)
    h.clock.advance(2000)
    expect(await h.deps.tokens.verify(s.token)).toBeNull()
    const other = createTokens('another-secret-another-secret-xx', h.clock)
    const forged = await other.issue('u_committee_jj')
    expect(await h.deps.tokens.verify(forged.token)).toBeNull()
  })

  test('without GONGZHI_SECRET the secret is generated once and kept in settings', async () => {
    const { resolveSecret } = await import('../../cloud/auth/tokens')
    const a = await resolveSecret(null, h.store.settings)
    const b = await resolveSecret(null, h.store.settings)
    expect(a).toBe(b)
    expect(a.length).toBeGreaterThanOrEqual(40)
    expect(await resolveSecret('configured', h.store.settings)).toBe('configured')
  })
})
