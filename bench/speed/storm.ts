/**
 * A connection storm: `n` new TCP connections opened at once (no keep-alive agent, no connection reuse), each
 * sending one request; the time from the start to each connection's first reply byte. What a crowd of residents
 * opening the app at the same moment meets.
 */
import http from 'node:http'
import { pct } from '../support/run'

export interface StormResult {
  p50: number
  p99: number
  max: number
  errors: number
}

export async function storm(url: string, path: string, headers: Record<string, string>, body: string, n = 200): Promise<StormResult> {
  const { hostname, port } = new URL(url)
  const started = process.hrtime.bigint()
  let errors = 0
  const times = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<number>((resolve) => {
          const req = http.request(
            { host: hostname, port: Number(port), path, method: 'POST', agent: false, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
            (res) => {
              const ms = Number(process.hrtime.bigint() - started) / 1e6
              if (res.statusCode !== 200) errors++
              res.resume()
              resolve(ms)
            },
          )
          req.on('error', () => {
            errors++
            resolve(Number(process.hrtime.bigint() - started) / 1e6)
          })
          req.end(body)
        }),
    ),
  )
  times.sort((a, b) => a - b)
  return { p50: pct(times, 50), p99: pct(times, 99), max: times[times.length - 1] ?? 0, errors }
}
