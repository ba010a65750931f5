import { AppError } from '@/domain/shared/errors'
import type { rulesMarkFiledSchema, RulesView } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { requireCommittee } from './access'
import { rulesView } from './view'

/** rules.markFiled — the committee records that a version was filed with the 乡镇/街道 (已报乡镇备案) on a date. */
export async function markRulesFiled(input: z.output<typeof rulesMarkFiledSchema>, ctx: UserCtx): Promise<RulesView> {
  const communityId = requireCommittee(ctx.user, '只有社区/村委会可以登记备案')
  const at = ctx.deps.clock.now().toISOString()
  const r = await ctx.deps.store.motions.markFiled(communityId, input.version, new Date(input.filedAt).toISOString(), {
    at,
    actorId: ctx.user.id,
    action: 'rules.markFiled',
    targetType: 'rules',
    targetId: `${communityId}:${input.version}`,
    communityId,
  })
  if (!r) throw new AppError('NOT_FOUND', '该版本的村规民约不存在')
  return rulesView(r)
}
