import { AppError } from '@/domain/shared/errors'
import { chinaDay } from '@/domain/shared/chinaTime'
import { meetingTimelineNote, type MeetingView, type meetingRecordSchema } from '@/domain/meetings'
import { canHoldMeeting } from '@/domain/reports/flow'
import type { z } from 'zod'
import { accessOf, factsOf, messageTo, RACE_MESSAGE, visibleReport, type ReportRecord } from '../reports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { sendOutbound } from '../shared/outbound'
import type { Deps, UserCtx } from './ports'
import { toMeetingView } from './view'

type Input = z.output<typeof meetingRecordSchema>

const OWNER_MESSAGE = '任务负责人须是能处理这个纠纷的工作人员'

/** Each task's owner must be staff who can see and work on the report (its grid, community or the tiers above). */
async function checkOwners(deps: Deps, report: ReportRecord, input: Input): Promise<void> {
  const bad: { path: string; message: string }[] = []
  for (const [i, t] of input.tasks.entries()) {
    const owner = await deps.store.users.get(t.ownerId)
    if (!owner || !accessOf(report, owner).staff) bad.push({ path: `tasks.${i}.ownerId`, message: OWNER_MESSAGE })
  }
  if (bad.length > 0) throw new AppError('INVALID_INPUT', bad[0]!.message, bad)
}

function checkDays(input: Input, today: string): void {
  if (input.heldOn > today) throw new AppError('INVALID_INPUT', '会议日期不能晚于今天', [{ path: 'heldOn', message: '会议日期不能晚于今天' }])
  const early = input.tasks.findIndex((t) => t.dueOn < today)
  if (early >= 0) {
    throw new AppError('INVALID_INPUT', '任务期限不能早于今天', [{ path: `tasks.${early}.dueOn`, message: '任务期限不能早于今天' }])
  }
}

/**
 * meeting.record — staff who handle or supervise a dispute that reached the community or above record a
 * 联席会议: who was there, the decision, follow-up tasks. One store transaction writes the meeting, its tasks, the
 * timeline step everyone sees (that it took place and its outcome), the owners' messages and the audit entry.
 */
export async function recordMeeting(input: Input, ctx: UserCtx): Promise<MeetingView> {
  const { deps, user } = ctx
  const { report, access } = await visibleReport(input.reportId, ctx)
  const key = idempotencyKey(ctx, 'meeting.record', input)
  const state = key ? await deps.store.reports.keyState(key) : 'new'
  if (state === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  const now = deps.clock.now()
  const at = now.toISOString()
  // a retry of a recorded meeting replays it whatever the report became since
  if (state === 'new') {
    const d = canHoldMeeting(factsOf(report, now), access.rel)
    if (!d.ok) throw new AppError(d.code, d.message)
    checkDays(input, chinaDay(now))
    await checkOwners(deps, report, input)
  }
  const owners = [...new Set(input.tasks.map((t) => t.ownerId))].filter((id) => id !== user.id)
  const messages = owners.map((id) => {
    const mine = input.tasks.filter((t) => t.ownerId === id).map((t) => `${t.task}（${t.dueOn} 前）`)
    return messageTo(deps, id, report, '联席会议交给您一项任务', mine.join('\n'), at)
  })
  const meetingId = deps.ids.newId()
  const outcome = await deps.store.meetings.record(
    {
      id: meetingId,
      reportId: report.id,
      reportVersion: report.version,
      heldOn: input.heldOn,
      place: input.place,
      departments: input.departments,
      attendees: input.attendees.map((a) => ({ name: a.name, role: a.role ? a.role : null })),
      decision: input.decision,
      outcome: input.outcome,
      recordedBy: user.id,
      recordedAt: at,
      tasks: input.tasks.map((t) => ({ id: deps.ids.newId(), ownerId: t.ownerId, task: t.task, dueOn: t.dueOn })),
      event: { note: meetingTimelineNote(input), status: report.status, level: report.level },
      messages,
      audit: {
        at,
        actorId: user.id,
        action: 'meeting.record',
        targetType: 'report',
        targetId: report.id,
        communityId: report.communityId,
        detail: { meetingId, tasks: input.tasks.length },
      },
    },
    key,
  )
  if (outcome.kind === 'conflict') throw new AppError('CONFLICT', RACE_MESSAGE)
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (outcome.kind === 'recorded') await sendOutbound(deps, messages)
  const meeting = (await deps.store.meetings.ofReport(report.id)).find((m) => m.id === outcome.meetingId)
  if (!meeting) throw new Error(`meeting ${outcome.meetingId} vanished`)
  return toMeetingView(meeting, access.people, now)
}
