import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Session } from '@/domain/auth'
import { isStaff } from '@/domain/shared/roles'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
import { PatrolHome, type PatrolRole } from '@/features/patrols/ui/PatrolHome'
import { useListSignup, useShiftList } from '@/features/patrols/useShiftList'
import { ROUTES, withQuery } from '@/services/routes'
import { CALLOUT_ROUTES } from '@/features/callouts'

const STALE_AFTER_MS = 30_000

/** 巡逻 tab. */
export default function PatrolTabPage() {
  const session = useRequireSession()
  return session ? <PatrolTab session={session} /> : <View className='gz-page' />
}

function PatrolTab({ session }: { session: Session }) {
  const me = session.user
  const role: PatrolRole = hasRole(me, 'committee')
    ? 'committee'
    : hasRole(me, 'volunteer')
      ? 'volunteer'
      : isStaff(me.roles)
        ? 'staff'
        : 'resident'
  const list = useShiftList()
  const signups = useListSignup()

  // seats and statuses move while the tab is away: fetch again quietly when it has been a while
  usePageShell({ refresh: list.refresh, loadMore: list.loadMore, staleAfterMs: STALE_AFTER_MS })

  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <PatrolHome
      list={list}
      signups={signups}
      role={role}
      verified={me.verified}
      onOpen={(id) => go(withQuery(ROUTES.shiftDetail, { id }))}
      onSchedule={() => go(ROUTES.shiftSchedule)}
      onMine={() => go(ROUTES.volunteerMine)}
      onApply={() => go(ROUTES.volunteerApply)}
      onCallouts={() => go(CALLOUT_ROUTES.list)}
    />
  )
}
