import type { Db } from './open'
import { isSqliteUnavailable } from './unavailable'

/** How long a write waits for the write lock in all: busy_timeout's 5 s (open.ts), then UNAVAILABLE as before. */
const WAIT_MS = 5000
/** The first pause after a busy lock, doubled up to MAX_PAUSE_MS (a commit with its fsync takes about a millisecond). */
const FIRST_PAUSE_MS = 1
const MAX_PAUSE_MS = 16

/**
 * Runs a write transaction whose BEGIN IMMEDIATE may find the file's write lock held by another process, without
 * sleeping on the event loop. With busy_timeout set, SQLite's busy handler sleeps inside the call (the whole process
 * stops: reads, other requests, timers); here busy_timeout is 0 for the attempt, so a held lock throws SQLITE_BUSY
 * at once, nothing having been written (the BEGIN failed, or better-sqlite3 rolled the transaction back), and the
 * attempt is repeated after a timer, the event loop serving others meanwhile. Past WAIT_MS the busy error is
 * thrown as before (answered UNAVAILABLE). Several processes on one file still write one at a time: SQLite has
 * one writer; this only keeps a waiting process serving.
 */
export function writerOf(db: Db): <T>(attempt: () => T) => Promise<T> {
  // not prepared once: SQLite applies busy_timeout while preparing the pragma, a second step of it does nothing;
  // exec, not db.pragma (which also builds a statement object and reads its row): 3× cheaper per write
  const noWait = () => db.exec('PRAGMA busy_timeout = 0')
  const wait = () => db.exec(`PRAGMA busy_timeout = ${WAIT_MS}`)
  return async function write<T>(attempt: () => T): Promise<T> {
    const deadline = Date.now() + WAIT_MS
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
      noWait()
      try {
        return attempt()
      } catch (err) {
        if (!isSqliteUnavailable(err) || Date.now() + pause > deadline) throw err
      } finally {
        wait()
      }
      // a little jitter: two waiting processes do not retry in step
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())))
    }
  }
}
