/** 操作日志's rules in the domain: the labels of every audited action, the masking of the detail, the list's input. */
import fs from 'node:fs'
import path from 'node:path'
import { AUDIT_ACTION_LABELS, auditActionLabel, auditListSchema, isActionPrefix, maskAuditDetail, maskText } from '@/domain/audit'

/** Every `action: '…'` an audit entry is written with under cloud/ and scripts/ (a source scan, not a list kept by hand). */
function auditedActions(): string[] {
  const found = new Set<string>()
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (p.endsWith('.ts')) {
        const src = fs.readFileSync(p, 'utf8')
        if (!/targetType/.test(src)) continue
        for (const m of src.matchAll(/action: '([a-z]+\.[A-Za-z]+)'/g)) found.add(m[1])
      }
    }
  }
  for (const d of ['cloud', 'scripts']) walk(path.resolve(__dirname, '../..', d))
  return [...found].sort()
}

test('every action that writes an audit entry has a Chinese label; an unknown one reads as its name', () => {
  const actions = auditedActions()
  expect(actions.length).toBeGreaterThan(30)
  expect(actions.filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([])
  for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fa5]/)
  expect(auditActionLabel('notice.publish')).toBe('发布通知')
  expect(auditActionLabel('future.thing')).toBe('future.thing')
})

describe('maskAuditDetail', () => {
  test('phones under a phone key, and mobile, landline and ID numbers inside any text', () => {
    expect(maskAuditDetail({ servicePhone: '0575-87010001' })).toEqual({ servicePhone: '057*****0001' })
    expect(maskAuditDetail({ phone: '13812345678', nested: { mobile: 13912345678 } })).toEqual({ phone: '138****5678', nested: { mobile: '139****5678' } })
    expect(maskAuditDetail({ note: '联系 13812345678，身份证 11010119900307123X' })).toEqual({ note: '联系 138****5678，身份证 110***********123X' })
    expect(maskText('电话0575-87654321')).toBe('电话057*****4321')
    expect(maskAuditDetail({ list: ['13812345678', 3] })).toEqual({ list: ['138****5678', 3] })
  })

  test('counts, ids, dates and short numbers stay as they are', () => {
    const detail = { phones: 3, rows: 12, gridId: 'g_jj_1', from: '2025-03-01T02:00:00.000Z', days: { environment: 2 }, approve: true, n: null }
    expect(maskAuditDetail(detail)).toEqual(detail)
    expect(maskAuditDetail(undefined)).toBeNull()
  })
})

describe('auditListSchema', () => {
  const parse = (v: unknown) => auditListSchema.safeParse(v)
  const message = (v: unknown) => {
    const r = parse(v)
    return r.success ? null : r.error.issues[0]?.message
  }

  test('accepts the filters, an action or a feature prefix', () => {
    expect(parse({ actorId: 'u_1', action: 'report.setDeadlines', targetType: 'grid', targetId: 'g_1', from: '2025-01-01', to: '2025-12-31', communityId: 'c_1', limit: 50 }).success).toBe(true)
    expect(parse({ action: 'report.' }).success).toBe(true)
    expect(isActionPrefix('report.')).toBe(true)
    expect(isActionPrefix('report.list')).toBe(false)
  })

  test('refuses a reversed or too long period, impossible days, limits out of range — in Chinese', () => {
    expect(message({ from: '2025-03-02', to: '2025-03-01' })).toBe('结束日期不能早于开始日期')
    expect(message({ from: '2025-01-01', to: '2026-01-02' })).toBe('查询时段最长 366 天')
    expect(parse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true)
    expect(message({ from: '2025-02-29' })).toBe('开始日期不是有效日期')
    expect(message({ limit: 51 })).toBe('每页最多 50 条')
    expect(message({ limit: 0 })).toBe('每页至少 1 条')
    expect(message({ action: 'report' })).toBe('操作类型格式不正确')
    expect(message({ action: 'a.b.c' })).toBe('操作类型格式不正确')
  })
})
