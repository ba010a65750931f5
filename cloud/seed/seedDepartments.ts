import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import { DEFAULT_RESOLVE_DAYS } from '@/domain/reports'
import { messageTo, patchOf } from '../reports'
import { DEMO_CITY, DEMO_DISTRICT, DEMO_STREET } from './demoData'
import type { SeedWriter } from './ports'

const HOUR = 3600 * 1000

/** 联动's demo (issue 17): 振兴街道's 城管 with one officer, and one report 临江村 dispatched to it (待受理). */
export const DEMO_DEPARTMENT = { id: 'dep_demo_chengguan', name: '城管', categories: ['environment', 'facility', 'public_security'] }
export const DEMO_DEPARTMENT_MEMBER = { id: 'u_department_cg', name: '孟凡', phone: '13800000021' }
export const DEMO_DISPATCHED_REPORT = {
  id: 'r_demo_dispatched',
  gridId: 'g_lj_1',
  reporterId: 'u_resident_lj1',
  description: '村口桥头有流动摊贩长期占道经营，早高峰车辆和行人都过不去。',
  days: 5,
}

/** Written in the seed's transaction with report.create and report.change's own statements, as the API writes them. */
export async function seedDepartments(w: SeedWriter, now: Date): Promise<void> {
  const at = (h: number) => new Date(now.getTime() + h * HOUR)
  const created = at(-26)
  await w.run(
    `INSERT INTO users (id, name, phone, openid, community_id, grid_id, household_id, verified, created_at)
     VALUES (?, ?, ?, NULL, 'c_jinjiang', NULL, NULL, ?, ?)`,
    [DEMO_DEPARTMENT_MEMBER.id, DEMO_DEPARTMENT_MEMBER.name, DEMO_DEPARTMENT_MEMBER.phone, false, at(-24 * 30).toISOString()],
  )
  await w.run("INSERT INTO user_roles (user_id, role) VALUES (?, 'department')", [DEMO_DEPARTMENT_MEMBER.id])
  await w.run(
    `INSERT INTO departments (id, seq, name, street_id, district_id, categories, created_by, created_at) VALUES (?, 1, ?, ?, NULL, ?, 'u_street', ?)`,
    [DEMO_DEPARTMENT.id, DEMO_DEPARTMENT.name, DEMO_STREET.id, JSON.stringify(DEMO_DEPARTMENT.categories), at(-24 * 30).toISOString()],
  )
  await w.run('INSERT INTO department_members (user_id, department_id, added_by, added_at) VALUES (?, ?, ?, ?)', [
    DEMO_DEPARTMENT_MEMBER.id, DEMO_DEPARTMENT.id, 'u_street', at(-24 * 30).toISOString(),
  ])

  const d = DEMO_DISPATCHED_REPORT
  const out = await w.reports.create(
    {
      id: d.id,
      communityId: 'c_linjiang',
      streetId: DEMO_STREET.id,
      districtId: DEMO_DISTRICT.id,
      cityId: DEMO_CITY.id,
      gridId: d.gridId,
      reporterId: d.reporterId,
      category: 'environment',
      description: d.description,
      latitude: null,
      longitude: null,
      address: '临江村村口桥头',
      coordSource: null,
      anonymous: false,
      visibility: 'public',
      moderation: 'clean',
      assigneeId: null,
      acceptBy: acceptDeadline(created).toISOString(),
      resolveBy: resolveDeadline(created, DEFAULT_RESOLVE_DAYS.environment).toISOString(),
      createdAt: created.toISOString(),
    },
    [],
    [],
    null,
  )
  if (out.kind !== 'created') throw new Error(`seed ${d.id}: ${out.kind}`)
  const r = out.report
  const when = at(-25)
  const dueAt = resolveDeadline(when, d.days).toISOString()
  const res = await w.reports.change({
    id: r.id,
    version: r.version,
    patch: { ...patchOf(r), status: 'submitted', level: 'community', assigneeId: null, acceptBy: acceptDeadline(when).toISOString(), resolveBy: dueAt },
    at: when.toISOString(),
    event: { actorId: 'u_committee_lj', action: 'dispatch', note: `交办${DEMO_DEPARTMENT.name}，${d.days} 个工作日内办结：占道经营，请依职责处理`, toUserId: null },
    eventPhotoIds: [],
    photoOwnerId: 'u_committee_lj',
    messages: [
      messageTo({ ids: { newId: () => 'm_demo_dispatch' } }, DEMO_DEPARTMENT_MEMBER.id, r, '新的交办问题待受理', null, when.toISOString()),
    ],
    dispatch: { kind: 'open', id: 'dsp_demo_1', departmentId: DEMO_DEPARTMENT.id, level: 'community', by: 'u_committee_lj', days: d.days, dueAt },
  })
  if (res.kind !== 'done') throw new Error(`seed ${d.id} dispatch: ${res.kind}`)
}
