import { AppError } from '@/domain/shared/errors'
import type { LedgerServices } from './ports'

const EXPIRED = '下载地址无效或已过期，请重新导出'

/**
 * GET /exports/:id — an exported file for its exporter: signed in (UNAUTHENTICATED), the file still kept (NOT_FOUND),
 * the address signed for this file and this exporter and not expired, and the caller being the exporter (FORBIDDEN).
 */
export async function readExport(
  deps: LedgerServices,
  userId: string | null,
  id: string,
  expires: unknown,
  signature: unknown,
): Promise<{ path: string; fileName: string; bytes: number }> {
  if (!userId) throw new AppError('UNAUTHENTICATED')
  const file = await deps.exportFiles.open(id)
  if (!file) throw new AppError('NOT_FOUND', '文件不存在或已清理，请重新导出')
  if (!deps.exportUrls.verify(id, expires, signature, file.meta.ownerId)) throw new AppError('FORBIDDEN', EXPIRED)
  if (file.meta.ownerId !== userId) throw new AppError('FORBIDDEN', '只能下载本人导出的文件')
  return { path: file.path, fileName: file.meta.fileName, bytes: file.bytes }
}

/** Content-Disposition for a Chinese file name (RFC 6266 with RFC 5987's filename*; an ASCII fallback first). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`
}
