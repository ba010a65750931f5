/**
 * A city, generated (not kept in the repo): one 市 of DISTRICTS 区, each of STREETS / DISTRICTS 街道, 10 communities
 * each, 5 grids per community, 16 households and 40 residents per grid, a 网格员 per grid, a committee member per
 * community, a staff member per street and per district and one for the city;
 * then reports in index order, oldest first over two years, so that the bench can measure at 100,000 and go on to
 * 1,000,000. Deterministic: the same city and the same reports every run. Written with BulkWriter (either engine).
 */
import { addressKeys } from '@/domain/residents/address'
import { DEFAULT_RESOLVE_DAYS, REPORT_CATEGORIES, type ReportLevel, type ReportStatus } from '@/domain/reports'
import { acceptDeadline, dueAt, resolveDeadline } from '@/domain/reports/deadlines'
import type { BulkWriter } from './bulk'

const HOUR = 3600_000
const DAY = 24 * HOUR
export const SPAN_MS = 730 * DAY

export interface CityShape {
  districts: number
  streets: number
  communitiesPerStreet: number
  gridsPerCommunity: number
  householdsPerGrid: number
  residentsPerGrid: number
}

/** 10 districts × 10 streets × 10 communities × 5 grids = 5,000 grids; 40 residents each = 200,000 residents. */
export const CITY: CityShape = { districts: 10, streets: 100, communitiesPerStreet: 10, gridsPerCommunity: 5, householdsPerGrid: 16, residentsPerGrid: 40 }

const pad = (n: number, w: number) => String(n).padStart(w, '0')
export const CITY_ID = 'ct_bench'
export const CITY_STAFF_ID = 'u_city'
export const districtId = (d: number) => `d_${pad(d, 2)}`
export const districtStaffId = (d: number) => `u_d_${pad(d, 2)}`
export const streetId = (s: number) => `st_${pad(s, 3)}`
export const communityId = (c: number) => `c_${pad(c, 4)}`
export const gridId = (g: number) => `g_${pad(g, 5)}`
export const workerId = (g: number) => `u_w_${pad(g, 5)}`
export const committeeId = (c: number) => `u_c_${pad(c, 4)}`
export const streetStaffId = (s: number) => `u_s_${pad(s, 3)}`
export const residentId = (r: number) => `u_r_${pad(r, 6)}`
const householdId = (h: number) => `h_${pad(h, 6)}`

export const sizes = (shape: CityShape) => {
  const communities = shape.streets * shape.communitiesPerStreet
  const grids = communities * shape.gridsPerCommunity
  return { communities, grids, residents: grids * shape.residentsPerGrid, households: grids * shape.householdsPerGrid }
}

