import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { ROLE_LABELS, TIER_LABELS, isTier, type Role } from '@/domain/shared/roles'

const WHO: Partial<Record<Role, string>> = {
  gridWorker: '网格员',
  committee: '社区工作人员',
}

/** 网格员、社区工作人员、街道/区/市工作人员: the tiers allowed named once. */
function whoMay(allow: readonly Role[]): string {
  const tiers = allow.filter(isTier)
  const others = allow.filter((r) => !isTier(r)).map((r) => WHO[r] ?? ROLE_LABELS[r])
  return [...others, ...(tiers.length ? [`${tiers.map((t) => TIER_LABELS[t]).join('/')}工作人员`] : [])].join('、')
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
        <Text>{refusal ? refusal(me) : `只有${whoMay(allow)}可以使用这个功能。`}</Text>
      </View>
    </View>
  )
}
