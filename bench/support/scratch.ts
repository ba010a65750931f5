import pg from 'pg'
import { openPostgresStore, type PostgresStore } from '../../cloud/adapters/postgres/store'
import { startPrivatePostgres } from '../../test/support/postgres'

/**
 * A fresh database `gongzhi_<label>_<pid>` for one bench run: on BENCH_PG's server when given, else on a private
 * PostgreSQL started for the run (stopped by `stopServer`).
 */
export async function scratchPostgresStore(label: string, poolSize: number): Promise<{ store: PostgresStore; stopServer(): void }> {
  const server = process.env.BENCH_PG ? null : await startPrivatePostgres()
  const admin = process.env.BENCH_PG ?? server!.url
  const name = `gongzhi_${label}_${process.pid}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const u = new URL(admin)
  u.pathname = `/${name}`
  const store = await openPostgresStore(u.toString(), { poolSize })
  return { store, stopServer: () => server?.stop() }
}
