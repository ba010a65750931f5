// The real server as a child process (`tsx cloud/server/main.ts`, what `npm start` runs) on a free
// loopback port, for the tests and tools that need the whole thing: process tests, browser journeys.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

export interface ServerProcess {
  child: ChildProcess
  url: string
  output: () => string
  /** resolves once the output contains `text` (its pipe may deliver after /healthz answers); rejects after `ms` */
  waitFor(text: string, ms?: number): Promise<void>
  /** sends the signal and resolves with the exit code */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts the server with these environment overrides and waits until /healthz answers. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'cloud/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${out}`)
    await new Promise((r) => setTimeout(r, 150))
  }
  return {
    child,
    url,
    output: () => out,
    async waitFor(text, ms = 20_000) {
      const until = Date.now() + ms
      while (!out.includes(text)) {
        if (Date.now() > until) throw new Error(`no "${text}" in the server's output:\n${out}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill(signal)
      }),
  }
}
