/**
 * Child process of the bench: either the real API server on a file (`api <db> <port>`) or the HTTP floor,
 * a bare Fastify route that parses the same JSON body and returns a constant (`floor <port>`).
 * Runs apart from autocannon so that the load generator does not share the server's event loop.
 */
import Fastify from 'fastify'
import { buildServer } from '../cloud/server/app'

async function main() {
  const [mode, a, b] = process.argv.slice(2)
  if (mode === 'floor') {
    const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 })
    app.post('/api', async () => ({ ok: true, data: { items: [], nextCursor: null } }))
    await app.listen({ port: Number(a), host: '127.0.0.1' })
  } else {
    const app = await buildServer({ db: a, env: { GONGZHI_RATE_LIMIT: 'off' }, logLevel: 'silent', staticDir: '/nonexistent' })
    await app.listen({ port: Number(b), host: '127.0.0.1' })
  }
  process.stdout.write('listening\n')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
