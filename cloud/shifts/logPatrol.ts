import { AppError } from '@/domain/errors'
import type { shiftLogSchema } from '@/domain/shift'
import type { z } from 'zod'
import type { UserCtx } from '../api/context'
import { submitReport } from '../reports/submitReport'
import { loadForVolunteer } from './access'

/**
 * shift.log — a note while on patrol (checked in, until check-out or the end). 发现隐患: with `report`, the
 * observation goes through report.create's own use case (grid routing, deadlines, messages, photo rules) at
 * the given location or else the check-in position, and the log keeps the report's id.
 */
export async function logPatrol(input: z.output<typeof shiftLogSchema>, ctx: UserCtx): Promise<{ logId: string; reportId?: string }> {
  const { deps, user } = ctx
  const s = await loadForVolunteer(deps, input.id, user)
  const now = deps.clock.now().toISOString()
  const mine = (await deps.store.shifts.signupsOf(user.id, [s.id]))[0]
  if (mine?.status !== 'checkedIn') {
    throw new AppError('CONFLICT', mine?.status === 'checkedOut' ? '您已签退，不能再记录' : '签到后才能记录巡逻情况')
  }
  if (now > s.endAt) throw new AppError('CONFLICT', '巡逻已结束，不能再记录')

  let reportId: string | null = null
  if (input.report) {
    const r = input.report
    const location = r.location ?? (mine.checkinPosition ? { ...mine.checkinPosition, coordSystem: mine.checkinCoord ?? 'gcj02' } : undefined)
    const report = await submitReport(
      {
        category: r.category,
        description: r.description,
        ...(r.photoIds ? { photoIds: r.photoIds } : {}),
        ...(location ? { location } : {}),
      },
      ctx,
    )
    reportId = report.id
  }
  const logId = await deps.store.shifts.addLog({ id: deps.ids.newId(), shiftId: s.id, userId: user.id, note: input.note, reportId, at: now })
  return reportId ? { logId, reportId } : { logId }
}
