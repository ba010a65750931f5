/**
 * The warnings feature's port contract: what the use cases rely on from WarningRepo (cloud/warnings/ports.ts),
 * declared once and run against every engine by a thin test file (test/api/warnings.contract.test.ts: SQLite;
 * test/postgres/warnings.contract.test.ts: PostgreSQL, with SQLite as the reference, results deep-equal). The races
 * (Promise.all) are real concurrency between sessions on PostgreSQL; on SQLite one connection runs them in turn
 * (test/api/warnings.concurrency.test.ts races processes).
 */
import type { MessageRepo } from '../../cloud/messages/ports'
import type { NewReport, ReportRepo } from '../../cloud/reports/ports'
import type { AuditEntry, AuditRepo, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { NewAssessment, NewWarning, WarningRepo } from '../../cloud/warnings/ports'
import { DEFAULT_PARAMS } from '@/domain/warnings'
import type { Exec } from './engines'
import type { FixtureWriter } from './fixtures'

export interface WarningsContractStore {
  users: UserRepo
  audit: AuditRepo
  reports: ReportRepo
  messages: MessageRepo
  warnings: WarningRepo
}

export interface WarningsContractEngine {
  store: WarningsContractStore
  fixtures: FixtureWriter
  exec: Exec
  close(): Promise<void>
}

export type OpenWarningsEngine = () => Promise<WarningsContractEngine>

const NOW = '2025-03-05T02:00:00.000Z'
const DAY = 24 * 3600_000
const daysAgo = (n: number) => new Date(Date.parse(NOW) - n * DAY).toISOString()

const IDS = { street: 'st_east', c: 'c_jj', other: 'c_hx', g1: 'g_jj_1', g2: 'g_jj_2', gx: 'g_hx_1', worker: 'u_worker', worker2: 'u_worker2', committee: 'u_committee', alice: 'u_alice' }

function person(id: string, name: string, p: Partial<NewUser> = {}): NewUser {
  return { id, name, phone: null, roles: ['resident'], communityId: IDS.c, gridId: IDS.g1, householdId: null, verified: true, workerGridIds: [], createdAt: daysAgo(90), ...p }
}

async function buildFixture(e: WarningsContractEngine): Promise<void> {
  await e.fixtures.street({ id: IDS.street, name: '城东街道', seq: 0 })
  await e.fixtures.community({ id: IDS.c, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.other, streetId: IDS.street, name: '华兴社区', kind: 'community', seq: 1 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.c, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.g2, communityId: IDS.c, name: '第二网格', seq: 1, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.gx, communityId: IDS.other, name: '华兴一网格', seq: 0, boundary: null, servicePhone: null })
  await e.fixtures.household({ id: 'h_1', gridId: IDS.g1, building: '1栋', unit: '1单元', room: '101', headName: '王一', adults: 2, phone: null, updatedAt: null })
  await e.store.users.create(person(IDS.worker, '孙丽', { roles: ['gridWorker'], gridId: null, workerGridIds: [IDS.g1] }))
  await e.store.users.create(person(IDS.worker2, '周强', { roles: ['gridWorker'], gridId: null, workerGridIds: [IDS.g1] }))
  await e.store.users.create(person(IDS.committee, '陈秀兰', { roles: ['committee'], gridId: null }))
  await e.store.users.create(person(IDS.alice, '杨春敏'))
}

function report(id: string, createdAt: string, p: Partial<NewReport> = {}): NewReport {
  return {
    id,
    communityId: IDS.c,
    streetId: IDS.street,
    districtId: null,
    cityId: null,
    gridId: IDS.g1,
    reporterId: IDS.alice,
    category: 'environment',
    description: `楼道堆放杂物 ${id}`,
    latitude: 30.6571,
    longitude: 104.0662,
    address: null,
    coordSource: 'gcj02',
    anonymous: false,
    visibility: 'public',
    moderation: 'clean',
    assigneeId: null,
    acceptBy: createdAt,
    resolveBy: createdAt,
    createdAt,
    ...p,
  }
}

function warning(id: string, p: Partial<NewWarning> = {}): NewWarning {
  return {
    id,
    communityId: IDS.c,
    signal: 'spike',
    level: 'grid',
    gridId: IDS.g1,
    areaKey: `grid:${IDS.g1}`,
    category: 'environment',
    period: '2025-03-03',
    observed: 9,
    baseline: 2,
    pValue: 0.00024,
    reportIds: ['r_1', 'r_2'],
    raisedAt: NOW,
    ...p,
  }
}

const NOTICE = { title: '预警：报事量异常升高', body: '第一网格「环境卫生」报事 9 件' }

function assessment(id: string, p: Partial<NewAssessment> = {}): NewAssessment {
  return { id, warningId: 'w_1', assessorId: IDS.worker, participants: ['陈秀兰'], judgement: 'act', actions: [{ kind: 'patrol', note: '周五加巡一次' }], note: '楼道堆物集中', close: false, at: NOW, ...p }
}

const audit = (targetId: string, action = 'warning.assess'): AuditEntry => ({ at: NOW, actorId: IDS.worker, action, targetType: 'warning', targetId, communityId: IDS.c })
const key = (requestId: string, fingerprint = 'fp'): IdempotencyKey => ({ userId: IDS.worker, action: 'warning.assess', requestId, fingerprint })

const counter = (prefix: string) => {
  let n = 0
  return () => `${prefix}${++n}`
}

async function inboxes(s: WarningsContractStore, users: string[]) {
  const out: Record<string, string[]> = {}
  for (const u of users) out[u] = (await s.messages.list(u, { unreadOnly: false, limit: 50, after: null })).map((m) => `${m.kind}|${m.title}|${m.body}`)
  return out
}

export function warningsContract(engine: string, open: OpenWarningsEngine, opts: { reference?: OpenWarningsEngine } = {}): void {
  function scenario(title: string, run: (s: WarningsContractStore, e: WarningsContractEngine) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenWarningsEngine) => {
        const e = await openIt()
        try {
          await buildFixture(e)
          return await run(e.store, e)
        } finally {
          await e.close()
        }
      }
      const result = await runOn(open)
      if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
    })
  }

  describe(`warnings port contract on ${engine}`, () => {
    scenario('facts: the community’s reports since a time, its disputes changed since, withdrawn and rejected left out', async (s, e) => {
      const create = (r: NewReport) => s.reports.create(r, [], [], null)
      await create(report('r_new', daysAgo(3)))
      await create(report('r_old', daysAgo(100)))
      await create(report('r_dispute', daysAgo(100), { category: 'dispute', latitude: null, longitude: null }))
      await create(report('r_gone', daysAgo(2)))
      await create(report('r_rejected', daysAgo(2)))
      await create(report('r_patrol', daysAgo(1), { category: 'safety_hazard', gridId: IDS.g2 }))
      await create(report('r_elsewhere', daysAgo(1), { communityId: IDS.other, gridId: IDS.gx }))
      await e.exec(`UPDATE reports SET reopen_count = 1, max_level = 'community', updated_at = $1 WHERE id = 'r_dispute'`, [daysAgo(1)])
      await e.exec(`UPDATE reports SET status = 'withdrawn' WHERE id = 'r_gone'`, [])
      await e.exec(`UPDATE reports SET status = 'rejected' WHERE id = 'r_rejected'`, [])
      await e.exec(`UPDATE reports SET on_behalf_of_household = 'h_1' WHERE id = 'r_new'`, [])
      await e.exec(
        `INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, created_by, created_at)
         VALUES ('s_1', $1, '夜巡', 30.6, 104.0, 300, $2, $3, 5, $4, $2)`,
        [IDS.c, daysAgo(2), daysAgo(1.9), IDS.committee],
      )
      await e.exec(`INSERT INTO shift_logs (id, shift_id, user_id, note, report_id, at) VALUES ('l_1', 's_1', $1, '发现隐患', 'r_patrol', $2)`, [IDS.committee, daysAgo(1)])

      const facts = await s.warnings.facts(IDS.c, daysAgo(30))
      expect(facts).toEqual([
        { id: 'r_dispute', gridId: IDS.g1, category: 'dispute', createdAt: daysAgo(100), latitude: null, longitude: null, householdId: null, reopenCount: 1, maxLevel: 'community', fromPatrol: false },
        { id: 'r_new', gridId: IDS.g1, category: 'environment', createdAt: daysAgo(3), latitude: 30.6571, longitude: 104.0662, householdId: 'h_1', reopenCount: 0, maxLevel: 'grid', fromPatrol: false },
        { id: 'r_patrol', gridId: IDS.g2, category: 'safety_hazard', createdAt: daysAgo(1), latitude: 30.6571, longitude: 104.0662, householdId: null, reopenCount: 0, maxLevel: 'grid', fromPatrol: true },
      ])
      expect(await s.warnings.communityIds()).toEqual([IDS.c, IDS.other].sort())
      return facts
    })

    scenario('raise: once per key, with a message to each grid worker of the grid in the same step', async (s) => {
      const first = await s.warnings.raise(warning('w_1'), NOTICE, counter('m'))
      expect(first.kind).toBe('raised')
      expect(first.kind === 'raised' && first.messages.map((m) => m.userId)).toEqual([IDS.worker, IDS.worker2])
      expect(await s.warnings.raise(warning('w_2', { observed: 10 }), NOTICE, counter('n'))).toEqual({ kind: 'exists' })
      expect(await s.warnings.get('w_2')).toBeNull()
      const w = await s.warnings.get('w_1')
      expect(w).toEqual({
        seq: expect.any(Number),
        id: 'w_1',
        communityId: IDS.c,
        gridId: IDS.g1,
        gridName: '第一网格',
        level: 'grid',
        signal: 'spike',
        areaKey: `grid:${IDS.g1}`,
        category: 'environment',
        period: '2025-03-03',
        observed: 9,
        baseline: 2,
        pValue: 0.00024,
        reportIds: ['r_1', 'r_2'],
        status: 'open',
        judgement: null,
        raisedAt: NOW,
        closedAt: null,
        closedBy: null,
        version: 1,
      })
      // another period, category or area is another warning
      expect((await s.warnings.raise(warning('w_3', { period: '2025-03-10' }), NOTICE, counter('p'))).kind).toBe('raised')
      const box = await inboxes(s, [IDS.worker, IDS.worker2, IDS.committee])
      expect(box[IDS.worker]).toHaveLength(2)
      expect(box[IDS.committee]).toEqual([])
      return { w: { ...w, seq: 0 }, box }
    })

    scenario('raise: a community-level warning, or a grid with no worker, goes to the committee; a dispute has no period', async (s) => {
      const community = await s.warnings.raise(warning('w_c', { level: 'community', gridId: null, areaKey: 'community' }), NOTICE, counter('a'))
      expect(community.kind === 'raised' && community.messages.map((m) => m.userId)).toEqual([IDS.committee])
      const noWorker = await s.warnings.raise(warning('w_g2', { gridId: IDS.g2, areaKey: `grid:${IDS.g2}` }), NOTICE, counter('b'))
      expect(noWorker.kind === 'raised' && noWorker.messages.map((m) => m.userId)).toEqual([IDS.committee])
      await s.warnings.raise(warning('w_d', { signal: 'dispute', areaKey: 'report:r_9', category: 'dispute', period: '', baseline: null, pValue: null, observed: 2 }), NOTICE, counter('c'))
      const d = await s.warnings.get('w_d')
      expect(d).toMatchObject({ period: null, category: 'dispute', baseline: null, pValue: null })
      expect(await s.warnings.get('w_c')).toMatchObject({ gridId: null, gridName: null, category: 'environment' })
      return { d: { ...d, seq: 0 }, box: await inboxes(s, [IDS.committee, IDS.worker]) }
    })

    scenario('raise: 10 sweeps raising the same key at once → one warning, one message per owner', async (s) => {
      const outs = await Promise.all(Array.from({ length: 10 }, (_, i) => s.warnings.raise(warning(`w_${i}`), NOTICE, counter(`m${i}_`))))
      expect(outs.filter((o) => o.kind === 'raised')).toHaveLength(1)
      expect(await s.warnings.list({ communityId: IDS.c, gridIds: null, status: null, after: null, limit: 100 })).toHaveLength(1)
      const box = await inboxes(s, [IDS.worker, IDS.worker2])
      expect(box[IDS.worker]).toHaveLength(1)
      expect(box[IDS.worker2]).toHaveLength(1)
      return box
    })

    scenario('list: newest first, by grids and status, paged by seq', async (s) => {
      await s.warnings.raise(warning('w_1'), NOTICE, counter('a'))
      await s.warnings.raise(warning('w_2', { gridId: IDS.g2, areaKey: `grid:${IDS.g2}` }), NOTICE, counter('b'))
      await s.warnings.raise(warning('w_3', { level: 'community', gridId: null, areaKey: 'community' }), NOTICE, counter('c'))
      await s.warnings.raise(warning('w_x', { communityId: IDS.other, gridId: IDS.gx, areaKey: `grid:${IDS.gx}` }), NOTICE, counter('d'))
      await s.warnings.assess(assessment('a_1', { warningId: 'w_2', close: true }), null, audit('w_2'))
      const ids = async (q: Partial<Parameters<WarningRepo['list']>[0]>) =>
        (await s.warnings.list({ communityId: IDS.c, gridIds: null, status: null, after: null, limit: 100, ...q })).map((w) => w.id)
      expect(await ids({})).toEqual(['w_3', 'w_2', 'w_1'])
      expect(await ids({ gridIds: [IDS.g1] })).toEqual(['w_1'])
      expect(await ids({ gridIds: [] })).toEqual([])
      expect(await ids({ status: 'open' })).toEqual(['w_3', 'w_1'])
      expect(await ids({ status: 'closed' })).toEqual(['w_2'])
      const [first] = await s.warnings.list({ communityId: IDS.c, gridIds: null, status: null, after: null, limit: 1 })
      expect(await ids({ after: first!.seq })).toEqual(['w_2', 'w_1'])
      return [await ids({}), await ids({ status: 'open' })]
    })

    scenario('assess: records judgement and actions; closing is once — after it, nothing more is written', async (s) => {
      await s.warnings.raise(warning('w_1'), NOTICE, counter('a'))
      expect(await s.warnings.assess(assessment('a_1', { judgement: 'watch' }), key('rq-1'), audit('w_1'))).toEqual({ kind: 'assessed', assessmentId: 'a_1' })
      expect(await s.warnings.get('w_1')).toMatchObject({ status: 'open', judgement: 'watch', version: 2 })
      expect(await s.warnings.assess(assessment('a_1b'), key('rq-1'), audit('w_1'))).toEqual({ kind: 'replayed', assessmentId: 'a_1' })
      expect(await s.warnings.assess(assessment('a_1c'), key('rq-1', 'other'), audit('w_1'))).toEqual({ kind: 'keyReused' })
      expect(await s.warnings.assess(assessment('a_2', { assessorId: IDS.committee, close: true, judgement: 'false_alarm', actions: [] }), null, audit('w_1'))).toEqual({ kind: 'assessed', assessmentId: 'a_2' })
      expect(await s.warnings.get('w_1')).toMatchObject({ status: 'closed', judgement: 'false_alarm', closedAt: NOW, closedBy: IDS.committee, version: 3 })
      expect(await s.warnings.assess(assessment('a_3'), key('rq-3'), audit('w_1'))).toEqual({ kind: 'closed' })
      expect(await s.warnings.assess(assessment('a_4', { warningId: 'w_none' }), null, audit('w_none'))).toEqual({ kind: 'closed' })
      const list = await s.warnings.assessments('w_1')
      expect(list).toEqual([
        { id: 'a_1', warningId: 'w_1', assessorId: IDS.worker, assessorName: '孙丽', participants: ['陈秀兰'], judgement: 'watch', actions: [{ kind: 'patrol', note: '周五加巡一次' }], note: '楼道堆物集中', closed: false, at: NOW },
        { id: 'a_2', warningId: 'w_1', assessorId: IDS.committee, assessorName: '陈秀兰', participants: ['陈秀兰'], judgement: 'false_alarm', actions: [], note: '楼道堆物集中', closed: true, at: NOW },
      ])
      const audits = await s.audit.list({ targetId: 'w_1', limit: 10 })
      expect(audits).toHaveLength(2)
      // the refused assessment's key was not kept: a retry of it stays refused, not replayed
      expect(await s.warnings.assess(assessment('a_3'), key('rq-3'), audit('w_1'))).toEqual({ kind: 'closed' })
      return list
    })

    scenario('assess: 8 staff closing at once → one closes it, the others are told it is closed', async (s) => {
      await s.warnings.raise(warning('w_1'), NOTICE, counter('a'))
      const outs = await Promise.all(Array.from({ length: 8 }, (_, i) => s.warnings.assess(assessment(`a_${i}`, { close: true }), null, audit('w_1'))))
      expect(outs.filter((o) => o.kind === 'assessed')).toHaveLength(1)
      expect(outs.filter((o) => o.kind === 'closed')).toHaveLength(7)
      expect(await s.warnings.assessments('w_1')).toHaveLength(1)
      expect(await s.warnings.get('w_1')).toMatchObject({ status: 'closed', version: 2 })
      return outs.map((o) => o.kind).sort()
    })

    scenario('counts: per community, grid, status and judgement since a time (the overview)', async (s) => {
      await s.warnings.raise(warning('w_1'), NOTICE, counter('a'))
      await s.warnings.raise(warning('w_2', { period: '2025-02-24' }), NOTICE, counter('b'))
      await s.warnings.raise(warning('w_3', { level: 'community', gridId: null, areaKey: 'community' }), NOTICE, counter('c'))
      await s.warnings.raise(warning('w_4', { gridId: IDS.g2, areaKey: `grid:${IDS.g2}` }), NOTICE, counter('d'))
      await s.warnings.raise(warning('w_x', { communityId: IDS.other, gridId: IDS.gx, areaKey: `grid:${IDS.gx}` }), NOTICE, counter('e'))
      await s.warnings.raise(warning('w_old', { period: '2025-01-06', raisedAt: daysAgo(60) }), NOTICE, counter('f'))
      await s.warnings.assess(assessment('a_1', { warningId: 'w_2', judgement: 'false_alarm', close: true }), null, audit('w_2'))
      await s.warnings.assess(assessment('a_2', { warningId: 'w_1', judgement: 'watch' }), null, audit('w_1'))
      const counts = await s.warnings.counts([IDS.c], daysAgo(30))
      expect(counts).toEqual([
        { communityId: IDS.c, gridId: null, status: 'open', judgement: null, n: 1 },
        { communityId: IDS.c, gridId: IDS.g1, status: 'closed', judgement: 'false_alarm', n: 1 },
        { communityId: IDS.c, gridId: IDS.g1, status: 'open', judgement: 'watch', n: 1 },
        { communityId: IDS.c, gridId: IDS.g2, status: 'open', judgement: null, n: 1 },
      ])
      expect(await s.warnings.counts([], daysAgo(30))).toEqual([])
      expect((await s.warnings.counts([IDS.c, IDS.other], daysAgo(90))).reduce((n, r) => n + r.n, 0)).toBe(6)
      return counts
    })

    scenario('params: null until set; set is an upsert with its audit entry', async (s) => {
      expect(await s.warnings.params(IDS.c)).toBeNull()
      await s.warnings.setParams(IDS.c, { ...DEFAULT_PARAMS, alpha: 0.02 }, IDS.committee, NOW, audit(IDS.c, 'warning.setRules'))
      await s.warnings.setParams(IDS.c, { ...DEFAULT_PARAMS, minCount: 8 }, IDS.committee, NOW, audit(IDS.c, 'warning.setRules'))
      expect(await s.warnings.params(IDS.c)).toEqual({ ...DEFAULT_PARAMS, minCount: 8 })
      expect(await s.warnings.params(IDS.other)).toBeNull()
      expect(await s.audit.list({ targetId: IDS.c, limit: 10 })).toHaveLength(2)
      return s.warnings.params(IDS.c)
    })
  })
}
