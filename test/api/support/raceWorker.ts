/**
 * A separate process with its OWN connection to the same store (a SQLite file or a postgres:// URL: the
 * harness's location), used by the concurrency tests. It opens the store, says "ready", waits for "go" on
 * stdin (so all processes start together), fires `count` dispatches of the same event at once and prints
 * their replies as one JSON line.
 *
 * argv[2]: JSON { location, action, payload, userId, requestId?, count }
 */
import { dispatch } from '../../../cloud/api/dispatch'
import { createDeps } from '../../../cloud/compose'
import { openStoreAt } from './engine'

interface Job {
  location: string
  action: string
  payload: unknown
  /** one caller for every dispatch, or dispatch j as userId[j] */
  userId: string | string[]
  requestId?: string
  count: number
}

async function main() {
  const job = JSON.parse(process.argv[2] ?? '{}') as Job
  const opened = await openStoreAt(job.location)
  const deps = await createDeps(opened.store, { devLogin: true, wechat: null, secret: 'race-secret' }, {
    log: { error: (o) => process.stderr.write(`${String(o)}\n`), warn: () => undefined },
  })
  process.stdout.write('ready\n')
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()))
  const event = { action: job.action, payload: job.payload, ...(job.requestId ? { requestId: job.requestId } : {}) }
  const callerOf = (j: number) => (Array.isArray(job.userId) ? job.userId[j % job.userId.length]! : job.userId)
  const replies = await Promise.all(Array.from({ length: job.count }, (_, j) => dispatch(event, { userId: callerOf(j) }, deps)))
  process.stdout.write(JSON.stringify(replies) + '\n')
  await opened.close()
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e))
  process.exit(1)
})
