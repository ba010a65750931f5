import { maskPhone } from '../shared/mask'

/**
 * An audit entry's detail as staff may read it (个人信息保护法): phone numbers and ID numbers masked wherever they
 * appear — under a key that names a phone, or as digits inside any text — the way the other staff views mask them.
 */

const ID_NUMBER = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9Xx])/g
const MOBILE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g
const LANDLINE = /(?<![0-9])0\d{2,3}-?\d{7,8}(?![0-9])/g

export function maskIdNumber(id: string): string {
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4)
}

/** Phone and ID numbers inside a text, masked. */
export function maskText(s: string): string {
  return s.replace(ID_NUMBER, maskIdNumber).replace(MOBILE, maskPhone).replace(LANDLINE, maskPhone)
}

const digits = (s: string) => s.replace(/\D/g, '').length
const isPhoneKey = (key: string) => /phone|mobile|tel/i.test(key)

function maskValue(v: unknown, phoneKey: boolean, depth: number): unknown {
  if (typeof v === 'string') return phoneKey && digits(v) >= 7 ? maskPhone(v) : maskText(v)
  // a count under a phone key (`phones: 3`) stays; a number that is a phone does not
  if (typeof v === 'number') return digits(String(v)) >= 7 && (phoneKey || /^1[3-9]\d{9}$/.test(String(v))) ? maskPhone(String(v)) : v
  if (depth > 8 || v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map((x) => maskValue(x, phoneKey, depth + 1))
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskValue(x, phoneKey || isPhoneKey(k), depth + 1)]))
}

/** The detail with personal numbers masked (null: none). */
export function maskAuditDetail(detail: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  return detail ? (maskValue(detail, false, 0) as Record<string, unknown>) : null
}
