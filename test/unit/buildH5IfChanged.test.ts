/** `npm start` builds the H5 app only when its inputs changed (scripts/build-h5-if-changed.mjs). */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const script = path.resolve(__dirname, '../../scripts/build-h5-if-changed.mjs')
let dir: string
const builds = () => (fs.existsSync(path.join(dir, 'builds.log')) ? fs.readFileSync(path.join(dir, 'builds.log'), 'utf8').length : 0)

function start(env: Record<string, string> = {}, args: string[] = []): void {
  // the stand-in build writes dist/h5/index.html and counts itself
  const build = `mkdir -p dist/h5 && echo '<html></html>' > dist/h5/index.html && printf x >> builds.log`
  const outer = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'API_BASE' && !k.startsWith('TARO_APP_')))
  execFileSync(process.execPath, [script, ...args], { cwd: dir, env: { ...outer, GONGZHI_H5_BUILD: build, ...env }, stdio: 'pipe' })
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-h5-'))
  fs.mkdirSync(path.join(dir, 'src/pages'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'src/pages/a.tsx'), 'export const a = 1\n')
  fs.writeFileSync(path.join(dir, 'package.json'), '{}\n')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

test('builds the first time, not again when nothing changed, again when a source changed', () => {
  start()
  expect(builds()).toBe(1)
  start()
  expect(builds()).toBe(1)
  fs.writeFileSync(path.join(dir, 'src/pages/a.tsx'), 'export const a = 2\n')
  start()
  expect(builds()).toBe(2)
  fs.writeFileSync(path.join(dir, 'src/pages/b.tsx'), 'export const b = 1\n')
  start()
  expect(builds()).toBe(3)
})

test('a different build environment (API_BASE, TARO_APP_*) or a missing build rebuilds; --force always does', () => {
  start()
  start({ API_BASE: 'https://api.example.cn' })
  expect(builds()).toBe(2)
  start({ API_BASE: 'https://api.example.cn', TARO_APP_CLOUD_ENV: 'env-1' })
  expect(builds()).toBe(3)
  fs.rmSync(path.join(dir, 'dist/h5/index.html'))
  start({ API_BASE: 'https://api.example.cn', TARO_APP_CLOUD_ENV: 'env-1' })
  expect(builds()).toBe(4)
  start({ API_BASE: 'https://api.example.cn', TARO_APP_CLOUD_ENV: 'env-1' }, ['--force'])
  expect(builds()).toBe(5)
})

test('--stamp records a build made by `npm run build:h5`, so the next start does not repeat it', () => {
  fs.mkdirSync(path.join(dir, 'dist/h5'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'dist/h5/index.html'), '<html></html>')
  start({}, ['--stamp'])
  start()
  expect(builds()).toBe(0)
})
