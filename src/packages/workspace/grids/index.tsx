import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/useSession'
import { GridsScreen } from '@/features/community/ui/GridsScreen'
import { StaffGate } from '@/components/StaffGate'
import { WORKSPACE_GATES } from '@/features/workspace/gates'
import { useGridPhones } from '@/features/community/useGridPhones'

export default function GridsPage() {
  const session = useRequireSession()
  if (!session) return <View className='gz-page' />
  return (
    <StaffGate me={session.user} {...WORKSPACE_GATES.committee}>
      <Grids />
    </StaffGate>
  )
}

function Grids() {
  const phones = useGridPhones()
  return <GridsScreen phones={phones} />
}
