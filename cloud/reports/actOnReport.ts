import { AppError } from '@/domain/shared/errors'
import { chinaClock } from '@/domain/shared/chinaTime'
import { REPORT_CATEGORY_LABELS, REPORT_LEVEL_OFFICES, type ReportView, type reportTransitionSchema } from '@/domain/reports'
import { decide, REPORT_FLOW } from '@/domain/reports/flow'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import type { z } from 'zod'
import type { DispatchWrite, ReportRecord, UserCtx } from './ports'
import type { NewMessage } from '../messages'
import { factsOf, resolveDaysOf, visibleReport } from './access'
import { idempotencyKey } from '../shared/idempotency'
import { commitChange, patchOf, replayed } from './change'
import { messageTo, reporterTitle } from './messages'
import { grantPoints } from '../points'

type Input = z.output<typeof reportTransitionSchema>

/**
 * report.transition — a step of the report's life (受理, 进展, 办结, 不予受理, 退回, 上报, 督办, 改派, 重新打开,
 * 撤回). The state machine (reportFlow.decide) says who may from which state; the store applies the step as
 * one conditional UPDATE with its timeline event, photos and messages. A 受理 earns the reporter 积分
 * (report_accepted) right after the change's commit, once per report (idempotent: a retried 受理 heals a lost grant).
 */
export async function actOnReport(input: Input, ctx: UserCtx): Promise<ReportView> {
  const view = await applyStep(input, ctx)
  if (input.action === 'accept') {
    const { deps, user } = ctx
    const r = await deps.store.reports.get(view.id)
    if (r && r.acceptedAt && r.reporterId !== user.id) {
      await grantPoints(deps, { communityId: r.communityId, userId: r.reporterId, kind: 'report_accepted', sourceId: r.id, detail: REPORT_CATEGORY_LABELS[r.category] })
    }
  }
  return view
}

async function applyStep(input: Input, ctx: UserCtx): Promise<ReportView> {
  const { deps, user } = ctx
  const { report, access } = await visibleReport(input.id, ctx)
  const idem = idempotencyKey(ctx, 'report.transition', input)
  const replay = await replayed(ctx, idem, report.id)
  if (replay) return replay
  const now = deps.clock.now()
  const at = now.toISOString()
  const d = decide(input.action, factsOf(report, now), access.rel, now)
  if (!d.ok) throw new AppError(d.code, d.message)

  const patch = { ...patchOf(report), status: d.status, level: d.level }
  const note = input.note ?? null
  const messages: NewMessage[] = []
  const tell = (userIds: (string | null)[], title: string, body: string | null) => {
    for (const id of new Set(userIds)) if (id && id !== user.id) messages.push(messageTo(deps, id, report, title, body, at))
  }
  const handlers = (r: Pick<ReportRecord, 'level' | 'gridId'>) => deps.store.reports.handlersOf(r.level, { ...report, gridId: r.gridId })
  const days = (await resolveDaysOf(deps, report.communityId))[report.category]
  let toUserId: string | null = null
  // a functional department's step on a report dispatched to it (交办): its dispatch moves with the report
  const live = report.dispatch ?? null
  const asDepartment = live !== null && access.rel.has('department') && (REPORT_FLOW[input.action].by as readonly string[]).includes('department')
  let dispatch: DispatchWrite | undefined
  const departmentStaff = async () => (live ? deps.store.reports.departmentMembers(live.departmentId) : [])

  switch (input.action) {
    case 'accept':
      patch.acceptedAt = at
      patch.assigneeId = user.id
      if (asDepartment) dispatch = { kind: 'step', id: live.id, from: ['pending'], to: 'accepted' }
      break
    case 'resolve':
      patch.resolvedAt = at
      if (asDepartment) dispatch = { kind: 'step', id: live.id, from: ['accepted'], to: 'resolved' }
      break
    case 'sendBack': {
      if (!live) throw new AppError('CONFLICT', '问题没有交办给职能部门')
      // back to the level that dispatched it, which took it up by dispatching: 处理中 on its own deadline again
      dispatch = { kind: 'step', id: live.id, from: ['pending'], to: 'returned', reason: note }
      patch.assigneeId = null
      patch.acceptedAt = report.acceptedAt ?? at
      patch.resolveBy = resolveDeadline(now, days).toISOString()
      tell(await handlers(report), `${live.departmentName}退回交办`, note)
      break
    }
    case 'reject':
    case 'withdraw':
      patch.closedAt = at
      if (input.action === 'withdraw') {
        if (live) dispatch = { kind: 'step', id: live.id, from: ['pending', 'accepted'], to: 'cancelled' }
        tell([report.assigneeId, ...(await departmentStaff())], '上报人已撤回问题', note)
      }
      break
    case 'escalate': {
      // the next level accepts it again, on fresh deadlines
      patch.assigneeId = null
      patch.acceptedAt = null
      patch.acceptBy = acceptDeadline(now).toISOString()
      patch.resolveBy = resolveDeadline(now, days).toISOString()
      const to = await handlers({ level: d.level, gridId: report.gridId })
      tell(to, `${REPORT_LEVEL_OFFICES[report.level]}上报的问题待受理`, `上报说明：${note ?? ''}\n请在 ${chinaClock(acceptDeadline(now))} 前受理`)
      break
    }
    case 'supervise': {
      const to = report.assigneeId ? [report.assigneeId] : live ? await departmentStaff() : await handlers(report)
      if (live) dispatch = { kind: 'supervise', id: live.id }
      tell(to, live ? `督办：交办${live.departmentName}的问题已逾期，请尽快处理` : '督办：问题已逾期，请尽快处理', note)
      break
    }
    case 'reassign': {
      const target = input.toUserId ? await deps.store.users.get(input.toUserId) : null
      if (!target || !target.roles.includes('gridWorker') || target.communityId !== report.communityId || target.grids.length === 0) {
        throw new AppError('INVALID_INPUT', '只能改派给本社区的网格员', [{ path: 'toUserId', message: '只能改派给本社区的网格员' }])
      }
      toUserId = target.id
      patch.assigneeId = target.id
      if (!target.grids.some((g) => g.id === report.gridId)) patch.gridId = target.grids[0]!.id
      tell([target.id], '改派给您的问题', note)
      break
    }
    case 'reopen': {
      patch.reopenCount = report.reopenCount + 1
      patch.resolvedAt = null
      patch.resolveBy = resolveDeadline(now, days).toISOString()
      const to = report.assigneeId ? [report.assigneeId] : await handlers(report)
      tell(to, '问题被上报人重新打开', note)
      break
    }
    case 'note':
    case 'return':
      break
  }
  const title = user.id === report.reporterId ? null : reporterTitle(input.action, d.level)
  if (title) tell([report.reporterId], title, note)

  return commitChange(ctx, {
    id: report.id,
    version: report.version,
    patch,
    at,
    event: { actorId: user.id, action: input.action, note, toUserId, departmentId: asDepartment ? live.departmentId : null },
    eventPhotoIds: input.photoIds ?? [],
    photoOwnerId: user.id,
    messages,
    idem,
    ...(dispatch ? { dispatch } : {}),
  })
}
