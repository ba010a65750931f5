import { REPORT_CATEGORY_LABELS } from '@/domain/reports'
import { JUDGEMENT_LABELS, WARNING_SIGNAL_LABELS, type WarningView } from '@/domain/warnings'

const CHINA_OFFSET_MS = 8 * 3600_000

/** 3月1日 10:05 in China time. */
export function timeText(iso: string): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
}

/** The warning's kind and area in a few words: 第一网格 · 环境卫生 · 报事量异常升高 */
export function titleOf(w: Pick<WarningView, 'gridName' | 'category' | 'signal'>): string {
  return [w.gridName ?? '全社区', w.category ? REPORT_CATEGORY_LABELS[w.category] : null, WARNING_SIGNAL_LABELS[w.signal]].filter(Boolean).join(' · ')
}

/** Its state in words (colour is never the only signal). */
export function stateText(w: Pick<WarningView, 'status' | 'judgement'>): string {
  if (w.status === 'closed') return w.judgement ? `已关闭（${JUDGEMENT_LABELS[w.judgement]}）` : '已关闭'
  return w.judgement ? `研判中（${JUDGEMENT_LABELS[w.judgement]}）` : '待研判'
}
