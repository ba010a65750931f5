import { addressKey } from '@/domain/residents/address'
import { DEFAULT_RESOLVE_DAYS } from '@/domain/reports'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import { REPORT_FLOW } from '@/domain/reports/flow'
import type { Db } from '../adapters/sqlite/open'
import { reportStatements } from '../adapters/sqlite/reports'
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
  DEMO_STREET,
  DEMO_USERS,
  DEMO_VOLUNTEER_APPLICATIONS,
  demoGridBoundary,
  demoHouseholds,
} from './demoData'
import { seedMotions } from './seedMotions'
import { seedShifts } from './seedPatrols'

const HOUR = 3600 * 1000

/**
 * Loads the demo organisation, users, notices, reports and shifts into an empty database (one transaction),
 * then the demo motions through the motion store (its own transactions, so after that one). Resolves to false
 * if the database was not empty.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<boolean> {
  if (!seedBase(db, now)) return false
  // some forty small commits of demo data: without an fsync each (20 ms, not 100), then one checkpoint makes them durable
  const sync = db.pragma('synchronous', { simple: true }) as number
  db.pragma('synchronous = NORMAL')
  try {
    await seedMotions(db, now)
  } catch (err) {
    throw new Error(`演示议题写入失败，请运行 npm run seed -- --reset 重建：${(err as Error).message}`, { cause: err })
  } finally {
    db.pragma(`synchronous = ${sync}`)
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
  return true
}

function seedBase(db: Db, now: Date): boolean {
  const run = db.transaction(() => {
    const existing = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM communities').get()
    if (existing && existing.n > 0) return false
    const at = (h: number) => new Date(now.getTime() + h * HOUR).toISOString()
    db.prepare('INSERT INTO streets (id, name, seq) VALUES (?, ?, 0)').run(DEMO_STREET.id, DEMO_STREET.name)
    const community = db.prepare('INSERT INTO communities (id, street_id, name, kind, seq) VALUES (?, ?, ?, ?, ?)')
    DEMO_COMMUNITIES.forEach((c, i) => community.run(c.id, DEMO_STREET.id, c.name, c.kind, i))
    const grid = db.prepare('INSERT INTO grids (id, community_id, name, seq, boundary, service_phone) VALUES (?, ?, ?, ?, ?, ?)')
    DEMO_GRIDS.forEach((g, i) => grid.run(g.id, g.communityId, g.name, i, JSON.stringify(demoGridBoundary(g.id)), g.servicePhone))
    const keys = (building: string, unit: string, room: string) =>
      [addressKey(building, 'building'), addressKey(unit, 'unit'), addressKey(room, 'room')] as const
    const household = db.prepare(`INSERT INTO households
      (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name, adults, phone, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    for (const h of demoHouseholds()) {
      household.run(h.id, h.gridId, h.building, h.unit, h.room, ...keys(h.building, h.unit, h.room), h.headName, h.adults, h.phone,
        at(-24 * 40))
    }

    const user = db.prepare(`INSERT INTO users (id, name, phone, openid, community_id, grid_id, household_id, verified, created_at)
      VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)`)
    const role = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)')
    const userGrid = db.prepare('INSERT INTO user_grids (user_id, grid_id) VALUES (?, ?)')
    for (const u of DEMO_USERS) {
      user.run(u.id, u.name, u.phone, u.communityId, u.gridId, u.householdId, u.verified ? 1 : 0, at(-24 * 30))
      for (const r of u.roles) role.run(u.id, r)
      for (const g of u.workerGridIds) userGrid.run(u.id, g)
    }

    const communityOf = new Map(DEMO_GRIDS.map((g) => [g.id, g.communityId]))
    const application = db.prepare(`INSERT INTO resident_applications
      (id, user_id, community_id, grid_id, building, unit, room, building_key, unit_key, room_key, name, relation, status,
       household_id, created_at, reviewed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    for (const a of DEMO_RESIDENT_APPLICATIONS) {
      application.run(a.id, a.userId, communityOf.get(a.gridId), a.gridId, a.building, a.unit, a.room,
        ...keys(a.building, a.unit, a.room), a.name, a.relation,
        a.status, a.householdId, at(a.atHours), a.status === 'pending' ? null : at(a.atHours + 2))
    }
    const volunteer = db.prepare(`INSERT INTO volunteer_applications (id, user_id, community_id, skills, availability, status, created_at)
      VALUES (?, ?, ?, ?, ?, 'pending', ?)`)
    for (const v of DEMO_VOLUNTEER_APPLICATIONS) volunteer.run(v.id, v.userId, v.communityId, v.skills, v.availability, at(v.atHours))

    const notice = db.prepare(`INSERT INTO notices (id, community_id, author_id, title, body, category, pinned, important,
      whole_community, publish_at, expire_at, withdrawn_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`)
    const scope = db.prepare('INSERT INTO notice_grids (notice_id, grid_id) VALUES (?, ?)')
    for (const n of DEMO_NOTICES) {
      const publishAt = at(n.publishInHours)
      notice.run(
        n.id,
        n.communityId,
        n.authorId,
        n.title,
        n.body,
        n.category,
        n.pinned ? 1 : 0,
        n.important ? 1 : 0,
        n.gridIds ? 0 : 1,
        publishAt,
        n.expireInHours === null ? null : at(n.publishInHours + n.expireInHours),
        at(Math.min(n.publishInHours, 0)),
      )
      for (const g of n.gridIds ?? []) scope.run(n.id, g)
    }
    seedReports(db, now)
    seedShifts(db, now)
    return true
  })
  return run.immediate()
}

/**
 * The demo reports, written through the report store's own statements (inside the seed's transaction):
 * the same rows, events and messages the API would write.
 */
function seedReports(db: Db, now: Date): void {
  const st = reportStatements(db)
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
  const street = DEMO_STREET.id
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
    const out = st.create(
      {
        id: d.id,
        communityId: DEMO_GRIDS.find((g) => g.id === d.gridId)!.communityId,
        streetId: street,
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
      const res = st.change({
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
