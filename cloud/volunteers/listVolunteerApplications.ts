import type { ApplicationListInput, VolunteerApplicationView } from '@/domain/residents'
import type { Page } from '@/domain/text'
import type { UserCtx } from '../api/context'
import { seqCursor } from '../residents/listApplications'
import { committeeCommunity } from '../residents/policy'
import { toVolunteerApplicationView } from '../residents/view'
import { decodeKey, encodeKey } from '../shared/cursor'

/** volunteer.applications — the committee goes through its community's volunteer applications, newest first. */
export async function listVolunteerApplications(
  input: ApplicationListInput,
  ctx: UserCtx,
): Promise<Page<VolunteerApplicationView>> {
  const { deps, user } = ctx
  const community = await committeeCommunity(ctx, '只有本社区工作人员可以审核志愿者申请')
  const limit = input.limit ?? 20
  const rows = await deps.store.volunteerApplications.list(community.id, {
    status: input.status,
    limit: limit + 1,
    after: input.cursor ? decodeKey(seqCursor, input.cursor) : null,
  })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => toVolunteerApplicationView(r.record, user)),
    nextCursor: rows.length > limit && last ? encodeKey(last.seq) : null,
  }
}
