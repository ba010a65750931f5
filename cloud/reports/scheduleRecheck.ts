import type { LeaseRepo } from '../shared/ports'
import { runPeriodically, underLease } from '../shared/periodic'
import type { Deps, ReportsStore } from './ports'
import { recheckHeldReports, type RecheckSummary } from './recheckHeldReports'

/** How often the self-hosted server rechecks held reports; the cloud function does it on its timer trigger. */
export const RECHECK_INTERVAL_MS = 5 * 60_000

/** The recheck sweep now, then every `intervalMs`, in one process of those serving the database (underLease). */
export function scheduleRecheckSweep(
  deps: Pick<Deps, 'clock' | 'contentCheck' | 'log'> & { store: ReportsStore & { leases: LeaseRepo } },
  onDone: (summary: RecheckSummary) => void,
  intervalMs = RECHECK_INTERVAL_MS,
): { stop(): Promise<void> } {
  return runPeriodically(
    underLease(deps, 'content-recheck', intervalMs, () => recheckHeldReports(deps).then(onDone)),
    (err) => deps.log.error({ err }, 'content recheck sweep failed'),
    intervalMs,
  )
}
