import type { Session, WxLoginInput } from '@/domain/auth'
import { AppError } from '@/domain/shared/errors'
import type { Ctx, Deps } from './ports'
import type { UserRecord } from '../shared/ports'
import { sessionFor } from './session'

/**
 * The user behind a WeChat openid, created on first sight (atomically: UNIQUE openid) as an unverified resident
 * of no community yet: they choose theirs (me.chooseCommunity) before anything else; verification binds them to a
 * household later.
 */
export async function userForOpenid(deps: Deps, openid: string): Promise<UserRecord> {
  const id = deps.ids.newId()
  const { user } = await deps.store.users.findOrCreateByOpenid(openid, {
    id,
    name: `微信用户 ${id.slice(0, 4).toUpperCase()}`,
    roles: ['resident'],
    communityId: null,
    gridId: null,
    householdId: null,
    verified: false,
    workerGridIds: [],
    createdAt: deps.clock.now().toISOString(),
  })
  return user
}

/**
 * auth.wxLogin — someone opens the mini-program (self-hosted server); wx.login's code is exchanged for
 * their openid (code2Session) and they get a session token.
 */
export async function signInWithWechat(input: WxLoginInput, ctx: Ctx): Promise<Session> {
  const { deps } = ctx
  if (!deps.wechat) throw new AppError('FORBIDDEN', '未配置微信登录')
  const { openid } = await deps.wechat.code2Session(input.code)
  return sessionFor(deps, await userForOpenid(deps, openid))
}
