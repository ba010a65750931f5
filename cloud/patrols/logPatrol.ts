import { AppError } from '@/domain/shared/errors'
import type { shiftLogSchema } from '@/domain/patrols'
import type { z } from 'zod'
import { announceReport, prepareReport, refuseReport, type PreparedReport } from '../reports'
import type { LogOutcome, LogRefusal, SignupRecord, UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { loadForVolunteer } from './access'

const REFUSED: Record<LogRefusal, string> = {
  notCheckedIn: '签到后才能记录巡逻情况',
  checkedOut: '您已签退，不能再记录',
  ended: '巡逻已结束，不能再记录',
}

/** Before a report is made for the log: the same conditions the store's insert holds (read, not decided, here). */
function refusalOf(mine: SignupRecord | undefined, endAt: string, now: string): LogRefusal | null {
  if (mine?.status !== 'checkedIn') return mine?.status === 'checkedOut' ? 'checkedOut' : 'notCheckedIn'
  return now > endAt ? 'ended' : null
}

type Answer = { logId: string; reportId?: string }

function answer(outcome: LogOutcome): Answer {
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (outcome.kind === 'badPhotos') return refuseReport('badPhotos')
  if (outcome.kind === 'refused') throw new AppError('CONFLICT', REFUSED[outcome.reason])
  return outcome.reportId ? { logId: outcome.logId, reportId: outcome.reportId } : { logId: outcome.logId }
}

/**
 * shift.log — a note while on patrol (checked in, until check-out or the end: the store's INSERT holds both).
 * 发现隐患: with `report`, the observation goes through report.create's own use case (grid routing, deadlines,
 * messages, photo rules) at the given location or else the check-in position, and the log keeps the report's id;
 * no report is made for a volunteer who is not on patrol.
 *
 * Retries (one story for both): shift.log is idempotent per (caller, requestId) — the idempotency row is written
 * in the log's transaction, so a repeat gets the first answer, even after check-out. With a report, a repeat is
 * answered before anything else, and the report is written in the log's transaction (report.create's statements,
 * keyed by the same requestId): both or neither.
 */
export async function logPatrol(input: z.output<typeof shiftLogSchema>, ctx: UserCtx): Promise<Answer> {
  const { deps, user } = ctx
  const s = await loadForVolunteer(deps, input.id, user)
  const now = deps.clock.now().toISOString()
  const key = idempotencyKey(ctx, 'shift.log', input)

  let report: PreparedReport | undefined
  if (input.report) {
    const prior = key ? await deps.store.shifts.priorLog(key) : null
    if (prior) return answer(prior)
    const mine = (await deps.store.shifts.signupsOf(user.id, [s.id]))[0]
    const refused = refusalOf(mine, s.endAt, now)
    if (refused) throw new AppError('CONFLICT', REFUSED[refused])
    const r = input.report
    const location = r.location ?? (mine?.checkinPosition ? { ...mine.checkinPosition, coordSystem: mine.checkinCoord ?? 'gcj02' } : undefined)
    report = await prepareReport(
      {
        category: r.category,
        description: r.description,
        ...(r.photoIds ? { photoIds: r.photoIds } : {}),
        ...(location ? { location } : {}),
      },
      ctx,
    )
  }
  // the report and the log in one transaction: a refused log (a check-out that landed first) leaves no report
  const outcome = await deps.store.shifts.addLog(
    { id: deps.ids.newId(), shiftId: s.id, userId: user.id, note: input.note, reportId: null, at: now },
    key,
    report,
  )
  if (outcome.kind === 'logged' && outcome.newReport && report) await announceReport(deps, report)
  return answer(outcome)
}
