import { z } from 'zod'
import { tierPlaceOf } from '@/domain/shared/roles'
import type { VisitListInput, VisitListPage } from '@/domain/visits'
import { decodeKey, encodeKey } from '../shared/cursor'
import type { UserCtx, VisitCursor, VisitRecord } from './ports'
import { loadHousehold, scopeOf, seesFullFor } from './access'
import { followUpView, visitView } from './view'

const cursorSchema = z.tuple([z.string().max(40), z.number().int()])

function pageOf(found: VisitRecord[], limit: number): { items: VisitRecord[]; nextCursor: string | null } {
  const items = found.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: found.length > limit && last ? encodeKey([last.visitedAt, last.seq]) : null }
}

/**
 * visit.list — staff read visits, newest first: a grid worker those of their grids, the committee its community's
 * (or one grid's); with `householdId`, one household's file with its follow-up mark, and each such read writes an
 * audit entry (the file is personal data: who read it, when). Street, district and city staff read a grid's or a
 * household's of the communities under them.
 */
export async function listVisits(input: VisitListInput, ctx: UserCtx): Promise<VisitListPage> {
  const { deps, user } = ctx
  const limit = input.limit ?? 20
  const c = input.cursor ? decodeKey(cursorSchema, input.cursor) : null
  const after: VisitCursor | null = c ? { visitedAt: c[0], seq: c[1] } : null

  if (input.householdId) {
    const h = await loadHousehold(deps, user, input.householdId, 'read')
    const now = deps.clock.now().toISOString()
    const file = await deps.store.visits.householdFile(h.id, { after, limit: limit + 1 }, {
      at: now,
      actorId: user.id,
      action: 'visit.readFile',
      targetType: 'household',
      targetId: h.id,
      communityId: h.communityId,
    })
    const page = pageOf(file.visits, limit)
    const full = seesFullFor(user)
    return {
      items: page.items.map((v) => visitView(v, full)),
      nextCursor: page.nextCursor,
      followUp: file.followUp ? followUpView(file.followUp, now, full) : null,
    }
  }

  // a grid of another community: its community, for the tiers above it (scopeOf refuses everyone else)
  const grid = input.gridId && tierPlaceOf(user) ? await deps.store.communities.grid(input.gridId) : null
  const scope = await scopeOf(deps, user, { ...(grid ? { communityId: grid.communityId } : {}), ...(input.gridId ? { gridId: input.gridId } : {}) })
  const found = await deps.store.visits.list({ gridIds: scope.gridIds, after, limit: limit + 1 })
  const page = pageOf(found, limit)
  return { items: page.items.map((v) => visitView(v, seesFullFor(user))), nextCursor: page.nextCursor }
}
