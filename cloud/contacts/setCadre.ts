import type { CadreView } from '@/domain/contacts'
import { AppError } from '@/domain/shared/errors'
import type { z } from 'zod'
import type { cadreSetSchema } from '@/domain/contacts'
import { canBeCadre, committeeOnly } from './access'
import type { UserCtx } from './ports'
import { toCadreView } from './view'

/**
 * contact.setCadre — the committee makes a verified resident or a staff member of its community a cadre (党员,
 * 村（居）干部, 楼栋长, 居民小组长), or changes their title and what they publish to their households. Setting it again
 * with the same values is harmless (an upsert).
 */
export async function setCadre(input: z.output<typeof cadreSetSchema>, ctx: UserCtx): Promise<CadreView> {
  const { deps, user } = ctx
  const community = await committeeOnly(ctx)
  const person = await deps.store.users.get(input.userId)
  if (!person || person.communityId !== community.id) throw new AppError('NOT_FOUND', '本社区没有这个人')
  if (!canBeCadre(person, community.id)) throw new AppError('CONFLICT', '只能指定已认证的住户或本社区工作人员为联系户党员/干部')
  const at = deps.clock.now().toISOString()
  const cadre = await deps.store.contacts.setCadre(
    {
      userId: person.id,
      communityId: community.id,
      title: input.title,
      publishPhone: input.publishPhone,
      publicNote: input.publicNote || null,
      at,
    },
    { at, actorId: user.id, action: 'contact.setCadre', targetType: 'user', targetId: person.id, communityId: community.id, detail: { title: input.title } },
  )
  return toCadreView(cadre, at)
}
