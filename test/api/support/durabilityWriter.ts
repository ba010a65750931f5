/**
 * Child process for the durability test: publishes notices through dispatch() on the given SQLite file
 * as fast as it can and prints "ACK <id>" only after each reply came back ok (i.e. after COMMIT).
 * stdout to a pipe is synchronous on Linux, so an ACK the parent read was written after the commit.
 */
import { openSqliteStore } from '../../../cloud/adapters/sqlite/store'
import { dispatch } from '../../../cloud/api/dispatch'
import { createDeps } from '../../../cloud/compose'

async function main() {
  const store = openSqliteStore(process.argv[2] ?? '')
  const deps = await createDeps(store, { devLogin: true, wechat: null, secret: 'durability' })
  for (let i = 0; ; i++) {
    const r = await dispatch(
      { action: 'notice.publish', payload: { title: `持久化 ${i}`, body: '写入后立即被 kill -9', category: 'notice' } },
      { userId: 'u_committee_jj' },
      deps,
    )
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    process.stdout.write(`ACK ${(r.data as { id: string }).id}\n`)
  }
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e))
  process.exit(1)
})
