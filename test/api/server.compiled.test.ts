/**
 * `npm start` serves compiled JavaScript (scripts/build-server.mjs → main.js, issue 15): the build runs once and is
 * skipped while its inputs are unchanged, and the built file alone (plain `node`, no tsx) seeds an empty database
 * and answers the API.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { freePort } from '../support/serverProcess'
import { tempDir } from './support/harness'

jest.setTimeout(120_000)

const ROOT = path.resolve(__dirname, '../..')

test('the server builds once, is skipped when unchanged, and the built file serves on plain node', async () => {
  const dir = tempDir('gongzhi-built-')
  // inside the project, as dist/server is: the bundle finds its dependencies in the project's node_modules
  const out = path.join(ROOT, 'dist', `server-test-${process.pid}`)
  const build = () => execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, env: { ...process.env, GONGZHI_SERVER_OUT: out }, encoding: 'utf8' })
  expect(build()).toContain('built in')
  expect(build()).toContain('up to date')
  expect(fs.readFileSync(path.join(out, 'main.js'), 'utf8')).not.toMatch(/require\("@\/|from "@\//)

  const port = await freePort()
  const child = spawn(process.execPath, [path.join(out, 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), GONGZHI_DB: path.join(dir, 'g.db'), NODE_ENV: 'development', LOG_LEVEL: 'warn', GONGZHI_H5_DIR: path.join(dir, 'none') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  try {
    const deadline = Date.now() + 60_000
    while (!output.includes('已启动')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the built server did not start:\n${output}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(output).toContain('已写入演示数据')
    const login = await fetch(`http://127.0.0.1:${port}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'auth.devLogin', payload: { role: 'resident' } }),
    })
    const { ok, data } = (await login.json()) as { ok: boolean; data: { token: string } }
    expect(ok).toBe(true)
    const list = await fetch(`http://127.0.0.1:${port}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${data.token}` },
      body: JSON.stringify({ action: 'notice.list', payload: {} }),
    })
    expect(((await list.json()) as { ok: boolean }).ok).toBe(true)
  } finally {
    await new Promise((r) => {
      if (child.exitCode !== null) return r(null)
      child.once('exit', r)
      child.kill('SIGTERM')
    })
    fs.rmSync(out, { recursive: true, force: true })
  }
})
