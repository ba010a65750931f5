import type { ContactLogView, contactLogSchema } from '@/domain/contacts'
import { isInFuture } from '@/domain/contacts/rules'
import { AppError } from '@/domain/shared/errors'
import type { z } from 'zod'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { householdOfCommunity, NOT_CONTACT } from './access'
import type { UserCtx } from './ports'
import { toContactLogView } from './view'

/**
 * contact.log — a cadre records a contact with one of their households (走访, 电话, 微信), when it was (not in the
 * future) and a short note, which only staff read (the note is never shown to the household or its neighbours, so
 * it is not sent to the public content check). The store inserts it only while the caller is the household's
 * contact. Idempotent per (cadre, requestId).
 */
export async function logContact(input: z.output<typeof contactLogSchema>, ctx: UserCtx): Promise<ContactLogView> {
  const { deps, user } = ctx
  const household = await householdOfCommunity(ctx, input.householdId, user.communityId)
  const now = deps.clock.now()
  if (isInFuture(input.at, now)) throw new AppError('INVALID_INPUT', '联系时间不能晚于现在', [{ path: 'at', message: '联系时间不能晚于现在' }])
  const outcome = await deps.store.contacts.log(
    {
      id: deps.ids.newId(),
      householdId: household.id,
      cadreId: user.id,
      communityId: household.communityId,
      kind: input.kind,
      at: new Date(input.at).toISOString(),
      note: input.note,
      createdAt: now.toISOString(),
    },
    idempotencyKey(ctx, 'contact.log', input),
  )
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (outcome.kind === 'notContact') throw new AppError('FORBIDDEN', NOT_CONTACT)
  return toContactLogView(outcome.log)
}
