// Size of the weapp build per package, against WeChat's limits (main ≤ 2 MB, each subpackage ≤ 2 MB, all ≤ 20 MB)
// and our own tighter budget for the main package. Exits 1 when a limit is broken.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = process.argv[2] || 'dist/weapp'
const MB = 1024 * 1024
const WECHAT_PACKAGE_LIMIT = 2 * MB
const WECHAT_TOTAL_LIMIT = 20 * MB
const MAIN_BUDGET = 1 * MB

const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'))
const subRoots = (app.subPackages || app.subpackages || []).map((p) => p.root.replace(/\/$/, '') + '/')

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}

const sizes = new Map([['main', 0], ...subRoots.map((r) => [r, 0])])
for (const file of walk(root)) {
  const rel = relative(root, file).split('\\').join('/')
  if (rel.endsWith('.map')) continue
  const owner = subRoots.find((r) => rel.startsWith(r)) || 'main'
  sizes.set(owner, sizes.get(owner) + statSync(file).size)
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB'
let total = 0
let failed = false
console.log(`weapp package sizes (${root}):`)
for (const [name, size] of sizes) {
  total += size
  const over = size > WECHAT_PACKAGE_LIMIT
  failed ||= over
  console.log(`  ${name.padEnd(22)} ${kb(size)}${over ? '  OVER 2 MB LIMIT' : ''}`)
}
console.log(`  ${'total'.padEnd(22)} ${kb(total)}${total > WECHAT_TOTAL_LIMIT ? '  OVER 20 MB LIMIT' : ''}`)
const main = sizes.get('main')
console.log(`main package: ${(main / MB).toFixed(2)} MB of WeChat's 2 MB limit; our budget ${(MAIN_BUDGET / MB).toFixed(0)} MB`)
if (main > MAIN_BUDGET) {
  console.error('main package is over our own budget')
  failed = true
}
if (total > WECHAT_TOTAL_LIMIT) failed = true
process.exit(failed ? 1 : 0)
