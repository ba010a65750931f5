import { addressKey } from '@/domain/residents/address'
import { countRows, type Harness } from './harness'
import type { TestSql } from './sql'

import { COMMITTEE } from './demoUsers'

export { COMMITTEE, OTHER_COMMITTEE, OTHER_COMMUNITY_RESIDENT, STREET, UNVERIFIED, VERIFIED, WORKER } from './demoUsers'

/** Far beyond the real clock too: worker processes run on the system clock, and the times advance a motion by themselves. */
export const VOTE_FROM = '2025-03-02T00:00:00.000Z'
export const VOTE_UNTIL = '2099-01-01T00:00:00.000Z'

export interface Voter {
  id: string
  name: string
  householdId: string
}

/**
 * Inserts `n` verified residents of 锦江社区 straight into the store (faster than devLogin and in chosen
 * households). Names are distinctive (议事测试甲0001 …) so a scan can look for them. Where they live:
 *   - `households` given: voter i lives in households[i % households.length];
 *   - `ownHouseholds`: each in a new roster household listing 1 adult (call before the vote opens: the
 *     households' adults are frozen then);
 *   - else the community's roster households in turn, each only while its verified members are fewer than
 *     its 成年人数 (an adults motion takes no more ballots from a household); too little room throws.
 */
export async function addVoters(
  h: Harness,
  n: number,
  opts: { households?: string[]; ownHouseholds?: boolean; prefix?: string; rosterOnly?: boolean } = {},
): Promise<Voter[]> {
  const prefix = opts.prefix ?? '甲'
  const start = ((await h.sql.get('SELECT count(*) AS n FROM users')) as { n: number }).n
  const idOf = (i: number) => `u_vote_${prefix.codePointAt(0)}_${String(start + i).padStart(5, '0')}`
  const at = h.clock.now().toISOString()
  const out: Voter[] = []
  await h.sql.tx(async (db) => {
    const homes = opts.households ?? (opts.ownHouseholds ? await newHouseholds(db) : await rosterRoom(db))
    for (let i = 0; i < n; i++) {
      const householdId = homes[i % homes.length]!
      const grid = ((await db.get('SELECT grid_id FROM households WHERE id = ?', [householdId])) as { grid_id: string }).grid_id
      const name = `议事测试${prefix}${String(start + i).padStart(4, '0')}`
      await db.run(
        `INSERT INTO users (id, name, phone, openid, community_id, grid_id, household_id, verified, roster_only, created_at)
         VALUES (?, ?, NULL, NULL, 'c_jinjiang', ?, ?, ?, ?, ?)`,
        [idOf(i), name, grid, householdId, 1, opts.rosterOnly ? 1 : 0, at],
      )
      await db.run("INSERT INTO user_roles (user_id, role) VALUES (?, 'resident')", [idOf(i)])
      out.push({ id: idOf(i), name, householdId })
    }
  })
  return out

  async function newHouseholds(db: TestSql): Promise<string[]> {
    const ids: string[] = []
    for (let i = 0; i < n; i++) {
      const id = `h_${idOf(i)}`
      const room = String(start + i)
      await db.run(
        `INSERT INTO households (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name, adults, updated_at)
         VALUES (?, 'g_jj_1', '议事测试楼', '', ?, ?, '', ?, ?, 1, ?)`,
        [id, room, addressKey('议事测试楼', 'building'), addressKey(room, 'room'), `议事户主${prefix}${room}`, at],
      )
      ids.push(id)
    }
    return ids
  }

  /** One place per free adult of the roster, household after household in turn: exactly `n` of them. */
  async function rosterRoom(db: TestSql): Promise<string[]> {
    const rows = (await db.all(
      `SELECT h.id, coalesce(h.adults, 0) - (SELECT count(*) FROM users u WHERE u.household_id = h.id AND u.verified = ?) AS room
        FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = 'c_jinjiang' ORDER BY h.id`,
      [1],
    )) as { id: string; room: number }[]
    const places: string[] = []
    for (let pass = 0; places.length < n && rows.some((r) => r.room > pass); pass++) {
      for (const r of rows) if (r.room > pass && places.length < n) places.push(r.id)
    }
    if (places.length < n) throw new Error(`addVoters: the roster has room for ${places.length} more adults, not ${n}: use ownHouseholds before the vote opens`)
    return places
  }
}

export interface MotionSpec {
  kind?: 'rules' | 'matter'
  eligibility?: 'adults' | 'households'
  options?: string[]
  title?: string
}

/** A motion by 锦江社区's committee, advanced draft → consultation → voting. Returns its id. */
export async function openVote(h: Harness, spec: MotionSpec = {}): Promise<string> {
  const kind = spec.kind ?? 'rules'
  const created = await h.ok<{ id: string }>(
    'motion.create',
    {
      title: spec.title ?? '关于文明养犬的居民公约修订',
      preamble: '为维护小区环境，经居民代表提议，修订本公约。',
      articles: [{ text: '遛狗须牵绳。' }, { text: '及时清理犬只粪便。' }],
      kind,
      ...(kind === 'matter' ? { options: spec.options ?? ['方案一', '方案二', '方案三'] } : {}),
      eligibility: spec.eligibility ?? 'adults',
      consultUntil: '2025-03-01T12:00:00.000Z',
      voteFrom: VOTE_FROM,
      voteUntil: VOTE_UNTIL,
    },
    COMMITTEE,
  )
  await h.ok('motion.advance', { id: created.id }, COMMITTEE)
  await h.ok('motion.advance', { id: created.id }, COMMITTEE)
  return created.id
}

export async function closeVote(h: Harness, id: string): Promise<void> {
  await h.ok('motion.advance', { id }, COMMITTEE)
}

export { codes } from './race'

/** Every key path and primitive value of a JSON value, for scans. */
export function walk(value: unknown, visit: (key: string | null, v: unknown, parent: unknown) => void, key: string | null = null, parent: unknown = null): void {
  visit(key, value, parent)
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit, null, value))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, visit, k, value)
}

export async function ballotRows(h: Harness, motionId: string): Promise<number> {
  return ((await h.sql.get('SELECT count(*) AS n FROM motion_ballots WHERE motion_id = ?', [motionId])) as { n: number }).n
}

export async function voterRows(h: Harness, motionId: string): Promise<number> {
  return ((await h.sql.get('SELECT count(*) AS n FROM motion_voters WHERE motion_id = ?', [motionId])) as { n: number }).n
}

/** The tables a motion action may write, for "nothing written" checks. */
export const MOTION_TABLES = ['motions', 'motion_revisions', 'motion_comments', 'motion_voters', 'motion_ballots', 'community_rules', 'messages', 'audit_log', 'idempotency']

/** Row counts of MOTION_TABLES. */
export function motionTableCounts(h: Harness): Promise<Record<string, number>> {
  return countRows(h.sql, MOTION_TABLES)
}
