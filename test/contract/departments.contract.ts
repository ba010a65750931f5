/**
 * 联动's port contract (issue 17): DepartmentRepo (cloud/departments/ports.ts) and the dispatch a report change
 * writes with it (ReportRepo.change's `dispatch`, ReportRecord.dispatch, the event's department), declared once and
 * run on every engine (test/api/departments.contract.test.ts: SQLite; test/postgres/departments.contract.test.ts:
 * PostgreSQL with SQLite as the reference: deterministic results deep-equal).
 *
 * Races (Promise.all) are real concurrency between sessions on PostgreSQL; SQLite's single connection serialises
 * them, and test/api/departments.concurrency.test.ts races processes on a file.
 */
import type { DepartmentRepo, NewDepartment } from '../../cloud/departments/ports'
import type { NewReport, ReportChange, ReportRecord, ReportRepo } from '../../cloud/reports/ports'
import type { AuditEntry, AuditRepo, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'

export interface DepartmentsContractStore {
  users: UserRepo
  audit: AuditRepo
  reports: ReportRepo
  departments: DepartmentRepo
}

export interface DepartmentsContractEngine {
  store: DepartmentsContractStore
  fixtures: FixtureWriter
  close(): Promise<void>
}

export type OpenDepartmentsEngine = () => Promise<DepartmentsContractEngine>

const NOW = '2025-03-03T02:00:00.000Z'
const LATER = '2025-03-20T02:00:00.000Z'
const CREATED = '2025-01-01T00:00:00.000Z'

const IDS = {
  city: 'ct_1',
  district: 'd_1',
  street: 'st_1',
  otherStreet: 'st_2',
  community: 'c_1',
  otherCommunity: 'c_2',
  grid: 'g_1',
  street_staff: 'u_street',
  reporter: 'u_reporter',
  officer: 'u_officer',
  officer2: 'u_officer2',
}

function person(id: string, name: string, roles: NewUser['roles'] = ['resident'], communityId = IDS.community): NewUser {
  return { id, name, phone: null, roles, communityId, gridId: null, householdId: null, verified: false, workerGridIds: [], createdAt: CREATED }
}

async function buildFixture(e: DepartmentsContractEngine): Promise<void> {
  await e.fixtures.city({ id: IDS.city, name: '江城市', seq: 0 })
  await e.fixtures.district({ id: IDS.district, cityId: IDS.city, name: '滨江区', seq: 0 })
  await e.fixtures.street({ id: IDS.street, name: '振兴街道', seq: 0, districtId: IDS.district })
  await e.fixtures.street({ id: IDS.otherStreet, name: '城南街道', seq: 1 })
  await e.fixtures.community({ id: IDS.community, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.otherCommunity, streetId: IDS.otherStreet, name: '南湖社区', kind: 'community', seq: 1 })
  await e.fixtures.grid({ id: IDS.grid, communityId: IDS.community, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.store.users.create(person(IDS.street_staff, '赵明', ['street']))
  await e.store.users.create(person(IDS.reporter, '王建华'))
  await e.store.users.create(person(IDS.officer, '执法一'))
  await e.store.users.create(person(IDS.officer2, '执法二'))
}

const audit = (action: string, targetId: string): AuditEntry => ({ at: NOW, actorId: IDS.street_staff, action, targetType: 'department', targetId, communityId: null })

function department(id: string, p: Partial<NewDepartment> = {}): NewDepartment {
  return { id, name: `城管${id}`, streetId: IDS.street, districtId: null, categories: ['environment', 'facility'], createdAt: NOW, createdBy: IDS.street_staff, ...p }
}

async function make(s: DepartmentsContractStore, d: NewDepartment) {
  const out = await s.departments.create(d, audit('department.create', d.id), null)
  if (out.kind !== 'created') throw new Error(`create: ${out.kind}`)
  return out.department
}

function report(id: string): NewReport {
  return {
    id,
    communityId: IDS.community,
    streetId: IDS.street,
    districtId: IDS.district,
    cityId: IDS.city,
    gridId: IDS.grid,
    reporterId: IDS.reporter,
    category: 'environment',
    description: `楼下垃圾 ${id}`,
    latitude: null,
    longitude: null,
    address: null,
    coordSource: null,
    anonymous: false,
    visibility: 'public',
    moderation: 'clean',
    assigneeId: null,
    acceptBy: '2025-03-03T10:00:00.000Z',
    resolveBy: '2025-03-10T10:00:00.000Z',
    createdAt: NOW,
  }
}

async function newReport(s: DepartmentsContractStore, id: string): Promise<ReportRecord> {
  const out = await s.reports.create(report(id), [], [], null)
  if (out.kind !== 'created') throw new Error(`report: ${out.kind}`)
  return out.detail.report
}

/** The change report.dispatch makes: to submitted at community level, the department's deadline, the dispatch row. */
function dispatchChange(r: ReportRecord, dispatchId: string, departmentId: string, dueAt = '2025-03-06T10:00:00.000Z'): ReportChange {
  return {
    id: r.id,
    version: r.version,
    patch: { ...patchOf(r), status: 'submitted', level: 'community', assigneeId: null, resolveBy: dueAt },
    at: NOW,
    event: { actorId: IDS.street_staff, action: 'dispatch', note: '交办', toUserId: null },
    eventPhotoIds: [],
    photoOwnerId: IDS.street_staff,
    messages: [],
    dispatch: { kind: 'open', id: dispatchId, departmentId, level: 'community', by: IDS.street_staff, days: 3, dueAt },
  }
}

function patchOf(r: ReportRecord): ReportChange['patch'] {
  const { status, level, maxLevel, gridId, assigneeId, category, description, anonymous, visibility, moderation, acceptBy, resolveBy, reopenCount, acceptedAt, resolvedAt, closedAt, rating, ratingComment, ratedAt } = r
  return { status, level, maxLevel, gridId, assigneeId, category, description, anonymous, visibility, moderation, acceptBy, resolveBy, reopenCount, acceptedAt, resolvedAt, closedAt, rating, ratingComment, ratedAt }
}

/** A department's step as report.transition makes it. */
function step(r: ReportRecord, action: string, to: ReportRecord['status'], dispatch: ReportChange['dispatch'], at = NOW, actor = IDS.officer): ReportChange {
  return {
    id: r.id,
    version: r.version,
    patch: { ...patchOf(r), status: to, ...(to === 'resolved' ? { resolvedAt: at } : {}) },
    at,
    event: { actorId: actor, action, note: null, toUserId: null, departmentId: r.dispatch?.departmentId ?? null },
    eventPhotoIds: [],
    photoOwnerId: actor,
    messages: [],
    ...(dispatch ? { dispatch } : {}),
  }
}

const key = (requestId: string, fingerprint = 'f'): IdempotencyKey => ({ userId: IDS.street_staff, action: 'department.create', requestId, fingerprint })

export function departmentsContract(engine: string, open: OpenDepartmentsEngine, opts: { reference?: OpenDepartmentsEngine } = {}): void {
  function scenario(title: string, run: (s: DepartmentsContractStore) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenDepartmentsEngine) => {
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

  describe(`departments port contract on ${engine}`, () => {
    scenario('create, get, list by area; the same name in one area is nameTaken; a retried key replays', async (s) => {
      const a = await make(s, department('dep_a'))
      await make(s, department('dep_b', { name: '区消防', streetId: null, districtId: IDS.district, categories: ['safety_hazard'] }))
      const c = await make(s, department('dep_c', { name: '城南城管', streetId: IDS.otherStreet }))
      expect(await s.departments.create(department('dep_d', { name: a.name }), audit('department.create', 'dep_d'), null)).toEqual({ kind: 'nameTaken' })
      // the same name in another area is another department
      await make(s, department('dep_e', { name: a.name, streetId: null, districtId: IDS.district }))
      const first = await s.departments.create(department('dep_f', { name: '供电所' }), audit('department.create', 'dep_f'), key('k1'))
      const again = await s.departments.create(department('dep_g', { name: '供电所' }), audit('department.create', 'dep_g'), key('k1'))
      const reused = await s.departments.create(department('dep_h', { name: '供水所' }), audit('department.create', 'dep_h'), key('k1', 'other'))
      expect(first.kind).toBe('created')
      expect(again).toMatchObject({ kind: 'replayed', department: { id: 'dep_f' } })
      expect(reused).toEqual({ kind: 'keyReused' })
      const ids = (xs: { id: string }[]) => xs.map((x) => x.id)
      const street = ids(await s.departments.list({ streetId: IDS.street, districtId: IDS.district }))
      const district = ids(await s.departments.list({ districtId: IDS.district }))
      const city = ids(await s.departments.list({ cityId: IDS.city }))
      const other = ids(await s.departments.list({ streetId: IDS.otherStreet, districtId: null }))
      expect(street).toEqual(['dep_a', 'dep_b', 'dep_e', 'dep_f'])
      expect(district).toEqual(street)
      expect(city).toEqual(street)
      expect(other).toEqual(['dep_c'])
      const got = await s.departments.get('dep_a')
      expect(got).toMatchObject({ areaName: '振兴街道', parentDistrictId: IDS.district, cityId: IDS.city, categories: ['environment', 'facility'], members: [] })
      expect(await s.departments.get('dep_b')).toMatchObject({ areaName: '滨江区', parentDistrictId: IDS.district, cityId: IDS.city })
      expect(await s.departments.get('dep_c')).toMatchObject({ parentDistrictId: null, cityId: null })
      expect(await s.departments.street(IDS.street)).toEqual({ id: IDS.street, districtId: IDS.district, cityId: IDS.city })
      expect(await s.departments.district(IDS.district)).toEqual({ id: IDS.district, cityId: IDS.city })
      expect(await s.departments.street('nope')).toBeNull()
      expect((await s.audit.list({ limit: 50 })).filter((x) => x.action === 'department.create')).toHaveLength(5)
      return { street, other, b: (await s.departments.get('dep_b'))!.areaName, c }
    })

    scenario('members: one department per person, the role with it; remove drops both', async (s) => {
      await make(s, department('dep_a'))
      await make(s, department('dep_b', { name: '消防' }))
      const added = await s.departments.addMember('dep_a', IDS.officer, NOW, audit('department.addMember', IDS.officer))
      expect(added).toMatchObject({ kind: 'done', department: { members: [{ id: IDS.officer, name: '执法一' }] } })
      expect(await s.departments.addMember('dep_a', IDS.officer, NOW, audit('department.addMember', IDS.officer))).toMatchObject({ kind: 'done' })
      expect(await s.departments.addMember('dep_b', IDS.officer, NOW, audit('department.addMember', IDS.officer))).toEqual({ kind: 'elsewhere' })
      const user = await s.users.get(IDS.officer)
      expect(user?.roles).toContain('department')
      expect(user?.departmentId).toBe('dep_a')
      expect(await s.reports.departmentMembers('dep_a')).toEqual([IDS.officer])
      expect(await s.departments.removeMember('dep_b', IDS.officer, audit('department.removeMember', IDS.officer))).toEqual({ kind: 'notMember' })
      expect(await s.departments.removeMember('dep_a', IDS.officer, audit('department.removeMember', IDS.officer))).toMatchObject({ kind: 'done', department: { members: [] } })
      const after = await s.users.get(IDS.officer)
      expect(after?.roles).not.toContain('department')
      expect(after?.departmentId).toBeUndefined()
      return { roles: after?.roles }
    })

    scenario("candidates: the area's signed-in people who are no one's staff, by a name part or phone digits", async (s) => {
      await make(s, department('dep_a'))
      await make(s, department('dep_d', { name: '区供电', streetId: null, districtId: IDS.district }))
      const other = await make(s, department('dep_o', { name: '城南城管', streetId: IDS.otherStreet }))
      await s.users.create({ ...person('u_wang2', '王丽', ['resident', 'volunteer']), phone: '13800001234' })
      await s.users.create({ ...person('u_wang3', '王强'), phone: '13900005678' })
      await s.users.create({ ...person('u_roster', '王老伯'), rosterOnly: true })
      await s.users.create(person('u_grid', '王网格', ['gridWorker']))
      await s.users.create(person('u_south', '王南', ['resident'], IDS.otherCommunity))
      await s.departments.addMember('dep_d', IDS.officer, NOW, audit('department.addMember', IDS.officer))
      const area = { streetId: IDS.street, districtId: null }
      const names = async (a: { streetId: string | null; districtId: string | null }, q: string, limit = 20) =>
        (await s.departments.candidates(a, q, limit)).map((c) => c.name)
      // by name (code-point order), staff, roster-only and other streets' people left out
      expect(await s.departments.candidates(area, '王', 20)).toEqual([
        { id: 'u_wang2', name: '王丽', phone: '13800001234', communityName: '锦江社区' },
        { id: IDS.reporter, name: '王建华', phone: null, communityName: '锦江社区' },
        { id: 'u_wang3', name: '王强', phone: '13900005678', communityName: '锦江社区' },
      ])
      expect(await names(area, '王', 2)).toEqual(['王丽', '王建华'])
      // a district's department: its streets' people; the other street is under no district
      expect(await names({ streetId: null, districtId: IDS.district }, '王')).toEqual(['王丽', '王建华', '王强'])
      expect(await names({ streetId: other.streetId, districtId: null }, '王')).toEqual(['王南'])
      // phone digits (3 or more), anywhere in the number; two digits match no phone
      expect(await names(area, '5678')).toEqual(['王强'])
      expect(await names(area, '138')).toEqual(['王丽'])
      expect(await names(area, '13')).toEqual([])
      // a member of any department is no candidate; removed, they are one again
      expect(await names(area, '执法')).toEqual(['执法二'])
      await s.departments.removeMember('dep_d', IDS.officer, audit('department.removeMember', IDS.officer))
      expect(await names(area, '执法')).toEqual(['执法一', '执法二'])
      // SQL-looking and percent text is only text
      expect(await names(area, "%' OR 1=1 --")).toEqual([])
      expect(await names(area, '%')).toEqual([])
      return names(area, '王')
    })

    scenario('a dispatch is written with the report change; a second live one is a conflict and writes nothing', async (s) => {
      await make(s, department('dep_a'))
      await make(s, department('dep_b', { name: '消防' }))
      const r = await newReport(s, 'r_1')
      const done = await s.reports.change(dispatchChange(r, 'dsp_1', 'dep_a'))
      expect(done).toMatchObject({
        kind: 'done',
        report: { status: 'submitted', level: 'community', dispatch: { id: 'dsp_1', departmentId: 'dep_a', departmentName: '城管dep_a', status: 'pending', level: 'community', days: 3, dueAt: '2025-03-06T10:00:00.000Z' } },
      })
      const now = (await s.reports.get('r_1'))!
      // a second dispatch from the fresh version: the live dispatch refuses it, the report's UPDATE rolls back
      const second = await s.reports.change(dispatchChange(now, 'dsp_2', 'dep_b'))
      expect(second).toEqual({ kind: 'conflict' })
      const still = (await s.reports.get('r_1'))!
      expect(still.version).toBe(now.version)
      expect(still.dispatch?.id).toBe('dsp_1')
      expect((await s.reports.detail('r_1', IDS.reporter))!.events.map((e) => e.action)).toEqual(['create', 'dispatch'])
      return { report: still.dispatch }
    })

    scenario("the department's steps move its dispatch: accept, resolve; the timeline names the department", async (s) => {
      await make(s, department('dep_a'))
      let r = (await s.reports.change(dispatchChange(await newReport(s, 'r_1'), 'dsp_1', 'dep_a'))) as { kind: 'done'; report: ReportRecord }
      const accepted = await s.reports.change(step(r.report, 'accept', 'accepted', { kind: 'step', id: 'dsp_1', from: ['pending'], to: 'accepted' }))
      expect(accepted).toMatchObject({ kind: 'done', report: { status: 'accepted', dispatch: { status: 'accepted' } } })
      r = accepted as typeof r
      // a step from a state the dispatch left: conflict, nothing written
      const stale = await s.reports.change(step(r.report, 'accept', 'accepted', { kind: 'step', id: 'dsp_1', from: ['pending'], to: 'accepted' }))
      expect(stale).toEqual({ kind: 'conflict' })
      const resolved = await s.reports.change(step(r.report, 'resolve', 'resolved', { kind: 'step', id: 'dsp_1', from: ['accepted'], to: 'resolved' }, '2025-03-05T02:00:00.000Z'))
      expect(resolved).toMatchObject({ kind: 'done', report: { status: 'resolved' } })
      expect((resolved as typeof r).report.dispatch).toBeUndefined()
      const events = (await s.reports.detail('r_1', IDS.reporter))!.events
      expect(events.map((e) => [e.action, e.departmentName ?? null])).toEqual([
        ['create', null],
        ['dispatch', null],
        ['accept', '城管dep_a'],
        ['resolve', '城管dep_a'],
      ])
      const counts = await s.departments.counts(['dep_a'], LATER)
      expect(counts.get('dep_a')).toEqual({
        dispatched: 1, onTime: 1, late: 0, returned: 0, open: 0, overdueNow: 0,
        resolvedSpans: [{ from: NOW, to: '2025-03-05T02:00:00.000Z' }],
      })
      return events.map((e) => e.action)
    })

    scenario('counts: returned, late, open and overdue now; the queue by deadline with its keyset', async (s) => {
      await make(s, department('dep_a'))
      const dues = ['2025-03-07T10:00:00.000Z', '2025-03-05T10:00:00.000Z', '2025-03-25T10:00:00.000Z', '2025-03-05T10:00:00.000Z']
      const live: ReportRecord[] = []
      for (const [i, due] of dues.entries()) {
        const out = await s.reports.change(dispatchChange(await newReport(s, `r_${i}`), `dsp_${i}`, 'dep_a', due))
        live.push((out as { report: ReportRecord }).report)
      }
      // r_0 sent back; r_1 resolved late
      await s.reports.change(step(live[0]!, 'sendBack', 'accepted', { kind: 'step', id: 'dsp_0', from: ['pending', 'accepted'], to: 'returned', reason: '不属于本部门' }))
      const a1 = (await s.reports.change(step(live[1]!, 'accept', 'accepted', { kind: 'step', id: 'dsp_1', from: ['pending'], to: 'accepted' }))) as { report: ReportRecord }
      await s.reports.change(step(a1.report, 'resolve', 'resolved', { kind: 'step', id: 'dsp_1', from: ['accepted'], to: 'resolved' }, LATER))
      const c = (await s.departments.counts(['dep_a', 'dep_none'], LATER))
      expect(c.get('dep_a')).toMatchObject({ dispatched: 4, onTime: 0, late: 1, returned: 1, open: 2, overdueNow: 1 })
      expect(c.get('dep_none')).toEqual({ dispatched: 0, onTime: 0, late: 0, returned: 0, open: 0, overdueNow: 0, resolvedSpans: [] })
      const page1 = await s.departments.queue('dep_a', null, 1)
      const page2 = await s.departments.queue('dep_a', { dueAt: page1[0]!.dueAt, seq: page1[0]!.seq }, 5)
      expect([...page1, ...page2].map((q) => q.reportId)).toEqual(['r_3', 'r_2'])
      expect(page1[0]!.dueAt).toBe('2025-03-05T10:00:00.000Z')
      return [...page1, ...page2].map((q) => [q.reportId, q.dueAt])
    })

    test('races: two dispatches of one report at once → one live dispatch; accept vs send back → one', async () => {
      const e = await open()
      try {
        await buildFixture(e)
        const s = e.store
        await make(s, department('dep_a'))
        await make(s, department('dep_b', { name: '消防' }))
        for (let i = 0; i < 5; i++) {
          const r = await newReport(s, `r_${i}`)
          const outs = await Promise.all([s.reports.change(dispatchChange(r, `dsp_a${i}`, 'dep_a')), s.reports.change(dispatchChange(r, `dsp_b${i}`, 'dep_b'))])
          expect(outs.map((o) => o.kind).sort()).toEqual(['conflict', 'done'])
          const now = (await s.reports.get(r.id))!
          const steps = await Promise.all([
            s.reports.change(step(now, 'accept', 'accepted', { kind: 'step', id: now.dispatch!.id, from: ['pending'], to: 'accepted' })),
            s.reports.change(step(now, 'sendBack', 'accepted', { kind: 'step', id: now.dispatch!.id, from: ['pending', 'accepted'], to: 'returned' }, NOW, IDS.officer2)),
          ])
          expect(steps.map((o) => o.kind).sort()).toEqual(['conflict', 'done'])
          expect((await s.reports.detail(r.id, IDS.reporter))!.events).toHaveLength(3)
        }
        // one person into two departments at once: one membership
        const adds = await Promise.all([
          s.departments.addMember('dep_a', IDS.officer, NOW, audit('department.addMember', IDS.officer)),
          s.departments.addMember('dep_b', IDS.officer, NOW, audit('department.addMember', IDS.officer)),
        ])
        expect(adds.map((a) => a.kind).sort()).toEqual(['done', 'elsewhere'])
      } finally {
        await e.close()
      }
    })
  })
}
