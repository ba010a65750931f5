import { addressKey } from '@/domain/residents/address'
import { DEFAULT_RESOLVE_DAYS } from '@/domain/reports'
import { excerptOf } from '@/domain/notices'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import { REPORT_FLOW } from '@/domain/reports/flow'
import type { NewMessage } from '../messages'
import type { ReportRecord } from '../reports'
import { messageTo, patchOf, reporterTitle } from '../reports'
import {
  DEMO_COMMUNITIES,
  DEMO_GRIDS,
  DEMO_GRID_CENTRES,
  DEMO_NOTICES,
  DEMO_REPORTS,
  DEMO_RESIDENT_APPLICATIONS,
  DEMO_CITY,
  DEMO_DISTRICT,
  DEMO_STREET,
  DEMO_USERS,
  DEMO_VOLUNTEER_APPLICATIONS,
  demoGridBoundary,
  demoHouseholds,
} from './demoData'
import type { SeedEngine, SeedWriter } from './ports'
import { seedMotions } from './seedMotions'
import { seedShifts } from './seedPatrols'
import { seedVisits } from './seedVisits'
import { seedPoints } from './seedPoints'
import { seedCallouts } from './seedCallouts'
import { seedMeetings } from './seedMeetings'
import { seedContacts } from './seedContacts'
import { seedDepartments } from './seedDepartments'
import { seedWarnings } from './seedWarnings'

const HOUR = 3600 * 1000

/**
 * Writes the demo 街道 into an empty database of either engine: the organisation, users, notices, reports and
 * shifts in one transaction, then the demo motions through the motion store (its own transactions, so after that
 * one). Resolves to false, writing nothing, when the database has a community already.
 */
export async function writeDemo(engine: SeedEngine, now: Date = new Date()): Promise<boolean> {
  if (!(await engine.intoEmpty((w) => seedBase(w, now)))) return false
  try {
    await seedMotions(engine, now)
  } catch (err) {
    throw new Error(`演示议题写入失败，请运行 npm run seed -- --reset 重建：${(err as Error).message}`, { cause: err })
  }
  return true
}

