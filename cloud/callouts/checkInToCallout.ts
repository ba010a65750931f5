import { AppError } from '@/domain/shared/errors'
import type { CalloutCheckinResult, calloutCheckinSchema } from '@/domain/callouts'
import { areaMessage, windowMessage } from '@/domain/callouts/rules'
import { areaCheck, checkinOpensAt } from '@/domain/shared/onSite'
import type { z } from 'zod'
import { grantCalloutAttended } from '../points'
import { toGcj02 } from '../shared/geo'
import type { UserCtx } from './ports'
import { loadCallout, NOT_FOUND_MESSAGE } from './access'

/**
 * callout.checkin — 报到 on site, as a patrol check-in: from 15 minutes before the start until the end, within the
 * radius (plus the device's accuracy, at most 100 m); only for those who answered 能来. The store's conditional
 * UPDATE holds the window, the answer and the area verdict; a second 报到 returns the first. 报到 earns the
 * call-out's points (积分制) right after, idempotently.
 */
export async function checkInToCallout(input: z.output<typeof calloutCheckinSchema>, ctx: UserCtx): Promise<CalloutCheckinResult> {
  const { deps, user } = ctx
  const { callout: c, recipient } = await loadCallout(deps, input.id, user)
  if (!recipient) throw new AppError('FORBIDDEN', '这次动员没有发给您，不能报到')
  const coordSystem = input.coordSystem ?? 'gcj02'
  const { inside, distance } = areaCheck(c, toGcj02(input, coordSystem), input.accuracy)
  const outcome = await deps.store.callouts.checkin(c.id, user.id, {
    at: deps.clock.now().toISOString(),
    latitude: input.latitude,
    longitude: input.longitude,
    accuracy: input.accuracy,
    coordSystem,
    distance,
    inside,
  })
  // 积分制: attending earns the community's callout_attended points, once per (person, call-out) — granted again on
  // a repeated 报到, which heals a grant lost between the check-in's commit and this one
  const attended = () => grantCalloutAttended(deps, { communityId: c.communityId, userId: user.id, calloutId: c.id, title: c.title })
  switch (outcome.kind) {
    case 'checkedIn':
      await attended()
      return { checkedInAt: outcome.recipient.checkinAt!, distance }
    case 'already':
      await attended()
      return { checkedInAt: outcome.recipient.checkinAt!, distance: outcome.recipient.checkinDistance ?? distance }
    case 'notAddressed':
      throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
    case 'notComing':
      throw new AppError('CONFLICT', '请先回复“能来”并选择任务，再报到')
    case 'closed':
      throw new AppError('CONFLICT', '动员已提前结束，不能再报到')
    case 'early':
    case 'ended':
      throw new AppError('OUT_OF_WINDOW', windowMessage(outcome.kind, c), { reason: outcome.kind, opensAt: checkinOpensAt(c), endAt: c.endAt })
    case 'outside':
      throw new AppError('OUT_OF_AREA', areaMessage(distance, c.radius), { distance, radius: c.radius })
  }
}
