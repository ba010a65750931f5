/**
 * `npx tsx scripts/pg.ts`: a private, throw-away PostgreSQL (the tests' one, test/support/postgres.ts) for trying
 * the engine by hand: prints its URL, runs until Ctrl-C (or SIGTERM), then stops and removes it.
 *   GONGZHI_DB=<the URL> npm run migrate
 */
import { startPrivatePostgres } from '../test/support/postgres'

async function main() {
  const server = await startPrivatePostgres()
  process.stdout.write(`${server.url}\n`)
  const stop = () => {
    server.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  setInterval(() => undefined, 60_000)
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
