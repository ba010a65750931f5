import type { Deps, FileRecord } from './ports'

/**
 * WeChat answers an image check within about 30 minutes: a photo still pending an hour after its last ask (or its
 * last failed try) is asked again; a photo uploaded more than IMAGE_CHECK_GIVE_UP_MS ago is not asked any more (it
 * stays hidden from other residents; its uploader and the staff still see it).
 */
export const IMAGE_CHECK_RETRY_MS = 60 * 60 * 1000
export const IMAGE_CHECK_GIVE_UP_MS = 3 * 24 * 60 * 60 * 1000
const SWEEP_BATCH = 50

type AskDeps = Pick<Deps, 'imageCheck' | 'store' | 'clock' | 'log'>

/**
 * Asks WeChat to check a pending photo (right after its upload, and again from the sweep) and keeps the trace id
 * its answer will carry. False when it could not be asked (no image check here, not pending, an uploader without
 * openid, WeChat unreachable): the try is recorded, so the sweep waits an hour before the next one, and the photo
 * stays pending, hidden from other residents, never shown unchecked. Never throws: the upload it follows succeeded.
 */
export async function askImageCheck(deps: AskDeps, file: FileRecord): Promise<boolean> {
  if (!deps.imageCheck || file.check !== 'pending') return false
  const at = () => deps.clock.now().toISOString()
  try {
    const owner = await deps.store.users.get(file.ownerId)
    if (!owner?.openid) {
      deps.log.warn({ fileId: file.id }, 'image check: the uploader has no openid; the photo stays hidden from others')
    } else {
      const { traceId } = await deps.imageCheck.ask({ path: file.path, openid: owner.openid })
      return await deps.store.files.checkAsked(file.id, traceId, at())
    }
  } catch (err) {
    deps.log.error({ err, fileId: file.id }, 'image check could not be asked for; the sweep asks again')
  }
  try {
    await deps.store.files.checkAsked(file.id, null, at())
  } catch (err) {
    deps.log.error({ err, fileId: file.id }, 'image check: the failed try could not be recorded')
  }
  return false
}

/**
 * Pending photos of the last IMAGE_CHECK_GIVE_UP_MS not asked (or tried) within IMAGE_CHECK_RETRY_MS, least
 * recently tried first: asked again, a batch per run (the cloud function's timer). A photo whose ask keeps
 * failing goes to the back of the line each time, so it never holds up the others. The number asked.
 */
export async function sweepImageChecks(deps: AskDeps): Promise<number> {
  if (!deps.imageCheck) return 0
  const now = deps.clock.now().getTime()
  const before = new Date(now - IMAGE_CHECK_RETRY_MS).toISOString()
  const since = new Date(now - IMAGE_CHECK_GIVE_UP_MS).toISOString()
  let asked = 0
  for (const file of await deps.store.files.listPendingChecks(before, since, SWEEP_BATCH)) {
    if (await askImageCheck(deps, file)) asked++
  }
  return asked
}
