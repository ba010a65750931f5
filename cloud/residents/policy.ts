import { AppError } from '@/domain/shared/errors'
import type * as shared from '../shared/context'
import type { CommunityRecord, UserRecord } from '../shared/ports'
import type { ResidentsStore } from './ports'

/**
 * Who may do what with residents, households and people's data (issue 3). One place, asked by every
 * use case of cloud/residents, cloud/members and cloud/volunteers.
 *
 * Personal data (个人信息保护法): a full name or phone number goes only to
 * - the person themselves,
 * - the committee of their community,
 * - a grid worker for residents / households of the grids they are responsible for;
 * everyone else gets the masked form (src/domain/mask.ts).
 */
export const isCommitteeOf = (u: UserRecord, communityId: string | null): boolean =>
  u.roles.includes('committee') && u.communityId !== null && u.communityId === communityId

export const workerGrids = (u: UserRecord): string[] => (u.roles.includes('gridWorker') ? u.grids.map((g) => g.id) : [])

/** The subject of a reply that carries a person: whose data, where they live. */
export interface Subject {
  userId?: string | null
  communityId: string | null
  gridId: string | null
}

export function seesInFull(viewer: UserRecord, s: Subject): boolean {
  if (s.userId && s.userId === viewer.id) return true
  if (isCommitteeOf(viewer, s.communityId)) return true
  return viewer.communityId === s.communityId && s.gridId !== null && workerGrids(viewer).includes(s.gridId)
}

/** The caller's community if they sit on its committee; FORBIDDEN otherwise. */
export async function committeeCommunity(
  ctx: shared.UserCtx<shared.Deps<Pick<ResidentsStore, 'communities'>>>,
  forbidden: string,
): Promise<CommunityRecord> {
  const { user } = ctx
  const community = isCommitteeOf(user, user.communityId) ? await ctx.deps.store.communities.get(user.communityId as string) : null
  if (!community) throw new AppError('FORBIDDEN', forbidden)
  return community
}

/** A committee member acting on something of `communityId`: FORBIDDEN unless it is their community. */
export function assertCommitteeOf(u: UserRecord, communityId: string, forbidden: string): void {
  if (!isCommitteeOf(u, communityId)) throw new AppError('FORBIDDEN', forbidden)
}

/** A resident's own matters (apply, volunteer): people who live in the community, not its staff. */
export const livesInCommunity = (u: UserRecord): boolean => u.roles.includes('resident') && u.communityId !== null

/** Names are compared as typed on paper and on the phone: trimmed, inner spaces ignored. */
export { sameName } from '@/domain/residents/address'
