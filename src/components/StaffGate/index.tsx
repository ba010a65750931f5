import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import type { Role } from '@/domain/shared/roles'

const WHO: Partial<Record<Role, string>> = {
  gridWorker: '网格员',
  committee: '社区工作人员',
  street: '街道工作人员',
}

export interface StaffGateRule {
  /** the roles that may open the page */
  allow: readonly Role[]
  /** the refusal banner's test id */
  testid: string
  /** why the page is not this person's; by default "只有…可以使用这个功能。" naming the allowed roles */
  refusal?: (me: Pick<Me, 'roles'>) => string
}

/** A staff page: only the roles allowed may open it; everyone else reads why. */
export function StaffGate({ me, allow, testid, refusal, children }: StaffGateRule & { me: Pick<Me, 'roles'>; children: ReactNode }) {
  if (me.roles.some((r) => allow.includes(r))) return <>{children}</>
  return (
    <View className='gz-page'>
      <View className='gz-banner gz-banner--info' data-testid={testid}>
        <Text>{refusal ? refusal(me) : `只有${allow.map((r) => WHO[r] ?? r).join('、')}可以使用这个功能。`}</Text>
      </View>
    </View>
  )
}
