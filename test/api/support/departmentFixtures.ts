/**
 * Fixtures for the 联动 API tests (issue 17): a second street (城南街道, under no district) with a community and a
 * grid for the "other area" cases, a department created through the API and a member added to it.
 */
import type { DepartmentView } from '@/domain/departments'
import type { ReportView } from '@/domain/reports'
import type { Harness } from './harness'
import { makeReport, WHO, type ReportSpec } from './reportFixtures'

export const OTHER_STREET = { id: 'st_chengnan', communityId: 'c_nanhu', gridId: 'g_nh_1' }

/** 城南街道 › 南湖社区 › 第一网格, and its street's staff member. */
export async function addOtherStreet(h: Harness): Promise<{ streetStaff: string; committee: string; resident: string }> {
  await h.sql.exec(`
    INSERT INTO streets (id, name, seq) VALUES ('st_chengnan', '城南街道', 2);
    INSERT INTO communities (id, street_id, name, kind, seq) VALUES ('c_nanhu', 'st_chengnan', '南湖社区', 'community', 3);
    INSERT INTO grids (id, community_id, name, seq) VALUES ('g_nh_1', 'c_nanhu', '第一网格', 1);`)
  return {
    streetStaff: await h.devLogin({ role: 'street', communityId: OTHER_STREET.communityId }),
    committee: await h.devLogin({ role: 'committee', communityId: OTHER_STREET.communityId }),
    resident: await h.devLogin({ role: 'resident', communityId: OTHER_STREET.communityId, gridId: OTHER_STREET.gridId, verified: false }),
  }
}

let names = 0

/** A department of 振兴街道 (by its street staff) taking `categories`, with one new member; its id and the member's. */
export async function makeDepartment(
  h: Harness,
  opts: { name?: string; categories?: string[]; by?: string; members?: number; membersCommunity?: string } = {},
): Promise<{ department: DepartmentView; members: string[] }> {
  let department = await h.ok<DepartmentView>(
    'department.create',
    { name: opts.name ?? `城管${++names}`, categories: opts.categories ?? ['environment', 'facility'] },
    opts.by ?? WHO.street,
  )
  const members: string[] = []
  for (let i = 0; i < (opts.members ?? 1); i++) {
    const person = await h.devLogin({ role: 'resident', communityId: opts.membersCommunity ?? 'c_jinjiang', verified: false, name: `执法队员${names}-${i}` })
    department = await h.ok<DepartmentView>('department.addMember', { departmentId: department.id, userId: person }, opts.by ?? WHO.street)
    members.push(person)
  }
  return { department, members }
}

/** A report dispatched to `departmentId` by the 锦江 committee (its grid's report, taken to community level). */
export async function makeDispatched(
  h: Harness,
  departmentId: string,
  spec: ReportSpec & { days?: number; by?: string } = {},
): Promise<ReportView> {
  const r = await makeReport(h, { status: 'submitted', ...spec })
  return h.ok<ReportView>('report.dispatch', { id: r.id, departmentId, days: spec.days ?? 5, note: '请依职责处理' }, spec.by ?? WHO.committee)
}
