/**
 * The overview port contract (cloud/overview/ports.ts), declared once and run on every engine (test/api/
 * overview.contract.test.ts: SQLite; test/postgres/overview.contract.test.ts: PostgreSQL, with SQLite as the
 * reference, results deep-equal). A hand-built April 2025 in 锦江社区: reports at the period's edges, rated in and
 * out of the period and unrated, one resolved on time only because 劳动节 is not a working day, late and overdue ones.
 */
import type { NewReport, ReportRepo } from '../../cloud/reports/ports'
import type { NewUser, UserRepo } from '../../cloud/shared/ports'
import type { OverviewFigures, OverviewQuery, OverviewRepo } from '../../cloud/overview/ports'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import type { Exec } from './engines'
import type { FixtureWriter } from './fixtures'

export interface OverviewContractStore {
  users: UserRepo
  reports: ReportRepo
  overview: OverviewRepo
}

export interface OverviewContractEngine {
  store: OverviewContractStore
  fixtures: FixtureWriter
  exec: Exec
  close(): Promise<void>
}

export type OpenOverviewEngine = () => Promise<OverviewContractEngine>

const NOW = '2025-05-08T02:00:00.000Z'
const H = 3600_000
/** April 2025 in China time: 2025-04-01 00:00 +08 to 2025-05-01 00:00 +08 (excluded). */
const APRIL = { start: '2025-03-31T16:00:00.000Z', end: '2025-04-30T16:00:00.000Z' }

const IDS = { city: 'ct_1', district: 'd_1', street: 'st_1', c1: 'c_jj', c2: 'c_hx', g1: 'g_jj_1', g2: 'g_jj_2', gx: 'g_hx_1' }
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * H).toISOString()

function person(id: string, name: string, p: Partial<NewUser> = {}): NewUser {
  return { id, name, phone: null, roles: ['gridWorker'], communityId: IDS.c1, gridId: null, householdId: null, verified: false, workerGridIds: [IDS.g1], createdAt: '2025-01-01T00:00:00.000Z', ...p }
}

async function buildPlaces(e: OverviewContractEngine): Promise<void> {
  await e.fixtures.city({ id: IDS.city, name: '江城市', seq: 0 })
  await e.fixtures.district({ id: IDS.district, cityId: IDS.city, name: '滨江区', seq: 0 })
  await e.fixtures.street({ id: IDS.street, name: '振兴街道', seq: 0, districtId: IDS.district })
  await e.fixtures.community({ id: IDS.c1, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.c2, streetId: IDS.street, name: '华兴社区', kind: 'community', seq: 1 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.c1, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.g2, communityId: IDS.c1, name: '第二网格', seq: 1, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.gx, communityId: IDS.c2, name: '华兴一网格', seq: 0, boundary: null, servicePhone: null })
  await e.store.users.create(person('u_sun', '孙丽'))
  await e.store.users.create(person('u_zhou', '周强', { workerGridIds: [IDS.g2] }))
  await e.store.users.create(person('u_alice', '杨春敏', { roles: ['resident'], workerGridIds: [], gridId: IDS.g1 }))
}

interface Spec {
  id: string
  createdAt: string
  gridId?: string
  communityId?: string
  category?: NewReport['category']
  /** working days to 办结 */
  days?: number
  status?: string
  acceptedAfter?: number
  resolvedAfter?: number
  resolvedAt?: string
  rating?: [score: number, comment: string | null, at: string]
  assignee?: string
  maxLevel?: string
  reopenCount?: number
}

