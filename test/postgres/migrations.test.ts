/**
 * The PostgreSQL schema is SQLite's: the same migrations (versions and names), and after them the same tables,
 * columns (with their nullability and a matching type), primary keys, unique constraints and named indexes
 * (unique or not, partial or not, on the same columns). Then: applying is once only, across processes too, a
 * failure leaves nothing behind, and the few rules PostgreSQL states differently (NOT NULL for SQLite's
 * triggers, a replaced CHECK for SQLite's table rebuilds) refuse what SQLite refuses.
 */
import path from 'node:path'
import pg from 'pg'
import type Database from 'better-sqlite3'
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../../cloud/adapters/sqlite/migrations'
import { REPORT_INDEXES_REPLACED_IN_018 } from '../../cloud/adapters/sqlite/migrations/018_cheaper_report_writes'
import { openDb } from '../../cloud/adapters/sqlite/open'
import { MIGRATIONS as PG_MIGRATIONS } from '../../cloud/adapters/postgres/migrations'
import { migratePostgres } from '../../cloud/adapters/postgres/migrate'
import { createPool } from '../../cloud/adapters/postgres/pool'
import { openPostgresStore } from '../../cloud/adapters/postgres/store'
import { tempDir } from '../api/support/harness'
import { freshPgDatabase } from '../support/postgres'

// each test starts processes or databases on a shared two-core machine
jest.setTimeout(30_000)

const VERSIONS = SQLITE_MIGRATIONS.map((m) => m.version)

interface Shape {
  tables: string[]
  /** table → column → "type nullability" */
  columns: Record<string, Record<string, { type: string; notNull: boolean }>>
  primaryKeys: string[]
  uniques: string[]
  /** named indexes (not those behind a key or unique constraint) */
  indexes: string[]
}

// SQLite's storage class → the PostgreSQL types it may become (migrations/migration.ts says which and why)
const TYPES: Record<string, string[]> = {
  TEXT: ['text', 'timestamp with time zone', 'date'],
  INTEGER: ['integer', 'bigint', 'boolean'],
  REAL: ['double precision'],
  BLOB: ['bytea'],
}
// SQLite refuses NULL in these with triggers (it cannot add NOT NULL to a column); PostgreSQL says NOT NULL
const NOT_NULL_BY_TRIGGER = ['households.building_key', 'households.unit_key', 'households.room_key',
  'resident_applications.building_key', 'resident_applications.unit_key', 'resident_applications.room_key',
  // 012: seq, which a SQLite trigger fills with the rowid (and another keeps from NULL); PostgreSQL's identity column
  'resident_applications.seq', 'volunteer_applications.seq']

function sqliteShape(db: Database.Database): Shape {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
  const shape: Shape = { tables, columns: {}, primaryKeys: [], uniques: [], indexes: [] }
  for (const t of tables) {
    const cols = db.prepare(`SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?)`).all(t) as { name: string; type: string; nn: number; pk: number }[]
    shape.columns[t] = Object.fromEntries(
      cols.map((c) => [c.name, { type: c.type, notNull: c.nn === 1 || c.pk > 0 || NOT_NULL_BY_TRIGGER.includes(`${t}.${c.name}`) }]),
    )
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)
    if (pk.length > 0) shape.primaryKeys.push(`${t}(${pk.join(',')})`)
    const list = db.prepare('SELECT name, "unique" AS u, origin, partial FROM pragma_index_list(?)').all(t) as { name: string; u: number; origin: string; partial: number }[]
    for (const ix of list) {
      const cols = (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(ix.name) as { name: string }[]).map((c) => c.name)
      if (ix.origin === 'u') shape.uniques.push(`${t}(${cols.join(',')})`)
      if (ix.origin === 'c') shape.indexes.push(`${ix.name} ON ${t}(${cols.join(',')})${ix.u ? ' unique' : ''}${ix.partial ? ' partial' : ''}`)
    }
  }
  for (const k of ['primaryKeys', 'uniques', 'indexes'] as const) shape[k].sort()
  return shape
}

