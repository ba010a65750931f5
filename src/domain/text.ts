import { z } from 'zod'

/** Trimmed text with a length in characters (code points, so an emoji counts once). */
export function text(min: number, max: number, label: string) {
  return z
    .string({ error: `${label}必须是文字` })
    .transform((s) => s.trim())
    .refine((s) => [...s].length >= min, { message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .refine((s) => [...s].length <= max, { message: `${label}最多 ${max} 个字` })
}

export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { message: '编号格式不正确' })

export const isoTime = z.iso.datetime({ offset: true, message: '时间格式不正确' })

export const pageSchema = {
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).optional(),
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}
