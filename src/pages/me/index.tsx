import { useState } from 'react'
import { View } from '@tarojs/components'
import { PrivacyConsent } from '@/features/legal/ui/PrivacyConsent'
import { useRequireSession } from '@/features/auth/useSession'
import { useShownAgain } from '@/features/common/usePageShell'
import { MeScreen } from '@/features/me/ui/MeScreen'

/** 我的: profile, 住户认证, 志愿者, 手机号, the committee's and grid worker's work; 退出登录. */
export default function MePage() {
  const session = useRequireSession()
  // Shown again (back from 住户认证, or another tab): statuses may have changed, refresh them quietly.
  const [shownAt, setShownAt] = useState(0)
  useShownAgain(() => setShownAt(Date.now()))
  return session ? (
    <>
      <MeScreen shownAt={shownAt} />
      <PrivacyConsent />
    </>
  ) : (
    <View className='gz-page' />
  )
}