/** mulberry32: a small deterministic generator. */
export function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The organisation, households, residents and staff. */
export async function generateOrganisation(bulk: BulkWriter, shape: CityShape, now: number): Promise<void> {
  const { communities, grids, residents, households } = sizes(shape)
  const created = new Date(now - 800 * DAY).toISOString()
  const streetsPerDistrict = shape.streets / shape.districts
  await bulk.insert('cities', ['id', 'name', 'seq'], [[CITY_ID, '压测市', 0]])
  await bulk.insert('districts', ['id', 'city_id', 'name', 'seq'], Array.from({ length: shape.districts }, (_, d) => [districtId(d), CITY_ID, `第${d + 1}区`, d]))
  await bulk.insert(
    'streets',
    ['id', 'name', 'seq', 'district_id'],
    Array.from({ length: shape.streets }, (_, s) => [streetId(s), `第${s + 1}街道`, s, districtId(Math.floor(s / streetsPerDistrict))]),
  )
  await bulk.insert(
    'communities',
    ['id', 'street_id', 'name', 'kind', 'seq'],
    Array.from({ length: communities }, (_, c) => [communityId(c), streetId(Math.floor(c / shape.communitiesPerStreet)), `第${c + 1}社区`, c % 7 === 6 ? 'village' : 'community', c]),
  )
  await bulk.insert(
    'grids',
    ['id', 'community_id', 'name', 'seq'],
    Array.from({ length: grids }, (_, g) => [gridId(g), communityId(Math.floor(g / shape.gridsPerCommunity)), `第${(g % shape.gridsPerCommunity) + 1}网格`, g]),
  )
  const hh: unknown[][] = []
  for (let h = 0; h < households; h++) {
    const g = Math.floor(h / shape.householdsPerGrid)
    const [building, unit, room] = [`${1 + (h % 8)}栋`, `${1 + (h % 2)}单元`, `${101 + (h % shape.householdsPerGrid)}`]
    const k = addressKeys(building, unit, room)
    hh.push([householdId(h), gridId(g), building, unit, room, k.buildingKey, k.unitKey, k.roomKey, `户主${h}`, 2, null, created])
  }
  await bulk.insert('households', ['id', 'grid_id', 'building', 'unit', 'room', 'building_key', 'unit_key', 'room_key', 'head_name', 'adults', 'phone', 'updated_at'], hh)

  const users: unknown[][] = []
  const roles: unknown[][] = []
  const userGrids: unknown[][] = []
  for (let r = 0; r < residents; r++) {
    const g = Math.floor(r / shape.residentsPerGrid)
    const c = Math.floor(g / shape.gridsPerCommunity)
    const h = g * shape.householdsPerGrid + Math.floor(((r % shape.residentsPerGrid) * shape.householdsPerGrid) / shape.residentsPerGrid)
    users.push([residentId(r), `居民${r}`, null, communityId(c), gridId(g), householdId(h), 1, created])
    roles.push([residentId(r), 'resident'])
  }
  for (let g = 0; g < grids; g++) {
    users.push([workerId(g), `网格员${g}`, null, communityId(Math.floor(g / shape.gridsPerCommunity)), null, null, 1, created])
    roles.push([workerId(g), 'gridWorker'])
    userGrids.push([workerId(g), gridId(g)])
  }
  for (let c = 0; c < communities; c++) {
    users.push([committeeId(c), `社区工作人员${c}`, null, communityId(c), null, null, 1, created])
    roles.push([committeeId(c), 'committee'])
  }
  for (let s = 0; s < shape.streets; s++) {
    users.push([streetStaffId(s), `街道工作人员${s}`, null, communityId(s * shape.communitiesPerStreet), null, null, 1, created])
    roles.push([streetStaffId(s), 'street'])
  }
  for (let d = 0; d < shape.districts; d++) {
    users.push([districtStaffId(d), `区综治中心${d}`, null, communityId(d * streetsPerDistrict * shape.communitiesPerStreet), null, null, 1, created])
    roles.push([districtStaffId(d), 'district'])
  }
  users.push([CITY_STAFF_ID, '市综治中心', null, communityId(0), null, null, 1, created])
  roles.push([CITY_STAFF_ID, 'city'])
  await bulk.insert('users', ['id', 'name', 'phone', 'community_id', 'grid_id', 'household_id', 'verified', 'created_at'], users)
  await bulk.insert('user_roles', ['user_id', 'role'], roles)
  await bulk.insert('user_grids', ['user_id', 'grid_id'], userGrids)
}

const OPEN: ReportStatus[] = ['submitted', 'accepted', 'returned']

/** A report's status from its age: the last week still moving, up to a month some left open (overdue), older settled. */
function statusFor(ageMs: number, x: number): ReportStatus {
  if (ageMs < 6 * DAY) return x < 0.25 ? 'submitted' : x < 0.6 ? 'accepted' : x < 0.65 ? 'returned' : x < 0.9 ? 'resolved' : 'closed'
  if (ageMs < 30 * DAY) return x < 0.04 ? 'submitted' : x < 0.12 ? 'accepted' : x < 0.14 ? 'returned' : x < 0.95 ? 'closed' : 'withdrawn'
  return x < 0.9 ? 'closed' : x < 0.95 ? 'rejected' : 'withdrawn'
}

