import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import type { Role } from '@/domain/shared/roles'

const WHO: Partial<Record<Role, string>> = {
  gridWorker: '网格员',
  committee: '社区工作人员',
  street: '街道工作人员',
}

/** The staff pages of reports: only the roles named may open them; everyone else reads why. */
export function ReportStaffGate({
  me,
  allow,
  children,
}: {
  me: Me
  allow: readonly Role[]
  children: ReactNode
}) {
  if (me.roles.some((r) => allow.includes(r))) return <>{children}</>
  return (
    <View className='gz-page'>
      <View className='gz-banner gz-banner--info' data-testid='report-staff-not-allowed'>
        <Text>只有{allow.map((r) => WHO[r] ?? r).join('、')}可以使用这个功能。</Text>
      </View>
    </View>
  )
}
