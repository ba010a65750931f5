export const ROLES = ['resident', 'volunteer', 'gridWorker', 'committee', 'street'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  gridWorker: '网格员',
  committee: '社区/村委会',
  street: '街道/乡镇',
}

/** Staff act for the community; residents and volunteers live in it. */
export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'gridWorker' || r === 'committee' || r === 'street')
}
