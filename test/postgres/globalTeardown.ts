// Stops the private PostgreSQL (or, on a server named by GONGZHI_TEST_PG, drops this run's databases).
import { dropPgDatabases, testDbPrefix } from '../support/postgres'

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__GONGZHI_PG__
  if (!state) return
  if (state.server) {
    state.server.stop()
    delete process.env.GONGZHI_TEST_PG
  } else if (state.external) {
    await dropPgDatabases(state.external, testDbPrefix())
  }
  globalThis.__GONGZHI_PG__ = undefined
}
