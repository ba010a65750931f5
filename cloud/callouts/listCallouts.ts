import { AppError } from '@/domain/shared/errors'
import type { CalloutListPage, calloutListSchema } from '@/domain/callouts'
import type { z } from 'zod'
import { communityOf } from '../shared/community'
import type { CalloutCursor, UserCtx } from './ports'
import { isStaffOf } from './access'
import { calloutView } from './view'

const PAGE = 20

function decode(cursor: string | undefined): CalloutCursor | null {
  if (!cursor) return null
  const m = /^([01])\.(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\.(\d{1,15})$/.exec(cursor)
  if (!m) throw new AppError('INVALID_INPUT', '分页参数不正确')
  return { rank: Number(m[1]), startAt: m[2]!, seq: Number(m[3]) }
}

/**
 * callout.list — staff (committee, grid workers): their community's call-outs; anyone else: those sent to them.
 * Open ones first (not closed and not ended), then the rest; latest start first within each.
 */
export async function listCallouts(input: z.output<typeof calloutListSchema>, ctx: UserCtx): Promise<CalloutListPage> {
  const { deps, user } = ctx
  const communityId = communityOf(user)
  const staff = isStaffOf(user, communityId)
  const now = deps.clock.now().toISOString()
  const limit = input.limit ?? PAGE
  const rows = await deps.store.callouts.list({
    communityId: staff ? communityId : null,
    recipientId: staff ? null : user.id,
    now,
    after: decode(input.cursor),
    limit: limit + 1,
  })
  const page = rows.slice(0, limit)
  const mine = await Promise.all(page.map((c) => deps.store.callouts.recipient(c.id, user.id)))
  const committee = user.roles.includes('committee')
  const last = page[page.length - 1]
  return {
    items: page.map((c, i) => calloutView(c, mine[i] ?? null, committee, now)),
    nextCursor: rows.length > limit && last ? `${last.rank}.${last.startAt}.${last.seq}` : null,
  }
}
