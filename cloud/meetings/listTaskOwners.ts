import { AppError } from '@/domain/shared/errors'
import type { MeetingOwnerOption, meetingOwnersSchema } from '@/domain/meetings'
import { canAssignResponsible, canHoldMeeting } from '@/domain/reports/flow'
import type { z } from 'zod'
import { accessOf, factsOf, staffLabel, visibleReport } from '../reports'
import type { UserCtx } from './ports'

/** How many of each role the picker lists (a community has a handful of committee members and grid workers). */
const PER_ROLE = 50

/**
 * meeting.owners — whom the meeting form offers as a task's owner (and the 包保 picker as the responsible): the caller, the committee and the grid workers
 * of the dispute's community (each checked as meeting.record checks an owner: staff who can work on the report).
 */
export async function listTaskOwners(input: z.output<typeof meetingOwnersSchema>, ctx: UserCtx): Promise<{ owners: MeetingOwnerOption[] }> {
  const { deps, user } = ctx
  const { report, access } = await visibleReport(input.reportId, ctx)
  const facts = factsOf(report, deps.clock.now())
  const d = canHoldMeeting(facts, access.rel)
  // the same people are offered as a 包保 responsible, on a dispute still at its grid too
  const e = canAssignResponsible(facts, access.rel)
  if (!d.ok && !e.ok) throw new AppError(d.code, d.message)
  const found = [user]
  for (const role of ['committee', 'gridWorker'] as const) {
    found.push(...(await deps.store.users.list(report.communityId, { role, limit: PER_ROLE, after: null })))
  }
  const seen = new Set<string>()
  const owners: MeetingOwnerOption[] = []
  for (const u of found) {
    if (seen.has(u.id) || !accessOf(report, u).staff) continue
    seen.add(u.id)
    owners.push({ id: u.id, label: u.id === user.id ? `我自己（${staffLabel(u.name, u.roles) ?? u.name}）` : (staffLabel(u.name, u.roles) ?? u.name) })
  }
  return { owners }
}
