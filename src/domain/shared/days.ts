import { z } from 'zod'
import { chinaInstant } from './chinaTime'

/**
 * China calendar days as filters ('YYYY-MM-DD', both ends included): one schema for 台账导出's list and 问题总览's
 * list (report.list's `from`/`to`), so a figure's period opens the list that counts it.
 */

const DAY = /^20\d{2}-\d{2}-\d{2}$/

const validDay = (s: string) => {
  const t = Date.parse(`${s}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s
}

export const daySchema = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .max(10, { message: `${label}格式不正确（如 2025-03-01）`, abort: true })
    .regex(DAY, { message: `${label}格式不正确（如 2025-03-01）` })
    .refine(validDay, { message: `${label}不是有效的日期` })

/** The optional `from` / `to` days of a list. */
export const dayRangeFields = { from: daySchema('开始日期').optional(), to: daySchema('结束日期').optional() }

/** An issue when `to` is before `from` (for a superRefine). */
export function checkDayRange(v: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
}

/** The instants [from, to) of China days `from` to `to`, both included; an open end where a day is not given. */
export function chinaDayRange(from?: string, to?: string): { from: string | null; to: string | null } {
  return {
    from: from ? chinaInstant(from).toISOString() : null,
    to: to ? new Date(chinaInstant(to).getTime() + 24 * 3600_000).toISOString() : null,
  }
}
