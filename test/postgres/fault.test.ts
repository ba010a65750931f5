/**
 * PostgreSQL restarting under a write load (issue 13, "Bad input and faults"): the API server keeps running,
 * requests that meet the outage fail with UNAVAILABLE (503, a Chinese message, never INTERNAL), the server serves
 * again by itself once the database is back, every acknowledged write is there afterwards, and a client that
 * resends a failed write with its requestId gets exactly one record. Once as a clean restart (fast: sessions
 * terminated) and once as a crash (immediate: recovered from the WAL), on a private server with fsync and
 * synchronous commits on, as in production.
 */
import pg from 'pg'
import { startPrivatePostgres, type PrivatePostgres } from '../support/postgres'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'

jest.setTimeout(180_000)

interface Reply {
  status: number
  body: { ok: boolean; data?: { id: string }; error?: { code: string; message: string } } | null
}

let db: PrivatePostgres
beforeAll(async () => {
  db = await startPrivatePostgres({ durable: true })
})
afterAll(() => db?.stop())

async function databaseUrl(name: string): Promise<string> {
  const c = new pg.Client({ connectionString: db.url })
  await c.connect()
  await c.query(`CREATE DATABASE ${name}`)
  await c.end()
  const u = new URL(db.url)
  u.pathname = `/${name}`
  return u.toString()
}

async function post(server: ServerProcess, token: string, body: unknown): Promise<Reply> {
  try {
    const res = await fetch(`${server.url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    })
    return { status: res.status, body: (await res.json()) as Reply['body'] }
  } catch {
    return { status: 0, body: null }
  }
}

const publish = (requestId: string) => ({ action: 'notice.publish', payload: { title: `压力 ${requestId}`, body: '正文', category: 'notice' }, requestId })

for (const mode of ['fast', 'immediate'] as const) {
  test(`a ${mode} restart during writes: retryable failures only, recovery by itself, every acknowledged write kept once`, async () => {
    const url = await databaseUrl(`gongzhi_fault_${mode}`)
    const server = await startServerProcess({ GONGZHI_DB: url, GONGZHI_RATE_LIMIT: 'off', GONGZHI_DB_POOL: '8' })
    try {
      const login = await fetch(`${server.url}/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'auth.devLogin', payload: { role: 'committee' } }),
      }).then((r) => r.json() as Promise<{ data: { token: string } }>)
      const token = login.data.token

      const acknowledged = new Map<string, string>()
      const failed: { requestId: string; reply: Reply }[] = []
      let n = 0
      let running = true
      let afterRestart = 0
      let restarted = false
      const worker = async () => {
        while (running) {
          const requestId = `fault-${mode}-${String(++n).padStart(5, '0')}`
          const reply = await post(server, token, publish(requestId))
          if (reply.body?.ok) {
            acknowledged.set(requestId, reply.body.data!.id)
            if (restarted) afterRestart++
          } else {
            failed.push({ requestId, reply })
            await new Promise((r) => setTimeout(r, 50))
          }
        }
      }
      const workers = Array.from({ length: 8 }, worker)
      await new Promise((r) => setTimeout(r, 1500))
      const before = acknowledged.size
      await db.restart(mode, 1000)
      restarted = true
      // the server comes back by itself: writes succeed again without anything being restarted but the database
      const deadline = Date.now() + 30_000
      while (afterRestart < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      running = false
      await Promise.all(workers)

      expect(before).toBeGreaterThan(10)
      expect(afterRestart).toBeGreaterThanOrEqual(20)
      expect(failed.length).toBeGreaterThan(0)
      // every refusal during the outage is the retryable one, with its Chinese message; no 500, no lost reply
      const kinds = new Set(failed.map((f) => `${f.reply.status} ${f.reply.body?.error?.code ?? 'no reply'}`))
      expect([...kinds]).toEqual(['503 UNAVAILABLE'])
      expect(failed.every((f) => f.reply.body?.error?.message === '服务暂时不可用，请稍后重试')).toBe(true)

      // a client resends each failed write with its requestId: each is then there once
      for (const f of failed) {
        const again = await post(server, token, publish(f.requestId))
        expect(again.body?.ok).toBe(true)
        acknowledged.set(f.requestId, again.body!.data!.id)
      }
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      try {
        const { rows } = await c.query<{ id: string; title: string }>("SELECT id, title FROM notices WHERE title LIKE '压力 %'")
        const byTitle = new Map<string, string[]>()
        for (const r of rows) byTitle.set(r.title, [...(byTitle.get(r.title) ?? []), r.id])
        for (const [requestId, id] of acknowledged) expect([requestId, byTitle.get(`压力 ${requestId}`)]).toEqual([requestId, [id]])
        expect(rows).toHaveLength(acknowledged.size)
      } finally {
        await c.end()
      }
      expect(server.child.exitCode).toBeNull()
    } finally {
      await server.stop()
    }
  })
}
