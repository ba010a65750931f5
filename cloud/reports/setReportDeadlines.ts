import { AppError } from '@/domain/shared/errors'
import type { ReportCategory, ReportDeadlines, ReportSetDeadlinesInput } from '@/domain/reports'
import type { UserCtx } from './ports'
import { resolveDaysOf } from './access'

/** report.setDeadlines — the committee sets the working days to 办结 for the categories given (audited). */
export async function setReportDeadlines(input: ReportSetDeadlinesInput, ctx: UserCtx): Promise<ReportDeadlines> {
  const { deps, user } = ctx
  if (!user.roles.includes('committee') || !user.communityId) throw new AppError('FORBIDDEN', '只有社区工作人员可以设置办结时限')
  const days = Object.fromEntries(Object.entries(input.days).filter(([, n]) => n !== undefined)) as Partial<Record<ReportCategory, number>>
  if (Object.keys(days).length === 0) {
    throw new AppError('INVALID_INPUT', '请至少设置一个类别的时限', [{ path: 'days', message: '请至少设置一个类别的时限' }])
  }
  await deps.store.reports.setDeadlines(user.communityId, days, {
    at: deps.clock.now().toISOString(),
    actorId: user.id,
    action: 'report.setDeadlines',
    targetType: 'community',
    targetId: user.communityId,
    communityId: user.communityId,
    detail: { days },
  })
  return { days: await resolveDaysOf(deps, user.communityId) }
}