/** Creates the report through the repository, then sets its history's columns as the use cases would have. */
async function report(e: OverviewContractEngine, s: Spec): Promise<{ acceptBy: string; resolveBy: string }> {
  const acceptBy = acceptDeadline(new Date(s.createdAt)).toISOString()
  const resolveBy = resolveDeadline(new Date(s.createdAt), s.days ?? 3).toISOString()
  await e.store.reports.create(
    {
      id: s.id, communityId: s.communityId ?? IDS.c1, streetId: IDS.street, districtId: IDS.district, cityId: IDS.city, gridId: s.gridId ?? IDS.g1,
      reporterId: 'u_alice', category: s.category ?? 'environment', description: `报事 ${s.id}`, latitude: null, longitude: null, address: null,
      coordSource: null, anonymous: false, visibility: 'private', moderation: 'clean', assigneeId: null, acceptBy, resolveBy, createdAt: s.createdAt,
    },
    [], [], null,
  )
  const status = s.status ?? 'submitted'
  const acceptedAt = s.acceptedAfter === undefined ? null : plus(s.createdAt, s.acceptedAfter)
  const resolvedAt = s.resolvedAt ?? (s.resolvedAfter === undefined ? null : plus(s.createdAt, s.resolvedAfter))
  const due = status === 'submitted' ? acceptBy : status === 'accepted' ? resolveBy : null
  await e.exec(
    `UPDATE reports SET status = $1, accepted_at = $2, resolved_at = $3, rating = $4, rating_comment = $5, rated_at = $6, assignee_id = $7,
       max_level = $8, reopen_count = $9, due_at = $10 WHERE id = $11`,
    [status, acceptedAt, resolvedAt, s.rating?.[0] ?? null, s.rating?.[1] ?? null, s.rating?.[2] ?? null, s.assignee ?? null, s.maxLevel ?? 'grid', s.reopenCount ?? 0, due, s.id],
  )
  return { acceptBy, resolveBy }
}

const chinaAt = (day: string, hour: number) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * H).toISOString()

async function buildReports(e: OverviewContractEngine): Promise<void> {
  // the period's edges: 04-01 00:00 China is in, 05-01 00:00 and one millisecond before 04-01 are out
  await report(e, { id: 'r_edge_in', createdAt: APRIL.start })
  await report(e, { id: 'r_edge_out', createdAt: APRIL.end })
  await report(e, { id: 'r_before', createdAt: plus(APRIL.start, -1 / 3600_000) })
  await report(e, { id: 'r_fast', createdAt: chinaAt('2025-04-07', 9), status: 'closed', acceptedAfter: 2, resolvedAfter: 10, rating: [5, '处理及时', chinaAt('2025-04-08', 10)], assignee: 'u_sun' })
  await report(e, { id: 'r_slow', createdAt: chinaAt('2025-04-10', 9), gridId: IDS.g2, category: 'facility', status: 'closed', acceptedAfter: 30, resolvedAfter: 150, rating: [2, '拖了很久', chinaAt('2025-04-20', 10)], assignee: 'u_zhou' })
  // 3 working days from Tuesday 04-29 run past 劳动节 (05-01…05-05): resolved on 05-06 is on time
  const holiday = await report(e, { id: 'r_holiday', createdAt: chinaAt('2025-04-29', 9), status: 'resolved', acceptedAfter: 1, resolvedAt: chinaAt('2025-05-06', 10), rating: [3, '还行', chinaAt('2025-05-07', 10)], assignee: 'u_sun' })
  if (!(holiday.resolveBy > chinaAt('2025-05-06', 10))) throw new Error(`the deadline should skip 劳动节: ${holiday.resolveBy}`)
  await report(e, { id: 'r_overdue', createdAt: chinaAt('2025-04-28', 9), gridId: IDS.g2, category: 'safety_hazard', days: 1, status: 'accepted', acceptedAfter: 1 })
  await report(e, { id: 'r_dispute_local', createdAt: chinaAt('2025-04-15', 9), category: 'dispute', status: 'closed', acceptedAfter: 3, resolvedAfter: 20, maxLevel: 'community', rating: [4, '', chinaAt('2025-04-18', 10)], assignee: 'u_sun' })
  await report(e, { id: 'r_dispute_up', createdAt: chinaAt('2025-04-16', 9), gridId: IDS.g2, category: 'dispute', status: 'accepted', acceptedAfter: 5, maxLevel: 'street' })
  await report(e, { id: 'r_reopened', createdAt: chinaAt('2025-04-03', 9), status: 'accepted', acceptedAfter: 4, reopenCount: 1 })
  await report(e, { id: 'r_other_c', createdAt: chinaAt('2025-04-12', 9), communityId: IDS.c2, gridId: IDS.gx, status: 'closed', acceptedAfter: 6, resolvedAfter: 40, rating: [1, '没人管', chinaAt('2025-04-25', 10)] })
  const warning = (id: string, c: string, g: string, raisedAt: string) =>
    e.exec(
      `INSERT INTO warnings (id, community_id, grid_id, level, signal, area_key, category, period, observed, baseline, p_value, report_ids, status, raised_at)
       VALUES ($1, $2, $3, 'grid', 'spike', $1, 'environment', '2025-04-07', 5, 1, 0.001, '[]', 'open', $4)`,
      [id, c, g, raisedAt],
    )
  await warning('w_in', IDS.c1, IDS.g1, chinaAt('2025-04-10', 9))
  await warning('w_march', IDS.c1, IDS.g1, chinaAt('2025-03-20', 9))
  await warning('w_other', IDS.c2, IDS.gx, chinaAt('2025-04-10', 9))
}

