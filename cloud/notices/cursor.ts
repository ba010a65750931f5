import { z } from 'zod'
import { AppError } from '@/domain/shared/errors'
import type { NoticeCursor } from './ports'

const cursorSchema = z.strictObject({
  p: z.union([z.literal(0), z.literal(1)]),
  a: z.iso.datetime(),
  i: z.string().min(1).max(64),
})

/** Opaque keyset cursor: the sort key (pinned, publishAt, id) of the last item of the page. */
export function encodeCursor(c: NoticeCursor): string {
  return Buffer.from(JSON.stringify({ p: c.pinned ? 1 : 0, a: c.publishAt, i: c.id })).toString('base64url')
}

export function decodeCursor(s: string): NoticeCursor {
  try {
    const c = cursorSchema.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')))
    return { pinned: c.p === 1, publishAt: c.a, id: c.i }
  } catch {
    throw new AppError('INVALID_INPUT', '分页位置无效，请刷新后重试', [{ path: 'cursor', message: '分页位置无效' }])
  }
}
