import type { z } from 'zod'
import { AppError } from '@/domain/shared/errors'

/** Opaque keyset cursors: the sort key of a page's last item, as base64url JSON, checked on the way back. */
export function encodeKey(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

export function decodeKey<S extends z.ZodType>(schema: S, s: string): z.output<S> {
  try {
    return schema.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')))
  } catch {
    throw new AppError('INVALID_INPUT', '分页位置无效，请刷新后重试', [{ path: 'cursor', message: '分页位置无效' }])
  }
}
