import type { Me } from '@/domain/auth'
import { isStaff } from '@/domain/shared/roles'
import type { StaffGateRule } from '@/components/StaffGate'
import { hasRole } from '@/features/auth'

/** Who may open the workspace's pages: the committee all of them; grid workers also the roster (their grids only). */
export const WORKSPACE_GATES: Record<'committee' | 'gridWorker', StaffGateRule> = {
  committee: {
    allow: ['committee'],
    testid: 'workspace-not-allowed',
    refusal: (me) =>
      isStaff(me.roles) ? '这是社区工作人员使用的功能，由社区负责办理。' : '只有社区工作人员可以使用这个功能。如需帮助，请联系社区居委会。',
  },
  gridWorker: {
    allow: ['committee', 'gridWorker'],
    testid: 'workspace-not-allowed',
    refusal: () => '只有社区工作人员和网格员可以查看住户名单。',
  },
}

/** Who may open which workspace page: the committee all of them, a grid worker the household list of their grids. */
export function workspaceAccess(me: Pick<Me, 'roles'> | null): 'committee' | 'gridWorker' | 'none' {
  if (hasRole(me, 'committee')) return 'committee'
  if (hasRole(me, 'gridWorker')) return 'gridWorker'
  return 'none'
}
