/**
 * household.import: the CSV table (DESIGN §5 bad input) with exact counts and rejected line numbers,
 * file-level refusals that write nothing, re-import idempotence, updates, and what the audit keeps.
 *
 * Decision (asserted below): an import that adds or updates households writes ONE audit entry with
 * counts only; an import that changes nothing (a repeat, or only rejected lines) writes nothing at all.
 */
import { AppError } from '@/domain/shared/errors'
import type { HouseholdImportResult } from '@/domain/residents'
import { FORMULA_FILE, NOT_UTF8 } from '../../cloud/residents/roster'
import { makeHarness, type Harness } from './support/harness'

const HEADER = '网格,楼栋/组,单元,房号,户主姓名,成年人数,联系电话'
const COMMITTEE = 'u_committee_jj'
const GBK_HEADER = Buffer.from('cdf8b8f12cc2a5b6b02fd7e92cb5a5d4aa2cb7bfbac52cbba7d6f7d0d5c3fb2cb3c9c4eac8cbcafd2cc1aacfb5b5e7bbb0', 'hex')

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const csv = (...lines: string[]) => [HEADER, ...lines].join('\n')
const imported = (text: string) => h.ok<HouseholdImportResult>('household.import', { csv: text }, COMMITTEE)
const refusal = async (text: string) => {
  const before = await h.counts()
  const r = await h.call('household.import', { csv: text }, COMMITTEE)
  expect(await h.counts()).toEqual(before)
  if (r.ok) throw new Error('expected a refusal')
  return r.error
}
const household = async (building: string, room: string, unit = '') =>
  (await h.sql.get('SELECT grid_id, building, unit, room, head_name, adults, phone FROM households WHERE building = ? AND unit = ? AND room = ?', [building, unit, room])) as Record<string, unknown> | undefined

type Case = [name: string, text: string, expected: { added: number; updated?: number; unchanged?: number; rejected: [number, string | RegExp][] }]

