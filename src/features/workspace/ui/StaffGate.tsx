import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { isStaff } from '@/domain/shared/roles'
import { workspaceAccess } from '../useWorkspace'

/** Workspace pages: the committee may open all; `gridWorker` also lets grid workers in (their grids only). */
export function StaffGate({ me, allow, children }: { me: Me; allow: 'committee' | 'gridWorker'; children: ReactNode }) {
  const access = workspaceAccess(me)
  const ok = access === 'committee' || (allow === 'gridWorker' && access === 'gridWorker')
  if (ok) return <>{children}</>
  return (
    <View className='gz-page'>
      <View className='gz-banner gz-banner--info' data-testid='workspace-not-allowed'>
        <Text>
          {allow === 'gridWorker'
            ? '只有社区工作人员和网格员可以查看住户名单。'
            : isStaff(me.roles)
              ? '这是社区工作人员使用的功能，由社区负责办理。'
              : '只有社区工作人员可以使用这个功能。如需帮助，请联系社区居委会。'}
        </Text>
      </View>
    </View>
  )
}
