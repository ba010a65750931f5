/**
 * GONGZHI_PROCESSES=2: one primary, two workers sharing the port (cloud/server/cluster.ts). Requests are served by
 * both; the start-of-run photo sweep runs in one of them (its lease); a killed worker is replaced and service goes
 * on; SIGTERM closes every process and exits 0.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { startServerProcess } from '../support/serverProcess'
import { tempDir } from './support/harness'

jest.setTimeout(90_000)

const workersOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number)
  } catch {
    return []
  }
}

const pidsIn = (log: string, msg: string) =>
  new Set(
    log
      .split('\n')
      .filter((l) => l.includes(`"msg":"${msg}"`))
      .map((l) => (JSON.parse(l) as { pid: number }).pid),
  )

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

test('two workers share the port and the sweeps; a killed worker is replaced; SIGTERM ends them all', async () => {
  const dir = tempDir()
  const server = await startServerProcess({ GONGZHI_DB: path.join(dir, 'g.db'), GONGZHI_PROCESSES: '2', LOG_LEVEL: 'info', GONGZHI_RATE_LIMIT: 'off' })
  const primary = server.child.pid!
  try {
    await until(() => server.output().includes('进程数：2'), 'the banner')
    const first = workersOf(primary)
    expect(first).toHaveLength(2)

    const replies = await Promise.all(Array.from({ length: 40 }, () => fetch(`${server.url}/healthz`).then((r) => r.status)))
    expect(replies.every((s) => s === 200)).toBe(true)
    await until(() => pidsIn(server.output(), 'request').size === 2, 'requests served by both workers')
    expect(pidsIn(server.output(), 'orphan photos swept').size).toBe(1)

    process.kill(first[0]!, 'SIGKILL')
    await until(() => {
      const now = workersOf(primary)
      return now.length === 2 && !now.includes(first[0]!)
    }, 'a replacement worker')
    await server.waitFor(`工作进程 ${first[0]} 退出（SIGKILL），已重新启动一个`)
    await until(() => server.output().split('Server listening').length - 1 === 3, 'the replacement listening')
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)

    const workers = workersOf(primary)
    expect(await server.stop('SIGTERM')).toBe(0)
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow()
  } finally {
    if (server.child.exitCode === null) await server.stop('SIGKILL')
  }
})
