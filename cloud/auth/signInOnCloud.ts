import type { Session } from '@/domain/auth'
import { AppError } from '@/domain/shared/errors'
import type { Ctx } from './ports'
import { sessionFor } from './session'

/**
 * auth.cloudLogin — someone opens the mini-program built for WeChat 云开发: the cloud door has already resolved
 * them from the platform's OPENID (a first call makes them a new resident), so signing in is handing them their
 * session. Through the HTTP door nobody is resolved that way, so it is refused there.
 */
export async function signInOnCloud(_input: Record<string, never>, ctx: Ctx): Promise<Session> {
  if (!ctx.user) throw new AppError('FORBIDDEN', '云开发登录只能在微信小程序中使用')
  return sessionFor(ctx.deps, ctx.user)
}
