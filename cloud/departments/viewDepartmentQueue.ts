import { AppError } from '@/domain/shared/errors'
import type { ReportListPage } from '@/domain/reports'
import type { departmentQueueSchema } from '@/domain/departments'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { accessOf, decodeDueCursor, encodeReportCursor, toSummary, type ReportRecord } from '../reports'

type Input = z.output<typeof departmentQueueSchema>

/**
 * department.queue — a department's own queue: the reports dispatched to it and not finished (待受理, 处理中), its
 * deadline first (dueAt in each item is the department's). Keyset pages, at most 100.
 */
export async function viewDepartmentQueue(input: Input, ctx: UserCtx): Promise<ReportListPage> {
  const { deps, user } = ctx
  if (!user.roles.includes('department') || !user.departmentId) throw new AppError('FORBIDDEN', '只有职能部门人员有交办队列')
  const limit = input.limit ?? 20
  const cursor = input.cursor ? decodeDueCursor(input.cursor) : null
  const after = cursor && 'dueAt' in cursor ? { dueAt: String(cursor.dueAt), seq: cursor.seq } : null
  const rows = await deps.store.departments.queue(user.departmentId, after, limit + 1)
  const page = rows.slice(0, limit)
  const now = deps.clock.now()
  const reports = (await Promise.all(page.map((r) => deps.store.reports.get(r.reportId)))).filter((r): r is ReportRecord => r !== null)
  const last = page[page.length - 1]
  return {
    items: reports.map((r) => toSummary(deps, r, accessOf(r, user), now)),
    nextCursor: rows.length > limit && last ? encodeReportCursor({ dueAt: last.dueAt, seq: last.seq }) : null,
  }
}
