import type { ApplicationListInput, ResidentApplicationView } from '@/domain/residents'
import type { Page } from '@/domain/shared/text'
import type { UserCtx } from './ports'
import { listCommunityApplications } from './applicationList'
import { toResidentApplicationView } from './view'

/** resident.applications — the committee goes through its community's verification applications, newest first. */
export async function listResidentApplications(
  input: ApplicationListInput,
  ctx: UserCtx,
): Promise<Page<ResidentApplicationView>> {
  return listCommunityApplications(input, ctx, {
    forbidden: '只有本社区工作人员可以审核住户认证',
    repo: (store) => store.residentApplications,
    view: toResidentApplicationView,
  })
}
