import { z } from 'zod'

// A string of n UTF-16 units holds between ceil(n / 2) and n code points: decide from .length when
// that is enough, so that a 10 MB string is refused without being split into code points.
function atLeast(s: string, n: number): boolean {
  return s.length >= 2 * n || (s.length >= n && [...s].length >= n)
}
function atMost(s: string, n: number): boolean {
  return s.length <= n || (s.length <= 2 * n && [...s].length <= n)
}

/** Trimmed text with a length in characters (code points, so an emoji counts once). */
export function text(min: number, max: number, label: string) {
  return z
    .string({ error: `${label}必须是文字` })
    .transform((s) => s.trim())
    .refine((s) => atLeast(s, min), { message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .refine((s) => atMost(s, max), { message: `${label}最多 ${max} 个字` })
}

// Length checks abort: nothing runs a pattern over a 10 MB string (V8's regexp backtracking stack can
// overflow on such inputs, which would be a 500 instead of a 400).
export const idSchema = z
  .string()
  .min(1)
  .max(64, { abort: true })
  .regex(/^[A-Za-z0-9_-]+$/, { message: '编号格式不正确' })

/** Times the product can mean: years 2000–2099 (also keeps every stored time a plain 24-character ISO string). */
const EARLIEST = Date.UTC(2000, 0, 1)
const LATEST = Date.UTC(2100, 0, 1)

export const isoTime = z
  .string({ error: '时间格式不正确' })
  .max(40, { message: '时间格式不正确', abort: true })
  .pipe(z.iso.datetime({ offset: true, message: '时间格式不正确' }))
  .refine((s) => {
    const t = Date.parse(s)
    return t >= EARLIEST && t < LATEST
  }, { message: '时间超出范围（应在 2000—2099 年之间）' })

export const pageSchema = {
  cursor: z.string().max(200, { abort: true }).optional(),
  limit: z.number().int().min(1).max(100).optional(),
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** The input of an action that takes nothing. */
export const emptySchema = z.strictObject({})
