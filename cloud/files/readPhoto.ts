import { AppError } from '@/domain/shared/errors'
import type { Deps, ImageMime } from './ports'

/**
 * The bytes behind a signed photo address (`/files/<id>?e=&s=`). The signature is the permission: only
 * views of a report its viewer may see carry its photos' addresses (deps.fileUrls.sign), so a forged,
 * expired or other-file signature is FORBIDDEN before anything is read.
 */
export async function readPhoto(
  deps: Deps,
  fileId: string,
  expires: unknown,
  signature: unknown,
): Promise<{ mime: ImageMime; bytes: Buffer }> {
  if (typeof expires !== 'string' || typeof signature !== 'string' || !deps.fileUrls.verify(fileId, expires, signature)) {
    throw new AppError('FORBIDDEN', '图片链接无效或已过期，请刷新页面')
  }
  const file = await deps.store.files.get(fileId)
  if (!file) throw new AppError('NOT_FOUND', '图片不存在')
  const bytes = await deps.blobs.read(file.path)
  if (!bytes) {
    deps.log.error({ fileId, path: file.path }, 'photo blob missing')
    throw new AppError('NOT_FOUND', '图片不存在')
  }
  return { mime: file.mime, bytes }
}
