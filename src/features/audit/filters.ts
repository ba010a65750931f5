import type { AuditListInput } from '@/domain/audit'
import { chinaDay } from '@/domain/shared/chinaTime'

/** The periods the filter bar offers (days back from today, China time; 0: no limit). */
export const PERIODS = [
  { value: '7', label: '近7天' },
  { value: '30', label: '近30天' },
  { value: '365', label: '近一年' },
  { value: 'all', label: '全部' },
] as const
export type Period = (typeof PERIODS)[number]['value']

export interface AuditFilterState {
  period: Period
  /** an action name; '' for all */
  action: string
  /** the person (id and name as shown) whose rows only are listed */
  actor: { id: string; name: string } | null
}

export const NO_FILTER: AuditFilterState = { period: '30', action: '', actor: null }

const DAY_MS = 24 * 3600_000

/** The filter as audit.list's input (without paging), `now` deciding today. */
export function filterInput(f: AuditFilterState, now: Date = new Date()): AuditListInput {
  const out: AuditListInput = {}
  if (f.period !== 'all') {
    const days = Number(f.period)
    out.from = chinaDay(new Date(now.getTime() - (days - 1) * DAY_MS))
    out.to = chinaDay(now)
  }
  if (f.action) out.action = f.action
  if (f.actor) out.actorId = f.actor.id
  return out
}
