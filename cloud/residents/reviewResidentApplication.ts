import { AppError } from '@/domain/shared/errors'
import type { ResidentApplicationView, ResidentReviewInput } from '@/domain/residents'
import type { UserCtx } from './ports'
import { assertCommitteeOf } from './policy'
import { toResidentApplicationView } from './view'

export const ALREADY_DECIDED = '该申请已被处理'
export const NOT_IN_ROSTER = '花名册里没有这户，请先导入或登记'

/**
 * resident.review — a committee member approves (binding the applicant to the roster's household of
 * that room) or rejects with a reason. Exactly one of concurrent decisions wins: the store's review is
 * a conditional UPDATE … WHERE status = 'pending'; the others get CONFLICT.
 */
export async function reviewResidentApplication(
  input: ResidentReviewInput & { approve: boolean },
  ctx: UserCtx,
): Promise<ResidentApplicationView> {
  const { deps, user } = ctx
  const app = await deps.store.residentApplications.get(input.applicationId)
  if (!app) throw new AppError('NOT_FOUND', '申请不存在')
  assertCommitteeOf(user, app.communityId, '只有本社区工作人员可以审核住户认证')
  if (app.status !== 'pending') throw new AppError('CONFLICT', ALREADY_DECIDED)

  let householdId: string | null = null
  if (input.approve) {
    const h = await deps.store.households.findByRoom(app.gridId, app.building, app.unit, app.room)
    if (!h) throw new AppError('CONFLICT', NOT_IN_ROSTER)
    householdId = h.id
  }
  const at = deps.clock.now().toISOString()
  const outcome = await deps.store.residentApplications.review(
    app.id,
    { reviewerId: user.id, approve: input.approve, reason: input.reason ?? null, at },
    householdId,
    {
      at,
      actorId: user.id,
      action: 'resident.review',
      targetType: 'residentApplication',
      targetId: app.id,
      communityId: app.communityId,
      detail: { approve: input.approve, householdId, applicantId: app.userId },
    },
  )
  if (outcome.kind === 'alreadyDecided') throw new AppError('CONFLICT', ALREADY_DECIDED)
  if (outcome.kind === 'headTaken') throw new AppError('CONFLICT', '这户已有认证的户主，请核实后按家庭成员通过')
  if (outcome.kind === 'applicantVerified') throw new AppError('CONFLICT', '申请人已完成认证')
  return toResidentApplicationView(outcome.application, user)
}
