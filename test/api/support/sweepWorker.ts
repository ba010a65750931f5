/**
 * A separate process with its OWN connection to the same store, running the warnings sweep (raiseWarnings) at a
 * fixed time once every process is ready (like raceWorker.ts): says "ready", waits for "go", prints the summary.
 *
 * argv[2]: JSON { location, now, runs }
 */
import { fixedClock } from '../../../cloud/adapters/system/clock'
import { createDeps } from '../../../cloud/compose'
import { raiseWarnings } from '../../../cloud/warnings'
import { openStoreAt } from './engine'

async function main() {
  const job = JSON.parse(process.argv[2] ?? '{}') as { location: string; now: string; runs: number }
  const opened = await openStoreAt(job.location)
  const deps = await createDeps(opened.store, { devLogin: true, wechat: null, secret: 'race-secret' }, {
    clock: fixedClock(job.now),
    log: { error: (o) => process.stderr.write(`${JSON.stringify(o)}\n`), warn: () => undefined },
  })
  process.stdout.write('ready\n')
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()))
  const outs = await Promise.all(Array.from({ length: job.runs }, () => raiseWarnings(deps)))
  process.stdout.write(JSON.stringify(outs.flatMap((o) => o.raised)) + '\n')
  await opened.close()
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e))
  process.exit(1)
})