const CASES: Case[] = [
  ['three good lines', csv('第一网格,11栋,1单元,101,赵某一,2,13812345678', '第二网格,12栋,,201,钱某二,3,', '第三网格,13栋,2单元,301,孙某三,0,138 1234 5679'), { added: 3, rejected: [] }],
  ['UTF-8 BOM and CRLF', '\uFEFF' + [HEADER, '第一网格,11栋,1单元,101,赵某一,2,13812345678', '第一网格,11栋,1单元,102,李某二,1,'].join('\r\n') + '\r\n', { added: 2, rejected: [] }],
  ['quoted commas and quotes', csv('第一网格,"11栋,东侧",1单元,101,"欧阳""某""",2,'), { added: 1, rejected: [] }],
  ['a duplicate household line (the second is rejected)', csv('第一网格,11栋,1单元,101,赵某一,2,', '第一网格,11栋,1单元,102,李某二,2,', '第一网格,11栋,1单元,101,赵某一,2,'), { added: 2, rejected: [[4, /与第 2 行是同一户/]] }],
  ['an unknown grid', csv('第九网格,11栋,1单元,101,赵某一,2,', '第一网格,11栋,1单元,102,李某二,2,'), { added: 1, rejected: [[2, '没有名为「第九网格」的网格']] }],
  ['empty required cells', csv('第一网格,,1单元,101,赵某一,2,', '第一网格,11栋,1单元,102,,,'), { added: 0, rejected: [[2, '楼栋/组为空'], [3, '户主姓名、成年人数为空']] }],
  ['adults not an integer 0–50', csv('第一网格,11栋,1单元,101,赵某一,51,', '第一网格,11栋,1单元,102,钱某二,两,', '第一网格,11栋,1单元,103,孙某三,2.5,', '第一网格,11栋,1单元,104,李某四,50,'), { added: 1, rejected: [[2, '成年人数应为 0—50 的整数'], [3, '成年人数应为 0—50 的整数'], [4, '成年人数应为 0—50 的整数']] }],
  ['a bad phone', csv('第一网格,11栋,1单元,101,赵某一,2,12345', '第一网格,11栋,1单元,102,钱某二,2,1381234567x'), { added: 0, rejected: [[2, '联系电话应为 11 位手机号'], [3, '联系电话应为 11 位手机号']] }],
  ['a +86 phone is a phone, not a formula', csv('第一网格,11栋,1单元,101,赵某一,2,+86 138 1234 5678', '第一网格,11栋,1单元,102,钱某二,2,+8613812345679', '第一网格,11栋,1单元,103,孙某三,2,+86 12345'), { added: 2, rejected: [[4, '联系电话应为 11 位手机号']] }],
  ['whitespace-only lines and all-empty rows (Excel’s ,,,,,,) are skipped silently', [HEADER, '第一网格,11栋,1单元,101,赵某一,2,', '   ', ',,,,,,', ' , ,,\t, ,,', '', '第九网格,11栋,1单元,102,李某二,2,', ',,,', '\t'].join('\r\n') + '\r\n,,,,,,\r\n', { added: 1, rejected: [[7, '没有名为「第九网格」的网格']] }],
  ['blank lines before the header', ['', '  ', HEADER.replace(/,/g, ' ,'), '第一网格,11栋,1单元,101,赵某一,2,'].join('\n'), { added: 1, rejected: [] }],
  ['tab-separated text pasted from Excel', [HEADER.replace(/,/g, '\t'), '第一网格\t11栋\t1单元\t101\t赵某一\t2\t13812345678', '\t\t\t\t\t\t', '第九网格\t11栋\t\t102\t钱某,二\t3\t'].join('\n'), { added: 1, rejected: [[4, '没有名为「第九网格」的网格']] }],
  ['emoji and HTML are kept as plain text (length still counts)', csv('第一网格,11栋,1单元,101,王某😀,2,', '第一网格,11栋,1单元,102,<b>李某</b>,2,', '第一网格,11栋,1单元,103,"<script>alert(1)</script>",1,'), { added: 2, rejected: [[4, '户主姓名最多 20 个字']] }],
  ['columns in another order, no 联系电话 column', ['户主姓名,成年人数,网格,房号,单元,楼栋/组', '赵某一,2,第一网格,101,1单元,11栋'].join('\n'), { added: 1, rejected: [] }],
  // a name is one line (issue 16): the quoted break is a rejected line of its own, and the next line's number is still right
  ['a quoted line break keeps later line numbers right', csv('第一网格,11栋,1单元,101,"赵某\n一",2,', '第九网格,11栋,1单元,102,李某二,2,', '第一网格,11栋,1单元,103,王某三,2,'), { added: 1, rejected: [[3, '户主姓名含有换行或无法识别的特殊字符'], [4, '没有名为「第九网格」的网格']] }],
]

describe.each(CASES)('%s', (_name, text, expected) => {
  test('counts and rejected lines', async () => {
    const before = await h.counts()
    const r = await imported(text)
    expect(r).toEqual({
      added: expected.added,
      updated: expected.updated ?? 0,
      unchanged: expected.unchanged ?? 0,
      rejected: expected.rejected.map(([line, reason]) => ({ line, reason: typeof reason === 'string' ? reason : expect.stringMatching(reason) })),
    })
    const after = await h.counts()
    expect(after.households).toBe(before.households + expected.added)
    expect(after.audit_log).toBe(before.audit_log + (expected.added > 0 ? 1 : 0))
  })
})

test('values are stored trimmed, phone normalised, emoji and HTML verbatim', async () => {
  await imported(csv(' 第一网格 , 11栋 ,1单元, 101 , 赵某一 ,2, 138-1234-5678 ', '第一网格,11栋,1单元,102,<b>李某</b>😀,2,'))
  expect(await household('11栋', '101', '1单元')).toEqual({
    grid_id: 'g_jj_1', building: '11栋', unit: '1单元', room: '101', head_name: '赵某一', adults: 2, phone: '13812345678',
  })
  expect(await household('11栋', '102', '1单元')).toMatchObject({ head_name: '<b>李某</b>😀', phone: null })
})

