import { groupCommitOf } from './groupCommit'
import type { Db } from './open'

/**
 * The writer of the four write paths of issue 15 (notice.confirm, report.create, motion.cast, shift.signup): their
 * transactions go through the connection's group commit (groupCommit.ts), one COMMIT — one fsync — for the requests
 * of one event-loop turn, each answered after it. A write lock held by another process (several API processes on
 * one WAL file) is waited for off the event loop: with busy_timeout set, SQLite's busy handler would sleep inside the
 * call and stop the whole process (reads, other requests, timers); here BEGIN IMMEDIATE is tried with busy_timeout 0
 * and retried after a timer, nothing having been written, and past 5 s the busy error is thrown as before (answered
 * UNAVAILABLE). Several processes on one file still write one at a time: SQLite has one writer.
 */
export function writerOf(db: Db): <T>(attempt: () => T) => Promise<T> {
  const group = groupCommitOf(db)
  return (attempt) => group.write(attempt)
}
