// `npm start`: build the H5 app only when what it is built from changed since the last build here.
// The inputs are hashed (sources, build config, lock file, the environment the build reads); the hash of the
// last successful build is kept in dist/h5/.build-inputs (`npm run build:h5` writes it too, with `--stamp`), so a
// second start with nothing changed takes a moment. `--force` builds anyway.
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = process.cwd()
const outDir = join(root, 'dist/h5')
const stamp = join(outDir, '.build-inputs')
const INPUTS = ['src', 'config', 'types', 'package.json', 'package-lock.json', 'babel.config.js', 'tsconfig.json', 'project.config.json']
const ENV = ['NODE_ENV', 'API_BASE', 'PORT', ...Object.keys(process.env).filter((k) => k.startsWith('TARO_APP_')).sort()]

function files(path) {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)))
}

function inputsHash() {
  const h = createHash('sha256')
  for (const input of INPUTS) {
    for (const file of files(join(root, input))) {
      h.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
    }
  }
  for (const key of ENV) h.update(`${key}=${process.env[key] ?? ''}\0`)
  return h.digest('hex')
}

const started = Date.now()
const hash = inputsHash()
if (process.argv.includes('--stamp')) {
  writeFileSync(stamp, hash + '\n')
  process.exit(0)
}
const force = process.argv.includes('--force')
if (!force && existsSync(join(outDir, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
  console.log(`H5 app is up to date (dist/h5, checked in ${Date.now() - started} ms); \`npm run build:h5\` rebuilds it.`)
  process.exit(0)
}
console.log(force ? 'Building the H5 app (--force) …' : 'Sources changed since the last H5 build (or none yet): building dist/h5 …')
// GONGZHI_H5_BUILD: another build command (tests use a stand-in)
const command = process.env.GONGZHI_H5_BUILD || 'npx taro build --type h5'
const build = spawnSync(command, { stdio: 'inherit', shell: true })
if (build.status !== 0) process.exit(build.status ?? 1)
writeFileSync(stamp, hash + '\n')
