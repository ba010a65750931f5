import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
import { DepartmentQueueScreen, useDepartmentQueue } from '@/features/departments'
import { StaffGate } from '@/components/StaffGate'
import { ROUTES, withQuery } from '@/services/routes'

export default function DepartmentQueuePage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={['department']} testid='department-not-allowed'>
      <Queue />
    </StaffGate>
  )
}

function Queue() {
  const list = useDepartmentQueue()
  usePageShell({ refresh: list.refresh, loadMore: list.loadMore })
  return <DepartmentQueueScreen list={list} departmentName='本部门' onOpen={(id) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id }) })} />
}
