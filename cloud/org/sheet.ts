import { parse } from 'csv-parse/sync'
import { AppError } from '@/domain/shared/errors'
import { hasControl, looksLikeFormula } from '@/domain/shared/text'
import type { OrgRow } from './ports'

export const ORG_COLUMNS = ['市', '区', '街道', '社区', '类型', '网格'] as const
const KINDS: Record<string, OrgRow['kind']> = { 社区: 'community', 村: 'village' }
const MAX_NAME = 30
export const ORG_MAX_ROWS = 100_000

const refuse = (problems: { line: number; message: string }[]): AppError => {
  const shown = problems.slice(0, 10).map((p) => `第 ${p.line} 行：${p.message}`)
  const more = problems.length > 10 ? `（另有 ${problems.length - 10} 处）` : ''
  return new AppError(
    'INVALID_INPUT',
    `组织架构表有 ${problems.length} 处问题，整个文件未导入：\n${shown.join('\n')}${more}`,
    problems.map((p) => ({ path: 'csv', message: p.message, line: p.line })),
  )
}

/**
 * The organisation sheet ("CSV UTF-8" from Excel): one line per grid with 市, 区, 街道, 社区, 类型 (社区 or 村), 网格.
 * Any problem refuses the whole file with every line that has one: an organisation half loaded is worse than none.
 * A street belongs to one district, a community to one street with one kind, and a grid appears once.
 */
export function parseOrgSheet(csv: string): OrgRow[] {
  const text = csv.replace(/^\uFEFF/, '')
  if (text.includes('\uFFFD') || text.includes('锟斤拷')) throw refuse([{ line: 1, message: '文件不是 UTF-8 编码，请在 Excel 中另存为『CSV UTF-8』' }])
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as never
  } catch (e) {
    throw refuse([{ line: (e as { lines?: number }).lines ?? 1, message: '格式有误（引号未闭合）' }])
  }
  records = records.filter((r) => r.record.some((c) => c.trim() !== ''))
  const header = records[0]?.record.map((h) => h.trim()) ?? []
  if (ORG_COLUMNS.some((c, i) => header[i] !== c)) throw refuse([{ line: 1, message: `第一行应为：${ORG_COLUMNS.join(',')}` }])
  const data = records.slice(1)
  if (data.length === 0) throw refuse([{ line: 1, message: '表里没有网格' }])
  if (data.length > ORG_MAX_ROWS) throw refuse([{ line: 1, message: `最多 ${ORG_MAX_ROWS} 行，请分开导入` }])

  const problems: { line: number; message: string }[] = []
  const rows: OrgRow[] = []
  const districtOf = new Map<string, string>()
  const communityOf = new Map<string, string>()
  const grids = new Map<string, number>()
  for (const { record, info } of data) {
    const line = info.lines
    if (record.length !== ORG_COLUMNS.length) {
      problems.push({ line, message: `应有 ${ORG_COLUMNS.length} 列，这一行有 ${record.length} 列` })
      continue
    }
    const cells = record.map((c) => c.trim())
    const bad = ORG_COLUMNS.filter((_name, i) => {
      const c = cells[i]!
      return c === '' || c.length > MAX_NAME || hasControl(c) || looksLikeFormula(record[i]!)
    })
    if (bad.length > 0) {
      problems.push({ line, message: `${bad.join('、')}不能为空、不能超过 ${MAX_NAME} 个字、不能以 = + - @ 开头` })
      continue
    }
    const [city, district, street, community, kindName, grid] = cells as [string, string, string, string, string, string]
    const kind = KINDS[kindName]
    if (!kind) {
      problems.push({ line, message: `类型应为“社区”或“村”，不是“${kindName}”` })
      continue
    }
    const placed = districtOf.get(street)
    if (placed !== undefined && placed !== `${city}/${district}`) {
      problems.push({ line, message: `${street}已在上面写在 ${placed.replace('/', '')} 下，一个街道只能属于一个区` })
      continue
    }
    districtOf.set(street, `${city}/${district}`)
    const communityKey = `${street}/${community}`
    if (communityOf.has(communityKey) && communityOf.get(communityKey) !== kind) {
      problems.push({ line, message: `${community}的类型与上面的行不一致` })
      continue
    }
    communityOf.set(communityKey, kind)
    const gridKey = `${communityKey}/${grid}`
    const first = grids.get(gridKey)
    if (first !== undefined) {
      problems.push({ line, message: `${community}${grid}与第 ${first} 行重复` })
      continue
    }
    grids.set(gridKey, line)
    rows.push({ line, city, district, street, community, kind, grid })
  }
  if (problems.length > 0) throw refuse(problems)
  return rows
}
