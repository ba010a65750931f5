/**
 * Durability: a write acknowledged is a write kept, also across kill -9 (DESIGN §5).
 *
 * A child process publishes notices in a loop and prints an ACK after each committed reply; the parent
 * kills it with SIGKILL mid-stream, reopens the file and finds every acknowledged notice, and an intact
 * database. What this proves: nothing is acknowledged before its transaction has committed to the WAL
 * (no buffering in the process). It cannot simulate a power cut — the OS page cache survives kill -9 —
 * which is what synchronous=FULL (asserted below) is for: in WAL mode it fsyncs the WAL at every commit.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { seedDemo } from '../../cloud/seed/seedSqlite'
import { tempDir } from './support/harness'

jest.setTimeout(60_000)

test('every acknowledged publish survives kill -9 of the writer', async () => {
  const file = path.join(tempDir(), 'durable.db')
  const setup = openSqliteStore(file)
  await seedDemo(setup.db)
  expect(setup.db.pragma('journal_mode', { simple: true })).toBe('wal')
  expect(setup.db.pragma('synchronous', { simple: true })).toBe(2) // FULL
  expect(setup.db.pragma('foreign_keys', { simple: true })).toBe(1)
  setup.close()

  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support/durabilityWriter.ts'), file], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const acked: string[] = []
  let buffer = ''
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const l of lines) if (l.startsWith('ACK ')) acked.push(l.slice(4))
      if (acked.length >= 200) {
        child.kill('SIGKILL')
        resolve()
      }
    })
    child.once('exit', () => reject(new Error(`writer exited early: ${stderr}`)))
  })
  expect(await exited).toBe('SIGKILL')

  const db = new Database(file)
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const has = db.prepare('SELECT 1 FROM notices WHERE id = ?')
    const missing = acked.filter((id) => !has.get(id))
    expect(missing).toEqual([])
    // each publish also wrote its audit entry in the same transaction
    const audited = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'notice.publish'").get() as { n: number }
    const published = db.prepare("SELECT count(*) AS n FROM notices WHERE title LIKE '持久化 %'").get() as { n: number }
    expect(audited.n).toBe(published.n)
    expect(published.n).toBeGreaterThanOrEqual(acked.length)
  } finally {
    db.close()
  }
})
