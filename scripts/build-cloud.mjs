// `npm run build:cloud`: the WeChat cloud function `api` in cloudfunctions/api/ — one bundled index.js (esbuild,
// no TypeScript at run time), package.json with wx-server-sdk (the one dependency CloudBase installs), config.json
// with the openapi permissions it calls and the reminders timer trigger. Prints the bundle size and the time a cold
// `require` of it takes (with a stand-in for wx-server-sdk, which is not installed here).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'cloudfunctions', 'api')
const MAX_BYTES = 5 * 1024 * 1024

fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })
const result = await build({
  entryPoints: [path.join(root, 'cloud/api/cloudFunction.ts')],
  outfile: path.join(out, 'index.js'),
  bundle: true,
  platform: 'node',
  // CloudBase's Node.js 16 runtime or newer
  target: 'node16',
  format: 'cjs',
  tsconfig: path.join(root, 'tsconfig.json'),
  // wx-server-sdk comes from the platform; pg-native is pg's optional native binding, never used
  external: ['wx-server-sdk', 'pg-native'],
  minifySyntax: true,
  minifyWhitespace: true,
  keepNames: true,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
})
const bundled = Object.keys(result.metafile.inputs)
const forbidden = bundled.filter((f) => /better-sqlite3|adapters\/sqlite|fastify/.test(f))
if (forbidden.length > 0) throw new Error(`the cloud bundle must not contain the embedded store or the HTTP server: ${forbidden.join(', ')}`)

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
fs.writeFileSync(
  path.join(out, 'package.json'),
  `${JSON.stringify({ name: 'api', version: pkg.version, private: true, description: '共治 Gongzhi API（云函数，由 npm run build:cloud 生成，勿手改）', main: 'index.js', dependencies: { 'wx-server-sdk': '~3.0.4' } }, null, 2)}\n`,
)
fs.writeFileSync(
  path.join(out, 'config.json'),
  `${JSON.stringify(
    {
      permissions: { openapi: ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send', 'phonenumber.getPhoneNumber'] },
      // the reminders sweep every 5 minutes (CloudBase cron: seconds first, year last)
      triggers: [{ name: 'reminders', type: 'timer', config: '0 */5 * * * * *' }],
    },
    null,
    2,
  )}\n`,
)

const bytes = fs.statSync(path.join(out, 'index.js')).size
// a cold require in a fresh process, the SDK stood in by test/support/wx-server-sdk (resolved through NODE_PATH)
const coldMs = execFileSync(
  process.execPath,
  ['-e', `const t = process.hrtime.bigint(); require(${JSON.stringify(path.join(out, 'index.js'))}); console.log(Number(process.hrtime.bigint() - t) / 1e6)`],
  { env: { ...process.env, NODE_PATH: path.join(root, 'test', 'support', 'cloud') }, encoding: 'utf8' },
).trim()
console.log(`cloudfunctions/api/index.js: ${(bytes / 1024).toFixed(0)} KB (limit ${MAX_BYTES / 1024 / 1024} MB), cold require ${Number(coldMs).toFixed(0)} ms`)
if (bytes > MAX_BYTES) {
  console.error('the cloud bundle is over its 5 MB budget')
  process.exit(1)
}
