/**
 * The visits feature's port contract: what the use cases rely on from VisitRepo (cloud/visits/ports.ts), declared
 * once and run against every engine by a thin test file (test/api/visits.contract.test.ts: SQLite;
 * test/postgres/visits.contract.test.ts: PostgreSQL, with SQLite as the reference). Each scenario runs on a fresh
 * store with the same fixture; its deterministic result is compared deep-equal with the reference engine's.
 *
 * `log` makes its report with report.create's own steps in the same transaction, so the reports and files
 * repositories sit beside the visits store. The races (Promise.all) are real concurrency between sessions on
 * PostgreSQL; on SQLite one connection runs them in turn (test/api/visits.concurrency.test.ts races processes).
 */
import type { FileRecord, FileRepo } from '../../cloud/files/ports'
import type { NewReport, ReportRepo } from '../../cloud/reports/ports'
import type { AuditEntry, AuditRepo, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { NewFollowUp, NewVisit, VisitRecord, VisitRepo, VisitReport } from '../../cloud/visits/ports'
import type { FixtureWriter } from './fixtures'

export interface VisitsContractStore {
  users: UserRepo
  audit: AuditRepo
  visits: VisitRepo
  reports: ReportRepo
  files: FileRepo
}

export interface VisitsContractEngine {
  store: VisitsContractStore
  fixtures: FixtureWriter
  close(): Promise<void>
}

export type OpenVisitsEngine = () => Promise<VisitsContractEngine>

const NOW = '2025-03-01T02:00:00.000Z'
const DAY = 24 * 3600_000
const daysAgo = (n: number) => new Date(Date.parse(NOW) - n * DAY).toISOString()
const FROM = '2024-12-31T16:00:00.000Z'

const IDS = { street: 'st_east', c: 'c_jj', other: 'c_hx', g1: 'g_jj_1', g2: 'g_jj_2', gx: 'g_hx_1', worker: 'u_worker', committee: 'u_committee', alice: 'u_alice' }
const HOUSEHOLDS = [
  ['h_1', IDS.g1, '101', '王一'],
  ['h_2', IDS.g1, '102', '王二'],
  ['h_3', IDS.g1, '201', '王三'],
  ['h_4', IDS.g1, '202', '王四'],
  ['h_5', IDS.g2, '101', '李五'],
  ['h_x', IDS.gx, '101', '赵六'],
] as const

function person(id: string, name: string, p: Partial<NewUser> = {}): NewUser {
  return { id, name, phone: null, roles: ['resident'], communityId: IDS.c, gridId: IDS.g1, householdId: null, verified: true, workerGridIds: [], createdAt: daysAgo(90), ...p }
}

async function buildFixture(e: VisitsContractEngine): Promise<void> {
  await e.fixtures.street({ id: IDS.street, name: '城东街道', seq: 0 })
  await e.fixtures.community({ id: IDS.c, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.other, streetId: IDS.street, name: '华兴社区', kind: 'community', seq: 1 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.c, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.g2, communityId: IDS.c, name: '第二网格', seq: 1, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.gx, communityId: IDS.other, name: '华兴一网格', seq: 0, boundary: null, servicePhone: null })
  for (const [id, gridId, room, headName] of HOUSEHOLDS) {
    await e.fixtures.household({ id, gridId, building: '1栋', unit: '1单元', room, headName, adults: 2, phone: null, updatedAt: null })
  }
  await e.store.users.create(person(IDS.worker, '孙丽', { roles: ['gridWorker'], gridId: null, workerGridIds: [IDS.g1] }))
  await e.store.users.create(person(IDS.committee, '陈秀兰', { roles: ['committee'], gridId: null }))
  await e.store.users.create(person(IDS.alice, '杨春敏'))
}

function visit(id: string, householdId: string, visitedAt: string, p: Partial<NewVisit> = {}): NewVisit {
  const gridId = HOUSEHOLDS.find((h) => h[0] === householdId)![1]
  return {
    id,
    communityId: gridId === IDS.gx ? IDS.other : IDS.c,
    gridId,
    householdId,
    visitorId: IDS.worker,
    visitedAt,
    met: '户主',
    finding: 'none',
    note: `记录 ${id}`,
    createdAt: NOW,
    ...p,
  }
}

function mark(householdId: string, p: Partial<NewFollowUp> = {}): NewFollowUp {
  return { householdId, communityId: IDS.c, gridId: IDS.g1, kind: 'livingAlone', reason: '独居', everyDays: 14, markedBy: IDS.worker, markedAt: daysAgo(30), ...p }
}

function audit(targetId: string, action: string): AuditEntry {
  return { at: NOW, actorId: IDS.worker, action, targetType: 'household', targetId, communityId: IDS.c }
}

function report(id: string, photoIds: string[] = []): VisitReport {
  const r: NewReport = {
    id,
    communityId: IDS.c,
    streetId: IDS.street,
    districtId: null,
    cityId: null,
    gridId: IDS.g1,
    reporterId: IDS.worker,
    category: 'safety_hazard',
    description: `走访发现隐患 ${id}`,
    latitude: null,
    longitude: null,
    address: null,
    coordSource: null,
    anonymous: false,
    visibility: 'public',
    moderation: 'clean',
    assigneeId: IDS.worker,
    acceptBy: daysAgo(-1),
    resolveBy: daysAgo(-7),
    createdAt: NOW,
  }
  return { report: r, photoIds, messages: [], key: { userId: IDS.worker, action: 'report.create', requestId: `rq-${id}`, fingerprint: 'fp' } }
}

function photo(id: string, ownerId: string): FileRecord {
  return { id, ownerId, mime: 'image/jpeg', bytes: 1000, width: 640, height: 480, sha256: `sha-${id}`, path: `2025/03/${id}.jpg`, createdAt: NOW, check: 'none' }
}

const key = (requestId: string, fingerprint = 'fp'): IdempotencyKey => ({ userId: IDS.worker, action: 'visit.log', requestId, fingerprint })
const bare = ({ seq: _seq, ...rest }: VisitRecord) => rest
const noId = ({ id: _id, ...rest }: { id: number } & AuditEntry) => rest

export function visitsContract(engine: string, open: OpenVisitsEngine, opts: { reference?: OpenVisitsEngine } = {}): void {
  function scenario(title: string, run: (s: VisitsContractStore) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenVisitsEngine) => {
        const e = await openIt()
        try {
          await buildFixture(e)
          return await run(e.store)
        } finally {
          await e.close()
        }
      }
      const result = await runOn(open)
      if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
    })
  }

  describe(`visits port contract on ${engine}`, () => {
    scenario('log writes the visit once per key: a retry replays, another input is keyReused, without a key each call is one', async (s) => {
      const first = await s.visits.log(visit('v_1', 'h_1', daysAgo(1)), key('rq-1'), {})
      expect(first).toEqual({ kind: 'logged', newReport: false, visitId: 'v_1', reportId: null })
      expect(await s.visits.log(visit('v_1b', 'h_1', daysAgo(1)), key('rq-1'), {})).toEqual({ kind: 'replayed', visitId: 'v_1', reportId: null })
      expect(await s.visits.log(visit('v_1c', 'h_1', daysAgo(1)), key('rq-1', 'other'), {})).toEqual({ kind: 'keyReused' })
      expect(await s.visits.prior(key('rq-1'))).toEqual({ kind: 'replayed', visitId: 'v_1', reportId: null })
      expect(await s.visits.prior(key('rq-1', 'other'))).toEqual({ kind: 'keyReused' })
      expect(await s.visits.prior(key('rq-none'))).toBeNull()
      await s.visits.log(visit('v_2', 'h_1', daysAgo(2)), null, {})
      const listed = await s.visits.list({ gridIds: [IDS.g1], after: null, limit: 10 })
      expect(listed.map(bare)).toEqual([
        { ...visit('v_1', 'h_1', daysAgo(1)), reportId: null, visitorName: '孙丽', household: { id: 'h_1', gridId: IDS.g1, gridName: '第一网格', building: '1栋', unit: '1单元', room: '101', headName: '王一' } },
        { ...visit('v_2', 'h_1', daysAgo(2)), reportId: null, visitorName: '孙丽', household: { id: 'h_1', gridId: IDS.g1, gridName: '第一网格', building: '1栋', unit: '1单元', room: '101', headName: '王一' } },
      ])
      return listed.map(bare)
    })

    scenario('log with a report: both in one transaction, linked; a report the store refuses leaves neither', async (s) => {
      const made = await s.visits.log(visit('v_r', 'h_2', daysAgo(1), { finding: 'hazard' }), key('rq-r'), { report: report('r_1') })
      expect(made).toEqual({ kind: 'logged', newReport: true, visitId: 'v_r', reportId: 'r_1' })
      expect((await s.reports.get('r_1'))?.description).toBe('走访发现隐患 r_1')
      expect(await s.visits.log(visit('v_r2', 'h_2', daysAgo(1)), key('rq-r'), { report: report('r_2') })).toEqual({ kind: 'replayed', visitId: 'v_r', reportId: 'r_1' })
      expect(await s.reports.get('r_2')).toBeNull()

      await s.files.create(photo('f_alice', IDS.alice))
      const refused = await s.visits.log(visit('v_bad', 'h_3', daysAgo(1), { finding: 'hazard' }), key('rq-bad'), {
        report: report('r_bad', ['f_alice']),
        followUp: mark('h_3'),
      })
      expect(refused).toEqual({ kind: 'badPhotos' })
      expect(await s.reports.get('r_bad')).toBeNull()
      expect(await s.visits.prior(key('rq-bad'))).toBeNull()
      expect(await s.visits.followUps([IDS.g1])).toEqual([])
      expect((await s.visits.householdFile('h_3', { after: null, limit: 10 }, audit('h_3', 'visit.readFile'))).visits).toEqual([])
      const listed = await s.visits.list({ gridIds: [IDS.g1], after: null, limit: 10 })
      return listed.map((v) => [v.id, v.reportId])
    })

    scenario('log with a mark inserts it once; an existing mark is kept as it was', async (s) => {
      await s.visits.log(visit('v_a', 'h_1', daysAgo(3), { finding: 'vulnerable' }), null, { followUp: mark('h_1', { markedAt: NOW }) })
      await s.visits.log(visit('v_b', 'h_1', daysAgo(1), { finding: 'vulnerable' }), null, { followUp: mark('h_1', { kind: 'watch', reason: '另一原因', markedAt: NOW }) })
      const marks = await s.visits.followUps([IDS.g1])
      expect(marks.map((m) => [m.householdId, m.kind, m.reason, m.lastVisitedAt])).toEqual([['h_1', 'livingAlone', '独居', daysAgo(1)]])
      return marks
    })

    scenario('20 logs at once with one key → one visit, one report; every answer the same', async (s) => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => s.visits.log(visit(`v_${i}`, 'h_1', daysAgo(1)), key('rq-race'), { report: report(`r_${i}`) })),
      )
      const logged = results.filter((r) => r.kind === 'logged')
      expect(logged).toHaveLength(1)
      const winner = logged[0] as { visitId: string; reportId: string }
      for (const r of results) expect(r).toMatchObject({ visitId: winner.visitId, reportId: winner.reportId })
      expect(await s.visits.list({ gridIds: [IDS.g1], after: null, limit: 100 })).toHaveLength(1)
      return results.map((r) => r.kind).sort()
    })

    scenario('list: the grids’ visits newest first, paged by (visitedAt, seq) without repeats; ties by arrival', async (s) => {
      for (let i = 0; i < 7; i++) await s.visits.log(visit(`v_${i}`, i % 2 ? 'h_1' : 'h_2', daysAgo(i % 3)), null, {})
      await s.visits.log(visit('v_g2', 'h_5', daysAgo(0)), null, {})
      await s.visits.log(visit('v_x', 'h_x', daysAgo(0)), null, {})
      const all = await s.visits.list({ gridIds: [IDS.g1], after: null, limit: 100 })
      expect(all.map((v) => v.id)).toEqual(['v_6', 'v_3', 'v_0', 'v_4', 'v_1', 'v_5', 'v_2'])
      const paged: string[] = []
      let after: { visitedAt: string; seq: number } | null = null
      for (let i = 0; i < 10; i++) {
        const page: VisitRecord[] = await s.visits.list({ gridIds: [IDS.g1], after, limit: 3 })
        paged.push(...page.map((v) => v.id))
        if (page.length < 3) break
        const last = page[page.length - 1]!
        after = { visitedAt: last.visitedAt, seq: last.seq }
      }
      expect(paged).toEqual(all.map((v) => v.id))
      expect((await s.visits.list({ gridIds: [IDS.g1, IDS.g2], after: null, limit: 100 })).map((v) => v.id)).toContain('v_g2')
      expect(await s.visits.list({ gridIds: [], after: null, limit: 100 })).toEqual([])
      return paged
    })

    scenario('householdFile: the visits and the mark, and the audit entry written with the read', async (s) => {
      await s.visits.log(visit('v_1', 'h_1', daysAgo(5)), null, {})
      await s.visits.log(visit('v_2', 'h_2', daysAgo(4)), null, {})
      await s.visits.markFollowUp(mark('h_1'), audit('h_1', 'visit.markFollowUp'))
      const file = await s.visits.householdFile('h_1', { after: null, limit: 10 }, audit('h_1', 'visit.readFile'))
      expect(file.visits.map((v) => v.id)).toEqual(['v_1'])
      expect(file.followUp).toMatchObject({ householdId: 'h_1', kind: 'livingAlone', lastVisitedAt: daysAgo(5) })
      const trail = (await s.audit.list({ targetId: 'h_1', limit: 10 })).map(noId)
      expect(trail).toEqual([audit('h_1', 'visit.readFile'), audit('h_1', 'visit.markFollowUp')])
      const none = await s.visits.householdFile('h_3', { after: null, limit: 10 }, audit('h_3', 'visit.readFile'))
      expect(none).toEqual({ visits: [], followUp: null })
      return { file: { visits: file.visits.map(bare), followUp: file.followUp }, trail }
    })

    scenario('coverage, workers and pending: since the period start; never visited first, then oldest visit; paged', async (s) => {
      await s.visits.log(visit('v_old', 'h_3', '2024-11-01T00:00:00.000Z'), null, {})
      await s.visits.log(visit('v_older', 'h_4', '2024-10-01T00:00:00.000Z'), null, {})
      await s.visits.log(visit('v_1', 'h_1', daysAgo(3)), null, {})
      await s.visits.log(visit('v_1b', 'h_1', daysAgo(2), { visitorId: IDS.committee }), null, {})
      await s.visits.log(visit('v_5', 'h_5', daysAgo(1)), null, {})
      const coverage = await s.visits.coverage([IDS.g1, IDS.g2], FROM)
      expect([...coverage].sort((a, b) => a.gridId.localeCompare(b.gridId))).toEqual([
        { gridId: IDS.g1, households: 4, visited: 1 },
        { gridId: IDS.g2, households: 1, visited: 1 },
      ])
      await s.users.create(person('u_worker2', '周强', { roles: ['gridWorker'], gridId: null, workerGridIds: [IDS.g2] }))
      await s.users.create(person('u_worker_hx', '吴刚', { roles: ['gridWorker'], gridId: null, communityId: IDS.other, workerGridIds: [IDS.gx] }))
      const workers = await s.visits.workers([IDS.g1, IDS.g2], FROM)
      // 周强 is listed with none; the visits before the period do not count; 吴刚's grid is not in scope
      expect(workers).toEqual([
        { userId: IDS.worker, name: '孙丽', visits: 2, households: 2 },
        { userId: IDS.committee, name: '陈秀兰', visits: 1, households: 1 },
        { userId: 'u_worker2', name: '周强', visits: 0, households: 0 },
      ])
      expect(await s.visits.workers([IDS.g2], FROM)).toEqual([{ userId: IDS.worker, name: '孙丽', visits: 1, households: 1 }, { userId: 'u_worker2', name: '周强', visits: 0, households: 0 }])
      const pending = await s.visits.pending([IDS.g1, IDS.g2], FROM, null, 10)
      expect(pending.map((p) => [p.household.id, p.lastVisitedAt])).toEqual([
        ['h_2', null],
        ['h_4', '2024-10-01T00:00:00.000Z'],
        ['h_3', '2024-11-01T00:00:00.000Z'],
      ])
      const first = await s.visits.pending([IDS.g1], FROM, null, 1)
      const second = await s.visits.pending([IDS.g1], FROM, { last: '', id: first[0]!.household.id }, 1)
      const third = await s.visits.pending([IDS.g1], FROM, { last: second[0]!.lastVisitedAt!, id: second[0]!.household.id }, 5)
      expect([...first, ...second, ...third].map((p) => p.household.id)).toEqual(['h_2', 'h_4', 'h_3'])
      expect(await s.visits.coverage([], FROM)).toEqual([])
      return { coverage: coverage.length, workers, pending }
    })

    scenario('marks: set, replaced (one per household), cleared once; each with its audit; the last visit read with them', async (s) => {
      const set = await s.visits.markFollowUp(mark('h_2'), audit('h_2', 'visit.markFollowUp'))
      expect(set).toEqual({ ...mark('h_2'), lastVisitedAt: null, household: { id: 'h_2', gridId: IDS.g1, gridName: '第一网格', building: '1栋', unit: '1单元', room: '102', headName: '王二' } })
      await s.visits.log(visit('v_1', 'h_2', daysAgo(2)), null, {})
      const replaced = await s.visits.markFollowUp(mark('h_2', { kind: 'hardship', reason: '低保', everyDays: 30, markedAt: NOW }), audit('h_2', 'visit.markFollowUp'))
      expect(replaced).toMatchObject({ kind: 'hardship', reason: '低保', everyDays: 30, markedAt: NOW, lastVisitedAt: daysAgo(2) })
      expect(await s.visits.followUps([IDS.g1])).toEqual([replaced])
      expect(await s.visits.clearFollowUp('h_2', audit('h_2', 'visit.clearFollowUp'))).toBe(true)
      expect(await s.visits.clearFollowUp('h_2', audit('h_2', 'visit.clearFollowUp'))).toBe(false)
      expect(await s.visits.followUps([IDS.g1])).toEqual([])
      const trail = (await s.audit.list({ targetId: 'h_2', limit: 10 })).map((a) => a.action)
      expect(trail).toEqual(['visit.clearFollowUp', 'visit.markFollowUp', 'visit.markFollowUp'])
      return { set, replaced, trail }
    })

    scenario('10 marks of one household at once → one mark, ten audit entries', async (s) => {
      await Promise.all(Array.from({ length: 10 }, (_, i) => s.visits.markFollowUp(mark('h_1', { everyDays: i + 1 }), audit('h_1', 'visit.markFollowUp'))))
      const marks = await s.visits.followUps([IDS.g1])
      expect(marks).toHaveLength(1)
      expect((await s.audit.list({ targetId: 'h_1', limit: 100 }))).toHaveLength(10)
      return marks.length
    })

    scenario('plan: none until set; set, then replaced, each audited', async (s) => {
      expect(await s.visits.plan(IDS.c)).toBeNull()
      await s.visits.setPlan(IDS.c, 6, IDS.committee, NOW, { ...audit(IDS.c, 'visit.setPlan'), targetType: 'community' })
      await s.visits.setPlan(IDS.c, 2, IDS.committee, NOW, { ...audit(IDS.c, 'visit.setPlan'), targetType: 'community' })
      expect(await s.visits.plan(IDS.c)).toBe(2)
      expect(await s.visits.plan(IDS.other)).toBeNull()
      expect(await s.audit.list({ targetId: IDS.c, limit: 10 })).toHaveLength(2)
      return await s.visits.plan(IDS.c)
    })
  })
}
