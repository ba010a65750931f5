import { performance } from 'node:perf_hooks'
import type { Db } from './open'
import { isSqliteUnavailable } from './unavailable'

/** How long a write waits for the write lock in all (busy_timeout's 5 s in open.ts), then its busy error as before. */
const WAIT_MS = 5000
/** The first pause after a busy lock, doubled up to MAX_PAUSE_MS (a commit with its fsync takes about a millisecond). */
const FIRST_PAUSE_MS = 1
const MAX_PAUSE_MS = 16
/** At most this many requests' transactions share one commit… */
export const MAX_BATCH = 64
/** …and a batch takes no further bodies once it has held the event loop this long (the rest go to the next batch). */
export const MAX_HOLD_MS = 10

interface Queued {
  attempt: () => unknown
  resolve: (value: unknown) => void
  reject: (err: unknown) => void
  deadline: number
}

type Settled = { ok: true; value: unknown } | { ok: false; err: unknown }

export interface GroupCommit {
  /** Runs `attempt` (a better-sqlite3 transaction function) in the next batch; settles once that batch's COMMIT returned. */
  write<T>(attempt: () => T): Promise<T>
  /** Test hook: called after a batch's bodies ran, right before its COMMIT, with the number of requests in it. */
  beforeCommit: ((size: number) => void) | null
}

/**
 * Group commit for the write paths of issue 15 (notice.confirm, report.create, motion.cast, shift.signup): the
 * transactions of the requests that reach this process's connection in one event-loop turn are made durable by one
 * COMMIT — one fsync of the WAL (synchronous=FULL stays) — and each request is answered only after it returned.
 *
 * A write is queued, not run; on the next turn (setImmediate) the batch runs whole and synchronously: BEGIN IMMEDIATE,
 * each request's transaction function in turn (better-sqlite3 nests a transaction function inside an open
 * transaction as a SAVEPOINT, so a body that throws is rolled back to its savepoint alone and its error goes to its
 * request alone), then COMMIT; every request of the batch settles after COMMIT (its value or its own error), and if
 * COMMIT fails every request of the batch fails with that error. Nothing else runs on the connection between BEGIN
 * and COMMIT — no other request's reads (they never see a row that is not yet durable) and no other write (a sweep's
 * or another action's `tx.immediate` cannot slip into the batch and be answered before its commit). Within a batch
 * the bodies run one after another in one transaction, so each sees the rows of those before it: an idempotency key
 * sent twice replays, a unique constraint or a capacity check holds as it does between two separate transactions.
 *
 * Another process holding the file's write lock (several API processes on one WAL file): BEGIN IMMEDIATE is tried with
 * busy_timeout 0 and, when busy, retried after a timer (the event loop serving meanwhile; requests arriving during
 * the wait join the batch); a request still waiting past WAIT_MS fails with the busy error (answered UNAVAILABLE).
 */
export function groupCommitOf(db: Db): GroupCommit {
  let group = groups.get(db)
  if (!group) groups.set(db, (group = makeGroup(db)))
  return group
}

const groups = new WeakMap<Db, GroupCommit>()

function makeGroup(db: Db): GroupCommit {
  const queue: Queued[] = []
  let scheduled = false
  let pause = FIRST_PAUSE_MS
  // exec, not prepared statements: SQLite applies busy_timeout while preparing the pragma (busy.ts's note), and a
  // prepared COMMIT would be one more statement the closing store must finalize
  const noWait = () => db.exec('PRAGMA busy_timeout = 0')
  const wait = () => db.exec(`PRAGMA busy_timeout = ${WAIT_MS}`)

  const schedule = (later: number) => {
    if (scheduled) return
    scheduled = true
    const run = () => {
      scheduled = false
      flush()
    }
    if (later > 0) setTimeout(run, later)
    else setImmediate(run)
  }

  /** Takes the write lock; false (and a retry scheduled) while another connection holds it. */
  const begin = (): boolean => {
    // a transaction of this connection still open across an await (org.ts) must end before a batch starts
    let err: unknown = null
    if (!db.inTransaction) {
      noWait()
      try {
        db.exec('BEGIN IMMEDIATE')
        pause = FIRST_PAUSE_MS
        return true
      } catch (e) {
        if (!isSqliteUnavailable(e)) throw e
        err = e
      } finally {
        wait()
      }
    }
    const now = Date.now()
    for (let i = queue.length - 1; i >= 0; i--) {
      if (queue[i]!.deadline < now + pause) queue.splice(i, 1)[0]!.reject(err ?? busyError())
    }
    // a little jitter: two waiting processes do not retry in step
    if (queue.length > 0) schedule(Math.max(1, Math.round(pause * (0.5 + Math.random()))))
    pause = Math.min(pause * 2, MAX_PAUSE_MS)
    return false
  }

  const flush = () => {
    if (queue.length === 0 || !db.open) {
      for (const q of queue.splice(0)) q.reject(new Error('the SQLite store is closed'))
      return
    }
    try {
      if (!begin()) return
    } catch (err) {
      for (const q of queue.splice(0)) q.reject(err)
      return
    }
    const started = performance.now()
    const batch: Queued[] = []
    const settled: Settled[] = []
    while (queue.length > 0 && batch.length < MAX_BATCH && (batch.length === 0 || performance.now() - started < MAX_HOLD_MS)) {
      const q = queue.shift()!
      batch.push(q)
      try {
        settled.push({ ok: true, value: q.attempt() })
      } catch (err) {
        settled.push({ ok: false, err })
        // SQLite rolled the whole transaction back (an I/O error, a full disk): the bodies before it are gone too
        if (!db.inTransaction) return finish(batch, err)
      }
    }
    let failed: unknown = null
    try {
      group.beforeCommit?.(batch.length)
      db.exec('COMMIT')
    } catch (err) {
      failed = err
      if (db.inTransaction) db.exec('ROLLBACK')
    }
    if (failed !== null) return finish(batch, failed)
    batch.forEach((q, i) => {
      const s = settled[i]!
      if (s.ok) q.resolve(s.value)
      else q.reject(s.err)
    })
    if (queue.length > 0) schedule(0)
  }

  /** Fails every request of a batch that was not committed, and lets the queue go on. */
  const finish = (batch: Queued[], err: unknown) => {
    for (const q of batch) q.reject(err)
    if (queue.length > 0) schedule(0)
  }

  const group: GroupCommit = {
    beforeCommit: null,
    write<T>(attempt: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ attempt, resolve: resolve as (v: unknown) => void, reject, deadline: Date.now() + WAIT_MS })
        schedule(0)
      })
    },
  }
  return group
}

function busyError(): Error {
  return Object.assign(new Error('database is locked by another transaction of this connection'), { code: 'SQLITE_BUSY' })
}