async function postgresShape(c: pg.ClientBase): Promise<Shape> {
  const tables = (await c.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")).rows.map((r) => r.t)
  const shape: Shape = { tables, columns: {}, primaryKeys: [], uniques: [], indexes: [] }
  const cols = await c.query<{ t: string; c: string; type: string; nullable: string }>(
    "SELECT table_name AS t, column_name AS c, data_type AS type, is_nullable AS nullable FROM information_schema.columns WHERE table_schema = 'public'",
  )
  for (const r of cols.rows) (shape.columns[r.t] ??= {})[r.c] = { type: r.type, notNull: r.nullable === 'NO' }
  const keys = await c.query<{ t: string; kind: string; cols: string[] }>(`
    SELECT t.relname AS t, k.contype AS kind,
      (SELECT array_agg(a.attname::text ORDER BY o.n) FROM unnest(k.conkey) WITH ORDINALITY o(attnum, n)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = o.attnum) AS cols
    FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace s ON s.oid = t.relnamespace
    WHERE s.nspname = 'public' AND k.contype IN ('p', 'u')`)
  for (const k of keys.rows) (k.kind === 'p' ? shape.primaryKeys : shape.uniques).push(`${k.t}(${k.cols.join(',')})`)
  const ixs = await c.query<{ name: string; t: string; uniq: boolean; partial: boolean; cols: string[] }>(`
    SELECT i.relname AS name, t.relname AS t, x.indisunique AS uniq, x.indpred IS NOT NULL AS partial,
      (SELECT array_agg(a.attname::text ORDER BY o.n) FROM unnest(x.indkey::int2[]) WITH ORDINALITY o(attnum, n)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = o.attnum) AS cols
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace s ON s.oid = t.relnamespace
    WHERE s.nspname = 'public'
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u'))`)
  for (const ix of ixs.rows) shape.indexes.push(`${ix.name} ON ${ix.t}(${ix.cols.join(',')})${ix.uniq ? ' unique' : ''}${ix.partial ? ' partial' : ''}`)
  for (const k of ['primaryKeys', 'uniques', 'indexes'] as const) shape[k].sort()
  return shape
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await f(c)
  } finally {
    await c.end()
  }
}

