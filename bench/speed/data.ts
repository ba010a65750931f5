/**
 * The data `npm run bench` runs on, straight into a fresh SQLite file: the demo, USERS verified residents of
 * 锦江社区 第一网格 (also volunteers, two to a roster household), NOTICES notices to the whole community (every
 * other one important), SHIFTS patrol shifts next month and MOTIONS rules motions open for voting. Reports are
 * made over HTTP once the server runs (see speed.ts), so that they are exactly what report.create writes.
 */
import { openSqliteStore, type SqliteStore } from '../../cloud/adapters/sqlite/store'
import { seedDemo } from '../../cloud/seed/seedSqlite'
import { DEMO_GRID_CENTRES } from '../../cloud/seed/demoData'
import type { AuditEntry } from '../../cloud/shared/ports'
import { addressKey } from '@/domain/residents/address'

export const USERS = Number(process.env.BENCH_USERS ?? 6000)
export const NOTICES = 40
export const SHIFTS = 40
export const MOTIONS = 20
export const COMMUNITY = 'c_jinjiang'
export const COMMITTEE = 'u_committee_jj'
export const WORKER = 'u_worker_jj1'
const DAY = 24 * 3600_000

export interface BenchData {
  users: string[]
  /** the important notices: notice.confirm's targets */
  important: string[]
  shifts: string[]
  motions: string[]
}

async function openMotion(store: SqliteStore, id: string, now: Date): Promise<void> {
  const at = now.toISOString()
  const audit: AuditEntry = { at, actorId: COMMITTEE, action: 'motion.create', targetType: 'motion', targetId: id, communityId: COMMUNITY }
  await store.motions.create(
    { id, communityId: COMMUNITY, authorId: COMMITTEE, title: `压测议题 ${id}`, preamble: null,
      articles: Array.from({ length: 8 }, (_, i) => ({ text: `第${i + 1}条 压测条款：居民应当爱护公共设施，文明饲养宠物，不高空抛物。` })),
      kind: 'rules', options: null, eligibility: 'adults', consultUntil: null, voteFrom: at,
      voteUntil: new Date(now.getTime() + 30 * DAY).toISOString(), createdAt: at },
    audit,
    null,
  )
  for (const from of ['draft', 'consultation'] as const) {
    if (!(await store.motions.advance(id, from, at, () => [], null))) throw new Error(`could not advance ${id} from ${from}`)
  }
}

export async function prepare(file: string): Promise<BenchData> {
  const store = openSqliteStore(file)
  await seedDemo(store.db)
  const db = store.db
  const now = new Date()
  const at = now.toISOString()
  const household = db.prepare(`INSERT INTO households (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name, adults, updated_at)
    VALUES (?, 'g_jj_1', '压测楼', '', ?, ?, '', ?, ?, 50, ?)`)
  const user = db.prepare(`INSERT INTO users (id, name, community_id, grid_id, household_id, verified, roster_only, created_at)
    VALUES (?, ?, ?, 'g_jj_1', ?, 1, 0, ?)`)
  const role = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)')
  const shift = db.prepare(`INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, 300, ?, ?, 200, ?, ?)`)
  const c = DEMO_GRID_CENTRES['g_jj_1']!
  const data: BenchData = { users: [], important: [], shifts: [], motions: [] }
  db.transaction(() => {
    for (let i = 0; i < USERS; i++) {
      const hh = `bench_h_${String(i >> 1).padStart(6, '0')}`
      const room = String((i >> 1) + 1)
      if (i % 2 === 0) household.run(hh, room, addressKey('压测楼', 'building'), addressKey(room, 'room'), `压测户主${i}`, at)
      const id = `bench_u_${String(i).padStart(6, '0')}`
      user.run(id, `压测居民${i}`, COMMUNITY, hh, at)
      role.run(id, 'resident')
      role.run(id, 'volunteer')
      data.users.push(id)
    }
    for (let i = 0; i < SHIFTS; i++) {
      const start = now.getTime() + (7 + i / 2) * DAY
      const id = `bench_s_${String(i).padStart(3, '0')}`
      shift.run(id, COMMUNITY, `压测巡逻班次 ${i}`, c.latitude, c.longitude, new Date(start).toISOString(), new Date(start + 2 * 3600_000).toISOString(), COMMITTEE, at)
      data.shifts.push(id)
    }
  })()
  for (let i = 0; i < NOTICES; i++) {
    const id = `bench_n_${String(i).padStart(3, '0')}`
    const t = new Date(now.getTime() - (NOTICES - i) * 60_000).toISOString()
    await store.notices.publish(
      { id, communityId: COMMUNITY, authorId: COMMITTEE, title: `压测通知 ${i}`, body: '这是一条用于压测的通知正文。'.repeat(8), category: 'notice',
        pinned: false, important: i % 2 === 0, gridIds: null, publishAt: t, expireAt: null, createdAt: t },
      { at: t, actorId: COMMITTEE, action: 'notice.publish', targetType: 'notice', targetId: id, communityId: COMMUNITY },
      null,
    )
    if (i % 2 === 0) data.important.push(id)
  }
  for (let i = 0; i < MOTIONS; i++) {
    const id = `bench_m_${String(i).padStart(3, '0')}`
    await openMotion(store, id, now)
    data.motions.push(id)
  }
  db.exec('ANALYZE')
  store.close()
  return data
}
