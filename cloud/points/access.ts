import { AppError } from '@/domain/shared/errors'
import type { UserRecord } from '../shared/ports'

/** Who may do what with points (issue 18): everyone of the community reads; its committee sets and corrects. */

export const isCommitteeOf = (u: UserRecord, communityId: string): boolean => u.roles.includes('committee') && u.communityId === communityId

/** The caller's community: points live per community; without one there is nothing to read. */
export function communityOf(u: UserRecord): string {
  if (!u.communityId) throw new AppError('NO_COMMUNITY', '请先选择您所在的社区')
  return u.communityId
}

/** The caller's community, when the caller is its committee. */
export function committeeCommunity(u: UserRecord, what: string): string {
  const c = communityOf(u)
  if (!isCommitteeOf(u, c)) throw new AppError('FORBIDDEN', `只有社区/村委会可以${what}`)
  return c
}
