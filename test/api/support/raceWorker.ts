/**
 * A separate process with its OWN better-sqlite3 connection to the same file, used by the concurrency
 * tests. It opens the store, says "ready", waits for "go" on stdin (so all processes start together),
 * fires `count` dispatches of the same event at once and prints their replies as one JSON line.
 *
 * argv[2]: JSON { file, action, payload, userId, requestId?, count }
 */
import { openSqliteStore } from '../../../cloud/adapters/sqlite/store'
import { dispatch } from '../../../cloud/api/dispatch'
import { createDeps } from '../../../cloud/compose'

interface Job {
  file: string
  action: string
  payload: unknown
  /** one caller for every dispatch, or dispatch j as userId[j] */
  userId: string | string[]
  requestId?: string
  count: number
}

async function main() {
  const job = JSON.parse(process.argv[2] ?? '{}') as Job
  const store = openSqliteStore(job.file)
  const deps = await createDeps(store, { devLogin: true, wechat: null, secret: 'race-secret' }, {
    log: { error: (o) => process.stderr.write(`${String(o)}\n`), warn: () => undefined },
  })
  process.stdout.write('ready\n')
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()))
  const event = { action: job.action, payload: job.payload, ...(job.requestId ? { requestId: job.requestId } : {}) }
  const callerOf = (j: number) => (Array.isArray(job.userId) ? job.userId[j % job.userId.length]! : job.userId)
  const replies = await Promise.all(Array.from({ length: job.count }, (_, j) => dispatch(event, { userId: callerOf(j) }, deps)))
  process.stdout.write(JSON.stringify(replies) + '\n')
  store.close()
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e))
  process.exit(1)
})
