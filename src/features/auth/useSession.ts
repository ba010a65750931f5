import { useEffect, useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import type { Me, Session } from '@/domain/auth'
import type { Role } from '@/domain/shared/roles'
import { callApi } from '@/services/api'
import { ROUTES } from '@/services/routes'
import { getSession, subscribeSession, updateMe } from '@/services/session'
import { useRemote, type Remote } from '../common/useRemote'

/** The current session (null when signed out); re-renders on sign-in, sign-out and profile refresh. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession)
}

export function hasRole(me: Pick<Me, 'roles'> | null | undefined, role: Role): boolean {
  return !!me && me.roles.includes(role)
}

/**
 * For tab pages: no session → the login page; a session without a community (someone new, first sign-in) →
 * 选择社区 before anything else. Returns the session, or null while redirecting.
 */
export function useRequireSession(): Session | null {
  const session = useSession()
  const placed = !!session?.user.communityId
  useEffect(() => {
    if (session && placed) return
    try {
      Promise.resolve(Taro.reLaunch({ url: session ? ROUTES.chooseCommunity : ROUTES.login })).catch(() => undefined)
    } catch {
      // no router yet
    }
  }, [session, placed])
  return placed ? session : null
}

/** The signed-in profile: shown at once from the session, refreshed from `me.get`. */
export function useMe(): Remote<Me> & { me: Me | null } {
  const session = useSession()
  const remote = useRemote<Me>(session ? session.token : null, async () => {
    const me = await callApi('me.get', {})
    updateMe(me)
    return me
  })
  return { ...remote, me: remote.data ?? session?.user ?? null }
}
