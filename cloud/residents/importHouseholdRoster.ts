import type { HouseholdImportInput, HouseholdImportResult } from '@/domain/residents'
import type { UserCtx } from './ports'
import { committeeCommunity } from './policy'
import { parseRoster } from './roster'

/**
 * household.import — a committee member uploads the household roster (CSV UTF-8) of their community.
 * The file is checked whole first (encoding, header, size, structure); good lines are upserted by
 * (grid, 楼栋, 单元, 房号) in ONE transaction with one audit entry holding counts only; bad lines come back
 * with their line number and reason. A file imported twice changes and writes nothing the second time.
 */
export async function importHouseholdRoster(input: HouseholdImportInput, ctx: UserCtx): Promise<HouseholdImportResult> {
  const { deps, user } = ctx
  const community = await committeeCommunity(ctx, '只有本社区工作人员可以导入花名册')
  const { rows, rejected } = parseRoster(input.csv, community.grids)
  const at = deps.clock.now().toISOString()
  const outcome = await deps.store.households.importRoster(
    rows.map(({ line: _line, ...r }) => r),
    () => deps.ids.newId(),
    at,
    {
      at,
      actorId: user.id,
      action: 'household.import',
      targetType: 'community',
      targetId: community.id,
      communityId: community.id,
      detail: { rejected: rejected.length },
    },
  )
  return { ...outcome, rejected }
}
