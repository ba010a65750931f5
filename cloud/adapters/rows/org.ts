import type { Tier } from '@/domain/shared/roles'
import type { CommunityChoiceRecord, CommunityOrderKey } from '../../shared/ports'

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

/** The district seq that puts streets under no district after every placed one (community.list's order). */
export const CHOICE_LAST_DISTRICT = 2147483647

/** A row of community.list's query, on either engine. */
export interface ChoiceRow {
  id: string
  name: string
  street_name: string
  district_name: string | null
  dseq: number
  did: string
  sseq: number
  sid: string
  cseq: number
}

export function toChoice(r: ChoiceRow): CommunityChoiceRecord {
  const key: CommunityOrderKey = [Number(r.dseq), r.did, Number(r.sseq), r.sid, Number(r.cseq), r.id]
  return { id: r.id, name: r.name, streetName: r.street_name, districtName: r.district_name, key }
}

