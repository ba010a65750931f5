import { chinaClock } from '@/domain/shared/chinaTime'

/** +5 / -20: the sign always written, so a minus is never only a colour. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n))

/** 3月1日 10:00 (China time). */
export const whenText = (iso: string): string => chinaClock(iso)
