// jest globalSetup of the weapp project: the smoke tests load the compiled output in dist/weapp.
// Builds it unless a build newer than every source file is already there (CI builds it just before).
const { execFileSync } = require('node:child_process')
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join } = require('node:path')

function newestMtime(dir) {
  let newest = 0
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    const st = statSync(full)
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs)
  }
  return newest
}

module.exports = async function buildOnce() {
  const root = join(__dirname, '..', '..')
  const built = join(root, 'dist', 'weapp', 'app.js')
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'config')))
  if (existsSync(built) && statSync(built).mtimeMs > sources) return
  // quiet unless it fails: the build's progress bar is not test output
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
  } catch (e) {
    process.stderr.write(`\n[weapp] building dist/weapp for the smoke tests failed:\n${e.stdout ?? ''}${e.stderr ?? ''}\n`)
    throw e
  }
}
