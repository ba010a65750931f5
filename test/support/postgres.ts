// A private PostgreSQL for the tests (and scripts): Debian's `postgresql` binaries, initdb on a scratch directory
// under os.tmpdir(), started with pg_ctl on a free loopback port, stopped and removed at the end. PostgreSQL
// refuses to run as root, so as root (CI) initdb and pg_ctl run as the `postgres` system user, who owns the
// scratch directory. GONGZHI_TEST_PG=postgres://… points the tests at an existing server instead (a role that
// may CREATE DATABASE); nothing is started then.
//
// Each test file takes its own database with freshPgDatabase(), so files share the server, not state.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export interface PrivatePostgres {
  /** the superuser's URL on the `postgres` database */
  url: string
  dir: string
  /** stops the server (immediate) and removes the scratch directory */
  stop(): void
  /**
   * Stops the server the way `mode` says (fast: sessions terminated, a clean shutdown; immediate: as a crash,
   * recovered from the WAL at start), keeps it down for `downMs`, then starts it again on the same port.
   */
  restart(mode: 'fast' | 'immediate', downMs: number): Promise<void>
}

export interface PrivatePostgresOptions {
  /** fsync and synchronous commits on, as in production (default off: the tests' data is thrown away) */
  durable?: boolean
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

/** The server binaries: `pg_config --bindir`, else the newest /usr/lib/postgresql/<n>/bin. */
export function postgresBinDir(): string {
  const has = (dir: string) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    if (has(dir)) return dir
  } catch {
    // no pg_config on PATH
  }
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : []
  for (const v of versions) if (has(path.join(root, v, 'bin'))) return path.join(root, v, 'bin')
  throw new Error('PostgreSQL server binaries not found (initdb, pg_ctl): install Debian\'s `postgresql` package, or set GONGZHI_TEST_PG=postgres://… to use a running server')
}

const asRoot = () => process.getuid?.() === 0

/** argv that runs `cmd` as the postgres user when we are root (PostgreSQL refuses root), as ourselves otherwise */
function asServerUser(cmd: string, args: string[]): [string, string[]] {
  return asRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]
}

function run(cmd: string, args: string[], what: string, logFile?: string): void {
  const [c, a] = asServerUser(cmd, args)
  const r = spawnSync(c, a, { encoding: 'utf8' })
  if (r.status !== 0) {
    const log = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : ''
    throw new Error(`${what} failed (${r.status ?? r.signal}): ${r.error?.message ?? ''}${r.stderr}${r.stdout}${log ? `\n${log}` : ''}`)
  }
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/**
 * initdb + pg_ctl start on a free loopback port; the socket stays inside the scratch directory. Durability is
 * turned off (fsync, synchronous_commit, full_page_writes): the data is thrown away at the end. A watchdog
 * (a detached shell polling this process) stops the server and removes the directory if this process dies
 * without calling stop(), so no postgres outlives the test run.
 */
export async function startPrivatePostgres(options: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const bin = postgresBinDir()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-pg-'))
  const data = path.join(dir, 'data')
  const log = path.join(dir, 'server.log')
  if (asRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    fs.chownSync(dir, uid, gid)
  }
  const pgCtl = path.join(bin, 'pg_ctl')
  const [stopCmd, stopArgs] = asServerUser(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'])
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ` +
        `${[stopCmd, ...stopArgs].map(shellQuote).join(' ')} >/dev/null 2>&1; rm -rf ${shellQuote(dir)}`,
    ],
    { detached: true, stdio: 'ignore' },
  )
  watchdog.unref()
  let started = false
  let stopped = false
  // idempotent: the watchdog is signalled once only (a second signal could reach a process that took its pid)
  const stop = () => {
    if (stopped) return
    stopped = true
    if (started) spawnSync(stopCmd, stopArgs, { stdio: 'ignore' })
    fs.rmSync(dir, { recursive: true, force: true })
    try {
      if (watchdog.pid && watchdog.exitCode === null && watchdog.signalCode === null) process.kill(watchdog.pid)
    } catch {
      // already gone
    }
  }
  try {
    run(
      path.join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'],
      'initdb',
    )
    // a port found free may be taken before the server binds it: try a few
    for (let attempt = 1; ; attempt++) {
      const port = await freePort()
      const opts = [
        `-c listen_addresses=127.0.0.1`,
        `-c port=${port}`,
        `-c unix_socket_directories=${dir}`,
        ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
        '-c max_connections=200',
      ].join(' ')
      const start = () => run(pgCtl, ['-D', data, '-l', log, '-o', opts, '-w', '-t', '30', 'start'], 'pg_ctl start', log)
      try {
        start()
        started = true
        const restart = async (mode: 'fast' | 'immediate', downMs: number) => {
          run(pgCtl, ['-D', data, '-m', mode, '-w', 'stop'], 'pg_ctl stop', log)
          await new Promise((r) => setTimeout(r, downMs))
          start()
        }
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop, restart }
      } catch (err) {
        if (attempt >= 3) throw err
      }
    }
  } catch (err) {
    stop()
    throw err
  }
}

/** The server the tests use: GONGZHI_TEST_PG (set by the jest global setup, or by you). */
export function testPgUrl(): string {
  const url = process.env.GONGZHI_TEST_PG
  if (!url) {
    throw new Error('no PostgreSQL for this test: run it in the jest `postgres` project (its global setup starts one) or set GONGZHI_TEST_PG=postgres://…')
  }
  return url
}

/** This run's prefix for database names, so that a teardown drops only what this run created. */
export function testDbPrefix(): string {
  return `gongzhi_t_${process.env.GONGZHI_TEST_PG_RUN ?? 'x'}_`
}

/** A new, empty database on the test server; its URL. */
export async function freshPgDatabase(): Promise<string> {
  const admin = testPgUrl()
  const name = `${testDbPrefix()}${randomBytes(5).toString('hex')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const u = new URL(admin)
  u.pathname = `/${name}`
  return u.toString()
}

/** Drops the databases whose names start with `prefix` (an external server's leftovers of this run). */
export async function dropPgDatabases(admin: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix])
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

export const runId = () => `${process.pid.toString(36)}${randomBytes(2).toString('hex')}`
