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
