import { z } from 'zod'
import { AppError } from '@/domain/shared/errors'
import type { PointsLedgerInput, PointsLedgerPage } from '@/domain/points'
import { decodeKey, encodeKey } from '../shared/cursor'
import type { UserCtx } from './ports'
import { communityOf, isCommitteeOf } from './access'
import { entryView } from './view'

const cursorSchema = z.tuple([z.string().max(40), z.string().max(64)])

/**
 * points.ledger — my entries, newest first, and my balance; the committee reads a named person of its community
 * (anyone else asking for another person: FORBIDDEN; a person not of the committee's community: NOT_FOUND); such a
 * read of another person's ledger is audited.
 */
export async function viewLedger(input: PointsLedgerInput, ctx: UserCtx): Promise<PointsLedgerPage> {
  const { deps, user } = ctx
  const communityId = communityOf(user)
  let person = user
  if (input.userId && input.userId !== user.id) {
    if (!isCommitteeOf(user, communityId)) throw new AppError('FORBIDDEN', '只能查看自己的积分')
    const other = await deps.store.users.get(input.userId)
    if (!other || other.communityId !== communityId) throw new AppError('NOT_FOUND', '本社区没有这个人')
    person = other
  }
  const limit = input.limit ?? 20
  const c = input.cursor ? decodeKey(cursorSchema, input.cursor) : null
  const audit =
    person.id === user.id
      ? undefined
      : { at: deps.clock.now().toISOString(), actorId: user.id, action: 'points.readLedger', targetType: 'user', targetId: person.id, communityId }
  const found = await deps.store.points.ledger(person.id, c ? { at: c[0], id: c[1] } : null, limit + 1, audit)
  const items = found.slice(0, limit)
  const last = items[items.length - 1]
  return {
    userId: person.id,
    name: person.name,
    balance: await deps.store.points.balance(person.id),
    items: items.map(entryView),
    nextCursor: found.length > limit && last ? encodeKey([last.at, last.id]) : null,
  }
}
