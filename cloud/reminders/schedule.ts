import type { Deps } from './ports'
import { runPeriodically, underLease } from '../shared/periodic'
import { sendDueReminders } from './sendDueReminders'

/** How often the self-hosted server sweeps (cloud/server/main.ts); the cloud function's timer trigger uses the same. */
export const REMINDER_INTERVAL_MS = 5 * 60_000

/** Sweeps now, then every `intervalMs` (see runPeriodically), in one process of those serving the database (underLease). */
export function scheduleReminderSweep(
  deps: Deps,
  onSent: (sent: { key: string; recipients: number }[]) => void,
  intervalMs = REMINDER_INTERVAL_MS,
): { stop(): Promise<void> } {
  return runPeriodically(
    underLease(deps, 'reminders', intervalMs, () => sendDueReminders(deps).then(({ sent }) => onSent(sent))),
    (err) => deps.log.error({ err }, 'reminder sweep failed'),
    intervalMs,
  )
}
