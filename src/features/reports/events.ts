import type { ReportView } from '@/domain/reports'

/** A report created or changed on one screen, so the lists (tab, 我的上报) update without a manual reload. */
export type ReportEvent = { type: 'created'; report: ReportView } | { type: 'changed'; report: ReportView }

type Listener = (e: ReportEvent) => void
const listeners = new Set<Listener>()

export function emitReportEvent(e: ReportEvent): void {
  for (const l of [...listeners]) l(e)
}

export function onReportEvent(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
