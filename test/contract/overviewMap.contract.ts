/**
 * The 一张图 port contract (OverviewMapRepo in cloud/overview/ports.ts), declared once and run on every engine (test/api/
 * overviewMap.contract.test.ts: SQLite; test/postgres/overviewMap.contract.test.ts: PostgreSQL with SQLite as the
 * reference, results deep-equal). April 2025 in 锦江社区 and 华兴社区; expected figures are counted here in plain JS
 * from the specs written.
 */
import type { NewReport, ReportRepo } from '../../cloud/reports/ports'
import type { NewUser, UserRepo } from '../../cloud/shared/ports'
import type { MapQuery, OverviewMapRepo, OverviewScope } from '../../cloud/overview/ports'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import type { Exec } from './engines'
import type { FixtureWriter } from './fixtures'

export interface OverviewMapContractEngine {
  store: { users: UserRepo; reports: ReportRepo; overviewMap: OverviewMapRepo }
  fixtures: FixtureWriter
  exec: Exec
  close(): Promise<void>
}
export type OpenOverviewMapEngine = () => Promise<OverviewMapContractEngine>

const H = 3600_000
const NOW = '2025-05-08T02:00:00.000Z'
const APRIL = { start: '2025-03-31T16:00:00.000Z', end: '2025-04-30T16:00:00.000Z' }
const IDS = { city: 'ct_1', district: 'd_1', street: 'st_1', c1: 'c_jj', c2: 'c_hx', g1: 'g_jj_1', g2: 'g_jj_2', gx: 'g_hx_1' }
const chinaAt = (day: string, hour: number) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * H).toISOString()
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * H).toISOString()
const SQUARE1: [number, number][] = [[30.6, 104.0], [30.6, 104.005], [30.605, 104.005], [30.605, 104.0]]
const SQUARE2: [number, number][] = [[30.61, 104.01], [30.61, 104.015], [30.615, 104.015], [30.615, 104.01]]

interface Spec {
  id: string
  gridId: string
  createdAt: string
  status: 'submitted' | 'accepted' | 'closed'
  at: [number, number] | null
  days?: number
  /** set when written: the deadline that runs (null when settled) */
  due?: string | null
}

const SPECS: Spec[] = [
  { id: 'p1', gridId: IDS.g1, createdAt: chinaAt('2025-04-05', 9), status: 'submitted', at: [30.601, 104.001] },
  { id: 'p2', gridId: IDS.g1, createdAt: chinaAt('2025-04-10', 9), status: 'accepted', at: [30.602, 104.002], days: 30 },
  { id: 'p3', gridId: IDS.g2, createdAt: chinaAt('2025-04-20', 9), status: 'accepted', at: [30.611, 104.011], days: 2 },
  { id: 'p4_closed', gridId: IDS.g1, createdAt: chinaAt('2025-04-11', 9), status: 'closed', at: [30.603, 104.003] },
  { id: 'p5_nowhere', gridId: IDS.g1, createdAt: chinaAt('2025-04-06', 9), status: 'submitted', at: null },
  { id: 'p6_march', gridId: IDS.g2, createdAt: chinaAt('2025-03-20', 9), status: 'accepted', at: [30.612, 104.012], days: 1 },
  { id: 'p7_other', gridId: IDS.gx, createdAt: chinaAt('2025-04-11', 9), status: 'submitted', at: [30.7, 104.1] },
  { id: 'p8_may', gridId: IDS.g1, createdAt: APRIL.end, status: 'submitted', at: [30.604, 104.004] },
]

function person(id: string, name: string, p: Partial<NewUser> = {}): NewUser {
  return { id, name, phone: null, roles: ['resident'], communityId: IDS.c1, gridId: IDS.g1, householdId: null, verified: false, workerGridIds: [], createdAt: '2025-01-01T00:00:00.000Z', ...p }
}

