/**
 * GONGZHI_PROCESSES > 1: one primary and that many worker processes sharing PORT (node:cluster; the primary
 * accepts and hands connections round-robin). The primary migrates and seeds before it forks, so the workers
 * start on a current database; it serves nothing itself. A worker that dies is replaced (not in a loop: more than
 * MAX_RESTARTS within RESTART_WINDOW_MS ends the server with exit 1, for the supervisor to see). SIGTERM/SIGINT
 * is passed to every worker, which closes as a single server does (shutdown.ts); the primary exits when all have.
 */
import cluster, { type Worker } from 'node:cluster'
import { serveRateCounts } from './clusterRateLimit'

const MAX_RESTARTS = 5
const RESTART_WINDOW_MS = 60_000

export interface ClusterLog {
  info(msg: string): void
  error(msg: string): void
}

/** Forks `n` workers and resolves once every one is listening; keeps them running until a signal. */
export function runWorkers(n: number, log: ClusterLog): Promise<void> {
  let stopping = false
  const restarts: number[] = []
  let listening = 0
  // the rate limit's counts, shared by every worker (clusterRateLimit.ts)
  serveRateCounts()
  return new Promise((resolve) => {
    const fork = () => {
      const w: Worker = cluster.fork()
      w.once('listening', () => {
        if (++listening === n) resolve()
      })
    }
    cluster.on('exit', (w, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0)
        return
      }
      const now = Date.now()
      restarts.push(now)
      while (restarts.length > 0 && restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift()
      if (restarts.length > MAX_RESTARTS) {
        log.error(`工作进程 ${MAX_RESTARTS + 1} 次在 ${RESTART_WINDOW_MS / 1000} 秒内退出，服务停止`)
        stopping = true
        for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM')
        process.exitCode = 1
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1)
        return
      }
      log.error(`工作进程 ${w.process.pid} 退出（${signal ?? code}），已重新启动一个`)
      fork()
    })
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return
      stopping = true
      log.info(`收到 ${signal}，正在关闭 ${Object.keys(cluster.workers ?? {}).length} 个工作进程`)
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
    }
    process.on('SIGINT', () => stop('SIGINT'))
    process.on('SIGTERM', () => stop('SIGTERM'))
    for (let i = 0; i < n; i++) fork()
  })
}

export const isWorker = () => cluster.isWorker
