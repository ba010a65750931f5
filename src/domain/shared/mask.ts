/** 张三丰 → 张*丰, 张三 → 张*, 138****5678 (个人信息保护法: show only what is needed). */
export function maskName(name: string): string {
  const cps = [...name]
  if (cps.length <= 1) return name
  if (cps.length === 2) return cps[0] + '*'
  return cps[0] + '*'.repeat(cps.length - 2) + cps[cps.length - 1]
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 7) return '*'.repeat(digits.length)
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4)
}

/** Every occurrence of these names in a text, masked as maskName does (longest first, so 欧阳明月 before 欧阳). */
export function maskNamesIn(text: string, names: readonly string[]): string {
  const distinct = [...new Set(names.map((n) => n.trim()).filter((n) => [...n].length > 1))].sort((a, b) => b.length - a.length)
  if (distinct.length === 0) return text
  const escaped = distinct.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return text.replace(new RegExp(escaped.join('|'), 'g'), (n) => maskName(n))
}
