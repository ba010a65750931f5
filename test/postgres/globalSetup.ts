// The jest `postgres` project's global setup: a private PostgreSQL for this run (test/support/postgres.ts), or
// the server GONGZHI_TEST_PG names. Its URL reaches the test files through GONGZHI_TEST_PG (workers inherit the
// environment); each file takes its own database with freshPgDatabase().
import { runId, startPrivatePostgres, type PrivatePostgres } from '../support/postgres'

declare global {
  // read by globalTeardown (jest runs both in the parent process); a global must be declared with var
  // eslint-disable-next-line no-var
  var __GONGZHI_PG__: { server: PrivatePostgres | null; external: string | null } | undefined
}

export default async function globalSetup(): Promise<void> {
  process.env.GONGZHI_TEST_PG_RUN = runId()
  const external = process.env.GONGZHI_TEST_PG?.trim() || null
  if (external) {
    globalThis.__GONGZHI_PG__ = { server: null, external }
    return
  }
  const t0 = Date.now()
  const server = await startPrivatePostgres()
  process.env.GONGZHI_TEST_PG = server.url
  globalThis.__GONGZHI_PG__ = { server, external: null }
  if (process.env.GONGZHI_TEST_PG_VERBOSE) process.stderr.write(`\nPostgreSQL started in ${Date.now() - t0} ms at ${server.url}\n`)
  // stopped by globalTeardown; if jest exits without it, here, and failing that the watchdog
  process.once('exit', () => server.stop())
}
