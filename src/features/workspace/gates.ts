import { isStaff } from '@/domain/shared/roles'
import type { StaffGateRule } from '@/components/StaffGate'

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

