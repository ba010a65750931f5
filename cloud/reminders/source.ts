import type { Deps, DueReminder } from './ports'

/**
 * Where reminders come from: one source per kind of reminder (a vote closing, a shift tonight, a shift in an
 * hour). The sweep asks every source on each run; a source returns what is due at `now` — sent or not, the
 * ledger (keyed by DueReminder.key) decides — and may bring its feature's state up to date first.
 */
export interface ReminderSource {
  /** for logs */
  name: string
  due(deps: Deps, now: Date): Promise<DueReminder[]>
}
