import { defaultBucket, periodOf, type Overview, type OverviewGetInput } from '@/domain/overview'
import type { UserCtx } from './ports'
import { areaOf, subAreaKindOf } from './access'
import { assemble } from './assemble'
import { assembleBins, assembleSplit } from './assembleSplit'

/** overview.get — an area's figures over a period (default: this China month), by day, week or month. */
export async function getOverview(input: OverviewGetInput, ctx: UserCtx): Promise<Overview> {
  const { deps, user } = ctx
  const area = await areaOf(deps, user, input.area)
  const now = deps.clock.now()
  const period = periodOf(input, now)
  const bucket = input.bucket ?? defaultBucket(period.from, period.to)
  const q = { scope: area.scope, start: period.start, end: period.end, now: now.toISOString() }
  const [figures, units, split, bins] = await Promise.all([
    deps.store.overview.figures(q),
    deps.store.overview.subAreas(area.scope),
    deps.store.overview.trendSplit(q),
    deps.store.overview.hourBins(q),
  ])
  return {
    area: { kind: area.kind, id: area.id, name: area.name },
    subAreaKind: subAreaKindOf(area.scope),
    from: period.from,
    to: period.to,
    bucket,
    ...assemble(figures, units, period, bucket),
    trendSplit: assembleSplit(split, units, period, bucket),
    speedBins: assembleBins(bins),
  }
}