test('grids are matched by name within the caller’s community: 临江村 rows land in 临江村', async () => {
  const r = await h.ok<HouseholdImportResult>('household.import', { csv: csv('第一网格,5组,,101,冯某一,2,') }, 'u_committee_lj')
  expect(r.added).toBe(1)
  expect(await household('5组', '101')).toMatchObject({ grid_id: 'g_lj_1' })
})

describe('file-level refusals write nothing', () => {
  test('missing columns are listed', async () => {
    const e = await refusal(['网格,楼栋/组,房号,成年人数', '第一网格,11栋,101,2'].join('\n'))
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.message).toContain('缺少列：单元、户主姓名')
  })

  test('GBK bytes decoded as UTF-8 (U+FFFD) and read as Latin-1 (mojibake)', async () => {
    const gbk = Buffer.concat([GBK_HEADER, Buffer.from('\n'), Buffer.from('b5dad2bbcdf8b8f12c3131b6b02c2c3130312cd5d4c4b32c322c', 'hex')])
    for (const text of [new TextDecoder('utf-8').decode(gbk), gbk.toString('latin1')]) {
      const e = await refusal(text)
      expect(e).toMatchObject({ code: 'INVALID_INPUT', message: NOT_UTF8 })
    }
    expect((await refusal(`${HEADER}\n第一网格,11栋,,101,锟斤拷,2,`)).message).toBe(NOT_UTF8)
  })

  test('10,001 data rows are refused whole; 10,000 are imported', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `第一网格,${Math.floor(i / 100) + 100}栋,,${i % 100},某${i},1,`)
    const e = await refusal(csv(...lines(10_001)))
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.message).toContain('最多 10000 户')
    const r = await imported(csv(...lines(10_000)))
    expect(r).toMatchObject({ added: 10_000, rejected: [] })
  })

  test('an unclosed quote names its line', async () => {
    const e = await refusal(csv('第一网格,11栋,1单元,101,赵某一,2,', '第一网格,11栋,1单元,102,"李某二,2,', '第一网格,11栋,1单元,103,孙某三,2,'))
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.message).toMatch(/第 \d+ 行格式有误/)
  })

  test('a wrong column count names its line', async () => {
    const e = await refusal(csv('第一网格,11栋,1单元,101,赵某一,2,', '第一网格,11栋,1单元,102,李某二,2'))
    expect(e).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('第 3 行格式有误') })
  })

  test('formula injection anywhere refuses the whole file, listing every line (good lines are not imported either)', async () => {
    const e = await refusal(
      csv(
        '第一网格,11栋,1单元,100,周某五,2,',
        `第一网格,11栋,1单元,101,"=cmd|' /C calc'!A0",2,`,
        '第一网格,11栋,1单元,102,@SUM(1),2,',
        '第一网格,11栋,1单元,103,+1,2,',
        '第一网格,11栋,1单元,104,-1,2,',
        '第一网格,11栋,1单元,105,"\tTAB",2,',
        '第一网格,11栋,1单元,106,周某六,2,',
        '第一网格,=1+1,1单元,107,周某七,2,',
        '第一网格,11栋,1单元,108,周某八,2,+1381234567',
      ),
    )
    const lines = [3, 4, 5, 6, 7, 9, 10]
    expect(e).toEqual({
      code: 'INVALID_INPUT',
      message: `${FORMULA_FILE}：第 3、4、5、6、7、9、10 行（单元格不能以 = + - @ 开头，请修改后重新导入）`,
      details: lines.map((line) => ({ path: 'csv', message: `第 ${line} 行有疑似公式的单元格`, line })),
    })
    expect(e.message).toMatch(/^文件中有疑似公式的单元格，已整份拒绝导入：第 3、/)
  })

  test('many formula lines: the message names the first ten and the count, details list them all', async () => {
    const e = await refusal(csv(...Array.from({ length: 12 }, (_, i) => `第一网格,11栋,,${i},=A${i},1,`)))
    expect(e.message).toContain('第 2、3、4、5、6、7、8、9、10、11 等 12 行')
    expect((e.details as { line: number }[]).map((d) => d.line)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2))
  })

  test('an empty file, a header only, a non-string', async () => {
    expect((await refusal('')).code).toBe('INVALID_INPUT')
    expect(await imported(HEADER)).toEqual({ added: 0, updated: 0, unchanged: 0, rejected: [] })
    expect((await refusal(42 as unknown as string)).code).toBe('INVALID_INPUT')
  })
})

