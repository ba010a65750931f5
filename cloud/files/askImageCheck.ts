import type { Deps, FileRecord } from './ports'

/** WeChat answers an image check within about 30 minutes: a photo still pending an hour after its ask is asked again. */
export const IMAGE_CHECK_RETRY_MS = 60 * 60 * 1000
const SWEEP_BATCH = 50

/**
 * Asks WeChat to check a pending photo (right after its upload, and again from the sweep) and records the trace
 * id its answer will carry. False when it could not be asked (no image check here, not pending, an uploader
 * without openid, WeChat unreachable): the photo stays pending, so hidden from other residents, never shown
 * unchecked. Never throws: the upload it follows has succeeded.
 */
export async function askImageCheck(deps: Pick<Deps, 'imageCheck' | 'store' | 'clock' | 'log'>, file: FileRecord): Promise<boolean> {
  if (!deps.imageCheck || file.check !== 'pending') return false
  try {
    const owner = await deps.store.users.get(file.ownerId)
    if (!owner?.openid) {
      deps.log.warn({ fileId: file.id }, 'image check: the uploader has no openid; the photo stays hidden from others')
      return false
    }
    const { traceId } = await deps.imageCheck.ask({ path: file.path, openid: owner.openid })
    return await deps.store.files.checkAsked(file.id, traceId, deps.clock.now().toISOString())
  } catch (err) {
    deps.log.error({ err, fileId: file.id }, 'image check could not be asked for; the sweep asks again')
    return false
  }
}

/**
 * The photos still pending whose check was never asked for or got no answer within IMAGE_CHECK_RETRY_MS: asked
 * (again), a batch per run (the reminders timer of the cloud function runs it). The number asked.
 */
export async function sweepImageChecks(deps: Pick<Deps, 'imageCheck' | 'store' | 'clock' | 'log'>): Promise<number> {
  if (!deps.imageCheck) return 0
  const before = new Date(deps.clock.now().getTime() - IMAGE_CHECK_RETRY_MS).toISOString()
  let asked = 0
  for (const file of await deps.store.files.listPendingChecks(before, SWEEP_BATCH)) {
    if (await askImageCheck(deps, file)) asked++
  }
  return asked
}