const REPORT_COLUMNS = [
  'seq', 'id', 'community_id', 'street_id', 'district_id', 'city_id', 'grid_id', 'reporter_id', 'category', 'description', 'latitude', 'longitude', 'address',
  'coord_source', 'anonymous', 'visibility', 'moderation', 'status', 'level', 'max_level', 'assignee_id', 'accept_by', 'resolve_by',
  'due_at', 'supporters', 'reopen_count', 'accepted_at', 'resolved_at', 'closed_at', 'rating', 'rating_comment', 'rated_at',
  'created_at', 'updated_at',
]

/**
 * Reports [from, to) of `total` over SPAN_MS ending at `now`, each with its 'create' event; written in batches.
 * Report i's seq is i + 1 (the store's insertion order), its time grows with i.
 */
export async function generateReports(bulk: BulkWriter, shape: CityShape, from: number, to: number, total: number, now: number): Promise<void> {
  const { grids } = sizes(shape)
  const BATCH = 20_000
  const iso = (t: number) => new Date(t).toISOString()
  for (let start = from; start < to; start += BATCH) {
    const reports: unknown[][] = []
    const events: unknown[][] = []
    for (let i = start; i < Math.min(to, start + BATCH); i++) {
      const rnd = random(i * 2654435761)
      const createdMs = now - 2 * HOUR - SPAN_MS + Math.floor(((i + rnd()) * SPAN_MS) / total)
      const created = new Date(createdMs)
      const g = Math.floor(rnd() * grids)
      const c = Math.floor(g / shape.gridsPerCommunity)
      const s = Math.floor(c / shape.communitiesPerStreet)
      const d = Math.floor(s / (shape.streets / shape.districts))
      const reporter = residentId(g * shape.residentsPerGrid + Math.floor(rnd() * shape.residentsPerGrid))
      const category = REPORT_CATEGORIES[Math.floor(rnd() * REPORT_CATEGORIES.length)]!
      const status = statusFor(now - createdMs, rnd())
      const y = rnd()
      const level: ReportLevel = y < 0.9 ? 'grid' : y < 0.97 ? 'community' : y < 0.99 ? 'street' : y < 0.997 ? 'district' : 'city'
      const assignee = { grid: workerId(g), community: committeeId(c), street: streetStaffId(s), district: districtStaffId(d), city: CITY_STAFF_ID }[level]
      const acceptBy = acceptDeadline(created).toISOString()
      const resolveBy = resolveDeadline(created, DEFAULT_RESOLVE_DAYS[category]).toISOString()
      const accepted = !['submitted', 'returned', 'withdrawn', 'rejected'].includes(status)
      const settled = status === 'resolved' || status === 'closed'
      const rated = status === 'closed' && rnd() < 0.55
      const id = `r_${pad(i, 7)}`
      reports.push([
        i + 1, id, communityId(c), streetId(s), districtId(d), CITY_ID, gridId(g), reporter, category, `问题 ${i}：楼道堆放杂物，影响通行，请尽快处理。`,
        30.6 + rnd() * 0.2, 104.0 + rnd() * 0.2, `${1 + (i % 30)}栋`, 'gcj02', rnd() < 0.2 ? 1 : 0,
        category === 'dispute' ? 'private' : 'public', 'clean', status, level, level, OPEN.includes(status) || accepted ? assignee : null,
        acceptBy, resolveBy, dueAt(status, acceptBy, resolveBy), Math.floor(rnd() * 3), 0,
        accepted ? iso(Math.min(now - HOUR, createdMs + HOUR)) : null,
        settled ? iso(Math.min(now - HOUR, createdMs + 2 * DAY)) : null,
        status === 'closed' ? iso(Math.min(now, createdMs + 9 * DAY)) : null,
        rated ? 1 + Math.floor(rnd() * 5) : null, rated ? '处理及时' : null, rated ? iso(Math.min(now, createdMs + 3 * DAY)) : null,
        iso(createdMs), iso(Math.min(now, createdMs + 3 * DAY)),
      ])
      events.push([id, iso(createdMs), reporter, 'create', 'submitted', 'grid'])
    }
    await bulk.insert('reports', REPORT_COLUMNS, reports)
    await bulk.insert('report_events', ['report_id', 'at', 'actor_id', 'action', 'status', 'level'], events)
  }
}
