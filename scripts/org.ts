/**
 * `npm run org -- --file 组织架构.csv`: an operator loads the city's organisation (市, 区, 街道, 社区/村, 网格) from a
 * sheet saved from Excel as "CSV UTF-8", one line per grid. The whole file is checked first; any problem refuses it
 * with every line that has one, and nothing is written. New places are created, a street written under another
 * district is moved there (its reports with it), nothing is deleted; the same sheet again changes nothing.
 */
import fs from 'node:fs'
import { AppError } from '@/domain/shared/errors'
import { configFromEnv, openStore } from '../cloud/compose'
import { importOrg, ORG_COLUMNS, type OrgCount } from '../cloud/org'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const line = (label: string, c: OrgCount) => `${label}：新建 ${c.created}，已有 ${c.kept}`

async function main() {
  const file = arg('file')
  if (!file) {
    console.error(`用法：npm run org -- --file <组织架构.csv>（第一行：${ORG_COLUMNS.join(',')}；类型填“社区”或“村”；每个网格一行）`)
    process.exit(2)
  }
  const csv = fs.readFileSync(file, 'utf8')
  const store = await openStore(configFromEnv().db)
  try {
    const out = await importOrg(csv, store)
    console.log([line('市', out.cities), line('区', out.districts), line('街道', out.streets), line('社区/村', out.communities), line('网格', out.grids)].join('\n'))
    if (out.moved.streets > 0) console.log(`改划到其他区的街道 ${out.moved.streets} 个，随之改划的问题 ${out.moved.reports} 件`)
  } finally {
    await store.close()
  }
}

main().catch((err) => {
  console.error(err instanceof AppError ? err.message : `失败：${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
