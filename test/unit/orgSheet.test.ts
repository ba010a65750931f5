import { AppError } from '@/domain/shared/errors'
import { parseOrgSheet } from '../../cloud/org'

const HEADER = '市,区,街道,社区,类型,网格'

function refusal(csv: string): AppError {
  try {
    parseOrgSheet(csv)
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('not refused')
}

describe('the organisation sheet', () => {
  test('one grid per line, with everything above it; Excel’s BOM, CRLF, quotes and blank lines are fine', () => {
    const csv = `\uFEFF${HEADER}\r\n江城市,滨江区,长河街道,"长河社区",社区,第一网格\r\n,,,,,\r\n江城市,滨江区,浦沿街道,东冠村,村, 一组 \r\n`
    expect(parseOrgSheet(csv)).toEqual([
      { line: 2, city: '江城市', district: '滨江区', street: '长河街道', community: '长河社区', kind: 'community', grid: '第一网格' },
      { line: 4, city: '江城市', district: '滨江区', street: '浦沿街道', community: '东冠村', kind: 'village', grid: '一组' },
    ])
  })

  test('a wrong header or an empty sheet refuses the file', () => {
    expect(refusal('市,区,街道,社区,网格\n江城市,滨江区,长河街道,长河社区,第一网格\n').message).toContain('第一行应为：市,区,街道,社区,类型,网格')
    expect(refusal(`${HEADER}\n`).message).toContain('表里没有网格')
    expect(refusal('').code).toBe('INVALID_INPUT')
  })

  test('every problem of the file is listed by line, and nothing is taken from it', () => {
    const csv = [
      HEADER,
      '江城市,滨江区,长河街道,长河社区,社区,第一网格',
      '江城市,滨江区,长河街道,长河社区,小区,第二网格',
      '江城市,,长河街道,长河社区,社区,第三网格',
      '江城市,西湖区,长河街道,长河社区,社区,第四网格',
      '江城市,滨江区,长河街道,长河社区,村,第五网格',
      '江城市,滨江区,长河街道,长河社区,社区,第一网格',
      '=cmd,滨江区,长河街道,长河社区,社区,第六网格',
      '江城市,滨江区,长河街道,长河社区,社区',
      `江城市,滨江区,长河街道,长河社区,社区,${'很'.repeat(31)}`,
    ].join('\n')
    const e = refusal(csv)
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.message).toMatch(/^组织架构表有 8 处问题，整个文件未导入：/)
    expect((e.details as { line: number; message: string }[]).map((d) => [d.line, d.message])).toEqual([
      [3, '类型应为“社区”或“村”，不是“小区”'],
      [4, '区不能为空、不能超过 30 个字、不能以 = + - @ 开头'],
      [5, '长河街道已在上面写在 江城市滨江区 下，一个街道只能属于一个区'],
      [6, '长河社区的类型与上面的行不一致'],
      [7, '长河社区第一网格与第 2 行重复'],
      [8, '市不能为空、不能超过 30 个字、不能以 = + - @ 开头'],
      [9, '应有 6 列，这一行有 5 列'],
      [10, '网格不能为空、不能超过 30 个字、不能以 = + - @ 开头'],
    ])
  })

  test('text that was not UTF-8 is refused with how to save it', () => {
    expect(refusal(`${HEADER}\n江城市,滨江区,长河街道,长河社区,社区,第\uFFFD网格\n`).message).toContain('CSV UTF-8')
  })
})
