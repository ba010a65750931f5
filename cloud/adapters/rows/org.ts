import type { Tier } from '@/domain/shared/roles'

/**
 * The organisation above the community as both engines read it: the communities under a street, district or
 * city (`param` is the engine's placeholder for the area's id), and the joins that give a community's district
 * and city (`c` the community's alias; adds `s` and `d`).
 */
export function communitiesUnderSql(tier: Tier, param: string): string {
  if (tier === 'street') return `SELECT id FROM communities WHERE street_id = ${param}`
  if (tier === 'district') return `SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = ${param}`
  return `SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id JOIN districts d ON d.id = s.district_id WHERE d.city_id = ${param}`
}

export const PLACE_JOINS = 'LEFT JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id'
export const PLACE_COLUMNS = 'c.street_id AS street_id, s.district_id AS district_id, d.city_id AS city_id'
