import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Session } from '@/domain/auth'
import { hasRole, useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
import { MOTION_ROUTES } from '@/features/motions/routes'
import { MotionHome } from '@/features/motions/ui/MotionHome'
import { useMotionLists } from '@/features/motions/useMotionList'
import { withQuery } from '@/services/routes'

const STALE_AFTER_MS = 30_000

/** 议事 tab. */
export default function VoteTabPage() {
  const session = useRequireSession()
  return session ? <VoteTab session={session} /> : <View className='gz-page' />
}

function VoteTab({ session }: { session: Session }) {
  const me = session.user
  const committee = hasRole(me, 'committee')
  const lists = useMotionLists(committee)

  // back on the tab after a while: turnout and phases move with time, fetch them again quietly
  usePageShell({ refresh: lists.refresh, loadMore: lists.closed.loadMore, staleAfterMs: STALE_AFTER_MS })

  return (
    <MotionHome
      lists={lists}
      me={me}
      committee={committee}
      onOpen={(id) => void Taro.navigateTo({ url: withQuery(MOTION_ROUTES.detail, { id }) })}
      onDraft={() => void Taro.navigateTo({ url: MOTION_ROUTES.draft })}
      onRules={() => void Taro.navigateTo({ url: MOTION_ROUTES.rules })}
    />
  )
}
