/**
 * A store that cannot answer now (its engine says so: SQLite's write lock held past the wait, PostgreSQL going
 * away) is UNAVAILABLE (503, retryable) at both doors, logged as a warning; anything else stays INTERNAL.
 */
import { buildServer } from '../../cloud/server/app'
import { makeHarness, type Harness } from './support/harness'

/** What each engine throws when the database cannot answer now: SQLite's lock past its wait, PostgreSQL shutting down. */
const busy = () =>
  h.engine === 'sqlite'
    ? Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    : Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

test('dispatch: a busy store is UNAVAILABLE with its Chinese message, no stack; a bug stays INTERNAL', async () => {
  const list = h.store.notices.list.bind(h.store.notices)
  h.store.notices.list = async () => {
    throw busy()
  }
  const r = await h.call('notice.list', {}, 'u_resident_jj1')
  expect(r).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } })
  expect(h.errors).toEqual([])
  h.store.notices.list = async () => {
    throw new TypeError('a bug')
  }
  expect(await h.call('notice.list', {}, 'u_resident_jj1')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  h.store.notices.list = list
  expect(await h.call('notice.list', {}, 'u_resident_jj1')).toMatchObject({ ok: true })
})

test('HTTP: the reply is 503 with the envelope', async () => {
  h.store.users.get = async () => {
    throw busy()
  }
  const app = await buildServer({ store: h.store, logLevel: 'silent', staticDir: '/nonexistent', env: { GONGZHI_RATE_LIMIT: 'off' } })
  try {
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    const { token } = await app.deps.tokens.issue('u_resident_jj1')
    const res = await fetch(`${url}/api`, {
      method: 'POST',
      body: JSON.stringify({ action: 'notice.list', payload: {} }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } })
  } finally {
    await app.close()
  }
})
