import type { z } from 'zod'
import { AppError } from '@/domain/shared/errors'
import type { warningAssessSchema } from '@/domain/warnings'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import type { UserCtx } from './ports'
import { loadWarning } from './access'

export const ALREADY_CLOSED = '该预警已关闭（可能已被其他工作人员关闭），请刷新后查看'

/**
 * warning.assess — 会商研判: the caller (and the participants they name) record a judgement (误报 / 持续关注 /
 * 需要处置), the actions taken, and whether the warning is closed. The store's one conditional step: two staff
 * closing at once → one closes it, the other gets CONFLICT; a retry with the same requestId replays.
 */
export async function assessWarning(input: z.output<typeof warningAssessSchema>, ctx: UserCtx): Promise<{ assessmentId: string; status: 'open' | 'closed' }> {
  const { deps, user } = ctx
  const { warning, canAssess } = await loadWarning(deps, user, input.id)
  if (!canAssess) throw new AppError('FORBIDDEN', '只有负责该网格的网格员或社区/村委会可以研判预警')
  const at = deps.clock.now().toISOString()
  const key = idempotencyKey(ctx, 'warning.assess', input)
  const out = await deps.store.warnings.assess(
    { id: deps.ids.newId(), warningId: warning.id, assessorId: user.id, participants: input.participants, judgement: input.judgement, actions: input.actions, note: input.note, close: input.close, at },
    key,
    { at, actorId: user.id, action: 'warning.assess', targetType: 'warning', targetId: warning.id, communityId: warning.communityId, detail: { judgement: input.judgement, close: input.close } },
  )
  if (out.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (out.kind === 'closed') throw new AppError('CONFLICT', ALREADY_CLOSED)
  return { assessmentId: out.assessmentId, status: input.close ? 'closed' : 'open' }
}
