import type { Deps } from '../deps'
import { sendDueReminders } from './sendDueReminders'

/** How often the self-hosted server sweeps (cloud/server/main.ts); the cloud function's timer trigger uses the same. */
export const REMINDER_INTERVAL_MS = 5 * 60_000

/**
 * Sweeps now, then every `intervalMs`, on a timer that does not keep the process alive; a sweep still running
 * when the next is due is not doubled. `stop()` clears the timer and waits for a sweep under way, so the store
 * can be closed after it.
 */
export function scheduleReminderSweep(
  deps: Deps,
  onSent: (sent: { key: string; recipients: number }[]) => void,
  intervalMs = REMINDER_INTERVAL_MS,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null
  let stopped = false
  const run = () => {
    if (running || stopped) return
    running = sendDueReminders(deps)
      .then(({ sent }) => onSent(sent))
      .catch((err: unknown) => deps.log.error({ err }, 'reminder sweep failed'))
      .finally(() => {
        running = null
      })
  }
  run()
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
