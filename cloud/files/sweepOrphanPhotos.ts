import type { Deps } from './ports'
import { runPeriodically } from '../shared/periodic'

/** An upload no report holds is kept this long (the time to finish the form), then swept. */
export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000
/** How often the server sweeps (cloud/server/main.ts). */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000

const BATCH = 200

/**
 * Removes uploads that no report holds and that are older than ORPHAN_AGE_MS: photos never submitted, and
 * those a report.edit replaced. Each row is deleted only if it is still unattached at that moment (a
 * conditional DELETE), so a report that takes the photo while the sweep runs keeps it; the blob goes after
 * its row (a blob already gone is fine; a failed removal is logged and leaves an unreachable blob).
 */
export async function sweepOrphanPhotos(deps: Pick<Deps, 'store' | 'blobs' | 'clock' | 'log'>): Promise<{ removed: number }> {
  const before = new Date(deps.clock.now().getTime() - ORPHAN_AGE_MS).toISOString()
  let removed = 0
  let after: { createdAt: string; id: string } | undefined
  for (;;) {
    const batch = await deps.store.files.listUnattached(before, BATCH, after)
    for (const file of batch) {
      if (!(await deps.store.files.deleteIfUnattached(file.id, before))) continue
      removed++
      try {
        await deps.blobs.remove(file.path)
      } catch (err) {
        deps.log.error({ err, fileId: file.id, path: file.path }, 'could not remove the blob of a swept photo')
      }
    }
    if (batch.length < BATCH) return { removed }
    const last = batch[batch.length - 1]!
    after = { createdAt: last.createdAt, id: last.id }
  }
}

/**
 * Sweeps now, then every `intervalMs`, on a timer that does not keep the process alive. `stop()` clears the
 * timer and waits for a sweep under way, so the store can be closed after it.
 */
export function scheduleOrphanSweep(
  deps: Pick<Deps, 'store' | 'blobs' | 'clock' | 'log'>,
  onSwept: (removed: number) => void,
  intervalMs = SWEEP_INTERVAL_MS,
): { stop(): Promise<void> } {
  return runPeriodically(
    () => sweepOrphanPhotos(deps).then(({ removed }) => onSwept(removed)),
    (err) => deps.log.error({ err }, 'orphan photo sweep failed'),
    intervalMs,
  )
}
