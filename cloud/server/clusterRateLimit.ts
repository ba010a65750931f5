/**
 * The per-user rate limit across the processes of one server (GONGZHI_PROCESSES > 1). @fastify/rate-limit's own
 * store counts in each process, so two workers would let a user through twice the limit; here the primary keeps
 * the counts (a fixed window per key, as the local store does) and each worker asks it over the cluster's IPC
 * channel, one round trip per limited request. Servers on several machines (PostgreSQL) still count per machine.
 */
import cluster from 'node:cluster'

const MSG = 'gongzhi:rate'

interface Ask {
  type: typeof MSG
  id: number
  key: string
  window: number
}

interface Answer {
  type: typeof MSG
  id: number
  current: number
  ttl: number
}

const isAsk = (m: unknown): m is Ask => typeof m === 'object' && m !== null && (m as Ask).type === MSG && typeof (m as Ask).key === 'string'

/** In the primary: answers the workers' counts; expired windows are dropped every minute. */
export function serveRateCounts(): void {
  const counts = new Map<string, { current: number; end: number }>()
  cluster.on('message', (worker, msg: unknown) => {
    if (!isAsk(msg)) return
    const now = Date.now()
    let c = counts.get(msg.key)
    if (!c || c.end <= now) {
      c = { current: 0, end: now + msg.window }
      counts.set(msg.key, c)
    }
    c.current++
    const answer: Answer = { type: MSG, id: msg.id, current: c.current, ttl: c.end - now }
    worker.send(answer)
  })
  setInterval(() => {
    const now = Date.now()
    for (const [key, c] of counts) if (c.end <= now) counts.delete(key)
  }, 60_000).unref()
}

const pending = new Map<number, (a: Answer) => void>()
let nextId = 0
let listening = false

function ask(key: string, window: number): Promise<Answer> {
  if (!listening) {
    listening = true
    process.on('message', (m: unknown) => {
      const a = m as Answer
      if (a?.type !== MSG) return
      pending.get(a.id)?.(a)
      pending.delete(a.id)
    })
  }
  const id = nextId++
  return new Promise((resolve, reject) => {
    pending.set(id, resolve)
    const msg: Ask = { type: MSG, id, key, window }
    process.send?.(msg, undefined, {}, (err: Error | null) => {
      if (err) {
        pending.delete(id)
        reject(err)
      }
    })
  })
}

/** In a worker: @fastify/rate-limit's store interface over the primary's counts; one scope per route, as its local store. */
export class ClusterRateStore {
  private readonly scope: string

  constructor(_options?: unknown, scope = '') {
    this.scope = scope
  }

  incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number): void {
    ask(`${this.scope}|${key}`, timeWindow).then(
      (a) => cb(null, { current: a.current, ttl: a.ttl }),
      (err: Error) => cb(err),
    )
  }

  /** called with the route's merged options (its `routeInfo`: method and url at run time, whatever the typings say) */
  child(options: object): ClusterRateStore {
    const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo
    return new ClusterRateStore(undefined, `${String(route?.method ?? '')} ${route?.url ?? ''}`)
  }
}
