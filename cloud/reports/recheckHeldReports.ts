import type { Deps, RecheckOutcome } from './ports'

/** Reports checked per sweep run (the rest wait for the next run). */
export const RECHECK_BATCH = 50
/** After this long without an answer the report stays held for good (staff handle it as any flagged report). */
export const RECHECK_GIVE_UP_MS = 3 * 24 * 3600_000
const RETRY_FIRST_MS = 5 * 60_000
const RETRY_MAX_MS = 3600_000

export interface RecheckSummary {
  released: number
  kept: number
  retried: number
}

/**
 * The recheck sweep: each report held because the content check could not answer is checked again with its
 * text as it is now. pass → released to other residents; review/risky → stays held (as if the check had said
 * so at once); unavailable again → tried later (5 min, doubling, at most hourly) until RECHECK_GIVE_UP_MS after
 * it was queued, then it stays held. A release is conditional on the version read (settleRecheck): an edit in
 * between is checked again on the next run, never released on the older text's pass.
 */
export async function recheckHeldReports(deps: Pick<Deps, 'store' | 'clock' | 'contentCheck' | 'log'>): Promise<RecheckSummary> {
  const summary: RecheckSummary = { released: 0, kept: 0, retried: 0 }
  const due = await deps.store.reports.dueRechecks(deps.clock.now().toISOString(), RECHECK_BATCH)
  for (const item of due) {
    try {
      const report = await deps.store.reports.get(item.reportId)
      if (!report) continue
      const verdict = await deps.contentCheck.check([report.description, report.address ?? ''], {
        userId: report.reporterId,
        scene: 'report',
      })
      const now = deps.clock.now().getTime()
      let outcome: RecheckOutcome
      if (verdict.suggest === 'pass') outcome = { kind: 'release' }
      else if (verdict.suggest !== 'unavailable') outcome = { kind: 'keepHeld' }
      else if (now - Date.parse(item.queuedAt) >= RECHECK_GIVE_UP_MS) {
        deps.log.warn({ reportId: report.id, reason: verdict.reason }, 'content recheck given up: the report stays held')
        outcome = { kind: 'keepHeld' }
      } else {
        const wait = Math.min(RETRY_FIRST_MS * 2 ** item.attempts, RETRY_MAX_MS)
        outcome = { kind: 'retry', nextAt: new Date(now + wait).toISOString() }
      }
      if (!(await deps.store.reports.settleRecheck(report.id, report.version, outcome))) continue
      if (outcome.kind === 'release') summary.released++
      else if (outcome.kind === 'keepHeld') summary.kept++
      else summary.retried++
    } catch (err) {
      deps.log.error({ err, reportId: item.reportId }, 'content recheck failed')
    }
  }
  return summary
}
