import { parse } from 'csv-parse/sync'
import { addressKey } from '@/domain/residents/address'
import { AppError } from '@/domain/shared/errors'
import { hasControl, looksLikeFormula } from '@/domain/shared/text'
import {
  ROSTER_COLUMNS,
  ROSTER_MAX_ROWS,
  ROSTER_REQUIRED_COLUMNS,
  phoneSchema,
  type RejectedLine,
} from '@/domain/residents'
import type { RosterRow } from './ports'

/**
 * The household roster as committees keep it in Excel ("CSV UTF-8"). File-level problems (encoding,
 * header, size, broken CSV structure, any formula-looking cell) refuse the whole file; row-level problems
 * reject that line only. Parsing is csv-parse's (RFC 4180: quoted commas, doubled quotes, CRLF, quoted line
 * breaks, BOM); blank lines (whitespace only, or empty cells only) are skipped; text pasted from Excel
 * (tab-separated, told by the header line) is read like a CSV file.
 */

export const NOT_UTF8 = '文件不是 UTF-8 编码，请在 Excel 中另存为『CSV UTF-8』'
export const FORMULA_FILE = '文件中有疑似公式的单元格，已整份拒绝导入'

const structural = (line: number | undefined) => {
  const msg = `花名册第 ${line ?? '?'} 行格式有误（引号未闭合或列数不对），整个文件未导入`
  return new AppError('INVALID_INPUT', msg, [{ path: 'csv', message: msg }])
}


/**
 * Text that was not UTF-8: decoding replaced bytes with U+FFFD, or GBK bytes were read as Latin-1 /
 * Windows-1252 (Chinese column names turn into runs like "Íøžñ"), or the classic 锟斤拷 of a
 * replacement character that went through GBK.
 */
function notUtf8(csv: string, header: string): boolean {
  if (csv.includes('\uFFFD') || csv.includes('锟斤拷')) return true
  const latin = header.match(/[\u00C0-\u00FF]/g)?.length ?? 0
  return latin >= 2 && !/[\u4E00-\u9FFF]/.test(header)
}

const LIMITS: Record<'building' | 'unit' | 'room' | 'headName', [string, number]> = {
  building: ['楼栋/组', 20],
  unit: ['单元', 10],
  room: ['房号', 20],
  headName: ['户主姓名', 20],
}

export interface ParsedRoster {
  rows: (RosterRow & { line: number })[]
  rejected: RejectedLine[]
}

/** A line that holds nothing: whitespace only, or only empty cells (Excel's `,,,,,,`). */
const isBlank = (record: string[]): boolean => record.every((c) => c.trim() === '')

/** "+86 138 1234 5678" in the 联系电话 column is a phone number, not a formula. */
const PHONE_86 = /^\s*\+86[\d\s-]+$/

function formulaRefusal(lines: number[]): AppError {
  const shown = lines.slice(0, 10).join('、')
  const more = lines.length > 10 ? ` 等 ${lines.length} 行` : ' 行'
  const msg = `${FORMULA_FILE}：第 ${shown}${more}（单元格不能以 = + - @ 开头，请修改后重新导入）`
  return new AppError('INVALID_INPUT', msg, lines.map((line) => ({ path: 'csv', message: `第 ${line} 行有疑似公式的单元格`, line })))
}

