/**
 * The ledger feature's port contract (LedgerRepo, cloud/ledger/ports.ts), declared once and run on every engine by a
 * thin test file (test/api/ledger.contract.test.ts: SQLite; test/postgres/ledger.contract.test.ts: PostgreSQL): the
 * paged reads of the 台账 by area, period (edges), grids and filters; timelines; patrol shifts with hours; area names;
 * the export's audit entry.
 */
import type { LedgerRepo } from '../../cloud/ledger/ports'
import type { NewReport, ReportRepo } from '../../cloud/reports/ports'
import type { AuditRepo, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { Exec } from './engines'
import type { FixtureWriter } from './fixtures'

export interface LedgerContractEngine {
  store: { users: UserRepo; audit: AuditRepo; reports: ReportRepo; ledger: LedgerRepo }
  fixtures: FixtureWriter
  exec: Exec
  close(): Promise<void>
}

const FROM = '2025-01-31T16:00:00.000Z'
const TO = '2025-02-28T16:00:00.000Z'

function person(id: string, name: string, communityId: string, gridId: string, phone: string | null = null): NewUser {
  return { id, name, phone, roles: ['resident'], communityId, gridId, householdId: null, verified: true, workerGridIds: [], createdAt: '2025-01-01T00:00:00.000Z' }
}

function report(id: string, at: string, p: Partial<NewReport> = {}): NewReport {
  return {
    id,
    communityId: 'c_a',
    streetId: 'st_a',
    districtId: 'd_a',
    cityId: 'ct_a',
    gridId: 'g_a1',
    reporterId: 'u_a',
    category: 'environment',
    description: `问题 ${id}`,
    latitude: null,
    longitude: null,
    address: null,
    coordSource: null,
    anonymous: false,
    visibility: 'private',
    moderation: 'clean',
    assigneeId: null,
    acceptBy: at,
    resolveBy: at,
    createdAt: at,
    ...p,
  }
}

async function build(e: LedgerContractEngine): Promise<void> {
  const f = e.fixtures
  await f.city({ id: 'ct_a', name: '江城市', seq: 0 })
  await f.district({ id: 'd_a', cityId: 'ct_a', name: '滨江区', seq: 0 })
  await f.street({ id: 'st_a', name: '振兴街道', seq: 0, districtId: 'd_a' })
  await f.street({ id: 'st_b', name: '远郊街道', seq: 1 })
  await f.community({ id: 'c_a', streetId: 'st_a', name: '锦江社区', kind: 'community', seq: 0 })
  await f.community({ id: 'c_b', streetId: 'st_a', name: '临江村', kind: 'village', seq: 1 })
  await f.community({ id: 'c_far', streetId: 'st_b', name: '远郊社区', kind: 'community', seq: 0 })
  for (const [id, c] of [['g_a1', 'c_a'], ['g_a2', 'c_a'], ['g_b1', 'c_b'], ['g_far', 'c_far']] as const) {
    await f.grid({ id, communityId: c, name: id, seq: 0, boundary: null, servicePhone: null })
  }
  await e.store.users.create(person('u_a', '王建华', 'c_a', 'g_a1', '13900000001'))
  await e.store.users.create(person('u_b', '黄德静', 'c_b', 'g_b1'))
  await e.store.users.create(person('u_far', '远方', 'c_far', 'g_far'))
  const make = (r: NewReport) => e.store.reports.create(r, [], [], null)
  await make(report('r_jan', '2025-01-31T15:59:59.999Z'))
  await make(report('r_first', FROM))
  await make(report('r_grid2', '2025-02-10T02:00:00.000Z', { gridId: 'g_a2', category: 'dispute' }))
  await make(report('r_b', '2025-02-11T02:00:00.000Z', { communityId: 'c_b', gridId: 'g_b1', reporterId: 'u_b' }))
  await make(report('r_far', '2025-02-12T02:00:00.000Z', { communityId: 'c_far', streetId: 'st_b', districtId: null, cityId: null, gridId: 'g_far', reporterId: 'u_far' }))
  await make(report('r_last', '2025-02-28T15:59:59.999Z', { anonymous: true }))
  await make(report('r_mar', TO))
  await e.exec(
    `INSERT INTO mediations (report_id, kind, parties, outcome, agreement, updated_at, updated_by) VALUES ($1, 'people', '[]', 'agreed', '双方和解', $2, 'u_a')`,
    ['r_grid2', '2025-02-11T02:00:00.000Z'],
  )
  await e.exec(
    `INSERT INTO mediation_sessions (report_id, date, note, recorded_by, recorded_at) VALUES ($1, '2025-02-11', '第一次调解', 'u_a', $2)`,
    ['r_grid2', '2025-02-11T02:00:00.000Z'],
  )
  const shift = (id: string, c: string, start: string) =>
    e.exec(
      `INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, created_by, created_at)
       VALUES ($1, $2, $3, 41.1, 124.3, 200, $4, $5, 4, 'u_a', $6)`,
      [id, c, `班次${id}`, start, new Date(Date.parse(start) + 3600_000).toISOString(), '2025-01-01T00:00:00.000Z'],
    )
  await shift('s_first', 'c_a', FROM)
  await shift('s_b', 'c_b', '2025-02-15T02:00:00.000Z')
  await shift('s_mar', 'c_a', TO)
  await e.exec(
    `INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at, checkin_at, checkin_coord, checkout_at, hours_tenths)
     VALUES ('ss_1', 's_first', 'u_a', 'checkedOut', $1, $1, $2, 'gcj02', $3, 12)`,
    ['2025-01-20T00:00:00.000Z', FROM, '2025-01-31T17:12:00.000Z'],
  )
  await e.exec(`INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at) VALUES ('ss_2', 's_first', 'u_b', 'confirmed', $1, $1)`, ['2025-01-20T00:00:00.000Z'])
  await e.exec(`INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at) VALUES ('ss_3', 's_first', 'u_far', 'waitlisted', $1)`, ['2025-01-20T00:00:00.000Z'])
}

const month = { gridIds: null, from: FROM, to: TO, status: null, category: null }

export function ledgerContract(name: string, open: () => Promise<LedgerContractEngine>): void {
  describe(`LedgerRepo contract: ${name}`, () => {
    let e: LedgerContractEngine
    beforeEach(async () => {
      e = await open()
      await build(e)
    })
    afterEach(() => e.close())

    const ids = async (q: Parameters<LedgerRepo['reports']>[0], limit = 100) => (await e.store.ledger.reports(q, null, limit)).map((r) => r.id)

    test('reports of an area in [from, to): both edges of the month, oldest first; each tier its area', async () => {
      expect(await ids({ ...month, area: { communityId: 'c_a' } })).toEqual(['r_first', 'r_grid2', 'r_last'])
      expect(await ids({ ...month, area: { streetId: 'st_a' } })).toEqual(['r_first', 'r_grid2', 'r_b', 'r_last'])
      expect(await ids({ ...month, area: { districtId: 'd_a' } })).toEqual(['r_first', 'r_grid2', 'r_b', 'r_last'])
      expect(await ids({ ...month, area: { cityId: 'ct_a' } })).toEqual(['r_first', 'r_grid2', 'r_b', 'r_last'])
      expect(await ids({ ...month, area: { streetId: 'st_b' } })).toEqual(['r_far'])
      expect(await ids({ ...month, from: null, to: null, area: { communityId: 'c_a' } })).toEqual(['r_jan', 'r_first', 'r_grid2', 'r_last', 'r_mar'])
    })

    test('grids, status and category narrow it; an empty grid list matches nothing', async () => {
      expect(await ids({ ...month, area: { communityId: 'c_a' }, gridIds: ['g_a2'] })).toEqual(['r_grid2'])
      expect(await ids({ ...month, area: { communityId: 'c_a' }, gridIds: [] })).toEqual([])
      expect(await ids({ ...month, area: { streetId: 'st_a' }, category: 'dispute' })).toEqual(['r_grid2'])
      expect(await ids({ ...month, area: { streetId: 'st_a' }, status: 'submitted' })).toHaveLength(4)
      expect(await ids({ ...month, area: { streetId: 'st_a' }, status: 'resolved' })).toEqual([])
    })

    test('pages by seq: after the last of a page comes the next', async () => {
      const q = { ...month, area: { streetId: 'st_a' } }
      const first = await e.store.ledger.reports(q, null, 3)
      expect(first.map((r) => r.id)).toEqual(['r_first', 'r_grid2', 'r_b'])
      const next = await e.store.ledger.reports(q, first[2]!.seq, 3)
      expect(next.map((r) => r.id)).toEqual(['r_last'])
    })

    test('a row carries its places, reporter, flags and mediation', async () => {
      const [first, grid2, last] = await e.store.ledger.reports({ ...month, area: { communityId: 'c_a' } }, null, 10)
      expect(first).toMatchObject({ communityName: '锦江社区', gridName: 'g_a1', reporterName: '王建华', reporterPhone: '13900000001', anonymous: false, status: 'submitted', level: 'grid', createdAt: FROM, mediationKind: null, mediationSessions: 0 })
      expect(grid2).toMatchObject({ category: 'dispute', mediationKind: 'people', mediationOutcome: 'agreed', agreement: '双方和解', mediationSessions: 1 })
      expect(last).toMatchObject({ anonymous: true, createdAt: '2025-02-28T15:59:59.999Z' })
    })

    test('timelines: by report, oldest step first, with the actor’s name', async () => {
      const events = await e.store.ledger.events(['r_grid2', 'r_first'])
      expect(events.map((x) => [x.reportId, x.action, x.actorName])).toEqual([
        ['r_first', 'create', '王建华'],
        ['r_grid2', 'create', '王建华'],
      ])
      expect(await e.store.ledger.events([])).toEqual([])
    })

    test('shifts starting in the month of an area, with turnout and hours', async () => {
      const s = await e.store.ledger.shifts({ communityId: 'c_a' }, FROM, TO, null, 10)
      expect(s).toEqual([
        expect.objectContaining({ id: 's_first', communityName: '锦江社区', capacity: 4, cancelled: false, confirmed: 2, attended: 1, hoursTenths: 12, startAt: FROM }),
      ])
      expect((await e.store.ledger.shifts({ streetId: 'st_a' }, FROM, TO, null, 10)).map((x) => x.id)).toEqual(['s_first', 's_b'])
      expect((await e.store.ledger.shifts({ cityId: 'ct_a' }, FROM, TO, null, 1)).map((x) => x.id)).toEqual(['s_first'])
      const first = (await e.store.ledger.shifts({ districtId: 'd_a' }, FROM, TO, null, 1))[0]!
      expect((await e.store.ledger.shifts({ districtId: 'd_a' }, FROM, TO, first.seq, 5)).map((x) => x.id)).toEqual(['s_b'])
      expect(await e.store.ledger.shifts({ streetId: 'st_b' }, FROM, TO, null, 10)).toEqual([])
    })

    test('area names; null for an unknown id', async () => {
      expect(await e.store.ledger.areaName({ streetId: 'st_a' })).toBe('振兴街道')
      expect(await e.store.ledger.areaName({ districtId: 'd_a' })).toBe('滨江区')
      expect(await e.store.ledger.areaName({ cityId: 'ct_a' })).toBe('江城市')
      expect(await e.store.ledger.areaName({ streetId: 'st_none' })).toBeNull()
    })

    test('the export’s audit entry with its retry key: a retry replays the first export and writes nothing', async () => {
      const at = '2025-03-01T02:00:00.000Z'
      const entry = (id: string) => ({ at, actorId: 'u_a', action: 'ledger.export', targetType: 'ledger', targetId: id, communityId: 'c_a', detail: { kind: 'month', rows: 3 } })
      const key = { userId: 'u_a', action: 'ledger.export', requestId: 'req-1', fingerprint: 'f1' }
      const first = { id: 'x_1', fileName: '锦江社区-2025年2月台账.xlsx', rows: 3, bytes: 900 }
      expect(await e.store.ledger.keyState(key)).toEqual({ kind: 'new' })
      expect(await e.store.ledger.recordExport(entry('x_1'), key, first)).toEqual({ kind: 'new' })
      expect(await e.store.ledger.keyState(key)).toEqual({ kind: 'replayed', export: first })
      expect(await e.store.ledger.recordExport(entry('x_2'), key, { ...first, id: 'x_2' })).toEqual({ kind: 'replayed', export: first })
      expect(await e.store.ledger.keyState({ ...key, fingerprint: 'f2' })).toEqual({ kind: 'keyReused' })
      expect(await e.store.ledger.recordExport(entry('x_3'), { ...key, fingerprint: 'f2' }, { ...first, id: 'x_3' })).toEqual({ kind: 'keyReused' })
      expect(await e.store.ledger.recordExport(entry('x_4'), null, { ...first, id: 'x_4' })).toEqual({ kind: 'new' })
      expect(await e.store.audit.list({ targetId: 'x_1', limit: 5 })).toEqual([
        expect.objectContaining({ at, actorId: 'u_a', action: 'ledger.export', targetType: 'ledger', communityId: 'c_a', detail: { kind: 'month', rows: 3 } }),
      ])
      for (const id of ['x_2', 'x_3']) expect(await e.store.audit.list({ targetId: id, limit: 5 })).toEqual([])
      expect(await e.store.audit.list({ targetId: 'x_4', limit: 5 })).toHaveLength(1)
    })

    test('two retries of one request recorded at once: one audit entry, both get the same export', async () => {
      const at = '2025-03-01T02:00:00.000Z'
      const key = { userId: 'u_a', action: 'ledger.export', requestId: 'req-race', fingerprint: 'f1' }
      const made = (id: string) => ({ id, fileName: 'a.xlsx', rows: 1, bytes: 10 })
      const entry = (id: string) => ({ at, actorId: 'u_a', action: 'ledger.export', targetType: 'ledger', targetId: id, communityId: 'c_a' })
      const outcomes = await Promise.all(['y_1', 'y_2'].map((id) => e.store.ledger.recordExport(entry(id), key, made(id))))
      const winner = outcomes[0]!.kind === 'new' ? 'y_1' : 'y_2'
      expect(outcomes.filter((o) => o.kind === 'new')).toHaveLength(1)
      expect(outcomes.filter((o) => o.kind === 'replayed')).toEqual([{ kind: 'replayed', export: made(winner) }])
      const written = [...(await e.store.audit.list({ targetId: 'y_1', limit: 5 })), ...(await e.store.audit.list({ targetId: 'y_2', limit: 5 }))]
      expect(written.map((a) => a.targetId)).toEqual([winner])
    })
  })
}
