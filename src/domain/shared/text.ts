import { z } from 'zod'

// A string of n UTF-16 units holds between ceil(n / 2) and n code points: decide from .length when
// that is enough, so that a 10 MB string is refused without being split into code points.
function atLeast(s: string, n: number): boolean {
  return s.length >= 2 * n || (s.length >= n && [...s].length >= n)
}
function atMost(s: string, n: number): boolean {
  return s.length <= n || (s.length <= 2 * n && [...s].length <= n)
}

/**
 * Control characters (C0, DEL, C1) have no place in what people type: a NUL cuts SQLite's length() short (a
 * CHECK then fails in the store) and others garble a screen or a log. Newline and tab are allowed only where
 * the text may run over several lines (and a pasted CRLF is made a newline first).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
const LINE_BREAK_OR_TAB = /[\n\t]/

export function hasControl(s: string, multiline = false): boolean {
  return (multiline ? CONTROL_BUT_LINES : CONTROL).test(s)
}

/** Text with no control characters at all (codes, ids from outside, tokens). */
export function plainString(max: number, label: string) {
  return z
    .string({ error: `${label}必须是文字` })
    .max(max, { message: `${label}太长了`, abort: true })
    .refine((s) => !hasControl(s), { message: `${label}含有无法识别的特殊字符` })
}

/**
 * Trimmed text on one line with a length in characters (code points, so an emoji counts once); no control
 * characters, no line breaks or tabs. `multilineText` for text that may run over several lines.
 */
export function text(min: number, max: number, label: string) {
  return z
    .string({ error: `${label}必须是文字` })
    .transform((s) => s.trim())
    .refine((s) => atLeast(s, min), { message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .refine((s) => atMost(s, max), { message: `${label}最多 ${max} 个字` })
    .refine((s) => !LINE_BREAK_OR_TAB.test(s), { message: `${label}不能换行或含制表符` })
    .refine((s) => !hasControl(s, true), { message: `${label}含有无法识别的特殊字符，请删除后再试` })
}

/** Like `text`, over several lines: newlines and tabs allowed (CRLF and lone CR become a newline). */
export function multilineText(min: number, max: number, label: string) {
  return z
    .string({ error: `${label}必须是文字` })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .refine((s) => atLeast(s, min), { message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .refine((s) => atMost(s, max), { message: `${label}最多 ${max} 个字` })
    .refine((s) => !hasControl(s, true), { message: `${label}含有无法识别的特殊字符，请删除后再试` })
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
  cursor: z.string().max(200, { abort: true }).refine((s) => !hasControl(s), { message: '分页参数不正确' }).optional(),
  limit: z.number().int().min(1).max(100).optional(),
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** The input of an action that takes nothing. */
export const emptySchema = z.strictObject({})

/** A cell a spreadsheet would run as a formula (CSV injection, OWASP): = + - @ or a leading tab / CR. */
export function looksLikeFormula(cell: string): boolean {
  return /^[\t\r]/.test(cell) || /^\s*[=+\-@]/.test(cell)
}
