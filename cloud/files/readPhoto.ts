import { AppError } from '@/domain/shared/errors'
import { photoScope } from '../reports'
import { UNATTACHED } from './fileUrls'
import type { Deps, FileRecord, ImageMime } from './ports'

/**
 * The bytes behind a signed photo address (`/files/<id>?e=&s=`). The signature is the permission: only
 * views of a report its viewer may see carry its photos' addresses (deps.fileUrls.sign), signed for the report's
 * audience at that moment; the audience now is checked here, so a report made private (or held for review, or a
 * photo taken off it) ends the addresses handed out before. A forged, expired, other-file or outdated signature is
 * FORBIDDEN; an unknown file NOT_FOUND.
 */
export async function readPhoto(
  deps: Deps,
  fileId: string,
  expires: unknown,
  signature: unknown,
): Promise<{ mime: ImageMime; bytes: Buffer }> {
  const file = await checkLink(deps, fileId, expires, signature)
  const bytes = await deps.blobs.read(file.path)
  if (!bytes) {
    deps.log.error({ fileId, path: file.path }, 'photo blob missing')
    throw new AppError('NOT_FOUND', '图片不存在')
  }
  return { mime: file.mime, bytes }
}

/**
 * The file behind a signed photo link, when the link is the server's for it and its report's audience now
 * (readPhoto's check; file.links makes the same one on the cloud). FORBIDDEN or NOT_FOUND otherwise.
 */
export async function checkLink(deps: Deps, fileId: string, expires: unknown, signature: unknown): Promise<FileRecord> {
  if (typeof expires !== 'string' || typeof signature !== 'string') throw new AppError('FORBIDDEN', LINK_REFUSED)
  const file = await deps.store.files.get(fileId)
  if (!file) throw new AppError('NOT_FOUND', '图片不存在')
  const reportId = await deps.store.files.reportOf(fileId)
  const report = reportId ? await deps.store.reports.get(reportId) : null
  if (!deps.fileUrls.verify(fileId, expires, signature, report ? photoScope(report) : UNATTACHED)) {
    throw new AppError('FORBIDDEN', LINK_REFUSED)
  }
  return file
}

const LINK_REFUSED = '图片链接无效或已过期，请刷新页面'
