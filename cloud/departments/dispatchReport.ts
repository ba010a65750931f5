import { AppError } from '@/domain/shared/errors'
import { chinaClock } from '@/domain/shared/chinaTime'
import type { ReportView } from '@/domain/reports'
import type { reportDispatchSchema } from '@/domain/departments'
import { canDispatch } from '@/domain/reports/flow'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import type { NewMessage } from '../messages'
import { idempotencyKey } from '../shared/idempotency'
import { callerOf, commitChange, factsOf, messageTo, partiesOf, patchOf, replayed, visibleReport } from '../reports'
import { servesReport } from './access'

type Input = z.output<typeof reportDispatchSchema>

const NO_DEPARTMENT = '职能部门不存在，或不在这个问题所在的辖区'

/**
 * report.dispatch — 交办: the staff of the community, street, district or city over an open report (canDispatch)
 * hand it to a functional department of its area that takes its category, with a deadline of `days` working days.
 * The report waits for the department's 受理 (the same working day) and then runs on the department's deadline; the
 * dispatching level supervises it (督办 once overdue). One change in the store: the report's conditional UPDATE and
 * the dispatch row (a live one exists → nothing written): two dispatches at once are one, the other CONFLICT.
 */
export async function dispatchReport(input: Input, ctx: UserCtx): Promise<ReportView> {
  const { deps, user } = ctx
  const { report } = await visibleReport(input.id, ctx)
  const idem = idempotencyKey(ctx, 'report.dispatch', input)
  const replay = await replayed(ctx, idem, report.id)
  if (replay) return replay
  const now = deps.clock.now()
  const at = now.toISOString()
  const d = canDispatch(factsOf(report, now), partiesOf(report), callerOf(user))
  if (!d.ok) throw new AppError(d.code, d.message)
  const dept = await deps.store.departments.get(input.departmentId)
  if (!dept || !servesReport(dept, report)) {
    throw new AppError('INVALID_INPUT', NO_DEPARTMENT, [{ path: 'departmentId', message: NO_DEPARTMENT }])
  }
  if (!dept.categories.includes(report.category)) {
    const message = `${dept.name}不承接这类问题，请选择其他部门`
    throw new AppError('INVALID_INPUT', message, [{ path: 'departmentId', message }])
  }
  const dueAt = resolveDeadline(now, input.days).toISOString()
  const acceptBy = acceptDeadline(now)
  const note = input.note ?? null
  const text = `交办${dept.name}，${input.days} 个工作日内办结${note ? `：${note}` : ''}`
  const messages: NewMessage[] = dept.members
    .filter((m) => m.id !== user.id)
    .map((m) => messageTo(deps, m.id, report, '新的交办问题待受理', `${note ?? ''}\n请在 ${chinaClock(acceptBy)} 前受理，${chinaClock(dueAt)} 前办结`.trim(), at))
  if (report.reporterId !== user.id) messages.push(messageTo(deps, report.reporterId, report, `您反映的问题已交办${dept.name}办理`, null, at))
  return commitChange(ctx, {
    id: report.id,
    version: report.version,
    patch: { ...patchOf(report), status: 'submitted', level: d.level, assigneeId: null, acceptBy: acceptBy.toISOString(), resolveBy: dueAt },
    at,
    event: { actorId: user.id, action: 'dispatch', note: text, toUserId: null },
    eventPhotoIds: [],
    photoOwnerId: user.id,
    messages,
    idem,
    dispatch: { kind: 'open', id: deps.ids.newId(), departmentId: dept.id, level: d.level, by: user.id, days: input.days, dueAt },
  })
}