test('re-importing the same file changes and writes nothing; a changed line is one update', async () => {
  const file = csv('第一网格,11栋,1单元,101,赵某一,2,13812345678', '第二网格,12栋,,201,钱某二,3,', '第九网格,1栋,,1,错行,1,')
  const first = await imported(file)
  expect(first).toMatchObject({ added: 2, updated: 0, unchanged: 0 })
  const before = await h.counts()
  const auditRows = await h.sql.all('SELECT * FROM audit_log')
  const second = await imported(file)
  expect(second).toEqual({ added: 0, updated: 0, unchanged: 2, rejected: [{ line: 4, reason: '没有名为「第九网格」的网格' }] })
  expect(await h.counts()).toEqual(before)
  expect(await h.sql.all('SELECT * FROM audit_log')).toEqual(auditRows)

  const changed = await imported(csv('第一网格,11栋,1单元,101,赵某一,3,13812345678', '第二网格,12栋,,201,钱某二,3,13900001111'))
  expect(changed).toEqual({ added: 0, updated: 2, unchanged: 0, rejected: [] })
  expect(await household('12栋', '201')).toMatchObject({ phone: '13900001111', adults: 3 })
  expect((await h.counts()).audit_log).toBe(before.audit_log + 1)
})

test('the seeded roster keeps its ids when re-imported with the same values (key includes 单元)', async () => {
  const r = await imported(csv('第一网格,1栋,1单元,101,王建华,1,13900000010'))
  expect(r).toMatchObject({ added: 0, unchanged: 1 })
})

test('one audit entry with counts only — no names or phone numbers', async () => {
  await imported(csv('第一网格,11栋,1单元,101,赵某一,2,13812345678', '第九网格,11栋,1单元,102,钱某二,2,'))
  const [entry] = await h.store.audit.list({ limit: 1 })
  expect(entry).toMatchObject({
    action: 'household.import',
    actorId: COMMITTEE,
    targetType: 'community',
    targetId: 'c_jinjiang',
    detail: { added: 1, updated: 0, unchanged: 0, rejected: 1 },
  })
  expect(JSON.stringify(entry)).not.toMatch(/赵某一|13812345678/)
})

test('AppError is what the parser throws for file-level problems', () => {
  expect(new AppError('INVALID_INPUT', NOT_UTF8).code).toBe('INVALID_INPUT')
})

test('docs/samples/households.csv imports as docs/API.md says: 29 added, line 13 rejected', async () => {
  const sample = (await import('node:fs')).readFileSync(require.resolve('../../docs/samples/households.csv'), 'utf8')
  expect(await imported(sample)).toEqual({
    added: 29,
    updated: 0,
    unchanged: 0,
    rejected: [{ line: 13, reason: '成年人数应为 0—50 的整数' }],
  })
  const doc = (await import('node:fs')).readFileSync(require.resolve('../../docs/API.md'), 'utf8')
  expect(doc).toContain('`added: 29`')
  expect(doc).toContain('**line 13**')
})
