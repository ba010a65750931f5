// N server processes on ONE store (for the crash test; the multi-process server mode of a later issue runs more
// than one). Today the server is one process: the default is 1. The first process seeds an empty file before the
// others start, so they never race to seed.
import { startServerProcess, type ServerProcess } from './serverProcess'

export interface Cluster {
  servers: ServerProcess[]
  /** the URLs to spread load over */
  urls: string[]
  /** SIGKILL to every process, at once; resolves when all have exited */
  killAll(): Promise<void>
  stopAll(): Promise<void>
}

export async function startCluster(env: Record<string, string>, processes = Number(process.env.CRASH_PROCESSES ?? 1)): Promise<Cluster> {
  const servers = [await startServerProcess(env)]
  for (let i = 1; i < processes; i++) servers.push(await startServerProcess(env))
  return {
    servers,
    urls: servers.map((s) => s.url),
    async killAll() {
      await Promise.all(servers.map((s) => s.stop('SIGKILL')))
    },
    async stopAll() {
      await Promise.all(servers.map((s) => s.stop('SIGTERM')))
    },
  }
}
