import { noticeState } from '@/domain/notices'
import type { NoticeAudience, NoticeListed, NoticeRecord } from './ports'
import type { UserRecord } from '../shared/ports'
import { TIER_KEY, tierOf, tierPlaceOf } from '@/domain/shared/roles'

/**
 * Who may see, confirm and manage a notice. One place, asked by every notice use case.
 *
 * - committee staff see every notice of their community that is not withdrawn (any state);
 * - street, district and city staff the same for every community under their area;
 * - everyone else sees live notices addressed to the whole community or to one of their grids
 *   (a resident's own grid, a grid worker's grids);
 * - the audience (who is counted and may confirm) is the residents and volunteers of the grids in scope.
 */
export const isCommittee = (u: UserRecord) => u.roles.includes('committee')
/** Street, district or city staff whose area holds the notice's community. */
export function isTierAbove(u: UserRecord, n: NoticeRecord): boolean {
  const t = tierPlaceOf(u)
  return t !== null && n[TIER_KEY[t.tier]] === t.id
}

export function memberGrids(u: UserRecord): string[] {
  const ids = u.grids.map((g) => g.id)
  if (u.gridId) ids.push(u.gridId)
  return [...new Set(ids)]
}

export function listAudienceOf(u: UserRecord): NoticeAudience | null {
  if (tierOf(u.roles)) {
    const t = tierPlaceOf(u)
    return t ? { kind: 'tier', ...t } : null
  }
  if (!u.communityId) return null
  if (isCommittee(u)) return { kind: 'staff', communityId: u.communityId }
  return { kind: 'member', communityId: u.communityId, gridIds: memberGrids(u) }
}

function inScope(n: Pick<NoticeRecord, 'gridIds'>, gridIds: string[]): boolean {
  return n.gridIds === null || n.gridIds.some((g) => gridIds.includes(g))
}

export function canSee(u: UserRecord, n: NoticeRecord, now: Date): boolean {
  const state = noticeState(n, now)
  if (state === 'withdrawn') return false
  if (isTierAbove(u, n)) return true
  if (!u.communityId || u.communityId !== n.communityId) return false
  if (isCommittee(u)) return true
  return state === 'live' && inScope(n, memberGrids(u))
}

export function isAudience(u: UserRecord, n: Pick<NoticeRecord, 'communityId' | 'gridIds'>): boolean {
  if (u.communityId !== n.communityId) return false
  if (!u.roles.includes('resident') && !u.roles.includes('volunteer')) return false
  // counted per grid: a resident not yet placed in a grid reads whole-community notices but is not counted
  if (u.gridId === null) return false
  return n.gridIds === null || n.gridIds.includes(u.gridId)
}

export function canConfirm(u: UserRecord, n: NoticeListed, now: Date): boolean {
  return isAudience(u, n) && noticeState(n, now) === 'live'
}

/**
 * Unread to this viewer: they may read it now (live), have not opened it, and did not write it. The store's
 * countUnread counts by the same rule, so the figure beside a list is the number of its items marked unread.
 */
export function isUnread(u: UserRecord, n: NoticeListed, read: boolean, now: Date): boolean {
  return !read && n.authorId !== u.id && noticeState(n, now) === 'live'
}

export function canManage(u: UserRecord, n: NoticeRecord): boolean {
  return isCommittee(u) && u.communityId === n.communityId
}
