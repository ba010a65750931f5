/**
 * The payload floor, a child process of `npm run bench`: `floor.ts <replies.json> <port> <processes>`. A bare
 * Fastify route per captured reply, POST /floor/<key>, that parses the JSON body as the API does and sends back
 * the very bytes (status, headers, body) the real server sent for that request. No application work: what HTTP,
 * JSON parsing and the reply's size cost here. With processes > 1, that many share the port (node:cluster, as
 * GONGZHI_PROCESSES does, same scheduling policy).
 */
import cluster from 'node:cluster'
import fs from 'node:fs'
import Fastify from 'fastify'

export interface Captured {
  status: number
  headers: Record<string, string>
  body: string
}

async function main() {
  const [file, port, n] = process.argv.slice(2)
  const processes = Number(n ?? 1)
  if (processes > 1 && cluster.isPrimary) {
    let listening = 0
    for (let i = 0; i < processes; i++) cluster.fork().once('listening', () => ++listening === processes && process.stdout.write('listening\n'))
    process.on('SIGTERM', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
      process.exit(0)
    })
    return
  }
  const replies = JSON.parse(fs.readFileSync(file as string, 'utf8')) as Record<string, Captured>
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 })
  for (const [key, r] of Object.entries(replies)) {
    const bytes = Buffer.from(r.body)
    app.post(`/floor/${key}`, async (_req, reply) => reply.status(r.status).headers(r.headers).send(bytes))
  }
  await app.listen({ port: Number(port), host: '127.0.0.1' })
  if (!cluster.isWorker) process.stdout.write('listening\n')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
