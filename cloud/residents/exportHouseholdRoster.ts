import { AppError } from '@/domain/shared/errors'
import type { HouseholdExportInput } from '@/domain/residents'
import type { UserCtx } from './ports'
import { committeeCommunity } from './policy'
import { rosterCsv } from './roster'

/**
 * household.export — a committee member downloads the roster (all grids or one) in the template's
 * columns. Every export is logged (who, when, which grid, how many rows) in the same transaction as the read.
 */
export async function exportHouseholdRoster(input: HouseholdExportInput, ctx: UserCtx): Promise<{ csv: string; rows: number }> {
  const { deps, user } = ctx
  const community = await committeeCommunity(ctx, '只有本社区工作人员可以导出花名册')
  if (input.gridId && !community.grids.some((g) => g.id === input.gridId)) {
    throw new AppError('FORBIDDEN', '只能导出本社区网格的花名册')
  }
  const at = deps.clock.now().toISOString()
  const households = await deps.store.households.exportAll(
    { communityId: community.id, gridIds: input.gridId ? [input.gridId] : null },
    (rows) => ({
      at,
      actorId: user.id,
      action: 'household.export',
      targetType: input.gridId ? 'grid' : 'community',
      targetId: input.gridId ?? community.id,
      communityId: community.id,
      detail: { gridId: input.gridId ?? null, rows },
    }),
  )
  const names = new Map(community.grids.map((g) => [g.id, g.name]))
  return { csv: rosterCsv(households, (id) => names.get(id) ?? ''), rows: households.length }
}
