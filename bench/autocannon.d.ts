// Minimal typings for the parts of autocannon 8 that the benches use (the package ships none).
declare module 'autocannon' {
  interface Histogram {
    average: number
    mean: number
    p50: number
    p90: number
    p99: number
    max: number
    total: number
  }
  interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (req: Request, context: Record<string, unknown>) => Request
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    /** a fixed number of requests instead of a duration: every reply is awaited */
    amount?: number
    pipelining?: number
    /** requests per second over all connections (a fixed offered load instead of closed-loop) */
    overallRate?: number
    /** requests per second per connection */
    connectionRate?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    requests?: Request[]
  }
  interface Result {
    requests: Histogram
    latency: Histogram
    throughput: Histogram
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    statusCodeStats?: Record<string, { count: number }>
    duration: number
  }
  function autocannon(opts: Options): Promise<Result>
  export default autocannon
}
