import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { StaffGate } from '@/components/StaffGate'
import { useRequireSession } from '@/features/auth/useSession'
import { useShownAgain } from '@/features/common/usePageShell'
import { VISIT_ROUTES } from '@/features/visits'
import { VisitWork } from '@/features/visits/ui/VisitWork'
import { withQuery } from '@/services/routes'

/** A grid worker's 走访: follow-ups due, households not visited yet; tap one to record a visit. */
export default function VisitWorkPage() {
  const session = useRequireSession()
  // back from 记录走访 (or the report it raised): the household has left the list
  const [shownAt, setShownAt] = useState(0)
  useShownAgain(() => setShownAt(Date.now()))
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['gridWorker', 'committee']} testid='visits-not-allowed'>
      <VisitWork
        userId={session.user.id}
        shownAt={shownAt}
        onLog={(householdId) => void Taro.navigateTo({ url: withQuery(VISIT_ROUTES.log, { householdId: householdId ?? undefined }) })}
      />
    </StaffGate>
  )
}
