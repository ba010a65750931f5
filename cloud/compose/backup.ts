/**
 * Backups and restores of either engine (`npm run backup`, `npm run restore`, README "备份与恢复"):
 *
 * - SQLite: SQLite's online backup API (better-sqlite3 `db.backup`), a consistent copy taken while the server
 *   serves; restore checks the copy (integrity, a schema this code knows) and puts it in place of the file, with
 *   the old file's -wal/-shm removed. Stop the server for a restore.
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot, taken while serving) and `pg_restore` into an
 *   EMPTY database (create a new one, restore, then point GONGZHI_DB at it): a restore never writes over data.
 *
 * The photos (GONGZHI_UPLOADS) are files beside either engine: back them up with the database.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { LATEST_VERSION as SQLITE_LATEST, schemaVersion } from '../adapters/sqlite/migrate'
import type { DbConfig } from './config'

/** pg_dump / pg_restore: on PATH, else the newest Debian /usr/lib/postgresql/<n>/bin. */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const onPath = spawnSync(name, ['--version'], { stdio: 'ignore' })
  if (onPath.status === 0) return name
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : []
  for (const v of versions) {
    const bin = path.join(root, v, 'bin', name)
    if (fs.existsSync(bin)) return bin
  }
  throw new Error(`${name} not found: install PostgreSQL's client programs (Debian: postgresql-client)`)
}

function run(tool: string, args: string[]): void {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim()
    throw new Error(`${path.basename(tool)} failed: ${stderr || (err as Error).message}`)
  }
}

/** Writes a backup of the database to `file` (a new file; an existing one is refused). */
export async function backupDatabase(db: DbConfig, file: string): Promise<void> {
  if (fs.existsSync(file)) throw new Error(`${file} exists already: choose a new file for the backup`)
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  if (db.engine === 'postgres') {
    run(postgresTool('pg_dump'), ['--format=custom', '--no-owner', '--file', file, '--dbname', db.url])
    return
  }
  if (!fs.existsSync(db.file)) throw new Error(`no database at ${db.file}`)
  const source = new Database(db.file, { readonly: true, fileMustExist: true })
  try {
    await source.backup(file)
  } finally {
    source.close()
  }
}

/** The schema version of a SQLite backup, after its integrity check; throws with one line when it is not usable. */
function checkSqliteBackup(file: string): number {
  const copy = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const ok = copy.pragma('integrity_check', { simple: true })
    if (ok !== 'ok') throw new Error(`${file} is damaged (integrity_check: ${String(ok)})`)
    const version = schemaVersion(copy)
    if (version < 1) throw new Error(`${file} is not a Gongzhi database`)
    if (version > SQLITE_LATEST) throw new Error(`${file} has schema version ${version}, newer than this Gongzhi knows (${SQLITE_LATEST})`)
    return version
  } finally {
    copy.close()
  }
}

/**
 * Restores `file` into the configured database. SQLite: replaces the file (the server must be stopped). PostgreSQL:
 * the target database must be empty (no tables): create one, restore, point GONGZHI_DB at it. The next start
 * migrates a backup of an older schema.
 */
export async function restoreDatabase(db: DbConfig, file: string): Promise<{ version?: number }> {
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`)
  if (db.engine === 'postgres') {
    run(postgresTool('pg_restore'), ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', db.url, file])
    return {}
  }
  const version = checkSqliteBackup(file)
  fs.mkdirSync(path.dirname(path.resolve(db.file)), { recursive: true })
  const temp = `${db.file}.restoring`
  fs.copyFileSync(file, temp)
  for (const f of [`${db.file}-wal`, `${db.file}-shm`]) fs.rmSync(f, { force: true })
  fs.renameSync(temp, db.file)
  return { version }
}
