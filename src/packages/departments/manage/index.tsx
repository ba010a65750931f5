import { View } from '@tarojs/components'
import { TIERS } from '@/domain/shared/roles'
import { useRequireSession } from '@/features/auth/useSession'
import { usePageShell } from '@/features/common/usePageShell'
import { DepartmentsScreen, useDepartments } from '@/features/departments'
import { StaffGate } from '@/components/StaffGate'

export default function DepartmentsPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} allow={TIERS} testid='departments-not-allowed'>
      <Manage />
    </StaffGate>
  )
}

function Manage() {
  const model = useDepartments()
  usePageShell({ refresh: () => model.remote.reload({ silent: true }), loadMore: async () => undefined })
  return <DepartmentsScreen model={model} />
}
