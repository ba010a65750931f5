import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { Clock, LeaseRepo } from './ports'

/**
 * Runs `task` now, then every `intervalMs`, on a timer that does not keep the process alive; a run still under
 * way when the next is due is not doubled, and a failure is logged, never thrown. `stop()` clears the timer and
 * waits for a run under way, so the store can be closed after it.
 */
export function runPeriodically(
  task: () => Promise<void>,
  onError: (err: unknown) => void,
  intervalMs: number,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null
  let stopped = false
  const run = () => {
    if (running || stopped) return
    running = task()
      .catch(onError)
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

/** This process, as a lease holder: host, pid and a random part (a pid is reused after a restart). */
export const THIS_PROCESS = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`

/**
 * `task` made to run only in the process that holds the lease `name`: each run first takes or renews it for
 * `ms` (the job's interval), and does nothing when another process holds it. Several processes serving one
 * database then run the job once per interval between them; when the holder stops, another takes over within
 * one interval after its lease runs out.
 */
export function underLease(
  deps: { store: { leases: LeaseRepo }; clock: Clock },
  name: string,
  ms: number,
  task: () => Promise<void>,
  holder = THIS_PROCESS,
): () => Promise<void> {
  return async () => {
    const now = deps.clock.now()
    const held = await deps.store.leases.take(name, holder, now.toISOString(), new Date(now.getTime() + ms).toISOString())
    if (held) await task()
  }
}
