import type { Deps } from './ports'
import { runPeriodically, underLease } from '../shared/periodic'

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

/** The keys uploadPhoto gives its blobs: `<first two of the id>/<id>.<jpg|png|webp>`. */
const PHOTO_KEY = /^[A-Za-z0-9_-]{1,2}\/[A-Za-z0-9_-]{1,64}\.(jpg|png|webp)$/

/** A blob or temp file younger than this may belong to an upload in progress (blob first, row a moment later). */
export const STRAY_GRACE_MS = 60 * 60 * 1000

/**
 * Reconciles the blob store with the rows (where the store can list itself): a crash can leave a temp file (a
 * write cut before its rename) or a blob without a row (cut between the blob and the row, or a row swept while
 * its blob could not be removed). Past STRAY_GRACE_MS both are removed; a blob whose row names it stays.
 */
export async function sweepStrayBlobs(deps: Pick<Deps, 'store' | 'blobs' | 'clock' | 'log'>): Promise<{ removed: number }> {
  const { blobs } = deps
  if (!blobs.list || !blobs.removeLeftover) return { removed: 0 }
  const before = deps.clock.now().getTime() - STRAY_GRACE_MS
  let removed = 0
  for await (const e of blobs.list()) {
    if (e.modifiedAt.getTime() >= before) continue
    // only what uploadPhoto writes: anything else in the folder is not ours to remove
    if (!e.leftover && !PHOTO_KEY.test(e.key)) continue
    try {
      if (e.leftover) {
        await blobs.removeLeftover(e.key)
      } else {
        // keys are `<2 chars>/<file id>.<ext>`: the row is found by its id and must name this blob
        const id = e.key.slice(e.key.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '')
        if ((await deps.store.files.get(id))?.path === e.key) continue
        await blobs.remove(e.key)
      }
      removed++
    } catch (err) {
      deps.log.error({ err, key: e.key }, 'could not remove a stray blob')
    }
  }
  return { removed }
}

/**
 * Sweeps now, then every `intervalMs`, on a timer that does not keep the process alive: unattached photos
 * (rows, then their blobs), then the blob store against the rows. `stop()` clears the timer and waits for a
 * sweep under way, so the store can be closed after it.
 */
export function scheduleOrphanSweep(
  deps: Pick<Deps, 'store' | 'blobs' | 'clock' | 'log'>,
  onSwept: (removed: number) => void,
  intervalMs = SWEEP_INTERVAL_MS,
): { stop(): Promise<void> } {
  return runPeriodically(
    underLease(deps, 'photoSweep', intervalMs, async () => {
      const photos = await sweepOrphanPhotos(deps)
      const strays = await sweepStrayBlobs(deps)
      onSwept(photos.removed + strays.removed)
    }),
    (err) => deps.log.error({ err }, 'orphan photo sweep failed'),
    intervalMs,
  )
}
