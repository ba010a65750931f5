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
