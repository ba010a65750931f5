/** ledger.export with bad input (issue 19): a code, a Chinese message, and nothing written (no audit entry, no file). */
import fs from 'node:fs'
import type { Harness } from './support/harness'
import { WHO } from './support/reportFixtures'
import { ledgerHarness } from './support/ledgerFixtures'

let h: Harness
beforeAll(async () => {
  h = await ledgerHarness()
})
afterAll(() => h.close())

const root = () => (h.deps.exportFiles as unknown as { root: string }).root
const files = () => (fs.existsSync(root()) ? fs.readdirSync(root()).length : 0)

test.each([
  ['no kind', { month: '2025-02' }, 'INVALID_INPUT', /导出内容/],
  ['unknown kind', { kind: 'year', month: '2025-02' }, 'INVALID_INPUT', /导出内容/],
  ['month missing', { kind: 'month' }, 'INVALID_INPUT', /月份/],
  ['month 13', { kind: 'month', month: '2025-13' }, 'INVALID_INPUT', /月份格式/],
  ['month without zero', { kind: 'month', month: '2025-3' }, 'INVALID_INPUT', /月份格式/],
  ['month as a date', { kind: 'month', month: '2025-02-01' }, 'INVALID_INPUT', /月份格式/],
  ['a 10 MB month', { kind: 'month', month: 'x'.repeat(10_000_000) }, 'INVALID_INPUT', /月份格式/],
  ['future month', { kind: 'month', month: '2025-04' }, 'INVALID_INPUT', /尚未到来/],
  ['unknown community', { kind: 'month', month: '2025-02', communityId: 'c_nowhere' }, 'INVALID_INPUT', /社区不存在/],
  ['unknown grid', { kind: 'reports', gridId: 'g_nowhere' }, 'INVALID_INPUT', /网格不存在/],
  ['bad status', { kind: 'reports', status: 'lost' }, 'INVALID_INPUT', /状态/],
  ['bad day', { kind: 'reports', from: '2025-02-30' }, 'INVALID_INPUT', /开始日期/],
  ['from after to', { kind: 'reports', from: '2025-02-10', to: '2025-02-01' }, 'INVALID_INPUT', /结束日期不能早于开始日期/],
  ['extra key', { kind: 'month', month: '2025-02', sql: "'; DROP TABLE reports; --" }, 'INVALID_INPUT', /[\u4e00-\u9fa5]/],
  ['__proto__', JSON.parse('{"kind":"month","month":"2025-02","__proto__":{"x":1}}'), 'INVALID_INPUT', /[\u4e00-\u9fa5]/],
] as const)('%s → %s, nothing written', async (_name, payload, code, message) => {
  const audit = Number(await h.sql.value('SELECT count(*) FROM audit_log'))
  const before = files()
  const r = await h.call('ledger.export', payload, WHO.committee)
  expect(r).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  if (!r.ok) expect(`${r.error.message} ${JSON.stringify(r.error.details ?? '')}`).toMatch(message)
  expect(Number(await h.sql.value('SELECT count(*) FROM audit_log'))).toBe(audit)
  expect(files()).toBe(before)
})

test('the current month may be exported (it is not in the future)', async () => {
  expect(await h.call('ledger.export', { kind: 'month', month: '2025-03' }, WHO.committee)).toMatchObject({ ok: true })
})
