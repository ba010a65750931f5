/** The dispatcher itself and the cloud-function door shape: envelope, identity, unexpected errors. */
import type { Me } from '@/domain/auth'
import { ACTIONS } from '../../cloud/api/actions'
import { makeCloudEntry } from '../../cloud/api/cloudEntry'
import { dispatch } from '../../cloud/api/dispatch'
import { makeHarness, type Harness } from './support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

test('the action table holds exactly the contract’s actions', () => {
  expect(Object.keys(ACTIONS).sort()).toEqual(
    [
      'auth.devLogin', 'auth.wxLogin', 'community.get', 'me.get', 'me.setPhone',
      'notice.confirm', 'notice.get', 'notice.list', 'notice.publish', 'notice.stats', 'notice.withdraw',
      'household.import', 'household.list', 'household.export',
      'resident.apply', 'resident.myApplication', 'resident.applications', 'resident.review', 'resident.register',
      'member.list', 'member.assignGrids',
      'volunteer.apply', 'volunteer.myApplication', 'volunteer.applications', 'volunteer.review',
      'report.create', 'report.nearby', 'report.support', 'report.list', 'report.get', 'report.transition', 'report.edit',
      'report.rate', 'report.mediate', 'report.summary', 'report.deadlines', 'report.setDeadlines',
      'message.list', 'message.read',
      'motion.create', 'motion.update', 'motion.advance', 'motion.comment', 'motion.reply', 'motion.cast',
      'motion.recordOffline', 'motion.get', 'motion.list', 'motion.result', 'motion.verifyReceipt',
      'rules.current', 'rules.history', 'rules.markFiled',
      'shift.create', 'shift.cancel', 'shift.list', 'shift.get', 'shift.signup', 'shift.withdraw', 'shift.checkin',
      'shift.checkout', 'shift.log', 'volunteer.stats', 'volunteer.board',
    ].sort(),
  )
  const publicOnes = Object.entries(ACTIONS).filter(([, d]) => d.auth === 'public').map(([n]) => n)
  expect(publicOnes.sort()).toEqual(['auth.devLogin', 'auth.wxLogin'])
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
