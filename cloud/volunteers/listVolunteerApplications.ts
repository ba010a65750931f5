import type { ApplicationListInput } from '@/domain/residents'
import type { VolunteerApplicationView } from '@/domain/volunteers'
import type { Page } from '@/domain/shared/text'
import type { UserCtx } from './ports'
import { listCommunityApplications } from '../residents'
import { toVolunteerApplicationView } from './view'

/** volunteer.applications — the committee goes through its community's volunteer applications, newest first. */
export async function listVolunteerApplications(
  input: ApplicationListInput,
  ctx: UserCtx,
): Promise<Page<VolunteerApplicationView>> {
  return listCommunityApplications(input, ctx, {
    forbidden: '只有本社区工作人员可以审核志愿者申请',
    repo: (store) => store.volunteerApplications,
    view: toVolunteerApplicationView,
  })
}
