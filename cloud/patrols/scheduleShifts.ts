import { AppError } from '@/domain/shared/errors'
import type { shiftCreateSchema, ShiftView } from '@/domain/patrols'
import { weeklyOccurrences } from '@/domain/patrols/rules'
import type { z } from 'zod'
import type { NewShift, UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { requireCommittee, toIso } from './access'
import { shiftView } from './view'

/**
 * shift.create — the committee schedules a shift, once or weekly for up to 12 weeks (every occurrence is its
 * own shift of one series). Idempotent per requestId.
 */
export async function scheduleShifts(input: z.output<typeof shiftCreateSchema>, ctx: UserCtx): Promise<{ shifts: ShiftView[] }> {
  const { deps, user } = ctx
  const communityId = requireCommittee(user)
  const now = deps.clock.now().toISOString()
  const first = { startAt: toIso(input.startAt), endAt: toIso(input.endAt) }
  if (first.startAt <= now) {
    throw new AppError('INVALID_INPUT', '开始时间应晚于现在', [{ path: 'startAt', message: '开始时间应晚于现在' }])
  }
  const times = weeklyOccurrences(first, input.repeatWeeks ?? 1)
  const ids = times.map(() => deps.ids.newId())
  const shifts: NewShift[] = times.map((t, i) => ({
    id: ids[i]!,
    communityId,
    seriesId: times.length > 1 ? ids[0]! : null,
    title: input.title,
    latitude: input.area.latitude,
    longitude: input.area.longitude,
    radius: input.area.radius,
    meetingPoint: input.meetingPoint || null,
    note: input.note || null,
    startAt: t.startAt,
    endAt: t.endAt,
    capacity: input.capacity,
    createdBy: user.id,
    createdAt: now,
  }))
  const outcome = await deps.store.shifts.create(
    shifts,
    { at: now, actorId: user.id, action: 'shift.create', targetType: 'shift', targetId: ids[0]!, communityId, detail: { occurrences: ids.length } },
    idempotencyKey(ctx, 'shift.create', input),
  )
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  return { shifts: outcome.shifts.map((s) => shiftView(s, null, user, now)) }
}
