// People of the community and their grids (the committee's 人员与网格员); the page opens MembersScreen directly.
export { useAssignGrids, useMembers, type MemberRoleFilter } from './useMembers'