test('the PostgreSQL migrations are SQLite’s: the same versions, in order, with the same names', () => {
  expect(PG_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(SQLITE_MIGRATIONS.map((m) => [m.version, m.name]))
})

test('on an empty database every version applies once and the schema matches SQLite’s', async () => {
  const url = await freshPgDatabase()
  const store = await openPostgresStore(url, { poolSize: 2 })
  try {
    expect(store.applied).toEqual(VERSIONS)
    expect(await store.schemaVersion()).toBe(VERSIONS[VERSIONS.length - 1])
  } finally {
    await store.close()
  }
  const again = await openPostgresStore(url, { poolSize: 2 })
  expect(again.applied).toEqual([])
  await again.close()

  const sqlite = openDb(path.join(tempDir(), 'shape.db'))
  const expected = sqliteShape(sqlite)
  sqlite.close()
  const actual = await withClient(url, postgresShape)

  expect(actual.tables).toEqual(expected.tables)
  for (const t of expected.tables) {
    expect({ t, columns: Object.keys(actual.columns[t] ?? {}).sort() }).toEqual({ t, columns: Object.keys(expected.columns[t]!).sort() })
    for (const [name, col] of Object.entries(expected.columns[t]!)) {
      const got = actual.columns[t]![name]!
      expect({ column: `${t}.${name}`, notNull: got.notNull }).toEqual({ column: `${t}.${name}`, notNull: col.notNull })
      expect({ column: `${t}.${name}`, typeFits: TYPES[col.type]?.includes(got.type) ?? false, got: got.type }).toMatchObject({ typeFits: true })
    }
  }
  // SQLite's INTEGER PRIMARY KEY is the rowid (no index); PostgreSQL's identity key has its constraint: both list it
  expect(actual.primaryKeys).toEqual(expected.primaryKeys)
  expect(actual.uniques).toEqual(expected.uniques)
  // the report indexes differ on purpose (migration 018): SQLite walks one covering index per area, PostgreSQL keeps
  // one per filter (it checks non-key columns only after a heap fetch); every other index is the same on both
  const onReports = (ix: string) => ix.includes(' ON reports(')
  const name = (ix: string) => ix.slice(0, ix.indexOf(' '))
  expect(actual.indexes.filter((ix) => !onReports(ix))).toEqual(expected.indexes.filter((ix) => !onReports(ix)))
  const sqliteOnly = ['reports_community_cover', 'reports_street_cover', 'reports_district_cover', 'reports_city_cover', 'reports_grid_cover', 'reports_queue_community', 'reports_queue_street', 'reports_queue_district', 'reports_queue_city', 'reports_due']
  const shared = expected.indexes.filter((ix) => onReports(ix) && !sqliteOnly.includes(name(ix)))
  expect(expected.indexes.filter(onReports).map(name)).toEqual(expect.arrayContaining(sqliteOnly))
  expect(actual.indexes.filter(onReports).sort()).toEqual(
    expect.arrayContaining([...shared, ...REPORT_INDEXES_REPLACED_IN_018.map((n) => expect.stringMatching(new RegExp(`^${n} ON reports\\(`)))]),
  )
  expect(actual.indexes.filter(onReports)).toHaveLength(shared.length + REPORT_INDEXES_REPLACED_IN_018.length)
  // the partial unique indexes the atomic decisions rely on are there by name
  for (const name of ['resident_app_one_pending', 'resident_app_one_head', 'volunteer_app_one_pending', 'shift_signups_once', 'households_address_key']) {
    expect(actual.indexes.some((ix) => ix.startsWith(`${name} `) && ix.includes(' unique'))).toBe(true)
  }
  expect(expected.indexes.length).toBeGreaterThan(40)
})

test('what PostgreSQL states differently still refuses what SQLite refuses', async () => {
  const url = await freshPgDatabase()
  const store = await openPostgresStore(url, { poolSize: 1 })
  await store.close()
  await withClient(url, async (c) => {
    await c.query(`
      INSERT INTO streets (id, name) VALUES ('s', '街道');
      INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
      INSERT INTO grids (id, community_id, name) VALUES ('g', 'c', '第一网格');
      INSERT INTO users (id, name, created_at) VALUES ('u', '王某', '2025-03-01T02:00:00.000Z');`)
    // SQLite's key triggers: a household without its address keys is refused
    await expect(c.query("INSERT INTO households (id, grid_id, building, room, head_name) VALUES ('h', 'g', '1', '101', '王某')")).rejects.toThrow(/null value in column "building_key"/)
    // 002's unique key includes 单元 (SQLite rebuilt the table; here the constraint was replaced)
    const hh = "INSERT INTO households (id, grid_id, building, unit, room, head_name, building_key, unit_key, room_key) VALUES ($1, 'g', '1', $2, '101', '王某', '1', $2, $1)"
    await c.query(hh, ['h1', '1'])
    await c.query(hh, ['h2', '2'])
    await expect(c.query(hh, ['h3', '1'])).rejects.toThrow(/households_address/)
    // messages of every kind SQLite's rebuilds allowed, and no other
    const msg = "INSERT INTO messages (id, user_id, kind, title, body, created_at) VALUES ($1, 'u', $2, 't', 'b', '2025-03-01T02:00:00.000Z')"
    for (const kind of ['report', 'motion', 'shift']) await c.query(msg, [kind, kind])
    await expect(c.query(msg, ['x', 'visit'])).rejects.toThrow(/messages_kind/)
    // one pending application per person (the partial unique index)
    const app = "INSERT INTO volunteer_applications (id, user_id, community_id, status, created_at) VALUES ($1, 'u', 'c', $2, '2025-03-01T02:00:00.000Z')"
    await c.query(app, ['a1', 'pending'])
    await c.query(app, ['a2', 'rejected'])
    await expect(c.query(app, ['a3', 'pending'])).rejects.toThrow(/volunteer_app_one_pending/)
  })
  // times come back as SQLite stores them; flags as booleans; identity keys as numbers
  const pool = createPool(url, 1)
  try {
    const { rows } = await pool.query("SELECT created_at, verified, (SELECT seq FROM messages ORDER BY seq LIMIT 1) AS seq FROM users WHERE id = 'u'")
    expect(rows[0]).toEqual({ created_at: '2025-03-01T02:00:00.000Z', verified: false, seq: 1 })
  } finally {
    await pool.end()
  }
})

test('four processes migrating the same empty database at the same moment apply each version exactly once', async () => {
  const url = await freshPgDatabase()
  const pools = Array.from({ length: 4 }, () => createPool(url, 1))
  try {
    // every pool connected first, so the four migrations start together
    await Promise.all(pools.map((p) => p.query('SELECT 1')))
    const results = await Promise.all(pools.map((p) => migratePostgres(p)))
    expect(results.flat().sort((a, b) => a - b)).toEqual(VERSIONS)
    expect(results.filter((r) => r.length > 0)).toHaveLength(1)
    const { rows } = await pools[0]!.query<{ version: number; n: number }>('SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version')
    expect(rows).toEqual(VERSIONS.map((version) => ({ version, n: 1 })))
  } finally {
    await Promise.all(pools.map((p) => p.end()))
  }
})

test('a migration that fails leaves the database as it was: no half-written schema', async () => {
  const url = await freshPgDatabase()
  // a table in the way of 004
  await withClient(url, (c) => c.query('CREATE TABLE files (id text)'))
  await expect(openPostgresStore(url, { poolSize: 1 })).rejects.toThrow(/relation "files" already exists/)
  const tables = await withClient(url, async (c) =>
    (await c.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'")).rows.map((r) => r.t),
  )
  expect(tables).toEqual(['files'])
})
