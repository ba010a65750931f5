/**
 * `npm run migrate`: brings the database of GONGZHI_DB (a SQLite file, default data/gongzhi.db, or a
 * postgres:// URL) to the current schema and prints the versions it applied. Safe to run while other processes
 * start: SQLite applies each version in an IMMEDIATE transaction, PostgreSQL under an advisory lock. Exits 1
 * with one line when the database cannot be reached or its schema is newer than this code.
 */
import { configFromEnv, migrateDatabase } from '../compose'

async function main() {
  const r = await migrateDatabase(configFromEnv().db)
  const engine = r.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'
  process.stdout.write(
    r.applied.length > 0
      ? `${engine} ${r.where}: applied ${r.applied.join(', ')}; schema version ${r.version}\n`
      : `${engine} ${r.where}: schema version ${r.version}, already current; nothing applied\n`,
  )
}

main().catch((err) => {
  process.stderr.write(`migrate failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
