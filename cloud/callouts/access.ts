import { AppError } from '@/domain/shared/errors'
import type { UserRecord } from '../shared/ports'
import type { CalloutRecord, Deps, RecipientRecord } from './ports'

export const NOT_FOUND_MESSAGE = '动员不存在，或没有发给您'
export const COMMITTEE_ONLY = '只有社区/村委会可以发起和调整动员'

/** The committee issues, closes and extends call-outs of its own community. */
export function requireCommittee(u: UserRecord): string {
  if (!u.roles.includes('committee') || !u.communityId) throw new AppError('FORBIDDEN', COMMITTEE_ONLY)
  return u.communityId
}

/** Staff of the call-out's community (committee, grid workers) see it whole: headcount and who has not answered. */
export function isStaffOf(u: UserRecord, communityId: string): boolean {
  return u.communityId === communityId && (u.roles.includes('committee') || u.roles.includes('gridWorker'))
}

export interface Loaded {
  callout: CalloutRecord
  staff: boolean
  /** the caller's row when the call-out was sent to them */
  recipient: RecipientRecord | null
}

/** The call-out the caller may see: staff of its community, or a person it was sent to; NOT_FOUND for anyone else. */
export async function loadCallout(deps: Deps, id: string, u: UserRecord): Promise<Loaded> {
  const callout = await deps.store.callouts.get(id)
  if (!callout) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  const staff = isStaffOf(u, callout.communityId)
  const recipient = await deps.store.callouts.recipient(id, u.id)
  if (!staff && !recipient) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  return { callout, staff, recipient }
}

/** For close and extend: the committee of the call-out's community (others who can see it: FORBIDDEN). */
export async function loadForCommittee(deps: Deps, id: string, u: UserRecord): Promise<CalloutRecord> {
  const { callout } = await loadCallout(deps, id, u)
  if (!u.roles.includes('committee') || u.communityId !== callout.communityId) throw new AppError('FORBIDDEN', COMMITTEE_ONLY)
  return callout
}
