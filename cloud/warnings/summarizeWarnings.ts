import { JUDGEMENTS, type WarningSummary, type WarningSummaryInput } from '@/domain/warnings'
import type { UserCtx } from './ports'
import { scopeOf } from './access'

const DAYS = 30

/**
 * warning.summary — 问题总览's 预警 card: the warnings raised in the last 30 days in the caller's area (a grid
 * worker's grids, the committee's community, the community a tier names), open and closed by 研判 conclusion.
 */
export async function summarizeWarnings(input: WarningSummaryInput, ctx: UserCtx): Promise<WarningSummary> {
  const { deps, user } = ctx
  const scope = await scopeOf(deps, user, input.communityId)
  const since = new Date(deps.clock.now().getTime() - DAYS * 24 * 3600_000).toISOString()
  const rows = (await deps.store.warnings.counts([scope.communityId], since)).filter(
    (r) => !scope.gridIds || (r.gridId !== null && scope.gridIds.includes(r.gridId)),
  )
  const out: WarningSummary = { days: DAYS, raised: 0, open: 0, closed: 0, byJudgement: Object.fromEntries(JUDGEMENTS.map((j) => [j, 0])) as WarningSummary['byJudgement'] }
  for (const r of rows) {
    out.raised += r.n
    if (r.status === 'open') out.open += r.n
    else {
      out.closed += r.n
      if (r.judgement) out.byJudgement[r.judgement] += r.n
    }
  }
  return out
}
