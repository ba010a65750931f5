/**
 * 联席会议 and 包保 (issue 17): every role × own/other grid and community, for each action, on a private dispute of
 * 锦江 第一网格 escalated to the community and accepted. The expected code per caller is the contract: ok, FORBIDDEN
 * (may see the dispute, may not act), NOT_FOUND (may not learn it exists).
 */
import { makeHarness, type Harness } from './support/harness'
import { makeReport, WHO } from './support/reportFixtures'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

type Expect = 'ok' | 'FORBIDDEN' | 'NOT_FOUND'
const CALLERS: [string, keyof typeof WHO, { record: Expect; list: Expect; owners: Expect; assign: Expect; summary: Expect | 'FORBIDDEN' }][] = [
  ['its reporter', 'resident', { record: 'FORBIDDEN', list: 'FORBIDDEN', owners: 'FORBIDDEN', assign: 'FORBIDDEN', summary: 'FORBIDDEN' }],
  ['a neighbour in its grid', 'volunteer', { record: 'NOT_FOUND', list: 'NOT_FOUND', owners: 'NOT_FOUND', assign: 'NOT_FOUND', summary: 'FORBIDDEN' }],
  ['a resident of another community', 'residentOther', { record: 'NOT_FOUND', list: 'NOT_FOUND', owners: 'NOT_FOUND', assign: 'NOT_FOUND', summary: 'FORBIDDEN' }],
  ['its grid’s worker', 'worker', { record: 'FORBIDDEN', list: 'ok', owners: 'FORBIDDEN', assign: 'FORBIDDEN', summary: 'FORBIDDEN' }],
  ['another grid’s worker', 'worker2', { record: 'NOT_FOUND', list: 'NOT_FOUND', owners: 'NOT_FOUND', assign: 'NOT_FOUND', summary: 'FORBIDDEN' }],
  ['its committee (the handler)', 'committee', { record: 'ok', list: 'ok', owners: 'ok', assign: 'ok', summary: 'ok' }],
  ['another community’s committee', 'committeeOther', { record: 'NOT_FOUND', list: 'NOT_FOUND', owners: 'NOT_FOUND', assign: 'NOT_FOUND', summary: 'ok' }],
  ['its street', 'street', { record: 'ok', list: 'ok', owners: 'ok', assign: 'ok', summary: 'ok' }],
  ['its district', 'district', { record: 'ok', list: 'ok', owners: 'ok', assign: 'ok', summary: 'ok' }],
  ['its city', 'city', { record: 'ok', list: 'ok', owners: 'ok', assign: 'ok', summary: 'ok' }],
]

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code)

test.each(CALLERS)('%s', async (_label, who, want) => {
  const r = await makeReport(h, { category: 'dispute', level: 'community', status: 'accepted', description: '邻居占用楼道堆放杂物，协商未果' })
  const as = WHO[who]
  const record = await h.call('meeting.record', {
    reportId: r.id,
    heldOn: '2025-03-01',
    place: '社区议事厅',
    attendees: [{ name: '王建华' }, { name: '林小梅' }],
    decision: '三日内清理',
    outcome: 'agreed',
  }, as)
  const list = await h.call('meeting.list', { reportId: r.id }, as)
  const owners = await h.call('meeting.owners', { reportId: r.id }, as)
  const assign = await h.call('meeting.assignResponsible', { reportId: r.id, userId: WHO.committee }, as)
  const summary = await h.call('meeting.summary', {}, as)
  expect({ record: codeOf(record), list: codeOf(list), owners: codeOf(owners), assign: codeOf(assign), summary: codeOf(summary) }).toEqual(want)
  for (const reply of [record, list, owners, assign, summary]) if (!reply.ok) expect(reply.error.message).toMatch(/[\u4e00-\u9fff]/)
})
