/** The dispatcher itself and the cloud-function door shape: envelope, identity, unexpected errors. */
import type { Me } from '@/domain/auth'
import { CONTRACT } from '@/domain/contract'
import { HANDLERS } from '../../cloud/api/handlers'
import { makeCloudEntry } from '../../cloud/api/cloudEntry'
import { dispatch } from '../../cloud/api/dispatch'
import { makeHarness, type Harness } from './support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

test('every action of the contract has exactly one use case, and only sign-in is public', () => {
  expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(CONTRACT).sort())
  const publicOnes = Object.entries(CONTRACT).filter(([, d]) => d.access === 'public').map(([n]) => n)
  expect(publicOnes.sort()).toEqual(['auth.cloudLogin', 'auth.devLogin', 'auth.wxLogin'])
})

test('a missing payload is {}', async () => {
  const r = await dispatch({ action: 'me.get' }, { userId: 'u_street' }, h.deps)
  expect(r).toMatchObject({ ok: true, data: { id: 'u_street' } })
})

test('a stale caller does not block public actions', async () => {
  const r = await dispatch({ action: 'auth.devLogin', payload: { role: 'resident' } }, { userId: 'u_gone' }, h.deps)
  expect(r.ok).toBe(true)
})

test('an unexpected error → INTERNAL with the default message, logged, no stack or detail in the reply', async () => {
  h.store.notices.list = async () => {
    const e = new Error('SQLITE_CORRUPT at /srv/app/cloud/adapters/sqlite/notices.ts:42')
    throw e
  }
  const r = await h.call('notice.list', {}, 'u_resident_jj1')
  expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时出错，请稍后再试' } })
  expect(h.errors).toHaveLength(1)
  expect(h.errors[0]).toMatchObject({ action: 'notice.list', err: expect.objectContaining({ message: expect.stringContaining('SQLITE_CORRUPT') }) })
})

test('a use case that throws a non-Error value is still INTERNAL', async () => {
  h.store.users.get = async () => {
    throw 'boom' // eslint-disable-line no-throw-literal
  }
  expect(await h.call('me.get', {}, 'u_street')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
})

describe('cloud-function door (makeCloudEntry)', () => {
  test('OPENID from the platform is the identity; userInfo in the event is dropped; ids in the event are not identity', async () => {
    const main = makeCloudEntry(async () => h.deps, () => ({ OPENID: 'o-cloud-1' }))
    const me = await main({ action: 'me.get', userInfo: { openId: 'o-forged', appId: 'wx' } })
    expect(me.ok).toBe(true)
    const again = await main({ action: 'me.get' })
    expect(again.ok && (again.data as Me).id).toBe(me.ok && (me.data as Me).id)
    expect(await main({ action: 'me.get', userId: 'u_committee_jj' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  test('a store failure while finding the caller is an INTERNAL envelope, never a raw error', async () => {
    h.store.users.findOrCreateByOpenid = async () => {
      throw new Error('db down /srv/app/x.ts:1')
    }
    const main = makeCloudEntry(async () => h.deps, () => ({ OPENID: 'o-cloud-2' }))
    expect(await main({ action: 'me.get' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时出错，请稍后再试' } })
    expect(h.errors).toHaveLength(1)
  })

  test('no OPENID → UNAUTHENTICATED for user actions', async () => {
    const main = makeCloudEntry(async () => h.deps, () => ({}))
    expect(await main({ action: 'notice.list' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await main('nonsense')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
