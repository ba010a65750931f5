import { z } from 'zod'
import type { shiftListSchema, ShiftListPage } from '@/domain/patrols'
import type { UserCtx } from './ports'
import { decodeKey, encodeKey } from '../shared/cursor'
import { requireCommunity, settle, toIso } from './access'
import { shiftView } from './view'

const cursorSchema = z.strictObject({ startAt: z.string().max(40), seq: z.number().int() })

/**
 * shift.list — the community's shifts not yet ended (or those ending after `from`), soonest first (or most
 * recent first with `order: 'desc'`), each with seats left, the waitlist's length and my status; `mine`: only
 * those I signed up for. The cursor is the last item's (start, seq), read in the same order.
 */
export async function listShifts(input: z.output<typeof shiftListSchema>, ctx: UserCtx): Promise<ShiftListPage> {
  const { deps, user } = ctx
  const communityId = requireCommunity(user)
  await settle(deps)
  const now = deps.clock.now().toISOString()
  const limit = input.limit ?? 20
  const rows = await deps.store.shifts.list({
    communityId,
    from: input.from ? toIso(input.from) : now,
    to: input.to ? toIso(input.to) : null,
    mineOf: input.mine ? user.id : null,
    order: input.order ?? 'asc',
    after: input.cursor ? decodeKey(cursorSchema, input.cursor) : null,
    limit: limit + 1,
  })
  const page = rows.slice(0, limit)
  const mine = await deps.store.shifts.signupsOf(user.id, page.map((s) => s.id))
  const last = page[page.length - 1]
  return {
    items: page.map((s) => shiftView(s, mine.find((m) => m.shiftId === s.id) ?? null, user, now)),
    nextCursor: rows.length > limit && last ? encodeKey({ startAt: last.startAt, seq: last.seq }) : null,
  }
}
