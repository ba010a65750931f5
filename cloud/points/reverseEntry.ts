import { AppError } from '@/domain/shared/errors'
import type { PointsEntryView, PointsReverseInput } from '@/domain/points'
import type { UserCtx } from './ports'
import { committeeCommunity } from './access'
import { entryView } from './view'

const NOT_FOUND = '积分记录不存在'

/**
 * points.reverse — the committee corrects a mistaken entry with a reversing entry and a reason (the ledger is
 * append-only; nothing is edited). An entry reversed twice → CONFLICT; a redemption or a reversal is not reversed.
 */
export async function reverseEntry(input: PointsReverseInput, ctx: UserCtx): Promise<PointsEntryView> {
  const { deps, user } = ctx
  const communityId = committeeCommunity(user, '冲正积分')
  const e = await deps.store.points.entry(input.entryId)
  if (!e || e.communityId !== communityId) throw new AppError('NOT_FOUND', NOT_FOUND)
  const at = deps.clock.now().toISOString()
  const out = await deps.store.points.reverse(e.id, { id: deps.ids.newId(), reason: `冲正：${input.reason}`, by: user.id, at }, {
    at,
    actorId: user.id,
    action: 'points.reverse',
    targetType: 'pointsEntry',
    targetId: e.id,
    communityId,
    detail: { reason: input.reason },
  })
  switch (out.kind) {
    case 'reversed':
      return entryView(out.entry)
    case 'notFound':
      throw new AppError('NOT_FOUND', NOT_FOUND)
    case 'alreadyReversed':
      throw new AppError('CONFLICT', '这条积分记录已经冲正过，不能重复冲正')
    case 'notReversible':
      throw new AppError('CONFLICT', '兑换和冲正记录不能冲正')
  }
}
