/**
 * The real server process (`tsx cloud/server/main.ts`, what `npm start` runs): seeds an empty database,
 * prints the URL and how to log in per role, serves the built H5 app at /, answers /api, closes cleanly on
 * SIGTERM, and on restart keeps its data and accepts the tokens it issued (secret kept in settings).
 */
import fs from 'node:fs'
import path from 'node:path'
import { startServerProcess, type ServerProcess } from '../support/serverProcess'
import { newDbLocation, tempDir } from './support/harness'

jest.setTimeout(60_000)


type Running = ServerProcess

const start = (env: Record<string, string>): Promise<Running> => startServerProcess({ NODE_ENV: 'development', ...env })

async function api(url: string, body: unknown, token?: string) {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: { code: string } } } // eslint-disable-line @typescript-eslint/no-explicit-any
}

test('start on an empty file, serve, stop on SIGTERM, restart with the same data and tokens', async () => {
  const dir = tempDir()
  const db = path.join(dir, 'nested', 'gongzhi.db')
  const h5 = path.join(dir, 'h5')
  fs.mkdirSync(path.join(h5, 'js'), { recursive: true })
  fs.writeFileSync(path.join(h5, 'index.html'), '<!doctype html><title>共治</title>')
  fs.writeFileSync(path.join(h5, 'js', 'app.js'), 'console.log("app")')
  const env = { GONGZHI_DB: db, GONGZHI_H5_DIR: h5, GONGZHI_RATE_LIMIT: 'off' }

  const first = await start(env)
  let token: string
  try {
    await first.waitFor(`http://localhost:${new URL(first.url).port}`)
    await first.waitFor('演示登录')
    const out = first.output()
    expect(out).toContain('已写入演示数据')
    for (const role of ['居民', '志愿者', '网格员', '社区', '街道']) expect(out).toMatch(new RegExp(`^  ${role}`, 'm'))

    const index = await fetch(`${first.url}/`)
    expect(index.status).toBe(200)
    expect(await index.text()).toContain('共治')
    expect((await fetch(`${first.url}/js/app.js`)).status).toBe(200)
    expect((await fetch(`${first.url}/js/../../../etc/passwd`)).status).toBe(404)

    const login = await api(first.url, { action: 'auth.devLogin', payload: { role: 'resident' } })
    expect(login.status).toBe(200)
    token = login.body.data.token
    const list = await api(first.url, { action: 'notice.list' }, token)
    expect(list.body.data.items.length).toBeGreaterThan(0)
  } finally {
    expect(await first.stop('SIGTERM')).toBe(0)
  }

  const second = await start(env)
  try {
    expect(second.output()).not.toContain('已写入演示数据')
    const me = await api(second.url, { action: 'me.get' }, token)
    expect(me.status).toBe(200)
  } finally {
    expect(await second.stop('SIGINT')).toBe(0)
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('NODE_ENV=production: dev login is off and the banner says how to turn it on', async () => {
  const dir = tempDir()
  const s = await start({ GONGZHI_DB: await newDbLocation(dir, 'p.db'), NODE_ENV: 'production', GONGZHI_H5_DIR: path.join(dir, 'none') })
  try {
    expect(s.output()).toContain('GONGZHI_DEV_LOGIN=1')
    const r = await api(s.url, { action: 'auth.devLogin', payload: { role: 'committee' } })
    expect(r.status).toBe(403)
    expect(r.body.error?.code).toBe('FORBIDDEN')
  } finally {
    await s.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
