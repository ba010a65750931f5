/**
 * The reports feature's port contract: what the use cases rely on from ReportRepo (cloud/reports/ports.ts), declared
 * once and run against every engine by a thin test file (test/api/reports.contract.test.ts: SQLite;
 * test/postgres/reports.contract.test.ts: PostgreSQL, with SQLite as the reference), in the shape of
 * notices.contract.ts and patrols.contract.ts: each scenario on a fresh store with the same fixture, its
 * deterministic result compared deep-equal with the reference engine's when one is given.
 *
 * The races (Promise.all) are real concurrency between sessions on PostgreSQL (a pool of more connections than
 * the calls of a race, connected beforehand); on SQLite one connection runs them one after another, and the
 * multi-process race suite (test/api/reports.concurrency.test.ts) proves the same there. Which call of a race won
 * is asserted, not compared across engines. Records are compared without `seq` and timeline ids: numbers each
 * engine draws (PostgreSQL's identities keep the gaps of rolled-back inserts).
 */
import type { FileRecord, FileRepo } from '../../cloud/files/ports'
import type { MessageRecord, MessageRepo, NewMessage } from '../../cloud/messages/ports'
import type {
  NewReport,
  ReportChange,
  ReportCursor,
  ReportDetailRecord,
  ReportListQuery,
  ReportPatch,
  ReportListItem,
  ReportRecord,
  ReportRepo,
} from '../../cloud/reports/ports'
import type { AuditEntry, AuditRepo, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'

export interface ReportsContractStore {
  users: UserRepo
  audit: AuditRepo
  messages: MessageRepo
  files: FileRepo
  reports: ReportRepo
}

export interface ReportsContractEngine {
  store: ReportsContractStore
  fixtures: FixtureWriter
  close(): Promise<void>
}

export type OpenReportsEngine = () => Promise<ReportsContractEngine>

export const NOW = '2025-03-01T02:00:00.000Z'
const HOUR = 3600_000
export const at = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString()

export const IDS = {
  city: 'ct_jc',
  district: 'd_bj',
  farDistrict: 'd_far',
  street: 'st_east',
  // a street of the other district of the city, with one community and grid
  farStreet: 'st_far',
  far: 'c_far',
  gFar: 'g_far_1',
  districtStaff: 'u_district',
  farDistrictStaff: 'u_district_far',
  cityStaff: 'u_city',
  community: 'c_jj',
  other: 'c_hx',
  g1: 'g_jj_1',
  g2: 'g_jj_2',
  gOther: 'g_hx_1',
  committee: 'u_committee',
  streetStaff: 'u_street',
  // three workers of g1, made in this order: byte order (u_wZ < u_wa < u_wb) is not the order made nor a locale's
  workerB: 'u_wb',
  workerA: 'u_wa',
  workerZ: 'u_wZ',
  workerG2: 'u_wg2',
  alice: 'u_alice',
  bob: 'u_bob',
  carol: 'u_carol',
  erin: 'u_erin', // the other community
}

const CREATED = '2025-01-01T00:00:00.000Z'

function person(id: string, name: string, p: Partial<NewUser> = {}): NewUser {
  return {
    id,
    name,
    phone: null,
    roles: ['resident'],
    communityId: IDS.community,
    gridId: IDS.g1,
    householdId: null,
    verified: true,
    workerGridIds: [],
    createdAt: CREATED,
    ...p,
  }
}

async function buildFixture(e: ReportsContractEngine): Promise<void> {
  await e.fixtures.city({ id: IDS.city, name: '江城市', seq: 0 })
  await e.fixtures.district({ id: IDS.farDistrict, cityId: IDS.city, name: '远郊区', seq: 1 })
  await e.fixtures.district({ id: IDS.district, cityId: IDS.city, name: '滨江区', seq: 0 })
  await e.fixtures.street({ id: IDS.street, name: '城东街道', seq: 0, districtId: IDS.district })
  await e.fixtures.street({ id: IDS.farStreet, name: '远山街道', seq: 0, districtId: IDS.farDistrict })
  await e.fixtures.community({ id: IDS.far, streetId: IDS.farStreet, name: '远山社区', kind: 'community', seq: 0 })
  await e.fixtures.grid({ id: IDS.gFar, communityId: IDS.far, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.fixtures.community({ id: IDS.community, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.other, streetId: IDS.street, name: '华兴社区', kind: 'community', seq: 1 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.community, name: '第一网格', seq: 0, boundary: null, servicePhone: '028-8888' })
  await e.fixtures.grid({ id: IDS.g2, communityId: IDS.community, name: '第二网格', seq: 1, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.gOther, communityId: IDS.other, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  const u = e.store.users
  await u.create(person(IDS.committee, '社区干部', { roles: ['committee'], gridId: null }))
  await u.create(person(IDS.streetStaff, '街道干部', { roles: ['street'], gridId: null }))
  await u.create(person(IDS.districtStaff, '区综治干部', { roles: ['district'], gridId: null }))
  await u.create(person(IDS.farDistrictStaff, '远郊区干部', { roles: ['district'], communityId: IDS.far, gridId: null }))
  await u.create(person(IDS.cityStaff, '市综治干部', { roles: ['city'], communityId: IDS.far, gridId: null }))
  await u.create(person(IDS.workerB, '网格员乙', { roles: ['gridWorker'], workerGridIds: [IDS.g1] }))
  await u.create(person(IDS.workerA, '网格员甲', { roles: ['volunteer', 'resident', 'gridWorker'], workerGridIds: [IDS.g1] }))
  await u.create(person(IDS.workerZ, '网格员丙', { roles: ['gridWorker'], workerGridIds: [IDS.g1] }))
  await u.create(person(IDS.workerG2, '网格员丁', { roles: ['gridWorker'], workerGridIds: [IDS.g2] }))
  await u.create(person(IDS.alice, '陈一', { phone: '13800000001' }))
  await u.create(person(IDS.bob, '陈二'))
  await u.create(person(IDS.carol, '陈三', { gridId: IDS.g2 }))
  await u.create(person(IDS.erin, '陈五', { communityId: IDS.other, gridId: IDS.gOther }))
}

// ---------- helpers ----------

const PLACE = { gridId: IDS.g1, communityId: IDS.community, streetId: IDS.street, districtId: IDS.district, cityId: IDS.city }
const FAR_PLACE = { gridId: IDS.gFar, communityId: IDS.far, streetId: IDS.farStreet, districtId: IDS.farDistrict, cityId: IDS.city }

function newReport(id: string, p: Partial<NewReport> = {}): NewReport {
  return {
    id,
    communityId: IDS.community,
    streetId: IDS.street,
    districtId: IDS.district,
    cityId: IDS.city,
    gridId: IDS.g1,
    reporterId: IDS.alice,
    category: 'environment',
    description: `楼道堆放杂物 ${id}`,
    latitude: 30.657,
    longitude: 104.066,
    address: '锦江路 1 号',
    coordSource: 'gcj02',
    anonymous: false,
    visibility: 'public',
    moderation: 'clean',
    assigneeId: null,
    acceptBy: at(24),
    resolveBy: at(24 * 7),
    createdAt: NOW,
    ...p,
  }
}

function photo(id: string, ownerId: string): FileRecord {
  return { id, ownerId, mime: 'image/jpeg', bytes: 1000, width: 640, height: 480, sha256: `sha-${id}`, path: `2025/03/${id}.jpg`, createdAt: NOW, check: 'none' }
}

function message(id: string, userId: string, reportId: string): NewMessage {
  return { id, userId, kind: 'report', title: '新的随手拍', body: `请处理 ${reportId}`, target: { type: 'report', id: reportId }, createdAt: NOW }
}

async function make(s: ReportsContractStore, r: NewReport, photoIds: string[] = [], messages: NewMessage[] = []): Promise<ReportRecord> {
  const out = await s.reports.create(r, photoIds, messages, null)
  if (out.kind !== 'created') throw new Error(`create ${r.id}: ${out.kind}`)
  return out.detail.report
}

function patchOf(r: ReportRecord): ReportPatch {
  const { status, level, maxLevel, gridId, assigneeId, category, description, anonymous, visibility, moderation } = r
  const { acceptBy, resolveBy, reopenCount, acceptedAt, resolvedAt, closedAt, rating, ratingComment, ratedAt } = r
  return { status, level, maxLevel, gridId, assigneeId, category, description, anonymous, visibility, moderation, acceptBy, resolveBy, reopenCount, acceptedAt, resolvedAt, closedAt, rating, ratingComment, ratedAt }
}

/** A change of `r` as read (its version), by `actorId` at `atIso`. */
function changeOf(r: ReportRecord, actorId: string, action: string, patch: Partial<ReportPatch>, atIso: string, p: Partial<ReportChange> = {}): ReportChange {
  return {
    id: r.id,
    version: r.version,
    patch: { ...patchOf(r), ...patch },
    at: atIso,
    event: { actorId, action, note: null, toUserId: null },
    eventPhotoIds: [],
    photoOwnerId: actorId,
    messages: [],
    ...p,
  }
}

async function apply(s: ReportsContractStore, c: ReportChange): Promise<ReportRecord> {
  const out = await s.reports.change(c)
  if (out.kind !== 'done') throw new Error(`change ${c.id}: ${out.kind}`)
  return out.report
}

const accept = (r: ReportRecord, by: string, atIso: string) => changeOf(r, by, 'accept', { status: 'accepted', assigneeId: by, acceptedAt: atIso }, atIso)
const resolve = (r: ReportRecord, by: string, atIso: string) => changeOf(r, by, 'resolve', { status: 'resolved', resolvedAt: atIso }, atIso)

/** a record without the numbers each engine draws */
const bare = ({ seq: _seq, ...rest }: ReportRecord) => rest
/** What a list reads of a report (ReportListItem): the summary's and access's fields, the dispatch's department only. */
function listItemOf(r: ReportRecord): ReportListItem {
  const { seq, id, communityId, streetId, districtId, cityId, gridId, gridName, reporterId, reporterName, category, description } = r
  const { address, anonymous, visibility, moderation, status, level, acceptBy, resolveBy, dueAt, supporters, resolvedAt, rating, createdAt, cover } = r
  return {
    ...{ seq, id, communityId, streetId, districtId, cityId, gridId, gridName, reporterId, reporterName, category, description },
    ...{ address, anonymous, visibility, moderation, status, level, acceptBy, resolveBy, dueAt, supporters, resolvedAt, rating, createdAt, cover },
    ...(r.dispatch ? { dispatch: { departmentId: r.dispatch.departmentId } } : {}),
  }
}
const bareDetail = (d: ReportDetailRecord | null) => d && { ...d, report: bare(d.report), events: d.events.map(({ id: _id, ...e }) => e) }
const bareMessage = ({ seq: _seq, ...rest }: MessageRecord) => rest
const ids = (items: { id: string }[]) => items.map((i) => i.id)
const count = <T>(items: T[], pred: (x: T) => boolean) => items.filter(pred).length

async function listAll(s: ReportsContractStore, q: ReportListQuery, limit: number): Promise<ReportListItem[]> {
  const out: ReportListItem[] = []
  let after: ReportCursor | null = null
  for (let i = 0; i < 100; i++) {
    const page: ReportListItem[] = await s.reports.list(q, { limit, after })
    expect(page.length).toBeLessThanOrEqual(limit)
    out.push(...page)
    if (page.length < limit) return out
    const last = page[page.length - 1]
    after = q.kind === 'queue' ? { dueAt: last.dueAt!, seq: last.seq } : { seq: last.seq }
  }
  throw new Error('too many pages')
}

// ---------- the suite ----------

export function reportsContract(engine: string, open: OpenReportsEngine, opts: { reference?: OpenReportsEngine } = {}): void {
  /** A scenario on a fresh store with the fixture; its result, if any, must be deep-equal on the reference engine. */
  function scenario(title: string, run: (s: ReportsContractStore) => Promise<unknown>, timeout?: number): void {
    test(
      title,
      async () => {
        const runOn = async (openIt: OpenReportsEngine) => {
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
      },
      timeout,
    )
  }

  describe(`reports port contract on ${engine}`, () => {
    describe('create, get and detail', () => {
      scenario('create writes the report, its photos, the create event and the messages in one step; get and detail read them', async (s) => {
        await s.files.create(photo('f_1', IDS.alice))
        await s.files.create(photo('f_2', IDS.alice))
        const long = '小区东门'.repeat(30)
        const made = await s.reports.create(
          newReport('r_1', { description: long, assigneeId: IDS.workerA, anonymous: true }),
          ['f_2', 'f_1'],
          [message('m_1', IDS.workerA, 'r_1'), message('m_2', IDS.workerB, 'r_1')],
          null,
        )
        expect(made.kind).toBe('created')
        if (made.kind !== 'created') throw new Error(made.kind)
        expect(bare(made.detail.report)).toEqual({
          ...newReport('r_1', { description: long, assigneeId: IDS.workerA, anonymous: true }),
          gridName: '第一网格',
          gridPhone: '028-8888',
          reporterName: '陈一',
          reporterPhone: '13800000001',
          status: 'submitted',
          level: 'grid',
          maxLevel: 'grid',
          assigneeName: '网格员甲',
          dueAt: at(24),
          supporters: 0,
          reopenCount: 0,
          acceptedAt: null,
          resolvedAt: null,
          closedAt: null,
          rating: null,
          ratingComment: null,
          ratedAt: null,
          updatedAt: NOW,
          version: 1,
          cover: 'f_2',
        })
        expect(await s.reports.get('r_1')).toEqual(made.detail.report)
        expect(await s.reports.get('nothing')).toBeNull()
        // lists carry the first 80 characters of the description
        const [listed] = await s.reports.list({ kind: 'mine', reporterId: IDS.alice }, { limit: 10, after: null })
        expect(listed).toEqual(listItemOf({ ...made.detail.report, description: long.slice(0, 80) }))
        expect(await s.files.reportOf('f_1')).toBe('r_1')
        const detail = await s.reports.detail('r_1', IDS.bob)
        expect(bareDetail(detail)).toEqual({
          report: bare(made.detail.report),
          photoIds: ['f_2', 'f_1'],
          heldPhotos: [],
          events: [{ at: NOW, actorId: IDS.alice, actorName: '陈一', actorRoles: ['resident'], action: 'create', note: null, status: 'submitted', level: 'grid', toUserId: null, photoIds: [] }],
          mediation: null,
          supportedByMe: false,
        })
        expect(await s.reports.detail('nothing', IDS.bob)).toBeNull()
        // the create's own read (its reply is built from it) is the reporter's detail, the same as a read after it
        expect(made.detail).toEqual(await s.reports.detail('r_1', IDS.alice))
        const told = await s.messages.list(IDS.workerA, { unreadOnly: true, limit: 10, after: null })
        expect(told.map(bareMessage)).toEqual([{ ...message('m_1', IDS.workerA, 'r_1'), readAt: null }])
        return { made: bare(made.detail.report), detail: bareDetail(detail), told: told.map(bareMessage) }
      })

      scenario('create per requestId: the same key replays the first report, another input is keyReused; bad photos write nothing', async (s) => {
        await s.files.create(photo('f_a', IDS.alice))
        await s.files.create(photo('f_b', IDS.bob))
        const key: IdempotencyKey = { userId: IDS.alice, action: 'report.create', requestId: 'req-1', fingerprint: 'fp-1' }
        const first = await s.reports.create(newReport('r_1'), ['f_a'], [message('m_1', IDS.workerA, 'r_1')], key)
        expect(first.kind).toBe('created')
        if (first.kind !== 'created') throw new Error(first.kind)
        const again = await s.reports.create(newReport('r_2'), [], [message('m_2', IDS.workerA, 'r_2')], key)
        expect(again).toEqual({ kind: 'replayed', detail: first.detail })
        expect(await s.reports.get('r_2')).toBeNull()
        expect(await s.reports.create(newReport('r_3'), [], [], { ...key, fingerprint: 'fp-2' })).toEqual({ kind: 'keyReused' })
        expect(await s.reports.get('r_3')).toBeNull()
        // photos: another's file, one attached already, one that does not exist — nothing written, the key unused
        const key4: IdempotencyKey = { ...key, requestId: 'req-4' }
        expect(await s.reports.create(newReport('r_4'), ['f_b'], [message('m_4', IDS.workerA, 'r_4')], key4)).toEqual({ kind: 'badPhotos' })
        expect(await s.reports.create(newReport('r_4'), ['f_a'], [], key4)).toEqual({ kind: 'badPhotos' })
        expect(await s.reports.create(newReport('r_4'), ['f_none'], [], key4)).toEqual({ kind: 'badPhotos' })
        expect(await s.reports.get('r_4')).toBeNull()
        expect(await s.reports.keyState(key4)).toBe('new')
        expect(await s.messages.unread(IDS.workerA)).toBe(1)
        // the key is free: a good create under it now succeeds
        const fourth = await s.reports.create(newReport('r_4'), [], [], key4)
        expect(fourth.kind).toBe('created')
        expect(await s.reports.keyState(key)).toBe('replayed')
        expect(await s.reports.keyState({ ...key, fingerprint: 'other' })).toBe('keyReused')
        expect(await s.reports.count({ kind: 'mine', reporterId: IDS.alice })).toBe(2)
        return { first: bare(first.detail.report), fourth: fourth.kind }
      })

      scenario('20 creates at once with one key: one created, 19 replays of it, one report and one message', async (s) => {
        const key: IdempotencyKey = { userId: IDS.alice, action: 'report.create', requestId: 'req-race', fingerprint: 'fp' }
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => s.reports.create(newReport(`r_${i}`), [], [message(`m_${i}`, IDS.workerA, `r_${i}`)], key)),
        )
        expect(count(results, (r) => r.kind === 'created')).toBe(1)
        expect(count(results, (r) => r.kind === 'replayed')).toBe(19)
        const winner = results.find((r) => r.kind === 'created')
        if (winner?.kind !== 'created') throw new Error('no winner')
        for (const r of results) expect(r.kind === 'created' || r.kind === 'replayed' ? r.detail : null).toEqual(winner.detail)
        expect(await s.reports.count({ kind: 'mine', reporterId: IDS.alice })).toBe(1)
        expect(await s.messages.unread(IDS.workerA)).toBe(1)
        return { kinds: results.map((r) => r.kind).sort() }
      })

      scenario('two creates at once with the same photo: one report has it, the other is badPhotos and wrote nothing', async (s) => {
        await s.files.create(photo('f_1', IDS.alice))
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => s.reports.create(newReport(`r_${i}`), ['f_1'], [message(`m_${i}`, IDS.workerA, `r_${i}`)], null)),
        )
        expect(count(results, (r) => r.kind === 'created')).toBe(1)
        expect(count(results, (r) => r.kind === 'badPhotos')).toBe(9)
        const mine = await listAll(s, { kind: 'mine', reporterId: IDS.alice }, 100)
        expect(mine.map((r) => r.cover)).toEqual(['f_1'])
        expect(await s.messages.unread(IDS.workerA)).toBe(1)
        return { kinds: results.map((r) => r.kind).sort() }
      })

      scenario('detail: the timeline with actors\' roles (code-point order) and step photos; mediation with its sessions; supportedByMe', async (s) => {
        await s.files.create(photo('f_ev', IDS.workerA))
        const r = await make(s, newReport('r_1', { category: 'dispute' }))
        const accepted = await apply(s, { ...accept(r, IDS.workerA, at(1)), eventPhotoIds: ['f_ev'], event: { actorId: IDS.workerA, action: 'accept', note: '已到现场', toUserId: null } })
        const mediation = { kind: 'people' as const, parties: [{ name: '张三', role: '业主' }, { name: '李四', role: null }], outcome: null, agreement: null, session: { date: '2025-03-02', note: '第一次调解' } }
        const m1 = await apply(s, changeOf(accepted, IDS.committee, 'mediate', {}, at(2), { mediation }))
        const m2 = await apply(s, changeOf(m1, IDS.workerA, 'mediate', {}, at(3), { mediation: { ...mediation, outcome: 'agreed', agreement: '双方同意', session: null } }))
        // a later record without an outcome keeps the outcome and the agreement
        const m3 = await apply(s, changeOf(m2, IDS.committee, 'mediate', {}, at(4), { mediation: { ...mediation, kind: 'administrative', agreement: '不会被记下', session: { date: '2025-03-03', note: '回访' } } }))
        await s.reports.support('r_1', IDS.bob, at(5), null)
        const detail = await s.reports.detail('r_1', IDS.bob)
        expect(detail?.events.map((e) => [e.action, e.actorRoles, e.photoIds])).toEqual([
          ['create', ['resident'], []],
          ['accept', ['gridWorker', 'resident', 'volunteer'], ['f_ev']],
          ['mediate', ['committee'], []],
          ['mediate', ['gridWorker', 'resident', 'volunteer'], []],
          ['mediate', ['committee'], []],
        ])
        expect(detail?.mediation).toEqual({
          kind: 'administrative',
          parties: mediation.parties,
          outcome: 'agreed',
          agreement: '双方同意',
          updatedAt: at(4),
          sessions: [
            { date: '2025-03-02', note: '第一次调解', recordedById: IDS.committee, recordedByName: '社区干部', recordedByRoles: ['committee'] },
            { date: '2025-03-03', note: '回访', recordedById: IDS.committee, recordedByName: '社区干部', recordedByRoles: ['committee'] },
          ],
        })
        expect(detail?.supportedByMe).toBe(true)
        expect((await s.reports.detail('r_1', IDS.carol))?.supportedByMe).toBe(false)
        expect(detail?.report).toEqual({ ...m3, supporters: 1 })
        return bareDetail(detail)
      })
      scenario('photos the image check has not passed: held in detail (report and step photos), never the cover', async (s) => {
        await s.files.create({ ...photo('f_wait', IDS.alice), check: 'pending' })
        await s.files.create({ ...photo('f_ok', IDS.alice), check: 'pass' })
        await s.files.create({ ...photo('f_bad', IDS.alice), check: 'risky' })
        await s.files.create({ ...photo('f_ev', IDS.workerA), check: 'review' })
        await s.files.create({ ...photo('f_only', IDS.bob), check: 'pending' })
        const r = await make(s, newReport('r_1'), ['f_wait', 'f_bad', 'f_ok'])
        await apply(s, { ...accept(r, IDS.workerA, at(1)), eventPhotoIds: ['f_ev'] })
        await make(s, newReport('r_2', { reporterId: IDS.bob, createdAt: at(0.5) }), ['f_only'])
        const detail = await s.reports.detail('r_1', IDS.bob)
        expect(detail?.photoIds).toEqual(['f_wait', 'f_bad', 'f_ok'])
        expect(detail?.heldPhotos).toEqual([{ id: 'f_bad', ownerId: IDS.alice }, { id: 'f_ev', ownerId: IDS.workerA }, { id: 'f_wait', ownerId: IDS.alice }])
        const listed = await s.reports.list({ kind: 'area', communityId: IDS.community }, { limit: 10, after: null })
        expect(listed.map((x) => [x.id, x.cover])).toEqual([['r_2', null], ['r_1', 'f_ok']])
        expect((await s.reports.get('r_1'))?.cover).toBe('f_ok')
        return { held: detail?.heldPhotos, covers: listed.map((x) => x.cover) }
      })
    })
    describe('lists, count and nearby', () => {
      /** 12 reports: the queue's deadlines tie in threes (broken by creation order); some private, in review, withdrawn, elsewhere */
      async function seedLists(s: ReportsContractStore): Promise<void> {
        const plan: [string, Partial<NewReport>][] = [
          ['r_01', { acceptBy: at(10) }],
          ['r_02', { acceptBy: at(5), category: 'dispute' }],
          ['r_03', { acceptBy: at(10), gridId: IDS.g2, reporterId: IDS.carol }],
          ['r_04', { acceptBy: at(5), visibility: 'private' }],
          ['r_05', { acceptBy: at(10), moderation: 'review', reporterId: IDS.bob }],
          ['r_06', { acceptBy: at(5), gridId: IDS.g2, category: 'dispute' }],
          ['r_07', { acceptBy: at(-5), reporterId: IDS.bob }],
          ['r_08', { acceptBy: at(-5), gridId: IDS.g2 }],
          ['r_09', { acceptBy: at(-5) }],
          ['r_10', { communityId: IDS.other, gridId: IDS.gOther, reporterId: IDS.erin, acceptBy: at(5) }],
          ['r_11', { acceptBy: at(10) }],
          ['r_12', { acceptBy: at(5), reporterId: IDS.bob }],
        ]
        const made: Record<string, ReportRecord> = {}
        for (const [id, p] of plan) made[id] = await make(s, newReport(id, { createdAt: at(Number(id.slice(2)) / 10), ...p }))
        // r_09 accepted (deadline: resolveBy), r_11 withdrawn, r_12 escalated to the community, r_01 resolved
        await apply(s, accept(made.r_09, IDS.workerA, at(1)))
        await apply(s, changeOf(made.r_11, IDS.alice, 'withdraw', { status: 'withdrawn' }, at(1)))
        await apply(s, changeOf(made.r_12, IDS.workerA, 'escalate', { level: 'community' }, at(1)))
        const acc = await apply(s, accept(made.r_01, IDS.workerB, at(1)))
        await apply(s, resolve(acc, IDS.workerB, at(2)))
      }

      const QUERIES: ReportListQuery[] = [
        { kind: 'mine', reporterId: IDS.alice },
        { kind: 'mine', reporterId: IDS.alice, open: true },
        { kind: 'mine', reporterId: IDS.bob },
        { kind: 'public', communityId: IDS.community },
        { kind: 'public', communityId: IDS.community, category: 'dispute' },
        { kind: 'queue', level: 'grid', gridIds: [IDS.g1] },
        { kind: 'queue', level: 'grid', gridIds: [IDS.g2, IDS.g1, IDS.g2] },
        { kind: 'queue', level: 'grid', gridIds: [] },
        { kind: 'queue', level: 'grid', gridIds: [IDS.g1, IDS.g2], status: 'submitted' },
        { kind: 'queue', level: 'grid', gridIds: [IDS.g1, IDS.g2], overdueAt: NOW },
        { kind: 'queue', level: 'community', communityId: IDS.community },
        { kind: 'queue', level: 'community', communityId: IDS.community, gridId: IDS.g2 },
        { kind: 'queue', level: 'street', streetId: IDS.street },
        { kind: 'area', communityId: IDS.community },
        { kind: 'area', streetId: IDS.street },
        { kind: 'area', communityId: IDS.community, status: 'submitted', gridId: IDS.g2 },
        { kind: 'area', communityId: IDS.community, category: 'dispute' },
        { kind: 'area', streetId: IDS.street, overdueAt: NOW },
        { kind: 'area', communityId: IDS.other },
        { kind: 'area', streetId: IDS.street, createdFrom: at(0.4), createdTo: at(0.8) },
        { kind: 'area', streetId: IDS.street, createdFrom: at(1.1) },
      ]

      scenario('every list: its order, the same rows paged by its cursor at any page size, and count = its length', async (s) => {
        await seedLists(s)
        const out: Record<string, string[]> = {}
        for (const q of QUERIES) {
          const all = await listAll(s, q, 100)
          for (const limit of [1, 2, 5]) expect(ids(await listAll(s, q, limit))).toEqual(ids(all))
          expect(await s.reports.count(q)).toBe(all.length)
          out[JSON.stringify(q)] = ids(all)
        }
        const of = (q: ReportListQuery) => out[JSON.stringify(q)]
        expect(of({ kind: 'mine', reporterId: IDS.alice })).toEqual(['r_11', 'r_09', 'r_08', 'r_06', 'r_04', 'r_02', 'r_01'])
        expect(of({ kind: 'mine', reporterId: IDS.alice, open: true })).toEqual(['r_09', 'r_08', 'r_06', 'r_04', 'r_02'])
        expect(of({ kind: 'public', communityId: IDS.community })).toEqual(['r_12', 'r_09', 'r_08', 'r_07', 'r_06', 'r_03', 'r_02', 'r_01'])
        // the queue: by the deadline that runs, ties in creation order; accepted r_09 runs to its resolveBy
        expect(of({ kind: 'queue', level: 'grid', gridIds: [IDS.g1] })).toEqual(['r_07', 'r_02', 'r_04', 'r_05', 'r_09'])
        expect(of({ kind: 'queue', level: 'grid', gridIds: [IDS.g2, IDS.g1, IDS.g2] })).toEqual(['r_07', 'r_08', 'r_02', 'r_04', 'r_06', 'r_03', 'r_05', 'r_09'])
        expect(of({ kind: 'queue', level: 'grid', gridIds: [IDS.g1, IDS.g2], overdueAt: NOW })).toEqual(['r_07', 'r_08'])
        expect(of({ kind: 'queue', level: 'community', communityId: IDS.community })).toEqual(['r_12'])
        expect(of({ kind: 'area', streetId: IDS.street })).toEqual(['r_12', 'r_11', 'r_10', 'r_09', 'r_08', 'r_07', 'r_06', 'r_05', 'r_04', 'r_03', 'r_02', 'r_01'])
        expect(of({ kind: 'area', streetId: IDS.street, overdueAt: NOW })).toEqual(['r_08', 'r_07'])
        // 总览's period: created at or after its start, before its end
        expect(of({ kind: 'area', streetId: IDS.street, createdFrom: at(0.4), createdTo: at(0.8) })).toEqual(['r_07', 'r_06', 'r_05', 'r_04'])
        expect(of({ kind: 'area', streetId: IDS.street, createdFrom: at(1.1) })).toEqual(['r_12', 'r_11'])
        const queue = await listAll(s, { kind: 'queue', level: 'grid', gridIds: [IDS.g1, IDS.g2] }, 100)
        return { out, queue: queue.map(({ seq: _seq, ...rest }) => rest) }
      })

      scenario('nearby: open, public, clean reports of the category in the community inside the box, nearest first', async (s) => {
        const spot = { latitude: 30.657, longitude: 104.066 }
        await make(s, newReport('r_far', { latitude: spot.latitude + 0.0015, longitude: spot.longitude }))
        await make(s, newReport('r_near', { latitude: spot.latitude + 0.0002, longitude: spot.longitude + 0.0001 }))
        await make(s, newReport('r_mid', { latitude: spot.latitude, longitude: spot.longitude - 0.0009 }))
        await make(s, newReport('r_out', { latitude: spot.latitude + 0.01, longitude: spot.longitude }))
        await make(s, newReport('r_cat', { ...spot, category: 'facility' }))
        await make(s, newReport('r_private', { ...spot, visibility: 'private' }))
        await make(s, newReport('r_review', { ...spot, moderation: 'review' }))
        await make(s, newReport('r_other', { ...spot, communityId: IDS.other, gridId: IDS.gOther, reporterId: IDS.erin }))
        await make(s, newReport('r_nowhere', { latitude: null, longitude: null, coordSource: null }))
        const done = await make(s, newReport('r_done', spot))
        await apply(s, resolve(done, IDS.workerA, at(1)))
        const box = { minLat: spot.latitude - 0.002, maxLat: spot.latitude + 0.002, minLng: spot.longitude - 0.002, maxLng: spot.longitude + 0.002 }
        const found = await s.reports.nearby(IDS.community, 'environment', box)
        expect(ids(found)).toEqual(['r_near', 'r_mid', 'r_far'])
        expect(await s.reports.nearby(IDS.community, 'dispute', box)).toEqual([])
        return found.map(bare)
      })
    })
    describe('support', () => {
      scenario('support: once per user, only while public and open; a retry key replays, another input is keyReused', async (s) => {
        const r = await make(s, newReport('r_1'))
        await make(s, newReport('r_private', { visibility: 'private' }))
        const key: IdempotencyKey = { userId: IDS.bob, action: 'report.support', requestId: 'req-1', fingerprint: 'r_1' }
        expect(await s.reports.support('r_1', IDS.bob, at(1), key)).toEqual({ kind: 'done', supporters: 1, added: true })
        expect(await s.reports.support('r_1', IDS.bob, at(2), key)).toEqual({ kind: 'replayed', supporters: 1 })
        expect(await s.reports.support('r_1', IDS.bob, at(2), { ...key, fingerprint: 'other' })).toEqual({ kind: 'keyReused' })
        // the same user again with another key: counted once
        expect(await s.reports.support('r_1', IDS.bob, at(3), { ...key, requestId: 'req-2' })).toEqual({ kind: 'done', supporters: 1, added: false })
        expect(await s.reports.support('r_1', IDS.carol, at(3), null)).toEqual({ kind: 'done', supporters: 2, added: true })
        expect(await s.reports.support('r_private', IDS.carol, at(3), null)).toEqual({ kind: 'closed' })
        expect(await s.reports.support('nothing', IDS.carol, at(3), null)).toEqual({ kind: 'closed' })
        // closed: nothing stored under the key
        const closedKey = { ...key, requestId: 'req-closed', fingerprint: 'r_private' }
        expect(await s.reports.support('r_private', IDS.bob, at(3), closedKey)).toEqual({ kind: 'closed' })
        expect(await s.reports.keyState(closedKey)).toBe('new')
        await apply(s, resolve(r, IDS.workerA, at(4)))
        expect(await s.reports.support('r_1', IDS.alice, at(5), null)).toEqual({ kind: 'closed' })
        // a supporter of before still counts as one
        expect(await s.reports.support('r_1', IDS.bob, at(5), null)).toEqual({ kind: 'done', supporters: 2, added: false })
        return bare((await s.reports.get('r_1'))!)
      })

      scenario('supports at once: 10 by one user add one; 8 different users add 8', async (s) => {
        await make(s, newReport('r_1'))
        const same = await Promise.all(Array.from({ length: 10 }, () => s.reports.support('r_1', IDS.bob, at(1), null)))
        expect(count(same, (r) => r.kind === 'done' && r.added)).toBe(1)
        expect(count(same, (r) => r.kind === 'done' && !r.added)).toBe(9)
        const people = [IDS.alice, IDS.carol, IDS.erin, IDS.committee, IDS.workerA, IDS.workerB, IDS.workerZ, IDS.streetStaff]
        const many = await Promise.all(people.map((u) => s.reports.support('r_1', u, at(2), null)))
        expect(many.every((r) => r.kind === 'done' && r.added)).toBe(true)
        expect((await s.reports.get('r_1'))?.supporters).toBe(9)
        return { supporters: (await s.reports.get('r_1'))?.supporters, same: same.map((r) => r.kind).sort() }
      })
    })

    describe('change', () => {
      scenario('change is conditional on the version read: a stale change is a conflict and writes nothing; messages, audit, photos', async (s) => {
        await s.files.create(photo('f_1', IDS.alice))
        await s.files.create(photo('f_2', IDS.alice))
        await s.files.create(photo('f_w', IDS.workerA))
        await s.files.create(photo('f_b', IDS.bob))
        const r = await make(s, newReport('r_1'), ['f_1'])
        const audit: AuditEntry = { at: at(1), actorId: IDS.workerA, action: 'report.accept', targetType: 'report', targetId: 'r_1', communityId: IDS.community, detail: { from: 'submitted' } }
        const accepted = await apply(s, { ...accept(r, IDS.workerA, at(1)), messages: [message('m_1', IDS.alice, 'r_1')], audit })
        expect([accepted.status, accepted.assigneeId, accepted.assigneeName, accepted.acceptedAt, accepted.dueAt, accepted.version, accepted.updatedAt])
          .toEqual(['accepted', IDS.workerA, '网格员甲', at(1), r.resolveBy, 2, at(1)])
        // the same version again (a second 受理 from the same read): conflict, nothing written
        expect(await s.reports.change({ ...accept(r, IDS.workerB, at(2)), messages: [message('m_2', IDS.alice, 'r_1')] })).toEqual({ kind: 'conflict' })
        expect(await s.reports.get('r_1')).toEqual(accepted)
        expect(await s.messages.unread(IDS.alice)).toBe(1)
        expect((await s.audit.list({ targetId: 'r_1', limit: 10 })).map(({ id: _id, ...a }) => a)).toEqual([audit])
        // escalate twice: maxLevel keeps the highest level reached
        const up = await apply(s, changeOf(accepted, IDS.workerA, 'escalate', { level: 'street' }, at(2)))
        const down = await apply(s, changeOf(up, IDS.streetStaff, 'assign', { level: 'community' }, at(3)))
        expect([up.maxLevel, down.level, down.maxLevel]).toEqual(['street', 'community', 'street'])
        // bad photos (another's file) roll the UPDATE and the event back
        expect(await s.reports.change({ ...changeOf(down, IDS.workerA, 'note', {}, at(4)), eventPhotoIds: ['f_b'] })).toEqual({ kind: 'badPhotos' })
        expect(await s.reports.get('r_1')).toEqual(down)
        // an edit replaces the report's own photos (its old ones may come back)
        const edited = await apply(s, { ...changeOf(down, IDS.alice, 'edit', { description: '改过的描述' }, at(5)), reportPhotoIds: ['f_2', 'f_1'], photoOwnerId: IDS.alice })
        expect([edited.cover, edited.description]).toEqual(['f_2', '改过的描述'])
        const withPhoto = await apply(s, { ...changeOf(edited, IDS.workerA, 'resolve', { status: 'resolved', resolvedAt: at(6) }, at(6)), eventPhotoIds: ['f_w'] })
        expect(withPhoto.dueAt).toBeNull()
        const detail = await s.reports.detail('r_1', IDS.alice)
        expect(detail?.photoIds).toEqual(['f_2', 'f_1'])
        expect(detail?.events.map((e) => [e.action, e.status, e.level, e.photoIds])).toEqual([
          ['create', 'submitted', 'grid', []],
          ['accept', 'accepted', 'grid', []],
          ['escalate', 'accepted', 'street', []],
          ['assign', 'accepted', 'community', []],
          ['edit', 'accepted', 'community', []],
          ['resolve', 'resolved', 'community', ['f_w']],
        ])
        return bareDetail(detail)
      })

      scenario('change with a retry key: the same key replays (nothing written), another input is keyReused, a conflict stores no key', async (s) => {
        const r = await make(s, newReport('r_1'))
        const key: IdempotencyKey = { userId: IDS.workerA, action: 'report.accept', requestId: 'req-1', fingerprint: 'r_1' }
        const done = await s.reports.change({ ...accept(r, IDS.workerA, at(1)), idem: key, messages: [message('m_1', IDS.alice, 'r_1')] })
        expect(done.kind).toBe('done')
        const again = await s.reports.change({ ...accept(r, IDS.workerA, at(2)), idem: key, messages: [message('m_2', IDS.alice, 'r_1')] })
        expect(again).toEqual({ kind: 'replayed', report: done.kind === 'done' ? done.report : null })
        expect(await s.reports.change({ ...accept(r, IDS.workerA, at(2)), idem: { ...key, fingerprint: 'other' } })).toEqual({ kind: 'keyReused' })
        expect(await s.messages.unread(IDS.alice)).toBe(1)
        expect(await s.reports.keyState(key)).toBe('replayed')
        const staleKey = { ...key, requestId: 'req-stale' }
        expect(await s.reports.change({ ...accept(r, IDS.workerB, at(3)), idem: staleKey })).toEqual({ kind: 'conflict' })
        expect(await s.reports.keyState(staleKey)).toBe('new')
        return done.kind === 'done' ? bare(done.report) : done
      })

      scenario('races: 10 accepts from one read, an accept against an escalate, 10 retries of one key — exactly one change each time', async (s) => {
        const r = await make(s, newReport('r_1'))
        const workers = [IDS.workerA, IDS.workerB, IDS.workerZ]
        const accepts = await Promise.all(
          Array.from({ length: 10 }, (_, i) => s.reports.change({ ...accept(r, workers[i % 3], at(1)), messages: [message(`m_${i}`, IDS.alice, 'r_1')] })),
        )
        expect(count(accepts, (x) => x.kind === 'done')).toBe(1)
        expect(count(accepts, (x) => x.kind === 'conflict')).toBe(9)
        const now = await s.reports.get('r_1')
        expect(now?.version).toBe(2)
        expect(await s.messages.unread(IDS.alice)).toBe(1)

        const r2 = await make(s, newReport('r_2'))
        const pair = await Promise.all([
          s.reports.change(accept(r2, IDS.workerA, at(1))),
          s.reports.change(changeOf(r2, IDS.workerB, 'escalate', { level: 'community' }, at(1))),
          s.reports.change(changeOf(r2, IDS.alice, 'withdraw', { status: 'withdrawn' }, at(1))),
        ])
        expect(pair.map((x) => x.kind).sort()).toEqual(['conflict', 'conflict', 'done'])

        const r3 = await make(s, newReport('r_3'))
        const key: IdempotencyKey = { userId: IDS.workerA, action: 'report.accept', requestId: 'req-race', fingerprint: 'r_3' }
        const retries = await Promise.all(Array.from({ length: 10 }, () => s.reports.change({ ...accept(r3, IDS.workerA, at(1)), idem: key })))
        expect(count(retries, (x) => x.kind === 'done')).toBe(1)
        expect(count(retries, (x) => x.kind === 'replayed')).toBe(9)
        const events = async (id: string) => (await s.reports.detail(id, IDS.alice))?.events.length
        expect([await events('r_1'), await events('r_2'), await events('r_3')]).toEqual([2, 2, 2])
        return { accepts: accepts.map((x) => x.kind).sort(), pair: pair.map((x) => x.kind).sort(), retries: retries.map((x) => x.kind).sort() }
      })
    })

    describe('staff, autoClose, counts and deadlines', () => {
      scenario('handlersOf and workersOf: the staff of each level, in code-point order of their ids', async (s) => {
        const out = {
          grid: await s.reports.handlersOf('grid', PLACE),
          grid2: await s.reports.handlersOf('grid', { ...PLACE, gridId: IDS.g2 }),
          community: await s.reports.handlersOf('community', PLACE),
          other: await s.reports.handlersOf('community', { ...PLACE, gridId: IDS.gOther, communityId: IDS.other }),
          street: await s.reports.handlersOf('street', PLACE),
          district: await s.reports.handlersOf('district', PLACE),
          farDistrict: await s.reports.handlersOf('district', FAR_PLACE),
          city: await s.reports.handlersOf('city', PLACE),
          // a street placed under no district has no one above it
          unplaced: await s.reports.handlersOf('district', { ...PLACE, districtId: null, cityId: null }),
          workers: await s.reports.workersOf(IDS.g1),
          none: await s.reports.workersOf(IDS.gOther),
        }
        expect(out).toEqual({
          grid: [IDS.workerZ, IDS.workerA, IDS.workerB],
          grid2: [IDS.workerG2],
          community: [IDS.committee],
          other: [],
          street: [IDS.streetStaff],
          district: [IDS.districtStaff],
          farDistrict: [IDS.farDistrictStaff],
          city: [IDS.cityStaff],
          unplaced: [],
          workers: [IDS.workerZ, IDS.workerA, IDS.workerB],
          none: [],
        })
        return out
      })

      scenario('autoClose: resolved before the cut-off → closed, on the timeline, the reporter told; once, even at once', async (s) => {
        const resolved = async (id: string, resolvedAt: string, p: Partial<NewReport> = {}) => {
          const r = await make(s, newReport(id, { description: `${id} 的问题描述比三十个字长得多，所以消息里只取它的开头部分，后面省略`, ...p }))
          return apply(s, resolve(await apply(s, accept(r, IDS.workerA, at(-300))), IDS.workerA, resolvedAt))
        }
        await resolved('r_old2', at(-200), { reporterId: IDS.bob })
        await resolved('r_old1', at(-250))
        await resolved('r_new', at(-10))
        await resolved('r_hx', at(-250), { communityId: IDS.other, gridId: IDS.gOther, reporterId: IDS.erin })
        await make(s, newReport('r_open'))
        let n = 0
        const newId = () => `m_${String(++n).padStart(3, '0')}`
        const before = at(-168)
        const written = await s.reports.autoClose({ communityId: IDS.community }, before, NOW, newId)
        expect(written.map((m) => [m.userId, m.target])).toEqual([[IDS.bob, { type: 'report', id: 'r_old2' }], [IDS.alice, { type: 'report', id: 'r_old1' }]])
        expect(await s.reports.autoClose({ communityId: IDS.community }, before, NOW, newId)).toEqual([])
        const closed = await s.reports.get('r_old1')
        expect([closed?.status, closed?.closedAt, closed?.dueAt, closed?.version]).toEqual(['closed', NOW, null, 4])
        expect((await s.reports.get('r_new'))?.status).toBe('resolved')
        const last = (await s.reports.detail('r_old1', IDS.alice))?.events.at(-1)
        expect(last && { ...last, id: 0 }).toEqual({ id: 0, at: NOW, actorId: null, actorName: null, actorRoles: [], action: 'autoClose', note: '办结后 7 天未评价，自动结案', status: 'closed', level: 'grid', toUserId: null, photoIds: [] })
        const told = await s.messages.list(IDS.alice, { unreadOnly: true, limit: 10, after: null })
        expect(told.map(bareMessage)).toEqual([{ ...written[1], readAt: null }])
        // the street's sweep at once, five times: r_hx closed and told once
        let k = 0
        const sweeps = await Promise.all(Array.from({ length: 5 }, () => s.reports.autoClose({ streetId: IDS.street }, before, NOW, () => `s_${++k}`)))
        expect(sweeps.flat().map((m) => m.target)).toEqual([{ type: 'report', id: 'r_hx' }])
        expect(await s.messages.unread(IDS.erin)).toBe(1)
        expect((await s.reports.detail('r_hx', IDS.erin))?.events.filter((e) => e.action === 'autoClose')).toHaveLength(1)
        return { written, closed: closed && bare(closed) }
      })

      scenario('counts: by status, category and grid (every grid of the area, open and overdue), overdue and settled disputes', async (s) => {
        const r1 = await make(s, newReport('r_1', { category: 'dispute', acceptBy: at(-1) }))
        await make(s, newReport('r_2', { category: 'dispute', gridId: IDS.g2 }))
        const r3 = await make(s, newReport('r_3', { category: 'facility', gridId: IDS.g2, acceptBy: at(-2) }))
        await make(s, newReport('r_4', { communityId: IDS.other, gridId: IDS.gOther, reporterId: IDS.erin, acceptBy: at(-3) }))
        const r5 = await make(s, newReport('r_5', { category: 'dispute' }))
        await apply(s, resolve(await apply(s, accept(r1, IDS.workerA, at(1))), IDS.workerA, at(2)))
        await apply(s, resolve(await apply(s, changeOf(r5, IDS.workerA, 'escalate', { level: 'street' }, at(1))), IDS.streetStaff, at(2)))
        await apply(s, changeOf(r3, IDS.alice, 'withdraw', { status: 'withdrawn' }, at(1)))
        const out = {
          community: await s.reports.counts({ communityId: IDS.community }, { now: NOW }),
          grid: await s.reports.counts({ communityId: IDS.community }, { gridId: IDS.g2, now: NOW }),
          street: await s.reports.counts({ streetId: IDS.street }, { now: NOW }),
          later: await s.reports.counts({ streetId: IDS.street }, { now: at(48) }),
        }
        expect(out.community).toEqual({
          byStatus: [{ status: 'resolved', n: 2 }, { status: 'submitted', n: 1 }, { status: 'withdrawn', n: 1 }],
          byCategory: [{ category: 'dispute', n: 3 }, { category: 'facility', n: 1 }],
          byUnit: [
            { id: IDS.g1, name: '第一网格', total: 2, open: 0, overdue: 0 },
            { id: IDS.g2, name: '第二网格', total: 2, open: 1, overdue: 0 },
          ],
          overdue: 0,
          disputesSettled: 2,
          disputesSettledLocally: 1,
        })
        expect(out.street.byUnit.map((g) => [g.name, g.total, g.overdue])).toEqual([['锦江社区 第一网格', 2, 0], ['锦江社区 第二网格', 2, 0], ['华兴社区 第一网格', 1, 1]])
        expect(out.street.overdue).toBe(1)
        expect(out.later.overdue).toBe(2)
        expect(out.grid.byUnit).toEqual([{ id: IDS.g2, name: '第二网格', total: 2, open: 1, overdue: 0 }])
        return out
      })

      scenario(
        'an overdue list and its counts are the same with a thousand reports overdue elsewhere (SQLite then walks the area index, not reports_due)',
        async (s) => {
          const far = { communityId: IDS.far, streetId: IDS.farStreet, districtId: IDS.farDistrict, gridId: IDS.gFar, reporterId: IDS.erin }
          await make(s, newReport('r_o1', { acceptBy: at(-3), createdAt: at(0.1) }))
          await make(s, newReport('r_o2', { acceptBy: at(5), createdAt: at(0.2) }))
          await make(s, newReport('r_o3', { acceptBy: at(-1), createdAt: at(0.3), gridId: IDS.g2 }))
          const near = async () => ({
            community: ids(await listAll(s, { kind: 'area', communityId: IDS.community, overdueAt: NOW }, 2)),
            street: ids(await listAll(s, { kind: 'area', streetId: IDS.street, overdueAt: NOW, gridId: IDS.g2 }, 2)),
            district: ids(await listAll(s, { kind: 'area', districtId: IDS.district, overdueAt: NOW }, 1)),
            districtCount: await s.reports.count({ kind: 'area', districtId: IDS.district, overdueAt: NOW }),
            overview: (await s.reports.counts({ districtId: IDS.district }, { now: NOW })).overdue,
          })
          const few = await near()
          expect(few).toEqual({ community: ['r_o3', 'r_o1'], street: ['r_o3'], district: ['r_o3', 'r_o1'], districtCount: 2, overview: 2 })
          for (let i = 0; i < 1000; i++) {
            await make(s, newReport(`r_far_${String(i).padStart(4, '0')}`, { ...far, acceptBy: at(-2), createdAt: at(1 + i / 1000) }))
          }
          expect(await near()).toEqual(few)
          const city = await s.reports.list({ kind: 'area', cityId: IDS.city, overdueAt: NOW }, { limit: 2, after: null })
          expect(ids(city)).toEqual(['r_far_0999', 'r_far_0998'])
          expect(await s.reports.count({ kind: 'area', cityId: IDS.city, overdueAt: NOW })).toBe(1002)
          expect(await s.reports.count({ kind: 'area', cityId: IDS.city, overdueAt: at(-100) })).toBe(0)
        },
        60_000,
      )

      scenario('district and city: their queues by deadline, whole-area lists, counts by street / district, sweeps', async (s) => {
        const far = { communityId: IDS.far, streetId: IDS.farStreet, districtId: IDS.farDistrict, gridId: IDS.gFar, reporterId: IDS.erin }
        const d1 = await make(s, newReport('r_d1', { category: 'dispute', acceptBy: at(5), createdAt: at(0.1) }))
        await make(s, newReport('r_d2', { acceptBy: at(-3), createdAt: at(0.2) }))
        const f1 = await make(s, newReport('r_f1', { ...far, acceptBy: at(2), createdAt: at(0.3) }))
        await make(s, newReport('r_f2', { ...far, acceptBy: at(-1), createdAt: at(0.4) }))
        // up the ladder: r_d1 to the district, then the city; r_f1 to the other district; r_d2 stays at the grid
        const up = (r: ReportRecord, level: 'district' | 'city', by: string, when: number) =>
          apply(s, changeOf(r, by, 'escalate', { level, maxLevel: level, acceptBy: at(when) }, at(1)))
        await up(await up(d1, 'district', IDS.streetStaff, 8), 'city', IDS.districtStaff, 9)
        await up(f1, 'district', IDS.streetStaff, 7)
        const lists = {
          districtQueue: ids(await listAll(s, { kind: 'queue', level: 'district', districtId: IDS.district }, 2)),
          farQueue: ids(await listAll(s, { kind: 'queue', level: 'district', districtId: IDS.farDistrict }, 2)),
          cityQueue: ids(await listAll(s, { kind: 'queue', level: 'city', cityId: IDS.city }, 2)),
          district: ids(await listAll(s, { kind: 'area', districtId: IDS.district }, 1)),
          city: ids(await listAll(s, { kind: 'area', cityId: IDS.city }, 3)),
          cityOverdue: ids(await listAll(s, { kind: 'area', cityId: IDS.city, overdueAt: NOW }, 100)),
          cityInGrid: ids(await listAll(s, { kind: 'area', cityId: IDS.city, gridId: IDS.gFar }, 100)),
        }
        expect(lists).toEqual({
          districtQueue: [],
          farQueue: ['r_f1'],
          cityQueue: ['r_d1'],
          district: ['r_d2', 'r_d1'],
          city: ['r_f2', 'r_f1', 'r_d2', 'r_d1'],
          cityOverdue: ['r_f2', 'r_d2'],
          cityInGrid: ['r_f2', 'r_f1'],
        })
        expect(await s.reports.count({ kind: 'area', cityId: IDS.city })).toBe(4)
        expect(await s.reports.count({ kind: 'queue', level: 'city', cityId: IDS.city })).toBe(1)
        const counts = {
          district: await s.reports.counts({ districtId: IDS.district }, { now: NOW }),
          city: await s.reports.counts({ cityId: IDS.city }, { now: NOW }),
          cityInGrid: await s.reports.counts({ cityId: IDS.city }, { gridId: IDS.gFar, now: NOW }),
        }
        expect(counts.district.byUnit).toEqual([{ id: IDS.street, name: '城东街道', total: 2, open: 2, overdue: 1 }])
        expect(counts.city.byUnit).toEqual([
          { id: IDS.district, name: '滨江区', total: 2, open: 2, overdue: 1 },
          { id: IDS.farDistrict, name: '远郊区', total: 2, open: 2, overdue: 1 },
        ])
        expect(counts.city.byStatus).toEqual([{ status: 'submitted', n: 4 }])
        expect(counts.city.overdue).toBe(2)
        expect(counts.cityInGrid.byUnit).toEqual([{ id: IDS.farDistrict, name: '远郊区', total: 2, open: 2, overdue: 1 }])
        // a dispute settled at the city is not settled locally (矛盾不上交)
        const atCity = (await s.reports.get('r_d1'))!
        await apply(s, resolve(await apply(s, accept(atCity, IDS.cityStaff, at(2))), IDS.cityStaff, at(-200)))
        const settled = await s.reports.counts({ cityId: IDS.city }, { now: NOW })
        expect([settled.disputesSettled, settled.disputesSettledLocally]).toEqual([1, 0])
        // the city's sweep closes what was resolved more than 7 days ago anywhere in it
        const swept = await s.reports.autoClose({ cityId: IDS.city }, at(-168), NOW, () => 'm_city')
        expect(swept.map((m) => m.target)).toEqual([{ type: 'report', id: 'r_d1' }])
        return { lists, counts, settled, swept }
      })

      scenario('counts are the rows’ own: after edits, moves between grids, escalations, settles and sweeps, every tally equals its list’s count', async (s) => {
        const cats = ['dispute', 'environment', 'facility'] as const
        const made: ReportRecord[] = []
        for (let i = 0; i < 12; i++) {
          const grid = [IDS.g1, IDS.g2, IDS.gOther][i % 3]!
          const other = grid === IDS.gOther ? { communityId: IDS.other, reporterId: IDS.erin } : {}
          made.push(await make(s, newReport(`r_t${String(i).padStart(2, '0')}`, { gridId: grid, category: cats[i % 3], acceptBy: at(i - 6), ...other })))
        }
        const [a, b, c, d, e, , g] = made as [ReportRecord, ReportRecord, ReportRecord, ReportRecord, ReportRecord, ReportRecord, ReportRecord]
        await apply(s, changeOf(a, IDS.alice, 'edit', { category: 'facility' }, at(1)))
        await apply(s, changeOf(b, IDS.committee, 'reassign', { gridId: IDS.g1 }, at(1)))
        const up = await apply(s, changeOf(d, IDS.workerA, 'escalate', { level: 'street', maxLevel: 'street' }, at(1)))
        await apply(s, resolve(await apply(s, accept(up, IDS.streetStaff, at(2))), IDS.streetStaff, at(-300)))
        await apply(s, resolve(await apply(s, accept(g, IDS.workerA, at(2))), IDS.workerA, at(-300)))
        await apply(s, changeOf(c, IDS.alice, 'withdraw', { status: 'withdrawn' }, at(1)))
        await apply(s, changeOf(e, IDS.workerG2, 'reject', { status: 'rejected' }, at(1)))
        await s.reports.autoClose({ streetId: IDS.street }, at(-168), NOW, () => `m_${Math.random()}`)
        const areas = [{ communityId: IDS.community }, { communityId: IDS.other }, { streetId: IDS.street }, { districtId: IDS.district }, { cityId: IDS.city }]
        const out = []
        for (const area of areas) {
          const got = await s.reports.counts(area, { now: NOW })
          const q = { kind: 'area' as const, ...area }
          for (const { status, n } of got.byStatus) expect({ area, status, n: await s.reports.count({ ...q, status }) }).toEqual({ area, status, n })
          for (const { category, n } of got.byCategory) expect({ area, category, n: await s.reports.count({ ...q, category }) }).toEqual({ area, category, n })
          expect(got.byStatus.reduce((t, x) => t + x.n, 0)).toBe(await s.reports.count(q))
          expect(got.overdue).toBe(await s.reports.count({ ...q, overdueAt: NOW }))
          if ('communityId' in area || 'streetId' in area) {
            for (const u of got.byUnit) expect({ area, u: u.id, n: u.total }).toEqual({ area, u: u.id, n: await s.reports.count({ ...q, gridId: u.id }) })
          }
          out.push(got)
        }
        // r_t03 went to the street before it was settled, r_t06 was settled in its grid (r_t00 is no dispute now)
        expect([out[0]!.disputesSettled, out[0]!.disputesSettledLocally]).toEqual([2, 1])
        return out
      })

      scenario('tallies under concurrent writes: 20 creates in one grid at once, and two reports moving opposite ways at once, all counted', async (s) => {
        await Promise.all(Array.from({ length: 20 }, (_, i) => make(s, newReport(`r_c${String(i).padStart(2, '0')}`))))
        const ids = Array.from({ length: 10 }, (_, i) => `r_c${String(i).padStart(2, '0')}`)
        // half resolved → reopened while the other half accepted → resolved, all at once, twice over
        const accepted = await Promise.all(ids.map(async (id) => apply(s, accept((await s.reports.get(id))!, IDS.workerA, at(1)))))
        const resolved = await Promise.all(accepted.slice(0, 5).map((r) => apply(s, resolve(r, IDS.workerA, at(2)))))
        await Promise.all([
          ...resolved.map((r) => apply(s, changeOf(r, IDS.alice, 'reopen', { status: 'accepted', resolvedAt: null }, at(3)))),
          ...accepted.slice(5).map((r) => apply(s, resolve(r, IDS.workerA, at(3)))),
        ])
        const got = await s.reports.counts({ communityId: IDS.community }, { now: NOW })
        expect(got.byStatus).toEqual([{ status: 'accepted', n: 5 }, { status: 'resolved', n: 5 }, { status: 'submitted', n: 10 }])
        expect(got.byUnit.find((u) => u.id === IDS.g1)).toMatchObject({ total: 20, open: 15 })
        return got
      })

      scenario('rechecks: create and change queue or drop in their own step; due by next try; settle releases only the version read', async (s) => {
        const held = { moderation: 'review' as const, unchecked: true }
        const a = await make(s, newReport('r_a', held))
        await make(s, newReport('r_b', { ...held, createdAt: at(1) }))
        await make(s, newReport('r_c', { moderation: 'review' }))
        // a create refused (bad photos) queues nothing
        expect(await s.reports.create(newReport('r_d', held), ['f_none'], [], null)).toEqual({ kind: 'badPhotos' })
        expect(await s.reports.dueRechecks(at(2), 10)).toEqual([
          { reportId: 'r_a', queuedAt: NOW, attempts: 0 },
          { reportId: 'r_b', queuedAt: at(1), attempts: 0 },
        ])
        expect(await s.reports.dueRechecks(NOW, 10)).toEqual([{ reportId: 'r_a', queuedAt: NOW, attempts: 0 }])
        expect(await s.reports.dueRechecks(at(2), 1)).toHaveLength(1)
        // retry: attempts + 1, not due before its next try
        expect(await s.reports.settleRecheck('r_a', a.version, { kind: 'retry', nextAt: at(3) })).toBe(true)
        expect((await s.reports.dueRechecks(at(2), 10)).map((r) => r.reportId)).toEqual(['r_b'])
        expect(await s.reports.dueRechecks(at(3), 10)).toEqual([
          { reportId: 'r_b', queuedAt: at(1), attempts: 0 },
          { reportId: 'r_a', queuedAt: NOW, attempts: 1 },
        ])
        // a change in between (accepted): the release of the version read writes nothing
        const accepted = await apply(s, accept(a, IDS.workerA, at(2)))
        expect(await s.reports.settleRecheck('r_a', a.version, { kind: 'release' })).toBe(false)
        expect((await s.reports.get('r_a'))?.moderation).toBe('review')
        expect(await s.reports.settleRecheck('r_a', accepted.version, { kind: 'release' })).toBe(true)
        const released = await s.reports.get('r_a')
        expect([released?.moderation, released?.version]).toEqual(['clean', accepted.version + 1])
        // a report not queued is never released
        expect(await s.reports.settleRecheck('r_c', 1, { kind: 'release' })).toBe(false)
        expect((await s.reports.get('r_c'))?.moderation).toBe('review')
        // keepHeld drops the row, the report stays held
        expect(await s.reports.settleRecheck('r_b', 1, { kind: 'keepHeld' })).toBe(true)
        expect((await s.reports.get('r_b'))?.moderation).toBe('review')
        expect(await s.reports.dueRechecks(at(9), 10)).toEqual([])
        // a change queues (again, from its time) or drops
        const c = (await s.reports.get('r_c'))!
        const queued = await apply(s, changeOf(c, IDS.alice, 'edit', { description: '改过的描述' }, at(4), { recheck: 'queue' }))
        expect(await s.reports.dueRechecks(at(9), 10)).toEqual([{ reportId: 'r_c', queuedAt: at(4), attempts: 0 }])
        await apply(s, changeOf(queued, IDS.alice, 'edit', { description: '又改过的描述', moderation: 'clean' }, at(5), { recheck: 'drop' }))
        expect(await s.reports.dueRechecks(at(9), 10)).toEqual([])
        return { released: released && bare(released) }
      })

      scenario('deadlines: the configured days per category, upserted with the audit entry in one step', async (s) => {
        expect(await s.reports.deadlines(IDS.community)).toEqual({})
        const audit = (n: number): AuditEntry => ({ at: at(n), actorId: IDS.committee, action: 'report.deadlines', targetType: 'community', targetId: IDS.community, communityId: IDS.community, detail: { n } })
        await s.reports.setDeadlines(IDS.community, { environment: 3, dispute: 5 }, audit(1))
        await s.reports.setDeadlines(IDS.community, { environment: 4, facility: undefined, other: 30 }, audit(2))
        const days = await s.reports.deadlines(IDS.community)
        expect(days).toEqual({ environment: 4, dispute: 5, other: 30 })
        expect(await s.reports.deadlines(IDS.other)).toEqual({})
        const trail = (await s.audit.list({ targetId: IDS.community, limit: 10 })).map(({ id: _id, ...a }) => a)
        expect(trail).toEqual([audit(2), audit(1)])
        return { days, trail }
      })
    })
  })
}
