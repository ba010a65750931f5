/**
 * Who sees the reporter and the parties of a dispute in full (issue 16, findings 4 and 9). The README's rule:
 * a full name and phone go only to the person, their community's staff and their grid's worker. Street staff
 * supervise every report of their street, but see the reporter in full only on reports escalated to the street
 * (then they handle them); before that, masked like anyone outside the community (居民 when anonymous).
 * A reporter, to whom the party list is masked, does not read the parties' full names inside the mediation
 * notes or the agreement either.
 */
import type { ReportView, ReportSummary } from '@/domain/reports'
import { makeHarness, type Harness } from './support/harness'
import { makeReport, REPORTER_NAME, REPORTER_PHONE, WHO } from './support/reportFixtures'

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const get = (as: string, id: string) => h.ok<ReportView>('report.get', { id }, as)
const area = async (as: string, id: string) =>
  (await h.ok<{ items: ReportSummary[] }>('report.list', { scope: 'area', limit: 100 }, as)).items.find((i) => i.id === id)

test('street staff on a report still in the community: the reporter masked, no phone (list and detail)', async () => {
  for (const level of ['grid', 'community'] as const) {
    const r = await makeReport(h, { level })
    expect(await get(WHO.street, r.id)).toMatchObject({ reporterName: '王*华', reporterPhone: null })
    expect((await area(WHO.street, r.id))?.reporterName).toBe('王*华')
  }
})

test('street staff on an anonymous report still in the community: 居民', async () => {
  const r = await makeReport(h, { anonymous: true })
  expect(await get(WHO.street, r.id)).toMatchObject({ reporterName: '居民', reporterPhone: null })
  const created = (await get(WHO.street, r.id)).timeline.find((e) => e.action === 'create')
  expect(created?.actor).toBe('居民')
})

test('escalated to the street: street staff see the reporter in full, anonymous or not', async () => {
  for (const anonymous of [false, true]) {
    const r = await makeReport(h, { level: 'street', anonymous })
    expect(await get(WHO.street, r.id)).toMatchObject({ reporterName: REPORTER_NAME, reporterPhone: REPORTER_PHONE })
  }
})

test('the community’s staff and the grid’s worker see the reporter in full at every level', async () => {
  for (const level of ['grid', 'community', 'street'] as const) {
    const r = await makeReport(h, { level, anonymous: true })
    for (const who of [WHO.committee, WHO.worker]) {
      expect(await get(who, r.id)).toMatchObject({ reporterName: REPORTER_NAME, reporterPhone: REPORTER_PHONE })
    }
  }
})

describe('a mediation record', () => {
  let id: string
  beforeAll(async () => {
    const r = await makeReport(h, { category: 'dispute', status: 'accepted' })
    id = r.id
    const parties = [{ name: '王某华', role: '楼下住户' }, { name: '赵大海', role: '楼上住户' }, { name: '欧阳明月', role: '物业' }]
    await h.ok('report.mediate', { id, kind: 'people', parties, session: { date: '2025-03-01', note: '赵大海和欧阳明月到场；赵大海同意维修' } }, WHO.worker)
    await h.ok('report.mediate', { id, kind: 'people', parties, outcome: 'agreed', agreement: '赵大海一周内修好防水，欧阳明月监督' }, WHO.worker)
  })

  test('the reporter reads the notes and the agreement with the parties’ names masked, as in the party list', async () => {
    const m = (await get(WHO.resident, id)).mediation!
    expect(m.parties.map((p) => p.name)).toEqual(['王*华', '赵*海', '欧**月'])
    expect(m.sessions[0]!.note).toBe('赵*海和欧**月到场；赵*海同意维修')
    expect(m.agreement).toBe('赵*海一周内修好防水，欧**月监督')
  })

  test('street staff before escalation: parties masked in the list and in the text', async () => {
    const m = (await get(WHO.street, id)).mediation!
    expect(m.parties.map((p) => p.name)).toEqual(['王*华', '赵*海', '欧**月'])
    expect(m.sessions[0]!.note).not.toContain('赵大海')
    expect(m.agreement).not.toContain('欧阳明月')
  })

  test('the handler and the committee read them in full', async () => {
    for (const who of [WHO.worker, WHO.committee]) {
      const m = (await get(who, id)).mediation!
      expect(m.parties.map((p) => p.name)).toEqual(['王某华', '赵大海', '欧阳明月'])
      expect(m.sessions[0]!.note).toBe('赵大海和欧阳明月到场；赵大海同意维修')
      expect(m.agreement).toBe('赵大海一周内修好防水，欧阳明月监督')
    }
  })
})
