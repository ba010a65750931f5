/**
 * How long the server waits for a client, and for how many at once (issue 16, finding 2). Without them a client
 * that sends half a header held its socket for minutes, about a thousand such sockets starved /healthz, and a
 * SIGTERM waited for slow clients. Generous for an elderly person's phone on a weak network; short for a socket
 * that sends nothing.
 */
export interface HttpLimits {
  /** the whole header must have arrived within this (Node's headersTimeout) */
  headersMs: number
  /** the whole request, body included, within this: a 5 MB photo over a slow mobile link fits */
  requestMs: number
  /** a socket that sends nothing for this long is closed (Fastify's connectionTimeout, the socket timeout) */
  idleMs: number
  /** a kept-alive socket between requests is closed after this */
  keepAliveMs: number
  /** how often Node checks the header and request timeouts (it checks on a timer, not per socket) */
  checkEveryMs: number
  /** open sockets at most; further connections are refused at accept (server.maxConnections) */
  maxConnections: number
  /** SIGTERM/SIGINT: in-flight requests may finish within this; then the remaining sockets are closed */
  shutdownMs: number
}

export const HTTP_LIMITS: HttpLimits = {
  headersMs: 10_000,
  requestMs: 60_000,
  idleMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
  maxConnections: 2_048,
  shutdownMs: 10_000,
}
