/**
 * The places the port-contract suites need and no repository writes (cities, districts, streets, communities, grids, roster
 * households): one tiny writer per engine, each inserting exactly the same rows. People are made through
 * users.create, the repository method both engines have.
 */
import type Database from 'better-sqlite3'
import type { Pool } from 'pg'
import { addressKey } from '@/domain/residents/address'

export interface CityRow {
  id: string
  name: string
  seq: number
}
export interface DistrictRow {
  id: string
  cityId: string
  name: string
  seq: number
}
export interface StreetRow {
  id: string
  name: string
  seq: number
  /** the district it is placed under (absent: none) */
  districtId?: string
}
export interface CommunityRow {
  id: string
  streetId: string
  name: string
  kind: 'community' | 'village'
  seq: number
}
export interface GridRow {
  id: string
  communityId: string
  name: string
  seq: number
  boundary: [number, number][] | null
  servicePhone: string | null
}
export interface HouseholdRow {
  id: string
  gridId: string
  building: string
  unit: string
  room: string
  headName: string
  adults: number | null
  phone: string | null
  updatedAt: string | null
}

export interface FixtureWriter {
  city(c: CityRow): Promise<void>
  district(d: DistrictRow): Promise<void>
  street(s: StreetRow): Promise<void>
  community(c: CommunityRow): Promise<void>
  grid(g: GridRow): Promise<void>
  household(h: HouseholdRow): Promise<void>
}

const SQL = {
  city: 'INSERT INTO cities (id, name, seq) VALUES ($1, $2, $3)',
  district: 'INSERT INTO districts (id, city_id, name, seq) VALUES ($1, $2, $3, $4)',
  street: 'INSERT INTO streets (id, name, seq, district_id) VALUES ($1, $2, $3, $4)',
  community: 'INSERT INTO communities (id, street_id, name, kind, seq) VALUES ($1, $2, $3, $4, $5)',
  grid: 'INSERT INTO grids (id, community_id, name, seq, boundary, service_phone) VALUES ($1, $2, $3, $4, $5, $6)',
  household: `INSERT INTO households
    (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name, adults, phone, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
}

/** The values of each row, in the column order of SQL above: the same for both engines. */
const VALUES = {
  city: (c: CityRow) => [c.id, c.name, c.seq],
  district: (d: DistrictRow) => [d.id, d.cityId, d.name, d.seq],
  street: (s: StreetRow) => [s.id, s.name, s.seq, s.districtId ?? null],
  community: (c: CommunityRow) => [c.id, c.streetId, c.name, c.kind, c.seq],
  grid: (g: GridRow) => [g.id, g.communityId, g.name, g.seq, g.boundary ? JSON.stringify(g.boundary) : null, g.servicePhone],
  household: (h: HouseholdRow) => [
    h.id, h.gridId, h.building, h.unit, h.room,
    addressKey(h.building, 'building'), addressKey(h.unit, 'unit'), addressKey(h.room, 'room'),
    h.headName, h.adults, h.phone, h.updatedAt,
  ],
}

type Kind = keyof typeof SQL

export function sqliteFixtures(db: Database.Database): FixtureWriter {
  // SQLite takes $1 … as named parameters "1" …: bind an object keyed by position
  const run = (kind: Kind, values: unknown[]) =>
    db.prepare(SQL[kind]).run(Object.fromEntries(values.map((v, i) => [String(i + 1), v])))
  return {
    async city(c) {
      run('city', VALUES.city(c))
    },
    async district(d) {
      run('district', VALUES.district(d))
    },
    async street(s) {
      run('street', VALUES.street(s))
    },
    async community(c) {
      run('community', VALUES.community(c))
    },
    async grid(g) {
      run('grid', VALUES.grid(g))
    },
    async household(h) {
      run('household', VALUES.household(h))
    },
  }
}

export function postgresFixtures(pool: Pool): FixtureWriter {
  return {
    async city(c) {
      await pool.query(SQL.city, VALUES.city(c))
    },
    async district(d) {
      await pool.query(SQL.district, VALUES.district(d))
    },
    async street(s) {
      await pool.query(SQL.street, VALUES.street(s))
    },
    async community(c) {
      await pool.query(SQL.community, VALUES.community(c))
    },
    async grid(g) {
      await pool.query(SQL.grid, VALUES.grid(g))
    },
    async household(h) {
      await pool.query(SQL.household, VALUES.household(h))
    },
  }
}
