import { AppError } from '@/domain/shared/errors'
import type { VolunteerApplicationView, VolunteerReviewInput } from '@/domain/volunteers'
import type { UserCtx } from './ports'
import { ALREADY_DECIDED, assertCommitteeOf } from '../residents'
import { toVolunteerApplicationView } from './view'

/**
 * volunteer.review — a committee member approves (the applicant gets the volunteer role in the same
 * transaction as the decision) or rejects with a reason; one decision wins, the others get CONFLICT.
 */
export async function reviewVolunteerApplication(
  input: VolunteerReviewInput & { approve: boolean },
  ctx: UserCtx,
): Promise<VolunteerApplicationView> {
  const { deps, user } = ctx
  const app = await deps.store.volunteerApplications.get(input.applicationId)
  if (!app) throw new AppError('NOT_FOUND', '申请不存在')
  assertCommitteeOf(user, app.communityId, '只有本社区工作人员可以审核志愿者申请')
  if (app.status !== 'pending') throw new AppError('CONFLICT', ALREADY_DECIDED)
  const at = deps.clock.now().toISOString()
  const outcome = await deps.store.volunteerApplications.review(
    app.id,
    { reviewerId: user.id, approve: input.approve, reason: input.reason ?? null, at },
    {
      at,
      actorId: user.id,
      action: 'volunteer.review',
      targetType: 'volunteerApplication',
      targetId: app.id,
      communityId: app.communityId,
      detail: { approve: input.approve, applicantId: app.userId },
    },
  )
  if (outcome.kind === 'alreadyDecided') throw new AppError('CONFLICT', ALREADY_DECIDED)
  return toVolunteerApplicationView(outcome.application, user)
}
