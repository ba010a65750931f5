import { CADRE_TITLE_LABELS, type contactRaiseSchema } from '@/domain/contacts'
import { AppError } from '@/domain/shared/errors'
import type { z } from 'zod'
import { announceReport, prepareReport, refuseReport } from '../reports'
import { idempotencyKey } from '../shared/idempotency'
import { householdOfCommunity, NOT_CONTACT } from './access'
import type { UserCtx } from './ports'

/**
 * contact.raise — 代为上报: a cadre raises a report for one of their households (residents without a smartphone).
 * It goes through report.create's own preparation (content check, deadlines, the grid worker's message), routed to
 * the household's grid. The cadre is the report's reporter: they follow it, withdraw it or rate it for the household
 * they act for; the report keeps the household and who raised it (on_behalf_of_household, raised_by), and its
 * timeline's first step says 代为上报 (without the household's address, which the timeline's readers need not see).
 * The store checks, in the report's own transaction, that the caller is still the household's contact.
 * Idempotent per (cadre, requestId).
 */
export async function raiseOnBehalf(input: z.output<typeof contactRaiseSchema>, ctx: UserCtx): Promise<{ reportId: string }> {
  const { deps, user } = ctx
  const household = await householdOfCommunity(ctx, input.householdId, user.communityId)
  const cadre = await deps.store.contacts.cadre(user.id)
  if (!cadre) throw new AppError('FORBIDDEN', NOT_CONTACT)
  const { householdId, ...report } = input
  const prepared = await prepareReport({ ...report, gridId: household.gridId }, ctx)
  prepared.key = idempotencyKey(ctx, 'contact.raise', input)
  const outcome = await deps.store.contacts.raise(prepared, {
    householdId,
    raisedBy: user.id,
    note: `代为上报：由联系户${CADRE_TITLE_LABELS[cadre.title]}代住户上报`,
  })
  if (outcome.kind === 'notContact') throw new AppError('FORBIDDEN', NOT_CONTACT)
  if (outcome.kind === 'keyReused' || outcome.kind === 'badPhotos') return refuseReport(outcome.kind)
  if (outcome.kind === 'created') await announceReport(deps, prepared)
  return { reportId: outcome.reportId }
}
