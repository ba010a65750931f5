/**
 * Child process of the bench: either the real API server on a file (`api <db> <port>`) or the HTTP floor,
 * a bare Fastify route that parses the same JSON body and returns a constant (`floor <port> [processes]`).
 * Runs apart from autocannon so that the load generator does not share the server's event loop.
 */
import cluster from 'node:cluster'
import Fastify from 'fastify'
import { buildServer } from '../cloud/server/app'

/**
 * BENCH_SERVER_TIMES=1: every 3 s, the time Fastify spent on each request (onRequest → onResponse) as p50/p99/max
 * on stderr — to tell the handler's own time from the queueing before a request is read.
 */
function reportHandlerTimes(app: Awaited<ReturnType<typeof buildServer>>) {
  const times: number[] = []
  app.addHook('onResponse', async (_req, reply) => {
    times.push(reply.elapsedTime)
  })
  setInterval(() => {
    if (times.length === 0) return
    const t = times.splice(0).sort((x, y) => x - y)
    const q = (p: number) => t[Math.min(t.length - 1, Math.floor(p * t.length))]!.toFixed(1)
    process.stderr.write(`handler times: n=${t.length} p50=${q(0.5)} ms p99=${q(0.99)} ms max=${t[t.length - 1]!.toFixed(1)} ms\n`)
  }, 3000).unref()
}

async function main() {
  const [mode, a, b] = process.argv.slice(2)
  if (mode === 'floor') {
    // `floor <port> <processes>`: the same bare route in that many processes sharing the port, as GONGZHI_PROCESSES does
    const processes = Number(b ?? 1)
    if (processes > 1 && cluster.isPrimary) {
      let listening = 0
      await new Promise<void>((resolve) => {
        for (let i = 0; i < processes; i++) cluster.fork().once('listening', () => ++listening === processes && resolve())
      })
      process.on('SIGTERM', () => {
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
        process.exit(0)
      })
    } else {
      const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 })
      app.post('/api', async () => ({ ok: true, data: { items: [], nextCursor: null } }))
      await app.listen({ port: Number(a), host: '127.0.0.1' })
      if (cluster.isWorker) return
    }
  } else {
    const app = await buildServer({ db: a, env: { GONGZHI_RATE_LIMIT: 'off' }, logLevel: 'silent', staticDir: '/nonexistent' })
    if (process.env.BENCH_SERVER_TIMES === '1') reportHandlerTimes(app)
    await app.listen({ port: Number(b), host: '127.0.0.1' })
  }
  process.stdout.write('listening\n')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
