import { isAbove } from '../shared/community'
import { createHash, randomInt } from 'node:crypto'
import { chinaClock } from '@/domain/shared/chinaTime'
import { tierPlaceOf } from '@/domain/shared/roles'
import { AppError } from '@/domain/shared/errors'
import { RECEIPT_ALPHABET, type MotionStatus } from '@/domain/motions'
import type { NewMessage } from '../messages'
import type * as shared from '../shared/context'
import { sendOutbound } from '../shared/outbound'
import type { UserRecord } from '../shared/ports'
import type { Deps, MotionMessages, MotionRecord, MotionSettleScope, MotionsStore, UserCtx } from './ports'

export const NOT_FOUND_MESSAGE = '议题不存在，或您无权查看'
export const NOT_VOTING = '当前不在表决期，不能投票'

export function isCommitteeOf(u: UserRecord, communityId: string): boolean {
  return u.roles.includes('committee') && u.communityId === communityId
}

export function requireCommittee(u: UserRecord, message = '只有社区/村委会可以进行此操作'): string {
  if (!u.roles.includes('committee') || !u.communityId) throw new AppError('FORBIDDEN', message)
  return u.communityId
}

/** Members of the community see published motions; its committee also sees drafts. */
export function canSeeMotion(m: MotionRecord, u: UserRecord): boolean {
  if (u.communityId !== m.communityId) return false
  return m.status !== 'draft' || isCommitteeOf(u, m.communityId)
}

/**
 * Who casts for this person: a verified resident of the motion's community bound to a roster household (none →
 * not eligible: the base is the roster); for `adults` the person (user id; the store also bounds the
 * household's ballots by its frozen 成年人数), for `households` their household (household id). Null: not eligible.
 */
export function voterKeyOf(m: Pick<MotionRecord, 'communityId' | 'eligibility'>, u: UserRecord): string | null {
  if (!u.verified || u.communityId !== m.communityId || !u.householdId) return null
  return m.eligibility === 'households' ? u.householdId : u.id
}

/** NOT_ELIGIBLE's message when an adults motion's household has no place left (`mine`: the voter asks). */
export function householdFullMessage(adults: number, mine: boolean): string {
  const whose = mine ? '您家' : '该居民家'
  return adults > 0
    ? `${whose}花名册登记的成年人（${adults} 人）都已投票`
    : `表决开始时花名册上${whose}没有登记成年人，不能投票；如有出入请联系社区核对花名册`
}

/** The receipt: 16 characters from node:crypto, in four groups (ABCD-EFGH-JKMN-PQRS); returned once. */
export function newReceipt(): string {
  const chars = Array.from({ length: 16 }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)])
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

/** What the store keeps of a receipt, and what the published ballot list shows: lowercase hex SHA-256. */
export function receiptHash(receipt: string): string {
  return createHash('sha256').update(receipt, 'utf8').digest('hex')
}


/** The in-app messages of a phase change (written by the store in the change's transaction). */
export function motionMessages(deps: Pick<Deps, 'ids'>, at: string): MotionMessages {
  return (m, to: MotionStatus, userIds) => {
    const text: { title: string; body: string } | null =
      to === 'consultation'
        ? { title: '新议题征求意见', body: `「${m.title}」开始征求意见${m.consultUntil ? `，截至 ${chinaClock(m.consultUntil)}` : ''}` }
        : to === 'voting'
          ? { title: '议题开始表决', body: `「${m.title}」开始表决，截至 ${chinaClock(m.voteUntil)}` }
          : to === 'closed'
            ? { title: '表决结果已公布', body: `「${m.title}」${m.result?.passed ? '获得通过' : '未获通过'}，点击查看结果` }
            : null
    if (!text) return []
    return userIds.map(
      (userId): NewMessage => ({
        id: deps.ids.newId(),
        userId,
        kind: 'motion',
        title: text.title,
        body: text.body,
        target: { type: 'motion', id: m.id },
        createdAt: at,
      }),
    )
  }
}

/** The lazy time rule before a read or a write (conditional UPDATEs in the store), then the other channels. */
export async function settle(deps: shared.Deps<Pick<MotionsStore, 'motions'>>, scope: MotionSettleScope): Promise<void> {
  const at = deps.clock.now().toISOString()
  const messages = await deps.store.motions.settle(scope, at, motionMessages(deps, at))
  await sendOutbound(deps, messages)
}

/**
 * The motion after the time rule, if the caller may see it (else NOT_FOUND: its existence is private): the
 * community's members, and the street/district/city staff above it once it is published (read only: they
 * review a major motion's 稳评).
 */
export async function visibleMotion(ctx: UserCtx, id: string): Promise<MotionRecord> {
  await settle(ctx.deps, { motionId: id })
  const m = await ctx.deps.store.motions.get(id)
  if (m && canSeeMotion(m, ctx.user)) return m
  if (m && m.status !== 'draft' && tierPlaceOf(ctx.user) && isAbove(ctx.user, await ctx.deps.store.communities.get(m.communityId))) return m
  throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
}

export function toIso(s: string): string {
  return new Date(s).toISOString()
}
