import { AppError } from '@/domain/errors'
import type { CheckinResult, shiftCheckinSchema } from '@/domain/shift'
import { areaCheck, areaMessage, checkinOpensAt, checkinWindow, windowMessage } from '@/domain/shiftRules'
import type { z } from 'zod'
import type { UserCtx } from '../api/context'
import { toGcj02 } from '../reports/location'
import { loadForVolunteer, NOT_SIGNED_UP } from './access'

/**
 * shift.checkin — from 15 minutes before the start until the end, within the area's radius (plus the device's
 * accuracy, at most 100 m). The position is stored as the device gave it, with its coordinate system; the
 * distance is measured in GCJ-02. A second check-in returns the first.
 */
export async function checkInToShift(input: z.output<typeof shiftCheckinSchema>, ctx: UserCtx): Promise<CheckinResult> {
  const { deps, user } = ctx
  const s = await loadForVolunteer(deps, input.id, user)
  const now = deps.clock.now().toISOString()
  const mine = (await deps.store.shifts.signupsOf(user.id, [s.id]))[0]
  if (mine?.checkinAt) return { checkedInAt: mine.checkinAt, distance: mine.checkinDistance ?? 0 }
  if (s.status === 'cancelled') throw new AppError('CONFLICT', '这个班次已取消')
  if (!mine) throw new AppError('CONFLICT', NOT_SIGNED_UP)
  if (mine.status === 'waitlisted') throw new AppError('CONFLICT', `您在候补名单第 ${mine.position ?? 0} 位，还没有名额，不能签到`)

  const window = checkinWindow(s, now)
  if (window !== 'open') {
    throw new AppError('OUT_OF_WINDOW', windowMessage(window, s), { reason: window === 'early' ? 'early' : 'ended', opensAt: checkinOpensAt(s), endAt: s.endAt })
  }
  const coordSystem = input.coordSystem ?? 'gcj02'
  const at = toGcj02(input, coordSystem)
  const { inside, distance } = areaCheck(s, at, input.accuracy)
  if (!inside) throw new AppError('OUT_OF_AREA', areaMessage(distance, s.radius), { distance, radius: s.radius })

  const outcome = await deps.store.shifts.checkin(s.id, user.id, {
    at: now,
    latitude: input.latitude,
    longitude: input.longitude,
    accuracy: input.accuracy,
    coordSystem,
    distance,
  })
  switch (outcome.kind) {
    case 'checkedIn':
      return { checkedInAt: outcome.signup.checkinAt!, distance }
    case 'already':
      return { checkedInAt: outcome.signup.checkinAt!, distance: outcome.signup.checkinDistance ?? distance }
    case 'cancelled':
      throw new AppError('CONFLICT', '这个班次已取消')
    case 'notConfirmed':
      throw new AppError('CONFLICT', outcome.signup?.status === 'noShow' ? '巡逻已结束，不能再签到' : NOT_SIGNED_UP)
  }
}