async function build(e: OverviewMapContractEngine): Promise<void> {
  await e.fixtures.city({ id: IDS.city, name: '江城市', seq: 0 })
  await e.fixtures.district({ id: IDS.district, cityId: IDS.city, name: '滨江区', seq: 0 })
  await e.fixtures.street({ id: IDS.street, name: '振兴街道', seq: 0, districtId: IDS.district })
  await e.fixtures.community({ id: IDS.c1, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.c2, streetId: IDS.street, name: '华兴社区', kind: 'community', seq: 1 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.c1, name: '第一网格', seq: 0, boundary: SQUARE1, servicePhone: null })
  await e.fixtures.grid({ id: IDS.g2, communityId: IDS.c1, name: '第二网格', seq: 1, boundary: SQUARE2, servicePhone: null })
  await e.fixtures.grid({ id: IDS.gx, communityId: IDS.c2, name: '华兴一网格', seq: 0, boundary: null, servicePhone: null })
  await e.store.users.create(person('u_sun', '孙丽', { roles: ['committee'] }))
  for (const [id, name] of [['u_a', '甲'], ['u_b', '乙'], ['u_c', '丙'], ['u_d', '丁']]) await e.store.users.create(person(id, name, { roles: ['volunteer'] }))
  for (const s of SPECS) {
    const acceptBy = acceptDeadline(new Date(s.createdAt)).toISOString()
    const resolveBy = resolveDeadline(new Date(s.createdAt), s.days ?? 3).toISOString()
    const report: NewReport = {
      id: s.id, communityId: s.gridId === IDS.gx ? IDS.c2 : IDS.c1, streetId: IDS.street, districtId: IDS.district, cityId: IDS.city, gridId: s.gridId,
      reporterId: 'u_a', category: 'environment', description: `报事 ${s.id}`, latitude: s.at?.[0] ?? null, longitude: s.at?.[1] ?? null, address: null,
      coordSource: s.at ? 'gcj02' : null, anonymous: false, visibility: 'private', moderation: 'clean', assigneeId: null, acceptBy, resolveBy, createdAt: s.createdAt,
    }
    await e.store.reports.create(report, [], [], null)
    s.due = s.status === 'submitted' ? acceptBy : s.status === 'accepted' ? resolveBy : null
    await e.exec(`UPDATE reports SET status = $1, due_at = $2 WHERE id = $3`, [s.status, s.due, s.id])
  }
}

const shift = (e: OverviewMapContractEngine, id: string, communityId: string, start: string, status = 'scheduled') =>
  e.exec(
    `INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, status, cancel_reason, cancelled_at, created_by, created_at)
     VALUES ($1, $2, '夜巡', 30.602, 104.002, 300, $3, $4, 5, $5, $6, $7, 'u_sun', $3)`,
    [id, communityId, start, plus(start, 2), status, status === 'cancelled' ? '下雨' : null, status === 'cancelled' ? start : null],
  )
