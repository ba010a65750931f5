import pg from 'pg'
import { freshPgDatabase } from '../support/postgres'

test('the test server answers and each call gives a new empty database', async () => {
  const a = await freshPgDatabase()
  const b = await freshPgDatabase()
  expect(a).not.toBe(b)
  const c = new pg.Client({ connectionString: a })
  await c.connect()
  const { rows } = await c.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")
  await c.end()
  expect(rows[0].n).toBe(0)
})
