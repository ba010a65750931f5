import { runPeriodically, underLease } from '../shared/periodic'
import type { Deps } from './ports'
import { raiseWarnings, type SweepSummary } from './raiseWarnings'

/** How often the warnings sweep runs: weekly counts move slowly; an hour keeps a spike's warning within the hour. */
export const WARNING_INTERVAL_MS = 60 * 60_000

/** Sweeps now, then every `intervalMs`, in one process of those serving the database (underLease 'warnings'). */
export function scheduleWarningSweep(
  deps: Deps,
  onRaised: (raised: SweepSummary['raised']) => void,
  intervalMs = WARNING_INTERVAL_MS,
): { stop(): Promise<void> } {
  return runPeriodically(
    underLease(deps, 'warnings', intervalMs, () => raiseWarnings(deps).then(({ raised }) => onRaised(raised))),
    (err) => deps.log.error({ err }, 'warning sweep failed'),
    intervalMs,
  )
}
