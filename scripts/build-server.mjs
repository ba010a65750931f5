// `npm run build:server` (and `npm start`, when its inputs changed): cloud/server/main.ts compiled to one
// JavaScript file, dist/server/main.js (esbuild, as the cloud function's build), so that production runs no
// TypeScript compiler at start-up. Dependencies stay in node_modules (better-sqlite3 is native); only the project's
// own code is bundled. Skipped when the inputs hash the same as the last build (dist/server/.build-inputs); `--force`
// builds anyway.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { build } from 'esbuild'

const root = process.cwd()
// GONGZHI_SERVER_OUT: another output folder (the tests build into a temporary one)
const outDir = process.env.GONGZHI_SERVER_OUT || join(root, 'dist/server')
const outfile = join(outDir, 'main.js')
const stamp = join(outDir, '.build-inputs')
const INPUTS = ['cloud', 'src/domain', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build-server.mjs']

function files(path) {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)))
}

function inputsHash() {
  const h = createHash('sha256')
  for (const input of INPUTS) for (const file of files(join(root, input))) h.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  return h.digest('hex')
}

const started = Date.now()
const hash = inputsHash()
if (!process.argv.includes('--force') && existsSync(outfile) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
  console.log(`Server build is up to date (dist/server, checked in ${Date.now() - started} ms).`)
  process.exit(0)
}
await build({
  entryPoints: [join(root, 'cloud/server/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  tsconfig: join(root, 'tsconfig.json'),
  // node_modules are loaded at run time as they are (native better-sqlite3, fastify's plugins)
  packages: 'external',
  sourcemap: true,
  keepNames: true,
  logLevel: 'warning',
})
writeFileSync(stamp, hash + '\n')
console.log(`dist/server/main.js built in ${Date.now() - started} ms`)
