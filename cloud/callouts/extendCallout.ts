import { AppError } from '@/domain/shared/errors'
import type { calloutExtendSchema, CalloutView } from '@/domain/callouts'
import { MAX_CALLOUT_MS } from '@/domain/callouts/rules'
import type { z } from 'zod'
import { sendOutbound } from '../shared/outbound'
import type { UserCtx } from './ports'
import { loadForCommittee } from './access'
import { extendedMessages } from './messages'
import { calloutView } from './view'

/**
 * callout.extend — the committee moves the end of an open call-out later (at most 24 hours after its start);
 * everyone who answered 能来 is told, in the same transaction.
 */
export async function extendCallout(input: z.output<typeof calloutExtendSchema>, ctx: UserCtx): Promise<CalloutView> {
  const { deps, user } = ctx
  const c = await loadForCommittee(deps, input.id, user)
  const now = deps.clock.now().toISOString()
  const endAt = new Date(input.endAt).toISOString()
  const maxEndAt = new Date(Date.parse(c.startAt) + MAX_CALLOUT_MS).toISOString()
  const outcome = await deps.store.callouts.extend(c.id, endAt, now, maxEndAt, extendedMessages(deps, now), {
    at: now,
    actorId: user.id,
    action: 'callout.extend',
    targetType: 'callout',
    targetId: c.id,
    communityId: c.communityId,
    detail: { from: c.endAt, to: endAt },
  })
  switch (outcome.kind) {
    case 'extended':
      await sendOutbound(deps, outcome.messages)
      return calloutView(outcome.callout, null, true, now)
    case 'closed':
      throw new AppError('CONFLICT', '动员已提前结束，不能延长')
    case 'ended':
      throw new AppError('CONFLICT', '动员已结束，不能延长')
    case 'notLater':
      throw new AppError('INVALID_INPUT', '新的结束时间应晚于原结束时间', [{ path: 'endAt', message: '新的结束时间应晚于原结束时间' }])
    case 'tooLong':
      throw new AppError('INVALID_INPUT', '一次动员最长 24 小时', [{ path: 'endAt', message: '一次动员最长 24 小时' }])
    case 'notFound':
      throw new AppError('NOT_FOUND', '动员不存在')
  }
}
