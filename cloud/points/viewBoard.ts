import { maskName } from '@/domain/shared/mask'
import { monthOf, type PointsBoard } from '@/domain/points'
import type { UserCtx } from './ports'
import { communityOf } from './access'

export const BOARD_SIZE = 20

/**
 * points.board — the community's top participants this month (China time) by points earned, names masked; public
 * to the community. Redemptions do not lower a place on the board; reversals do.
 */
export async function viewBoard(_input: unknown, ctx: UserCtx): Promise<PointsBoard> {
  const { deps, user } = ctx
  const communityId = communityOf(user)
  const m = monthOf(deps.clock.now())
  const rows = await deps.store.points.board(communityId, m.from, m.to, BOARD_SIZE)
  return {
    month: m.month,
    rows: rows.map((r, i) => ({ rank: i + 1, name: r.userId === user.id ? '我' : maskName(r.name), points: r.points, me: r.userId === user.id })),
  }
}