/** Notices, motions, shifts and the roster for the participation figures (raw rows: no repository of this port writes them). */
async function buildParticipation(e: OverviewContractEngine): Promise<void> {
  await e.fixtures.household({ id: 'h_1', gridId: IDS.g1, building: '1栋', unit: '1单元', room: '101', headName: '王一', adults: 2, phone: null, updatedAt: null })
  await e.fixtures.household({ id: 'h_2', gridId: IDS.g1, building: '1栋', unit: '1单元', room: '102', headName: '张三', adults: 1, phone: null, updatedAt: null })
  await e.fixtures.household({ id: 'h_3', gridId: IDS.g2, building: '2栋', unit: '1单元', room: '101', headName: '李二', adults: 1, phone: null, updatedAt: null })
  await e.fixtures.household({ id: 'h_x', gridId: IDS.gx, building: '9栋', unit: '1单元', room: '101', headName: '赵九', adults: 1, phone: null, updatedAt: null })
  const resident = (id: string, name: string, gridId: string, householdId: string | null, verified: boolean, roles: NewUser['roles'] = ['resident']) =>
    e.store.users.create(person(id, name, { roles, gridId, householdId, verified, workerGridIds: [] }))
  await resident('u_wang', '王一', IDS.g1, 'h_1', true)
  await resident('u_vol', '杨二', IDS.g1, 'h_2', true, ['resident', 'volunteer'])
  await resident('u_li', '李二', IDS.g2, 'h_3', false)
  await e.exec(`UPDATE users SET household_id = NULL, grid_id = $1 WHERE id = 'u_alice'`, [IDS.g1])
  const notice = (id: string, important: number, whole: number, publishAt: string, withdrawnAt: string | null = null) =>
    e.exec(
      `INSERT INTO notices (id, community_id, author_id, title, body, category, pinned, important, whole_community, publish_at, expire_at, withdrawn_at, created_at)
       VALUES ($1, $2, 'u_sun', '通知', '正文', 'notice', $3, $4, $5, $6, NULL, $7, $6)`,
      [id, IDS.c1, 0, important, whole, publishAt, withdrawnAt],
    )
  await notice('n_all', 1, 1, chinaAt('2025-04-02', 9))
  await notice('n_g2', 0, 0, chinaAt('2025-04-20', 9))
  await notice('n_march', 1, 1, chinaAt('2025-03-20', 9))
  await notice('n_gone', 0, 1, chinaAt('2025-04-03', 9), chinaAt('2025-04-04', 9))
  await e.exec(`INSERT INTO notice_grids (notice_id, grid_id) VALUES ('n_g2', $1)`, [IDS.g2])
  const read = (n: string, u: string, confirmed: boolean) =>
    e.exec(`INSERT INTO notice_reads (notice_id, user_id, read_at, confirmed_at) VALUES ($1, $2, $3, $4)`, [n, u, chinaAt('2025-04-21', 9), confirmed ? chinaAt('2025-04-21', 9) : null])
  await read('n_all', 'u_wang', true)
  await read('n_all', 'u_vol', false)
  await read('n_g2', 'u_li', false)
  await read('n_march', 'u_li', true)
  await read('n_all', 'u_sun', true) // a worker is not of the audience
  const motion = (id: string, status: string, closedAt: string | null, eligibility: string) =>
    e.exec(
      `INSERT INTO motions (id, community_id, author_id, title, articles, kind, eligibility, status, vote_from, vote_until, base_adults, base_households, closed_at, created_at, updated_at)
       VALUES ($1, $2, 'u_sun', '公约', '[]', 'rules', $3, $4, $5, $5, 4, 3, $6, $5, $5)`,
      [id, IDS.c1, eligibility, status, chinaAt('2025-04-01', 9), closedAt],
    )
  await motion('m_closed', 'closed', chinaAt('2025-04-25', 9), 'households')
  await motion('m_voting', 'voting', null, 'adults')
  await motion('m_may', 'closed', chinaAt('2025-05-02', 9), 'adults')
  for (const [m, v] of [['m_closed', 'h_1'], ['m_closed', 'h_3'], ['m_voting', 'u_wang'], ['m_may', 'u_wang']])
    await e.exec(`INSERT INTO motion_voters (motion_id, voter_key, channel) VALUES ($1, $2, 'online')`, [m, v])
  const shift = (id: string, start: string, status = 'scheduled') =>
    e.exec(
      `INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, status, cancel_reason, cancelled_at, created_by, created_at)
       VALUES ($1, $2, '夜巡', 30.6, 104.0, 300, $3, $4, 5, $5, $6, $7, 'u_sun', $3)`,
      [id, IDS.c1, start, plus(start, 2), status, status === 'cancelled' ? '下雨' : null, status === 'cancelled' ? start : null],
    )
  await shift('s_apr', chinaAt('2025-04-12', 19))
  await shift('s_cancelled', chinaAt('2025-04-13', 19), 'cancelled')
  await shift('s_may', chinaAt('2025-05-03', 19))
  const signup = (id: string, shiftId: string, user: string, status: string, tenths: number | null) => {
    const at = chinaAt('2025-04-10', 9)
    const came = status === 'checkedIn' || status === 'checkedOut'
    return e.exec(
      `INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at, checkin_at, checkin_coord, checkout_at, hours_tenths)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, shiftId, user, status, at, status === 'waitlisted' ? null : at, came ? at : null, came ? 'gcj02' : null, status === 'checkedOut' ? at : null, tenths],
    )
  }
  await signup('ss_1', 's_apr', 'u_vol', 'checkedOut', 20)
  await signup('ss_2', 's_apr', 'u_wang', 'checkedOut', 15)
  await signup('ss_3', 's_apr', 'u_li', 'noShow', null)
  await signup('ss_4', 's_apr', 'u_alice', 'waitlisted', null)
  await signup('ss_5', 's_may', 'u_vol', 'checkedOut', 20)
}

const q = (scope: OverviewQuery['scope']): OverviewQuery => ({ scope, ...APRIL, now: NOW })

const total = (f: OverviewFigures, key: keyof OverviewFigures['tallies'][number]) => f.tallies.reduce((n, t) => n + Number(t[key]), 0)

export function overviewContract(engine: string, open: OpenOverviewEngine, opts: { reference?: OpenOverviewEngine } = {}): void {
  function scenario(title: string, run: (s: OverviewContractStore, e: OverviewContractEngine) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenOverviewEngine) => {
        const e = await openIt()
        try {
          await buildPlaces(e)
          await buildReports(e)
          return await run(e.store, e)
        } finally {
          await e.close()
        }
      }
      const result = await runOn(open)
      if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
    })
  }

  describe(`overview port contract on ${engine}`, () => {
    scenario('participation: notices and their audience, motions closed, shifts started, volunteers, verified households', async (s, e) => {
      await buildParticipation(e)
      const c1 = await s.overview.figures(q({ kind: 'community', id: IDS.c1 }))
      expect(c1.participation).toEqual({
        // n_all reaches 4 (杨春敏, 王一, 杨二, 李二 — not the workers), n_g2 1 (李二); read: 2 + 1; n_march, n_gone out
        notices: 2, important: 1, audience: 5, read: 3, importantAudience: 4, confirmed: 1,
        motions: 1, voters: 2, base: 3,
        shifts: 1, expected: 3, attended: 2, hoursTenths: 35,
        volunteers: 1, households: 3, verifiedHouseholds: 2,
      })
      const g1 = await s.overview.figures(q({ kind: 'grids', gridIds: [IDS.g1] }))
      // the community's notices, motions and shifts; audience, volunteers and households of 第一网格 only
      expect(g1.participation).toMatchObject({ notices: 2, audience: 3, read: 2, motions: 1, shifts: 1, volunteers: 1, households: 2, verifiedHouseholds: 2 })
      const street = await s.overview.figures(q({ kind: 'street', id: IDS.street }))
      expect(street.participation).toMatchObject({ notices: 2, motions: 1, households: 4, verifiedHouseholds: 2 })
      return [c1.participation, g1.participation, street.participation]
    })

    scenario('places: each kind with the places above it; unknown → null', async (s) => {
      const places = [
        await s.overview.place('grid', IDS.g2),
        await s.overview.place('community', IDS.c2),
        await s.overview.place('street', IDS.street),
        await s.overview.place('district', IDS.district),
        await s.overview.place('city', IDS.city),
        await s.overview.place('grid', 'g_none'),
      ]
      expect(places).toEqual([
        { kind: 'grid', id: IDS.g2, name: '第二网格', communityId: IDS.c1, streetId: IDS.street, districtId: IDS.district, cityId: IDS.city },
        { kind: 'community', id: IDS.c2, name: '华兴社区', communityId: IDS.c2, streetId: IDS.street, districtId: IDS.district, cityId: IDS.city },
        { kind: 'street', id: IDS.street, name: '振兴街道', communityId: null, streetId: IDS.street, districtId: IDS.district, cityId: IDS.city },
        { kind: 'district', id: IDS.district, name: '滨江区', communityId: null, streetId: null, districtId: IDS.district, cityId: IDS.city },
        { kind: 'city', id: IDS.city, name: '江城市', communityId: null, streetId: null, districtId: null, cityId: IDS.city },
        null,
      ])
      return places
    })

    scenario('sub-areas one level below, in the organisation’s order', async (s) => {
      const out = {
        grids: await s.overview.subAreas({ kind: 'grids', gridIds: [IDS.g2, IDS.g1] }),
        community: await s.overview.subAreas({ kind: 'community', id: IDS.c1 }),
        street: await s.overview.subAreas({ kind: 'street', id: IDS.street }),
        district: await s.overview.subAreas({ kind: 'district', id: IDS.district }),
        city: await s.overview.subAreas({ kind: 'city', id: IDS.city }),
      }
      expect(out).toEqual({
        grids: [{ id: IDS.g1, name: '第一网格' }, { id: IDS.g2, name: '第二网格' }],
        community: [{ id: IDS.g1, name: '第一网格' }, { id: IDS.g2, name: '第二网格' }],
        street: [{ id: IDS.c1, name: '锦江社区' }, { id: IDS.c2, name: '华兴社区' }],
        district: [{ id: IDS.street, name: '振兴街道' }],
        city: [{ id: IDS.district, name: '滨江区' }],
      })
      return out
    })

    scenario('a community’s April: the edges, speed, on-time across 劳动节, overdue now, ratings in the period, warnings', async (s) => {
      const f = await s.overview.figures(q({ kind: 'community', id: IDS.c1 }))
      expect(f.byDay).toEqual([
        { day: '2025-04-01', n: 1 },
        { day: '2025-04-03', n: 1 },
        { day: '2025-04-07', n: 1 },
        { day: '2025-04-10', n: 1 },
        { day: '2025-04-15', n: 1 },
        { day: '2025-04-16', n: 1 },
        { day: '2025-04-28', n: 1 },
        { day: '2025-04-29', n: 1 },
      ])
      expect(total(f, 'n')).toBe(8)
      expect(f.tallies.map((t) => `${t.category}|${t.unit}|${t.n}`)).toEqual([
        `dispute|${IDS.g1}|1`, `dispute|${IDS.g2}|1`, `environment|${IDS.g1}|4`, `facility|${IDS.g2}|1`, `safety_hazard|${IDS.g2}|1`,
      ])
      // accepted by accept_by: all accepted but r_slow (30 h); r_edge_in never accepted and past it
      expect([total(f, 'acceptOnTime'), total(f, 'acceptDue')]).toEqual([6, 8])
      // resolved by resolve_by: r_fast, r_holiday (劳动节 not counted), r_dispute_local; r_slow late; four open past it
      expect([total(f, 'resolveOnTime'), total(f, 'resolveDue')]).toEqual([3, 8])
      expect([total(f, 'resolvedEver'), total(f, 'reopened')]).toEqual([4 + 1, 1])
      expect([total(f, 'settledLocally'), total(f, 'escalated'), total(f, 'openLocal')]).toEqual([1, 1, 0])
      // accept hours 1 1 2 3 4 5 30: median the 4th, p90 the 7th; resolve hours 10 20 150 169
      expect(f.accept.find((p) => p.by === 'all')).toEqual({ by: 'all', key: 'all', n: 7, median: 3, p90: 30 })
      expect(f.resolve.find((p) => p.by === 'all')).toEqual({ by: 'all', key: 'all', n: 4, median: 20, p90: 169 })
      expect(f.resolve.filter((p) => p.by === 'unit')).toEqual([
        { by: 'unit', key: IDS.g1, n: 3, median: 20, p90: 169 },
        { by: 'unit', key: IDS.g2, n: 1, median: 150, p90: 150 },
      ])
      expect(f.accept.filter((p) => p.by === 'category')).toEqual([
        { by: 'category', key: 'dispute', n: 2, median: 3, p90: 5 },
        { by: 'category', key: 'environment', n: 3, median: 2, p90: 4 },
        { by: 'category', key: 'facility', n: 1, median: 30, p90: 30 },
        { by: 'category', key: 'safety_hazard', n: 1, median: 1, p90: 1 },
      ])
      // now, whatever the creation date: r_edge_out and r_before count too
      expect(f.now).toEqual([
        { unit: IDS.g1, open: 4, overdue: 4 },
        { unit: IDS.g2, open: 2, overdue: 2 },
      ])
      // rated in April only (r_holiday's May rating is not), per grid and handler
      expect(f.ratings).toEqual([
        { unit: IDS.g1, handlerId: 'u_sun', handlerName: '孙丽', rated: 2, good: 2, sum: 9 },
        { unit: IDS.g2, handlerId: 'u_zhou', handlerName: '周强', rated: 1, good: 0, sum: 2 },
      ])
      expect(f.comments).toEqual([
        { reportId: 'r_slow', score: 2, comment: '拖了很久', at: chinaAt('2025-04-20', 10), category: 'facility', unit: IDS.g2 },
        { reportId: 'r_fast', score: 5, comment: '处理及时', at: chinaAt('2025-04-08', 10), category: 'environment', unit: IDS.g1 },
      ])
      expect(f.warnings).toBe(1)
      return f
    })

    scenario('a street by community, a city by district, one grid, some grids', async (s) => {
      const street = await s.overview.figures(q({ kind: 'street', id: IDS.street }))
      expect([...new Set(street.tallies.map((t) => t.unit))]).toEqual([IDS.c1, IDS.c2])
      expect(total(street, 'n')).toBe(9)
      expect(street.ratings.map((r) => [r.unit, r.handlerId, r.rated])).toEqual([
        [IDS.c2, null, 1],
        [IDS.c1, 'u_sun', 2],
        [IDS.c1, 'u_zhou', 1],
      ])
      expect(street.warnings).toBe(2)
      const city = await s.overview.figures(q({ kind: 'city', id: IDS.city }))
      expect(city.now).toEqual([{ unit: IDS.district, open: 6, overdue: 6 }])
      expect(city.resolve.find((p) => p.by === 'all')).toEqual({ by: 'all', key: 'all', n: 5, median: 40, p90: 169 })
      const g2 = await s.overview.figures(q({ kind: 'grids', gridIds: [IDS.g2] }))
      expect(total(g2, 'n')).toBe(3)
      expect(g2.warnings).toBe(0)
      const both = await s.overview.figures(q({ kind: 'grids', gridIds: [IDS.g1, IDS.g2] }))
      expect(total(both, 'n')).toBe(8)
      expect(both.warnings).toBe(1)
      return { street, city, g2, both }
    })

    scenario('departments: the area’s dispatches made in the period, resolved on time or late, returned, overdue now', async (s, e) => {
      await e.exec(`INSERT INTO departments (id, seq, name, street_id, district_id, categories, created_by, created_at) VALUES ('dep_1', 1, '城管中队', $1, NULL, '[]', 'u_sun', $2)`, [IDS.street, APRIL.start])
      const dispatch = (id: string, report: string, at: string, status: string, dueAt: string, finishedAt: string | null) =>
        e.exec(
          `INSERT INTO report_dispatches (id, report_id, department_id, level, dispatched_by, dispatched_at, days, due_at, status, accepted_at, finished_at)
           VALUES ($1, $2, 'dep_1', 'community', 'u_sun', $3, 3, $4, $5, NULL, $6)`,
          [id, report, at, dueAt, status, finishedAt],
        )
      await dispatch('x_on_time', 'r_fast', chinaAt('2025-04-07', 10), 'resolved', chinaAt('2025-04-10', 18), chinaAt('2025-04-08', 10))
      await dispatch('x_late', 'r_slow', chinaAt('2025-04-10', 10), 'resolved', chinaAt('2025-04-11', 18), chinaAt('2025-04-14', 10))
      await dispatch('x_returned', 'r_overdue', chinaAt('2025-04-28', 10), 'returned', chinaAt('2025-05-06', 18), chinaAt('2025-04-28', 12))
      await dispatch('x_open_late', 'r_overdue', chinaAt('2025-04-29', 10), 'accepted', chinaAt('2025-05-06', 18), null)
      await dispatch('x_march', 'r_before', chinaAt('2025-03-31', 10), 'accepted', chinaAt('2025-05-06', 18), null)
      await dispatch('x_other', 'r_other_c', chinaAt('2025-04-12', 10), 'pending', chinaAt('2025-05-09', 18), null)
      const c1 = await s.overview.figures(q({ kind: 'community', id: IDS.c1 }))
      expect(c1.departments).toEqual([{ departmentId: 'dep_1', name: '城管中队', dispatched: 4, resolved: 2, onTime: 1, returned: 1, overdue: 1 }])
      const street = await s.overview.figures(q({ kind: 'street', id: IDS.street }))
      expect(street.departments).toEqual([{ departmentId: 'dep_1', name: '城管中队', dispatched: 5, resolved: 2, onTime: 1, returned: 1, overdue: 1 }])
      return [c1.departments, street.departments]
    })

    scenario('an empty period: no rows, no percentiles', async (s) => {
      const f = await s.overview.figures({ scope: { kind: 'community', id: IDS.c1 }, start: '2024-01-01T00:00:00.000Z', end: '2024-02-01T00:00:00.000Z', now: NOW })
      expect(f).toEqual({ byDay: [], tallies: [], accept: [], resolve: [], now: f.now, ratings: [], comments: [], warnings: 0, participation: f.participation, departments: [] })
      expect(f.participation).toMatchObject({ notices: 0, audience: 0, motions: 0, base: 0, shifts: 0, hoursTenths: 0 })
      return f
    })
  })
}
