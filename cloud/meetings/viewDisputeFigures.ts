import { AppError } from '@/domain/shared/errors'
import { chinaDay } from '@/domain/shared/chinaTime'
import type { DisputeFigures } from '@/domain/meetings'
import { tierAreaOf, type ReportArea } from '../reports'
import type { UserCtx } from './ports'

const DAY_MS = 24 * 3600_000

/**
 * meeting.summary — 问题总览's dispute figures for the committee's community or a tier's area: open disputes and how
 * many have a 包保 responsible, 联席会议 in the last 30 days, follow-up tasks open and overdue.
 */
export async function viewDisputeFigures(_input: Record<string, never>, ctx: UserCtx): Promise<DisputeFigures> {
  const { deps, user } = ctx
  const area: ReportArea | undefined =
    user.roles.includes('committee') && user.communityId ? { communityId: user.communityId } : tierAreaOf(user)?.area
  if (!area) throw new AppError('FORBIDDEN', '只有社区、街道、区和市的工作人员可以查看统计')
  const now = deps.clock.now()
  const c = await deps.store.meetings.summary(area, new Date(now.getTime() - 30 * DAY_MS).toISOString(), chinaDay(now))
  return { open: c.open, withResponsible: c.withResponsible, meetingsLast30Days: c.meetingsSince, openTasks: c.openTasks, overdueTasks: c.overdueTasks }
}
