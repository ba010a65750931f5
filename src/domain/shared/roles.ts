export const ROLES = ['resident', 'volunteer', 'gridWorker', 'committee', 'street', 'district', 'city', 'department'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  gridWorker: '网格员',
  committee: '社区/村委会',
  street: '街道/乡镇',
  district: '区综治中心',
  city: '市综治中心',
  department: '职能部门',
}

/**
 * The levels above the community, lowest first: 街道, 区, 市 (市域). Their staff see and supervise everything below
 * them, the way a street sees its communities; a person acts at one of them.
 */
export const TIERS = ['street', 'district', 'city'] as const
export type Tier = (typeof TIERS)[number]

export const TIER_LABELS: Record<Tier, string> = { street: '街道', district: '区', city: '市' }

/** Where a person's community sits: its street, and the street's district and city (null where none is set). */
export interface OrgPlace {
  streetId: string | null
  districtId: string | null
  cityId: string | null
}

export const TIER_KEY = { street: 'streetId', district: 'districtId', city: 'cityId' } as const satisfies Record<Tier, keyof OrgPlace>

/** The highest tier the person acts at, or null for those who act in a community only. */
export function tierOf(roles: readonly Role[]): Tier | null {
  for (let i = TIERS.length - 1; i >= 0; i--) if (roles.includes(TIERS[i])) return TIERS[i]
  return null
}

/** The tier a person acts at and the id of its area where they are placed; null if neither. */
export function tierPlaceOf(person: { roles: readonly Role[] } & OrgPlace): { tier: Tier; id: string } | null {
  const tier = tierOf(person.roles)
  const id = tier ? person[TIER_KEY[tier]] : null
  return tier && id ? { tier, id } : null
}

export const isTier = (r: Role): r is Tier => (TIERS as readonly Role[]).includes(r)

/** Staff act for the community or above it; residents and volunteers live in it. */
export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'gridWorker' || r === 'committee' || isTier(r))
}

/** The roles of staff (isStaff): a person holding one of them is placed by whoever gave it, never by themselves. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => isStaff([r]))
