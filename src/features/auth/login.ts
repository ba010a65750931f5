import Taro from '@tarojs/taro'
import type { Session } from '@/domain/auth'
import type { Role } from '@/domain/shared/roles'
import { ApiError, callApi } from '@/services/api'
import { onCloud } from '@/services/cloud'
import { ROUTES } from '@/services/routes'
import { clearSession, setSession } from '@/services/session'

/** Demo login (the server allows it only outside production). */
export async function devLogin(role: Role): Promise<Session> {
  const session = await callApi('auth.devLogin', { role })
  setSession(session)
  return session
}

/**
 * WeChat login. On 云开发 the cloud function knows the caller already: it hands out the session. Self-hosted: a
 * one-time code from wx.login, exchanged by the server through code2Session.
 */
export async function wxLogin(): Promise<Session> {
  if (onCloud()) {
    const session = await callApi('auth.cloudLogin', {})
    setSession(session)
    return session
  }
  let code: string
  try {
    code = (await Taro.login()).code
  } catch {
    throw new ApiError('NETWORK', '微信登录没有成功，请稍后重试')
  }
  const session = await callApi('auth.wxLogin', { code })
  setSession(session)
  return session
}

export function logout(): void {
  clearSession()
  void Taro.reLaunch({ url: ROUTES.login })
}

export function goHome(): void {
  void Taro.reLaunch({ url: ROUTES.home })
}

/** After sign-in: 首页, or 选择社区 first for someone new who has no community yet. */
export function goOnAfterLogin(session: Session): void {
  void Taro.reLaunch({ url: session.user.communityId ? ROUTES.home : ROUTES.chooseCommunity })
}

/** The role picker shows in the browser and in development/trial versions of the mini-program. */
export function devLoginShown(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return true
  try {
    return Taro.getAccountInfoSync().miniProgram.envVersion !== 'release'
  } catch {
    return false
  }
}

export function wxLoginShown(): boolean {
  return process.env.TARO_ENV === 'weapp'
}
