import type { FastifyInstance } from 'fastify'

/**
 * Closes the server within `ms`: no new connections, idle ones closed at once (Fastify's default), requests in
 * flight may finish; whatever is still open at the deadline (a client stuck mid-request) is closed then.
 * Resolves after the onClose hooks ran (the sweeps stopped, the store closed); `forced` tells whether sockets
 * had to be cut.
 */
export async function closeWithin(app: FastifyInstance, ms: number): Promise<{ forced: boolean }> {
  let forced = false
  const timer = setTimeout(() => {
    forced = true
    app.server.closeAllConnections()
  }, ms)
  try {
    await app.close()
  } finally {
    clearTimeout(timer)
  }
  return { forced }
}