const signup = (e: OverviewMapContractEngine, id: string, shiftId: string, user: string, status: string) =>
  e.exec(
    `INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at, checkin_at, checkin_coord, withdrawn_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, shiftId, user, status, NOW, status === 'waitlisted' ? null : NOW, status === 'checkedIn' ? NOW : null, status === 'checkedIn' ? 'gcj02' : null, status === 'withdrawn' ? NOW : null],
  )

const q = (scope: OverviewScope): MapQuery => ({ scope, ...APRIL, now: NOW })
const COMMUNITY: OverviewScope = { kind: 'community', id: IDS.c1 }

/** Expected per grid, counted from the specs. */
function expectedGrid(gridId: string) {
  const mine = SPECS.filter((s) => s.gridId === gridId)
  return {
    open: mine.filter((s) => s.status !== 'closed').length,
    overdue: mine.filter((s) => s.due != null && s.due < NOW).length,
    reports: mine.filter((s) => s.createdAt >= APRIL.start && s.createdAt < APRIL.end).length,
  }
}
/** The period's open located reports of c1, newest first. */
const expectedPoints = () =>
  SPECS.filter((s) => s.gridId !== IDS.gx && s.status !== 'closed' && s.at && s.createdAt >= APRIL.start && s.createdAt < APRIL.end).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))

export function overviewMapContract(engine: string, open: OpenOverviewMapEngine, opts: { reference?: OpenOverviewMapEngine } = {}): void {
  function scenario(title: string, run: (s: OverviewMapContractEngine['store'], e: OverviewMapContractEngine) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenOverviewMapEngine) => {
        const e = await openIt()
        try {
          await build(e)
          return await run(e.store, e)
        } finally {
          await e.close()
        }
      }
      const result = await runOn(open)
      if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
    })
  }

  describe(`overview map port contract on ${engine}`, () => {
    scenario('grids: the scope’s grids in order with boundary, open and overdue now, reports of the period', async (s, e) => {
      const c1 = await s.overviewMap.grids(q(COMMUNITY))
      expect(c1).toEqual([
        { id: IDS.g1, name: '第一网格', boundary: SQUARE1, ...expectedGrid(IDS.g1) },
        { id: IDS.g2, name: '第二网格', boundary: SQUARE2, ...expectedGrid(IDS.g2) },
      ])
      // the fixture exercises every figure: something open, overdue and of the period in 第一网格
      expect(c1[0]).toMatchObject({ open: 4, reports: 4 })
      expect(c1[0].overdue).toBeGreaterThan(0)
      const street = await s.overviewMap.grids(q({ kind: 'street', id: IDS.street }))
      expect(street.map((g) => [g.id, g.boundary === null, g.open])).toEqual([[IDS.g1, false, 4], [IDS.g2, false, 2], [IDS.gx, true, 1]])
      const one = await s.overviewMap.grids(q({ kind: 'grids', gridIds: [IDS.g2] }))
      expect(one.map((g) => g.id)).toEqual([IDS.g2])
      const city = await s.overviewMap.grids(q({ kind: 'city', id: IDS.city }))
      expect(city).toHaveLength(3)
      // a boundary that is not a ring of points reads back as none
      await e.exec(`UPDATE grids SET boundary = $1 WHERE id = $2`, ['[[1,2]]', IDS.g2])
      expect((await s.overviewMap.grids(q(COMMUNITY)))[1].boundary).toBeNull()
      return [c1, street]
    })

    scenario('points: open located reports of the period, newest first, at most the limit; extent', async (s) => {
      const want = expectedPoints()
      expect(want.map((p) => p.id)).toEqual(['p3', 'p2', 'p1'])
      const extent = await s.overviewMap.pointExtent(q(COMMUNITY))
      expect(extent).toEqual({ n: 3, minLat: 30.601, maxLat: 30.611, minLng: 104.001, maxLng: 104.011 })
      const all = await s.overviewMap.points(q(COMMUNITY), 300)
      expect(all).toEqual(
        want.map((p) => ({ id: p.id, category: 'environment', gridId: p.gridId, latitude: p.at![0], longitude: p.at![1], overdue: p.due! < NOW })),
      )
      expect((await s.overviewMap.points(q(COMMUNITY), 2)).map((p) => p.id)).toEqual(['p3', 'p2'])
      expect(await s.overviewMap.pointExtent(q({ kind: 'grids', gridIds: [IDS.gx] }))).toMatchObject({ n: 1 })
      expect(await s.overviewMap.pointExtent(q({ kind: 'grids', gridIds: ['g_none'] }))).toEqual({ n: 0, minLat: null, maxLat: null, minLng: null, maxLng: null })
      return [extent, all]
    })

    scenario('clusters: counted per cell, mean position, overdue; in cell order', async (s) => {
      const [p3, p2, p1] = expectedPoints()
      const fine = await s.overviewMap.clusters(q(COMMUNITY), 0.01)
      expect(fine).toEqual([
        { latitude: 30.6015, longitude: 104.0015, count: 2, overdue: [p1, p2].filter((p) => p.due! < NOW).length },
        { latitude: 30.611, longitude: 104.011, count: 1, overdue: p3.due! < NOW ? 1 : 0 },
      ])
      const coarse = await s.overviewMap.clusters(q({ kind: 'street', id: IDS.street }), 1)
      expect(coarse.map((c) => c.count)).toEqual([4])
      return [fine, coarse]
    })

    scenario('shifts between: scheduled shifts of the scope’s communities starting in the window, seats taken', async (s, e) => {
      const today = chinaAt('2025-05-08', 0)
      await shift(e, 's_today', IDS.c1, chinaAt('2025-05-08', 19))
      await shift(e, 's_other', IDS.c2, chinaAt('2025-05-08', 8))
      await shift(e, 's_cancelled', IDS.c1, chinaAt('2025-05-08', 9), 'cancelled')
      await shift(e, 's_tomorrow', IDS.c1, chinaAt('2025-05-09', 0))
      await shift(e, 's_yesterday', IDS.c1, chinaAt('2025-05-07', 23))
      await signup(e, 'ss_1', 's_today', 'u_a', 'confirmed')
      await signup(e, 'ss_2', 's_today', 'u_b', 'checkedIn')
      await signup(e, 'ss_3', 's_today', 'u_c', 'waitlisted')
      await signup(e, 'ss_4', 's_today', 'u_d', 'withdrawn')
      const end = chinaAt('2025-05-09', 0)
      const c1 = await s.overviewMap.shiftsBetween(COMMUNITY, today, end, 200)
      expect(c1).toEqual([
        { id: 's_today', title: '夜巡', communityName: '锦江社区', latitude: 30.602, longitude: 104.002, radius: 300, startAt: chinaAt('2025-05-08', 19), endAt: chinaAt('2025-05-08', 21), capacity: 5, filled: 2 },
      ])
      const street = await s.overviewMap.shiftsBetween({ kind: 'street', id: IDS.street }, today, end, 200)
      expect(street.map((x) => x.id)).toEqual(['s_other', 's_today'])
      expect((await s.overviewMap.shiftsBetween({ kind: 'street', id: IDS.street }, today, end, 1)).map((x) => x.id)).toEqual(['s_other'])
      expect((await s.overviewMap.shiftsBetween({ kind: 'grids', gridIds: [IDS.g1] }, today, end, 200)).map((x) => x.id)).toEqual(['s_today'])
      return [c1, street]
    })
  })
}
