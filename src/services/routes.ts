/** Page paths in one place (tab pages in the main package, the rest in subpackages). */
export const ROUTES = {
  home: '/pages/index/index',
  report: '/pages/report/index',
  me: '/pages/me/index',
  login: '/packages/auth/login/index',
  chooseCommunity: '/packages/auth/community/index',
  noticeDetail: '/packages/notices/detail/index',
  noticePublish: '/packages/notices/publish/index',
  noticeStats: '/packages/notices/stats/index',
  residentApply: '/packages/residents/apply/index',
  volunteerApply: '/packages/residents/volunteer/index',
  workspace: '/packages/workspace/index/index',
  roster: '/packages/workspace/roster/index',
  households: '/packages/workspace/households/index',
  applications: '/packages/workspace/applications/index',
  members: '/packages/workspace/members/index',
  volunteers: '/packages/workspace/volunteers/index',
  grids: '/packages/workspace/grids/index',
  reportNew: '/packages/reports/new/index',
  reportDetail: '/packages/reports/detail/index',
  reportMine: '/packages/reports/mine/index',
  reportQueue: '/packages/reports/queue/index',
  reportArea: '/packages/reports/area/index',
  reportMediate: '/packages/reports/mediate/index',
  reportDeadlines: '/packages/reports/deadlines/index',
  meetingRecord: '/packages/meetings/record/index',
  messages: '/packages/messages/index/index',
  privacy: '/packages/legal/privacy/index',
  patrol: '/pages/patrol/index',
  shiftDetail: '/packages/patrols/detail/index',
  shiftSchedule: '/packages/patrols/schedule/index',
  shiftIncident: '/packages/patrols/incident/index',
  volunteerMine: '/packages/patrols/mine/index',
  contactHouseholds: '/packages/contacts/households/index',
  contactLog: '/packages/contacts/log/index',
  contactRaise: '/packages/contacts/raise/index',
  contactOverview: '/packages/contacts/overview/index',
  departmentQueue: '/packages/departments/queue/index',
  departments: '/packages/departments/manage/index',
} as const

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}
