import { AppError } from '@/domain/shared/errors'
import type { motionCreateSchema, MotionView } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { requireCommittee, toIso } from './access'
import { viewFor } from './view'

/** motion.create — the committee drafts a motion (draft, seen by the committee only). Idempotent per requestId. */
export async function draftMotion(input: z.output<typeof motionCreateSchema>, ctx: UserCtx): Promise<MotionView> {
  const { deps, user } = ctx
  const communityId = requireCommittee(user, '只有社区/村委会可以发起议题')
  const at = deps.clock.now().toISOString()
  const id = deps.ids.newId()
  const outcome = await deps.store.motions.create(
    {
      id,
      communityId,
      authorId: user.id,
      title: input.title,
      preamble: input.preamble || null,
      articles: input.articles,
      kind: input.kind,
      options: input.kind === 'matter' ? (input.options ?? null) : null,
      eligibility: input.eligibility,
      consultUntil: input.consultUntil ? toIso(input.consultUntil) : null,
      voteFrom: toIso(input.voteFrom),
      voteUntil: toIso(input.voteUntil),
      major: input.major ?? false,
      createdAt: at,
    },
    { at, actorId: user.id, action: 'motion.create', targetType: 'motion', targetId: id, communityId },
    idempotencyKey(ctx, 'motion.create', input),
  )
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  return viewFor(deps, outcome.motion, user)
}
