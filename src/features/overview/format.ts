import type { Hours, Rate } from '@/domain/overview'

/** 62.5% — a share in words; — when there is nothing to divide. */
export const pct = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`)

/** 62.5%（5/8） */
export const rateText = (r: Rate): string => (r.share === null ? '—' : `${pct(r.share)}（${r.n}/${r.of}）`)

export const hoursText = (h: number | null): string => (h === null ? '—' : `${h} 小时`)

/** 中位 3 小时，九成 30 小时内（7 件） */
export const hoursLine = (h: Hours): string => (h.n === 0 ? '暂无' : `中位 ${hoursText(h.median)}，九成在 ${hoursText(h.p90)} 内（${h.n} 件）`)

export const average = (a: number | null): string => (a === null ? '—' : `${a} 星`)
