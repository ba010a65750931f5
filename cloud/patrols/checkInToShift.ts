import { AppError } from '@/domain/shared/errors'
import type { CheckinResult, shiftCheckinSchema } from '@/domain/patrols'
import { areaCheck, areaMessage, checkinOpensAt, windowMessage } from '@/domain/patrols/rules'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { toGcj02 } from '../shared/geo'
import { loadForVolunteer, NOT_SIGNED_UP } from './access'

/**
 * shift.checkin — from 15 minutes before the start until the end, within the area's radius (plus the device's
 * accuracy, at most 100 m). The position is stored as the device gave it, with its coordinate system; the
 * distance is measured in GCJ-02. The store's UPDATE holds the window, the status and the area verdict; when it
 * writes nothing it says why, mapped here to the person's words. A second check-in returns the first.
 */
export async function checkInToShift(input: z.output<typeof shiftCheckinSchema>, ctx: UserCtx): Promise<CheckinResult> {
  const { deps, user } = ctx
  const s = await loadForVolunteer(deps, input.id, user)
  const coordSystem = input.coordSystem ?? 'gcj02'
  const { inside, distance } = areaCheck(s, toGcj02(input, coordSystem), input.accuracy)

  const outcome = await deps.store.shifts.checkin(s.id, user.id, {
    at: deps.clock.now().toISOString(),
    latitude: input.latitude,
    longitude: input.longitude,
    accuracy: input.accuracy,
    coordSystem,
    distance,
    inside,
  })
  switch (outcome.kind) {
    case 'checkedIn':
      return { checkedInAt: outcome.signup.checkinAt!, distance }
    case 'already':
      return { checkedInAt: outcome.signup.checkinAt!, distance: outcome.signup.checkinDistance ?? distance }
    case 'cancelled':
      throw new AppError('CONFLICT', '这个班次已取消')
    case 'notConfirmed': {
      const mine = outcome.signup
      if (mine?.status === 'waitlisted') throw new AppError('CONFLICT', `您在候补名单第 ${mine.position ?? 0} 位，还没有名额，不能签到`)
      throw new AppError('CONFLICT', mine?.status === 'noShow' ? '巡逻已结束，不能再签到' : NOT_SIGNED_UP)
    }
    case 'early':
    case 'ended':
      throw new AppError('OUT_OF_WINDOW', windowMessage(outcome.kind, s), { reason: outcome.kind, opensAt: checkinOpensAt(s), endAt: s.endAt })
    case 'outside':
      throw new AppError('OUT_OF_AREA', areaMessage(distance, s.radius), { distance, radius: s.radius })
  }
}
