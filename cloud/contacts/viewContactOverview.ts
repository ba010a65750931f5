import { DEFAULT_PERIOD_DAYS, type ContactOverview, type contactOverviewSchema } from '@/domain/contacts'
import { periodStart } from '@/domain/contacts/rules'
import type { z } from 'zod'
import { committeeOnly } from './access'
import type { UserCtx } from './ports'
import { toCadreView, toHouseholdBrief } from './view'

/** How many uncovered households the overview lists (the total is counted in full). */
export const UNCOVERED_LIMIT = 100

/**
 * contact.overview — the committee's view: its cadres with their households and last log (idle: none in the period,
 * a month by default), and the households without a contact, to assign from there.
 */
export async function viewContactOverview(input: z.output<typeof contactOverviewSchema>, ctx: UserCtx): Promise<ContactOverview> {
  const { deps } = ctx
  const community = await committeeOnly(ctx)
  const days = input.days ?? DEFAULT_PERIOD_DAYS
  const since = periodStart(deps.clock.now(), days)
  const o = await deps.store.contacts.overview(community.id, UNCOVERED_LIMIT)
  return {
    since,
    days,
    cadres: o.cadres.map((c) => toCadreView(c, since)),
    uncovered: o.uncovered.map(toHouseholdBrief),
    uncoveredTotal: o.uncoveredTotal,
  }
}
