// jest globalSetup of the weapp project: the smoke tests load compiled output — dist/weapp (HTTP to the self-hosted
// server) and dist/weapp-cloud (built for WeChat 云开发: TARO_APP_CLOUD_ENV, every call through wx.cloud.callFunction;
// cloud.page.test.ts). Each is built only when a selected test file loads it and no build newer than every source
// file is there already (CI builds dist/weapp just before). A build takes minutes of CPU: never one for nothing.
const { execFileSync } = require('node:child_process')
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join } = require('node:path')

/** The 云开发 environment id the cloud smoke build is made for (any id: the test answers wx.cloud itself). */
const SMOKE_CLOUD_ENV = 'gongzhi-smoke-1a2b'

const TARGETS = [
  { out: 'dist/weapp', env: {}, uses: (file) => !/cloud\.page\.test\.ts$/.test(file) },
  { out: 'dist/weapp-cloud', env: { TARO_APP_CLOUD_ENV: SMOKE_CLOUD_ENV }, uses: (file) => /cloud\.page\.test\.ts$/.test(file) },
]

function newestMtime(dir) {
  let newest = 0
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    const st = statSync(full)
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs)
  }
  return newest
}

/** The weapp test files this run selected (all of them when no path pattern was given). */
function selectedFiles(globalConfig, root) {
  const dir = join(root, 'test', 'weapp')
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f))
  const patterns = globalConfig && globalConfig.testPathPatterns
  if (!patterns || typeof patterns.toExecutor !== 'function') return files
  const executor = patterns.toExecutor({ rootDir: root })
  return files.filter((f) => executor.isMatch(f))
}

function build(root, target) {
  // quiet unless it fails: the build's progress bar is not test output
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: target.out, TARO_APP_CLOUD_ENV: '', ...target.env },
    })
  } catch (e) {
    process.stderr.write(`\n[weapp] building ${target.out} for the smoke tests failed:\n${e.stdout ?? ''}${e.stderr ?? ''}\n`)
    throw e
  }
}

module.exports = async function buildOnce(globalConfig) {
  const root = join(__dirname, '..', '..')
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'config')))
  const files = selectedFiles(globalConfig, root)
  for (const target of TARGETS) {
    if (!files.some(target.uses)) continue
    const built = join(root, target.out, 'app.js')
    if (existsSync(built) && statSync(built).mtimeMs > sources) continue
    build(root, target)
  }
}

module.exports.SMOKE_CLOUD_ENV = SMOKE_CLOUD_ENV
