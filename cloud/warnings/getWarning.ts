import type { WarningDetail, WarningGetInput } from '@/domain/warnings'
import type { UserCtx } from './ports'
import { loadWarning } from './access'
import { assessmentView, warningView } from './view'

/** warning.get — a warning with the figures behind it, the reports it counts and its 会商研判 so far. */
export async function getWarning(input: WarningGetInput, ctx: UserCtx): Promise<WarningDetail> {
  const { deps, user } = ctx
  const { warning, canAssess } = await loadWarning(deps, user, input.id)
  const assessments = await deps.store.warnings.assessments(warning.id)
  return {
    ...warningView(warning),
    reportIds: warning.reportIds,
    assessments: assessments.map(assessmentView),
    canAssess: canAssess && warning.status === 'open',
  }
}