export function parseRoster(csv: string, grids: { id: string; name: string }[]): ParsedRoster {
  const text = csv.replace(/^\uFEFF/, '')
  // the header is the first line that holds something; text pasted from Excel is tab-separated
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? ''
  if (notUtf8(text, firstLine)) throw new AppError('INVALID_INPUT', NOT_UTF8, [{ path: 'csv', message: NOT_UTF8 }])
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','

  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, { bom: true, info: true, delimiter, skip_empty_lines: true, relax_column_count: true }) as never
  } catch (e) {
    throw structural((e as { lines?: number }).lines)
  }
  // blank lines are skipped silently; any other line must have the header's number of columns
  records = records.filter((r) => !isBlank(r.record))
  if (records.length === 0) throw new AppError('INVALID_INPUT', '花名册是空的', [{ path: 'csv', message: '花名册是空的' }])

  const header = (records[0] as { record: string[] }).record.map((h) => h.trim())
  const missing = ROSTER_REQUIRED_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length > 0) {
    const msg = `花名册缺少列：${missing.join('、')}（第一行应为：${ROSTER_COLUMNS.join(',')}）`
    throw new AppError('INVALID_INPUT', msg, [{ path: 'csv', message: msg }])
  }
  const data = records.slice(1)
  const uneven = data.find((r) => r.record.length !== header.length)
  if (uneven) throw structural(uneven.info.lines)
  if (data.length > ROSTER_MAX_ROWS) {
    const msg = `花名册最多 ${ROSTER_MAX_ROWS} 户，这个文件有 ${data.length} 行，请分网格导入`
    throw new AppError('INVALID_INPUT', msg, [{ path: 'csv', message: msg }])
  }
  // a formula anywhere refuses the whole file: nothing of a file someone tampered with is imported
  const phoneAt = header.indexOf('联系电话')
  const formulaLines = data
    .filter(({ record }) => record.some((c, i) => looksLikeFormula(c) && !(i === phoneAt && PHONE_86.test(c))))
    .map((r) => r.info.lines)
  if (formulaLines.length > 0) throw formulaRefusal(formulaLines)

  const col = (name: string) => header.indexOf(name)
  const at = {
    grid: col('网格'),
    building: col('楼栋/组'),
    unit: col('单元'),
    room: col('房号'),
    headName: col('户主姓名'),
    adults: col('成年人数'),
    phone: col('联系电话'),
  }
  const gridByName = new Map(grids.map((g) => [g.name.trim(), g.id]))
  const seen = new Map<string, number>()
  const rows: ParsedRoster['rows'] = []
  const rejected: RejectedLine[] = []

  for (const { record, info } of data) {
    const line = info.lines
    const reject = (reason: string) => rejected.push({ line, reason })
    const cell = (i: number) => (i >= 0 ? (record[i] ?? '').trim() : '')
    const values = {
      grid: cell(at.grid),
      building: cell(at.building),
      unit: cell(at.unit),
      room: cell(at.room),
      headName: cell(at.headName),
      adults: cell(at.adults),
      phone: cell(at.phone),
    }
    const empty = (['grid', 'building', 'room', 'headName', 'adults'] as const).filter((k) => values[k] === '')
    if (empty.length > 0) {
      const names = { grid: '网格', building: '楼栋/组', room: '房号', headName: '户主姓名', adults: '成年人数' }
      reject(`${empty.map((k) => names[k]).join('、')}为空`)
      continue
    }
    // a cell is one line of text, as the forms' fields are: no line break, tab or other control character
    const garbled = (Object.keys(LIMITS) as (keyof typeof LIMITS)[]).find((k) => hasControl(values[k]))
    if (garbled) {
      reject(`${LIMITS[garbled][0]}含有换行或无法识别的特殊字符`)
      continue
    }
    const tooLong = (Object.keys(LIMITS) as (keyof typeof LIMITS)[]).find((k) => [...values[k]].length > LIMITS[k][1])
    if (tooLong) {
      reject(`${LIMITS[tooLong][0]}最多 ${LIMITS[tooLong][1]} 个字`)
      continue
    }
    const gridId = gridByName.get(values.grid)
    if (!gridId) {
      reject(`没有名为「${values.grid}」的网格`)
      continue
    }
    if (!/^\d{1,2}$/.test(values.adults) || Number(values.adults) > 50) {
      reject('成年人数应为 0—50 的整数')
      continue
    }
    let phone: string | null = null
    if (values.phone !== '') {
      const p = phoneSchema.safeParse(values.phone.replace(/^\+86/, ''))
      if (!p.success) {
        reject('联系电话应为 11 位手机号')
        continue
      }
      phone = p.data
    }
    // the same household under two spellings ("3栋" and "3", "301" and "３０１室") is a duplicate too
    const key = JSON.stringify([
      gridId,
      addressKey(values.building, 'building'),
      addressKey(values.unit, 'unit'),
      addressKey(values.room, 'room'),
    ])
    const first = seen.get(key)
    if (first !== undefined) {
      reject(`与第 ${first} 行是同一户（网格、楼栋、单元、房号相同）`)
      continue
    }
    seen.set(key, line)
    rows.push({
      line,
      gridId,
      building: values.building,
      unit: values.unit,
      room: values.room,
      headName: values.headName,
      adults: Number(values.adults),
      phone,
    })
  }
  return { rows, rejected }
}

/** A cell for the exported CSV: formula-looking values neutralised with a leading ', quoted when needed. */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value)
  if (looksLikeFormula(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The roster as Excel opens it: BOM, CRLF, the template's columns. */
export function rosterCsv(rows: RosterRow[], gridName: (id: string) => string): string {
  const lines = [ROSTER_COLUMNS.join(',')]
  for (const r of rows) {
    lines.push([gridName(r.gridId), r.building, r.unit, r.room, r.headName, r.adults, r.phone].map(csvCell).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