async function seedBase(w: SeedWriter, now: Date): Promise<void> {
  const at = (h: number) => new Date(now.getTime() + h * HOUR).toISOString()
  await w.run('INSERT INTO cities (id, name, seq) VALUES (?, ?, 0)', [DEMO_CITY.id, DEMO_CITY.name])
  await w.run('INSERT INTO districts (id, city_id, name, seq) VALUES (?, ?, ?, 0)', [DEMO_DISTRICT.id, DEMO_CITY.id, DEMO_DISTRICT.name])
  await w.run('INSERT INTO streets (id, name, seq, district_id) VALUES (?, ?, 0, ?)', [DEMO_STREET.id, DEMO_STREET.name, DEMO_DISTRICT.id])
  for (const [i, c] of DEMO_COMMUNITIES.entries()) {
    await w.run('INSERT INTO communities (id, street_id, name, kind, seq) VALUES (?, ?, ?, ?, ?)', [c.id, DEMO_STREET.id, c.name, c.kind, i])
  }
  for (const [i, g] of DEMO_GRIDS.entries()) {
    await w.run('INSERT INTO grids (id, community_id, name, seq, boundary, service_phone) VALUES (?, ?, ?, ?, ?, ?)', [
      g.id, g.communityId, g.name, i, JSON.stringify(demoGridBoundary(g.id)), g.servicePhone,
    ])
  }
  const keys = (building: string, unit: string, room: string) => [addressKey(building, 'building'), addressKey(unit, 'unit'), addressKey(room, 'room')]
  for (const h of demoHouseholds()) {
    await w.run(
      `INSERT INTO households (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name, adults, phone, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [h.id, h.gridId, h.building, h.unit, h.room, ...keys(h.building, h.unit, h.room), h.headName, h.adults, h.phone, at(-24 * 40)],
    )
  }

  for (const u of DEMO_USERS) {
    await w.run(
      `INSERT INTO users (id, name, phone, openid, community_id, grid_id, household_id, verified, created_at)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
      [u.id, u.name, u.phone, u.communityId, u.gridId, u.householdId, u.verified, at(-24 * 30)],
    )
    for (const r of u.roles) await w.run('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [u.id, r])
    for (const g of u.workerGridIds) await w.run('INSERT INTO user_grids (user_id, grid_id) VALUES (?, ?)', [u.id, g])
  }

  const communityOf = new Map(DEMO_GRIDS.map((g) => [g.id, g.communityId]))
  for (const a of DEMO_RESIDENT_APPLICATIONS) {
    await w.run(
      `INSERT INTO resident_applications (id, user_id, community_id, grid_id, building, unit, room, building_key, unit_key,
         room_key, name, relation, status, household_id, created_at, reviewed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        a.id, a.userId, communityOf.get(a.gridId), a.gridId, a.building, a.unit, a.room, ...keys(a.building, a.unit, a.room),
        a.name, a.relation, a.status, a.householdId, at(a.atHours), a.status === 'pending' ? null : at(a.atHours + 2),
      ],
    )
  }
  for (const v of DEMO_VOLUNTEER_APPLICATIONS) {
    await w.run(
      `INSERT INTO volunteer_applications (id, user_id, community_id, skills, availability, status, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
      [v.id, v.userId, v.communityId, v.skills, v.availability, at(v.atHours)],
    )
  }

  for (const n of DEMO_NOTICES) {
    await w.run(
      `INSERT INTO notices (id, community_id, author_id, title, body, excerpt, category, pinned, important, whole_community, publish_at,
         expire_at, withdrawn_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      [
        n.id, n.communityId, n.authorId, n.title, n.body, excerptOf(n.body), n.category, n.pinned, n.important, !n.gridIds, at(n.publishInHours),
        n.expireInHours === null ? null : at(n.publishInHours + n.expireInHours), at(Math.min(n.publishInHours, 0)),
      ],
    )
    for (const g of n.gridIds ?? []) await w.run('INSERT INTO notice_grids (notice_id, grid_id) VALUES (?, ?)', [n.id, g])
  }
  await seedReports(w, now)
  await seedShifts(w, now)
  await seedVisits(w, now)
  await seedMeetings(w, now)
  await seedContacts(w, now)
  await seedDepartments(w, now)
  await seedPoints(w, now)
  await seedWarnings(w, now)
  await seedCallouts(w, now)
}

/** The demo reports, written with report.create and report.change's own statements: the rows, events and messages the API writes. */
async function seedReports(w: SeedWriter, now: Date): Promise<void> {
  const at = (h: number) => new Date(now.getTime() + h * HOUR)
  let n = 0
  const ids = () => `m_demo_${String(++n).padStart(3, '0')}`
  const msg = (userId: string, r: ReportRecord, title: string, note: string | null, when: string): NewMessage =>
    messageTo({ ids: { newId: ids } }, userId, r, title, note, when)
  const worker = new Map<string, string>([
    ['g_jj_1', 'u_worker_jj1'],
    ['g_jj_2', 'u_worker_jj2'],
    ['g_jj_3', 'u_worker_jj2'],
  ])
  for (const d of DEMO_REPORTS) {
    const created = at(d.atHours)
    const c = DEMO_GRID_CENTRES[d.gridId]!
    const point = d.offset
      ? {
          latitude: c.latitude + d.offset[1] / 111_320,
          longitude: c.longitude + d.offset[0] / (111_320 * Math.cos((c.latitude * Math.PI) / 180)),
        }
      : null
    const assigneeId = worker.get(d.gridId) ?? null
    const base = { id: d.id, category: d.category, description: d.description }
    const out = await w.reports.create(
      {
        id: d.id,
        communityId: DEMO_GRIDS.find((g) => g.id === d.gridId)!.communityId,
        streetId: DEMO_STREET.id,
        districtId: DEMO_DISTRICT.id,
        cityId: DEMO_CITY.id,
        gridId: d.gridId,
        reporterId: d.reporterId,
        category: d.category,
        description: d.description,
        latitude: point?.latitude ?? null,
        longitude: point?.longitude ?? null,
        address: d.address,
        coordSource: point ? 'gcj02' : null,
        anonymous: d.anonymous,
        visibility: d.visibility,
        moderation: 'clean',
        assigneeId,
        acceptBy: acceptDeadline(created).toISOString(),
        resolveBy: resolveDeadline(created, DEFAULT_RESOLVE_DAYS[d.category]).toISOString(),
        createdAt: created.toISOString(),
      },
      [],
      assigneeId ? [msg(assigneeId, base as ReportRecord, '新的随手拍问题待受理', null, created.toISOString())] : [],
      null,
    )
    if (out.kind !== 'created') throw new Error(`seed report ${d.id}: ${out.kind}`)
    let r = out.report
    for (const step of d.steps) {
      const when = at(step.atHours).toISOString()
      const patch = { ...patchOf(r), status: REPORT_FLOW[step.action].to ?? r.status }
      if (step.action === 'accept') Object.assign(patch, { acceptedAt: when, assigneeId: step.actorId })
      if (step.action === 'resolve') patch.resolvedAt = when
      const title = reporterTitle(step.action, r.level)
      const res = await w.reports.change({
        id: r.id,
        version: r.version,
        patch,
        at: when,
        event: { actorId: step.actorId, action: step.action, note: step.note, toUserId: null },
        eventPhotoIds: [],
        photoOwnerId: step.actorId,
        messages: title ? [msg(r.reporterId, r, title, step.note, when)] : [],
      })
      if (res.kind !== 'done') throw new Error(`seed report ${d.id} ${step.action}: ${res.kind}`)
      r = res.report
    }
  }
}
