/**
 * Migration 002 on a database that was created and filled at version 1: the households rebuild keeps rows
 * and the users pointing at them, the new UNIQUE key includes 单元, and foreign keys are on and hold after.
 * Migration 003 on a database filled at version 2: address keys backfilled, colliding spellings kept (the
 * first owns the key), foreign keys intact.
 * Migration 004 on a database filled at version 3: grids keep their rows with no boundary, the report tables
 * exist with their checks, foreign keys hold.
 * Migration 005 on a database filled at version 4: messages kept through the rebuild (kind 'motion' now
 * allowed), the vote tables exist with their keys, foreign keys hold.
 * Later ones (007, 008, 009) each on a database filled at the version before.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { m001Init } from '../../cloud/adapters/sqlite/migrations/001_init'
import { m002Residents } from '../../cloud/adapters/sqlite/migrations/002_residents'
import { m003AddressKeys } from '../../cloud/adapters/sqlite/migrations/003_address_keys'
import { m004Reports } from '../../cloud/adapters/sqlite/migrations/004_reports'
import { MIGRATIONS } from '../../cloud/adapters/sqlite/migrations'
import { REPORT_INDEXES_REPLACED_IN_018 } from '../../cloud/adapters/sqlite/migrations/018_cheaper_report_writes'
import { openDb } from '../../cloud/adapters/sqlite/open'
import { tempDir } from './support/harness'

const LATEST = MIGRATIONS[MIGRATIONS.length - 1]!.version

test('a version-1 database migrates to 002 with its households and users intact', () => {
  const file = path.join(tempDir(), 'v1.db')
  const v1 = new Database(file)
  v1.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  m001Init.up(v1)
  v1.prepare("INSERT INTO schema_migrations VALUES (1, 'init', '2025-01-01T00:00:00.000Z')").run()
  v1.exec(`
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
    INSERT INTO grids (id, community_id, name) VALUES ('g', 'c', '第一网格');
    INSERT INTO households (id, grid_id, building, room, head_name) VALUES ('h1', 'g', '1栋', '101', '王某');
    INSERT INTO users (id, name, community_id, grid_id, household_id, verified, created_at)
      VALUES ('u1', '王某', 'c', 'g', 'h1', 1, '2025-01-01T00:00:00.000Z');`)
  v1.close()

  const db = openDb(file)
  try {
    // (and every later migration)
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })))
    expect(db.prepare('SELECT id, building, unit, room, head_name, adults, phone FROM households').all()).toEqual([
      { id: 'h1', building: '1栋', unit: '', room: '101', head_name: '王某', adults: null, phone: null },
    ])
    expect(db.prepare('SELECT household_id, roster_only FROM users').get()).toEqual({ household_id: 'h1', roster_only: 0 })
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    // the users → households foreign key points at the rebuilt table and holds
    expect(() => db.prepare("UPDATE users SET household_id = 'missing' WHERE id = 'u1'").run()).toThrow(/FOREIGN KEY/)
    // the key now includes 单元: same building and room in another unit is another household
    // (since 003 a row carries its address keys too)
    const insert = db.prepare(`INSERT INTO households (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name)
      VALUES (?, 'g', '1栋', '2单元', '101', '1', '2', '101', ?)`)
    insert.run('h2', '李某')
    expect(() => insert.run('h3', '张某')).toThrow(/UNIQUE/)
    // reopening applies nothing more
    db.close()
    const again = openDb(file)
    expect(again.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length })
    again.close()
  } finally {
    if (db.open) db.close()
  }
})

test('a version-2 database migrates to 003: keys backfilled, a key collision keeps the first and fails nothing', () => {
  const file = path.join(tempDir(), 'v2.db')
  const v2 = new Database(file)
  v2.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  m001Init.up(v2)
  v2.pragma('foreign_keys = OFF')
  m002Residents.up(v2)
  v2.pragma('foreign_keys = ON')
  v2.exec(`
    INSERT INTO schema_migrations VALUES (1, 'init', '2025-01-01T00:00:00.000Z'), (2, 'residents', '2025-02-01T00:00:00.000Z');
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
    INSERT INTO grids (id, community_id, name) VALUES ('g', 'c', '第一网格');
    INSERT INTO households (id, grid_id, building, unit, room, head_name) VALUES
      ('h_first', 'g', '3栋', '1单元', '101', '王某'),
      ('h_second', 'g', '3', '1', '１０１室', '李某'),
      ('h_other', 'g', ' 8栋 ', '2单元', '301', '赵某');
    INSERT INTO users (id, name, community_id, grid_id, household_id, verified, created_at) VALUES
      ('u1', '王某', 'c', 'g', 'h_first', 1, '2025-01-01T00:00:00.000Z'),
      ('u2', '李某', 'c', 'g', 'h_second', 1, '2025-01-01T00:00:00.000Z'),
      ('u3', '赵某', 'c', 'g', NULL, 0, '2025-01-01T00:00:00.000Z');
    INSERT INTO resident_applications (id, user_id, community_id, grid_id, building, unit, room, name, relation, status, created_at)
      VALUES ('a1', 'u3', 'c', 'g', '8', '2', '３０１室', '赵某', 'head', 'pending', '2025-03-01T00:00:00.000Z');`)
  v2.close()

  const db = openDb(file)
  try {
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST })
    // the text as typed is kept; the keys are addressKey()'s; the later of two colliding rows is marked, not dropped
    expect(db.prepare('SELECT id, building, unit, room, building_key, unit_key, room_key FROM households ORDER BY rowid').all()).toEqual([
      { id: 'h_first', building: '3栋', unit: '1单元', room: '101', building_key: '3', unit_key: '1', room_key: '101' },
      { id: 'h_second', building: '3', unit: '1', room: '１０１室', building_key: '3', unit_key: '1', room_key: '101 dup:h_second' },
      { id: 'h_other', building: ' 8栋 ', unit: '2单元', room: '301', building_key: '8', unit_key: '2', room_key: '301' },
    ])
    expect(db.prepare('SELECT building_key, unit_key, room_key FROM resident_applications').get()).toEqual({
      building_key: '8', unit_key: '2', room_key: '301',
    })
    // the pending application now meets its roster row on the keys
    expect(
      db.prepare(`SELECT h.id FROM resident_applications a JOIN households h ON h.grid_id = a.grid_id
        AND h.building_key = a.building_key AND h.unit_key = a.unit_key AND h.room_key = a.room_key`).all(),
    ).toEqual([{ id: 'h_other' }])
    // foreign keys on, holding, and still enforced on the untouched tables
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.prepare('SELECT id, household_id FROM users ORDER BY id').all()).toEqual([
      { id: 'u1', household_id: 'h_first' },
      { id: 'u2', household_id: 'h_second' },
      { id: 'u3', household_id: null },
    ])
    expect(() => db.prepare("UPDATE users SET household_id = 'missing' WHERE id = 'u1'").run()).toThrow(/FOREIGN KEY/)
    // unique on the keys: another spelling of 3栋1单元101 is refused
    const insert = db.prepare(`INSERT INTO households (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name)
      VALUES (?, 'g', ?, ?, ?, ?, ?, ?, '某')`)
    expect(() => insert.run('h_x', '3号楼', '1', '101号', '3', '1', '101')).toThrow(/UNIQUE/)
    // a row without keys is refused rather than never matching
    expect(() =>
      db.prepare("INSERT INTO households (id, grid_id, building, unit, room, head_name) VALUES ('h_y', 'g', '9栋', '', '1', '某')").run(),
    ).toThrow(/building_key, unit_key and room_key are required/)
    expect(() => db.prepare("UPDATE resident_applications SET room_key = NULL WHERE id = 'a1'").run()).toThrow(/required/)
  } finally {
    db.close()
  }
})

test('a version-3 database migrates to 004: grids without a boundary, report tables with their checks', () => {
  const file = path.join(tempDir(), 'v3.db')
  const v3 = new Database(file)
  v3.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  m001Init.up(v3)
  v3.pragma('foreign_keys = OFF')
  m002Residents.up(v3)
  m003AddressKeys.up(v3)
  v3.pragma('foreign_keys = ON')
  v3.exec(`
    INSERT INTO schema_migrations VALUES (1, 'init', '2025-01-01T00:00:00.000Z'), (2, 'residents', '2025-02-01T00:00:00.000Z'),
      (3, 'keys', '2025-02-02T00:00:00.000Z');
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
    INSERT INTO grids (id, community_id, name) VALUES ('g', 'c', '第一网格');
    INSERT INTO users (id, name, community_id, grid_id, verified, created_at) VALUES ('u1', '王某', 'c', 'g', 0, '2025-01-01T00:00:00.000Z');`)
  v3.close()

  const db = openDb(file)
  try {
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST })
    expect(db.prepare('SELECT id, boundary FROM grids').all()).toEqual([{ id: 'g', boundary: null }])
    const insert = db.prepare(`INSERT INTO reports (id, community_id, street_id, grid_id, reporter_id, category, description,
      anonymous, visibility, moderation, status, level, max_level, accept_by, resolve_by, created_at, updated_at)
      VALUES (?, 'c', 's', 'g', ?, ?, '描述', 0, 'public', 'clean', 'submitted', 'grid', 'grid', 'a', 'b', 'c', 'c')`)
    insert.run('r1', 'u1', 'environment')
    expect(() => insert.run('r2', 'u1', 'weather')).toThrow(/CHECK/)
    expect(() => insert.run('r3', 'nobody', 'environment')).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare("INSERT INTO report_supports (report_id, user_id, at) VALUES ('r1', 'u1', 'x'), ('r1', 'u1', 'y')").run()).toThrow(
      /UNIQUE|PRIMARY KEY/,
    )
    expect(db.pragma('foreign_key_check')).toEqual([])
  } finally {
    db.close()
  }
})

test('a version-4 database migrates through 005 and 006: messages kept (kinds motion and shift allowed), vote tables with their keys', () => {
  const file = path.join(tempDir(), 'v4.db')
  const v4 = new Database(file)
  v4.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  m001Init.up(v4)
  v4.pragma('foreign_keys = OFF')
  m002Residents.up(v4)
  m003AddressKeys.up(v4)
  m004Reports.up(v4)
  v4.pragma('foreign_keys = ON')
  v4.exec(`
    INSERT INTO schema_migrations VALUES (1, 'init', '2025-01-01T00:00:00.000Z'), (2, 'residents', '2025-02-01T00:00:00.000Z'),
      (3, 'keys', '2025-02-02T00:00:00.000Z'), (4, 'reports', '2025-02-03T00:00:00.000Z');
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
    INSERT INTO grids (id, community_id, name) VALUES ('g', 'c', '第一网格');
    INSERT INTO users (id, name, community_id, grid_id, verified, created_at) VALUES ('u1', '王某', 'c', 'g', 0, '2025-01-01T00:00:00.000Z');
    INSERT INTO messages (id, user_id, kind, title, body, target_type, target_id, created_at)
      VALUES ('m1', 'u1', 'report', '标题', '正文', 'report', 'r1', '2025-01-02T00:00:00.000Z');`)
  v4.close()

  const db = openDb(file)
  try {
    expect(db.prepare('SELECT version FROM schema_migrations WHERE version > 4 ORDER BY version').all()).toEqual(
      MIGRATIONS.filter((m) => m.version > 4).map((m) => ({ version: m.version })),
    )
    expect(db.prepare('SELECT seq, id, kind, target_id FROM messages').all()).toEqual([{ seq: 1, id: 'm1', kind: 'report', target_id: 'r1' }])
    db.prepare("INSERT INTO messages (id, user_id, kind, title, body, created_at) VALUES ('m2', 'u1', 'motion', 't', 'b', 'x')").run()
    db.prepare("INSERT INTO messages (id, user_id, kind, title, body, created_at) VALUES ('m3', 'u1', 'shift', 't', 'b', 'x')").run()
    expect(() => db.prepare("INSERT INTO messages (id, user_id, kind, title, body, created_at) VALUES ('m4', 'u1', 'weather', 't', 'b', 'x')").run()).toThrow(/CHECK/)
    db.prepare("INSERT INTO reminders_sent (key, sent_at, recipients) VALUES ('motion:v1:closing', 'x', 3)").run()
    expect(() => db.prepare("INSERT INTO reminders_sent (key, sent_at, recipients) VALUES ('motion:v1:closing', 'y', 0)").run()).toThrow(/UNIQUE|PRIMARY KEY/)
    db.prepare(`INSERT INTO motions (id, community_id, author_id, title, articles, kind, eligibility, status, vote_from, vote_until, created_at, updated_at)
      VALUES ('v1', 'c', 'u1', '题', '[]', 'rules', 'adults', 'voting', 'a', 'b', 'c', 'c')`).run()
    db.prepare("INSERT INTO motion_voters (motion_id, voter_key, channel) VALUES ('v1', 'u1', 'online')").run()
    expect(() => db.prepare("INSERT INTO motion_voters (motion_id, voter_key, channel) VALUES ('v1', 'u1', 'offline')").run()).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => db.prepare("INSERT INTO motion_ballots (motion_id, receipt_hash, choice) VALUES ('v1', 'short', 'yes')").run()).toThrow(/CHECK/)
    const columns = (t: string) => (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name)
    expect(columns('motion_voters')).toEqual(['motion_id', 'voter_key', 'channel', 'recorded_by'])
    expect(columns('motion_ballots')).toEqual(['motion_id', 'receipt_hash', 'choice'])
    expect(db.pragma('foreign_key_check')).toEqual([])
  } finally {
    db.close()
  }
})

test('a version-6 database migrates to 007: patrol tables with their checks, one active signup per volunteer and shift', () => {
  const file = path.join(tempDir(), 'v6.db')
  const v6 = new Database(file)
  v6.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  v6.pragma('foreign_keys = OFF')
  for (const m of MIGRATIONS.filter((x) => x.version <= 6)) {
    m.up(v6)
    v6.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00.000Z')
  }
  v6.pragma('foreign_keys = ON')
  v6.exec(`
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
    INSERT INTO users (id, name, community_id, verified, created_at) VALUES ('u1', '王某', 'c', 1, '2025-01-01T00:00:00.000Z');`)
  v6.close()

  const db = openDb(file)
  try {
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST })
    const shift = db.prepare(`INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, created_by, created_at)
      VALUES (?, 'c', '夜巡', 29.63, 120.42, ?, ?, ?, ?, 'u1', 'x')`)
    shift.run('s1', 300, '2025-03-01T11:00:00.000Z', '2025-03-01T13:00:00.000Z', 20)
    expect(() => shift.run('s2', 30, '2025-03-01T11:00:00.000Z', '2025-03-01T13:00:00.000Z', 20)).toThrow(/CHECK/)
    expect(() => shift.run('s3', 300, '2025-03-01T13:00:00.000Z', '2025-03-01T11:00:00.000Z', 20)).toThrow(/CHECK/)
    expect(() => shift.run('s4', 300, '2025-03-01T11:00:00.000Z', '2025-03-01T13:00:00.000Z', 0)).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE shifts SET status = 'cancelled' WHERE id = 's1'").run()).toThrow(/CHECK/)
    const signup = db.prepare("INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at, withdrawn_at) VALUES (?, 's1', 'u1', ?, 'x', ?, ?)")
    signup.run('a', 'confirmed', 'x', null)
    expect(() => signup.run('b', 'waitlisted', null, null)).toThrow(/UNIQUE/)
    db.prepare("UPDATE shift_signups SET status = 'withdrawn', withdrawn_at = 'y' WHERE id = 'a'").run()
    signup.run('b', 'waitlisted', null, null)
    expect(() => signup.run('c', 'waitlisted', 'x', null)).toThrow(/CHECK|UNIQUE/)
    expect(() => db.prepare("UPDATE shift_signups SET status = 'checkedOut' WHERE id = 'b'").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE shift_signups SET status = 'retired' WHERE id = 'b'").run()).toThrow(/CHECK/)
    expect((db.prepare('SELECT seq FROM shift_signups ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq)).toEqual([1, 2])
    expect(db.pragma('foreign_key_check')).toEqual([])
  } finally {
    db.close()
  }
})

test('a version-7 database migrates to 008: settled_at added, shifts over with nothing open marked, the rest left for the settle', () => {
  const file = path.join(tempDir(), 'v7.db')
  const v7 = new Database(file)
  v7.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  v7.pragma('foreign_keys = OFF')
  for (const m of MIGRATIONS.filter((x) => x.version <= 7)) {
    m.up(v7)
    v7.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00.000Z')
  }
  v7.pragma('foreign_keys = ON')
  v7.exec(`
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
    INSERT INTO users (id, name, community_id, verified, created_at) VALUES ('u1', '王某', 'c', 1, '2025-01-01T00:00:00.000Z');
    INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, created_by, created_at) VALUES
      ('done', 'c', '夜巡', 29.63, 120.42, 300, '2025-03-01T11:00:00.000Z', '2025-03-01T13:00:00.000Z', 5, 'u1', 'x'),
      ('open', 'c', '夜巡', 29.63, 120.42, 300, '2025-03-02T11:00:00.000Z', '2025-03-02T13:00:00.000Z', 5, 'u1', 'x'),
      ('future', 'c', '夜巡', 29.63, 120.42, 300, '2099-03-02T11:00:00.000Z', '2099-03-02T13:00:00.000Z', 5, 'u1', 'x');
    INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at) VALUES ('a', 'open', 'u1', 'confirmed', 'x', 'x');`)
  v7.close()

  const db = openDb(file)
  try {
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST })
    expect(db.prepare('SELECT id, settled_at FROM shifts ORDER BY seq').all()).toEqual([
      { id: 'done', settled_at: '2025-03-01T13:00:00.000Z' },
      { id: 'open', settled_at: null },
      { id: 'future', settled_at: null },
    ])
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'shifts'").all() as { name: string }[]).map((r) => r.name)
    expect(indexes).toContain('shifts_unsettled')
    expect(indexes).not.toContain('shifts_by_end')
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT 1 FROM shifts WHERE status = 'scheduled' AND settled_at IS NULL AND end_at <= ? LIMIT 1").all('2025-06-01T00:00:00.000Z') as { detail: string }[]).map((r) => r.detail)
    expect(plan).toEqual([expect.stringMatching(/^SEARCH shifts USING (COVERING )?INDEX shifts_unsettled/)])
    expect(db.pragma('foreign_key_check')).toEqual([])
  } finally {
    db.close()
  }
})

test('a version-8 database migrates to 009: adults motions in voting get their households\' adults frozen from the roster, with the voters they have', () => {
  const file = path.join(tempDir(), 'v8.db')
  const v8 = new Database(file)
  v8.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  v8.pragma('foreign_keys = OFF')
  for (const m of MIGRATIONS.filter((x) => x.version <= 8)) {
    m.up(v8)
    v8.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00.000Z')
  }
  v8.pragma('foreign_keys = ON')
  v8.exec(`
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community'), ('c2', 's', '村', 'village');
    INSERT INTO grids (id, community_id, name) VALUES ('g', 'c', '第一网格'), ('g2', 'c2', '第一网格');
    INSERT INTO households (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name, adults) VALUES
      ('h2', 'g', '1栋', '', '101', '1', '', '101', '王某', 2), ('h1', 'g', '1栋', '', '102', '1', '', '102', '李某', 1),
      ('h0', 'g', '1栋', '', '103', '1', '', '103', '张某', 0), ('hn', 'g', '1栋', '', '104', '1', '', '104', '赵某', NULL),
      ('hx', 'g2', '1组', '', '101', '1组', '', '101', '刘某', 3);
    INSERT INTO users (id, name, community_id, grid_id, household_id, verified, created_at) VALUES
      ('a', '甲', 'c', 'g', 'h1', 1, 'x'), ('b', '乙', 'c', 'g', 'h1', 1, 'x'), ('c', '丙', 'c', 'g', 'h2', 1, 'x');
    INSERT INTO motions (id, community_id, author_id, title, articles, kind, eligibility, status, vote_from, vote_until, created_at, updated_at) VALUES
      ('open', 'c', 'a', '题', '[]', 'rules', 'adults', 'voting', 'x', 'y', 'x', 'x'),
      ('homes', 'c', 'a', '题', '[]', 'rules', 'households', 'voting', 'x', 'y', 'x', 'x'),
      ('done', 'c', 'a', '题', '[]', 'rules', 'adults', 'closed', 'x', 'y', 'x', 'x');
    INSERT INTO motion_voters (motion_id, voter_key, channel) VALUES ('open', 'a', 'online'), ('open', 'b', 'online'), ('open', 'c', 'online'),
      ('homes', 'h1', 'online'), ('done', 'a', 'online');`)
  v8.close()

  const db = openDb(file)
  try {
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST })
    // h1 already past its 1 adult (cast before the rule): kept as it is, no further place; no row without adults
    expect(db.prepare('SELECT motion_id, household_id, adults, voters FROM motion_household_adults ORDER BY motion_id, household_id').all()).toEqual([
      { motion_id: 'open', household_id: 'h1', adults: 1, voters: 2 },
      { motion_id: 'open', household_id: 'h2', adults: 2, voters: 1 },
    ])
    const take = db.prepare('UPDATE motion_household_adults SET voters = voters + 1 WHERE motion_id = ? AND household_id = ? AND voters < adults')
    expect(take.run('open', 'h1').changes).toBe(0)
    expect(take.run('open', 'h2').changes).toBe(1)
    expect(take.run('open', 'h2').changes).toBe(0)
    expect(() => db.prepare("INSERT INTO motion_household_adults (motion_id, household_id, adults) VALUES ('open', 'h0', 0)").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO motion_household_adults (motion_id, household_id, adults) VALUES ('open', 'h2', 1)").run()).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'motion_household_adults'").get()).toEqual({ sql: expect.stringMatching(/WITHOUT ROWID/) })
    expect(db.pragma('foreign_key_check')).toEqual([])
  } finally {
    db.close()
  }
})

test('a version-9 database migrates to 010: grids keep their rows with no service phone; a phone is checked for length', () => {
  const file = path.join(tempDir(), 'v9.db')
  const v9 = new Database(file)
  v9.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  for (const m of MIGRATIONS.filter((x) => x.version <= 9)) {
    m.up(v9)
    v9.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00.000Z')
  }
  v9.exec(`
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
    INSERT INTO grids (id, community_id, name) VALUES ('g', 'c', '第一网格');`)
  v9.close()

  const db = openDb(file)
  try {
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST })
    expect(db.prepare('SELECT id, name, service_phone FROM grids').all()).toEqual([{ id: 'g', name: '第一网格', service_phone: null }])
    db.prepare("UPDATE grids SET service_phone = '0575-87010001' WHERE id = 'g'").run()
    expect(() => db.prepare("UPDATE grids SET service_phone = '1' WHERE id = 'g'").run()).toThrow(/CHECK/)
  } finally {
    db.close()
  }
})

test('a database whose schema is newer than this code is refused at open, and left as it was', () => {
  const file = path.join(tempDir(), 'future.db')
  openDb(file).close()
  const raw = new Database(file)
  raw.prepare("INSERT INTO schema_migrations VALUES (?, 'from the future', '2099-01-01T00:00:00.000Z')").run(LATEST + 1)
  raw.close()
  expect(() => openDb(file)).toThrow(
    `the database in ${file} has schema version ${LATEST + 1}, newer than this version of Gongzhi knows (${LATEST})`,
  )
  const after = new Database(file, { readonly: true })
  expect(after.prepare('SELECT max(version) AS v, count(*) AS n FROM schema_migrations').get()).toEqual({ v: LATEST + 1, n: MIGRATIONS.length + 1 })
  after.close()
})

test('a version-11 database migrates to 012: applications keep their rows, seq is their rowid, a new one gets its rowid', () => {
  const file = path.join(tempDir(), 'v11.db')
  const v11 = new Database(file)
  v11.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  for (const m of MIGRATIONS.filter((x) => x.version <= 11)) {
    m.up(v11)
    v11.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00.000Z')
  }
  const at = '2025-01-01T00:00:00.000Z'
  v11.exec(`
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
    INSERT INTO grids (id, community_id, name) VALUES ('g', 'c', '第一网格');
    INSERT INTO users (id, name, community_id, created_at) VALUES ('u1', '甲', 'c', '${at}'), ('u2', '乙', 'c', '${at}');
    INSERT INTO volunteer_applications (id, user_id, community_id, status, created_at) VALUES ('v2', 'u2', 'c', 'pending', '${at}');
    INSERT INTO volunteer_applications (id, user_id, community_id, status, created_at) VALUES ('v1', 'u1', 'c', 'rejected', '${at}');
    INSERT INTO resident_applications (id, user_id, community_id, grid_id, building, unit, room, building_key, unit_key, room_key,
      name, relation, status, created_at)
    VALUES ('r2', 'u2', 'c', 'g', '1', '1', '101', '1', '1', '101', '乙', 'head', 'pending', '${at}'),
           ('r1', 'u1', 'c', 'g', '1', '1', '102', '1', '1', '102', '甲', 'member', 'pending', '${at}');
    DELETE FROM resident_applications WHERE id = 'r2';
    INSERT INTO resident_applications (id, user_id, community_id, grid_id, building, unit, room, building_key, unit_key, room_key,
      name, relation, status, created_at)
    VALUES ('r3', 'u2', 'c', 'g', '1', '1', '101', '1', '1', '101', '乙', 'head', 'pending', '${at}');`)
  const before = v11.prepare('SELECT rowid AS r, id FROM resident_applications ORDER BY rowid').all()
  v11.close()

  const db = openDb(file)
  try {
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST })
    expect(db.prepare('SELECT seq AS r, id FROM resident_applications ORDER BY seq').all()).toEqual(before)
    expect(db.prepare('SELECT seq, id FROM volunteer_applications ORDER BY seq').all()).toEqual([{ seq: 1, id: 'v2' }, { seq: 2, id: 'v1' }])
    db.prepare("INSERT INTO volunteer_applications (id, user_id, community_id, status, created_at) VALUES ('v3', 'u1', 'c', 'pending', ?)").run(at)
    expect(db.prepare("SELECT seq, rowid AS r FROM volunteer_applications WHERE id = 'v3'").get()).toEqual({ seq: 3, r: 3 })
    expect(() => db.prepare("UPDATE volunteer_applications SET seq = NULL WHERE id = 'v3'").run()).toThrow(/seq is required/)
    expect(() => db.prepare("UPDATE volunteer_applications SET seq = 1 WHERE id = 'v3'").run()).toThrow(/UNIQUE/)
  } finally {
    db.close()
  }
})

test('a version-14 database migrates to 015: reports and roles rebuilt with every row, index and key; district and city levels allowed', () => {
  const file = path.join(tempDir(), 'v14.db')
  const v14 = new Database(file)
  v14.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  for (const m of MIGRATIONS.filter((x) => x.version <= 14)) {
    m.up(v14)
    v14.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00.000Z')
  }
  const at = '2025-01-01T00:00:00.000Z'
  v14.exec(`
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
    INSERT INTO grids (id, community_id, name) VALUES ('g', 'c', '第一网格');
    INSERT INTO users (id, name, community_id, created_at) VALUES ('u1', '甲', 'c', '${at}'), ('u2', '乙', 'c', '${at}');
    INSERT INTO user_roles (user_id, role) VALUES ('u1', 'resident'), ('u2', 'street');
    INSERT INTO reports (id, community_id, street_id, grid_id, reporter_id, category, description, anonymous, visibility,
      moderation, status, level, max_level, accept_by, resolve_by, due_at, created_at, updated_at)
    VALUES ('r1', 'c', 's', 'g', 'u1', 'dispute', '邻里纠纷', 0, 'private', 'clean', 'submitted', 'street', 'street',
      '${at}', '${at}', '${at}', '${at}', '${at}'),
      ('r2', 'c', 's', 'g', 'u1', 'environment', '垃圾', 1, 'public', 'clean', 'resolved', 'grid', 'community',
      '${at}', '${at}', NULL, '${at}', '${at}');
    INSERT INTO report_events (report_id, at, actor_id, action, status, level) VALUES ('r1', '${at}', 'u1', 'create', 'submitted', 'grid');`)
  const reportsBefore = v14.prepare('SELECT * FROM reports ORDER BY seq').all()
  const indexesBefore = v14.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('reports', 'user_roles') ORDER BY name").all()
  v14.close()

  const db = openDb(file)
  try {
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST })
    // every row and column as it was, the new columns empty (the street is under no district yet)
    const after = db.prepare('SELECT * FROM reports ORDER BY seq').all() as Record<string, unknown>[]
    // (023's on_behalf_of_household and raised_by are later columns, empty here too)
    expect(after.map(({ district_id: _d, city_id: _c, on_behalf_of_household: _h, raised_by: _r, ...rest }) => rest)).toEqual(reportsBefore)
    expect(after.map((r) => [r.on_behalf_of_household, r.raised_by])).toEqual([[null, null], [null, null]])
    expect(after.map((r) => [r.district_id, r.city_id])).toEqual([[null, null], [null, null]])
    expect(db.prepare('SELECT user_id, role FROM user_roles ORDER BY user_id').all()).toEqual([
      { user_id: 'u1', role: 'resident' },
      { user_id: 'u2', role: 'street' },
    ])
    // the indexes of both tables came back as they were (but those 018 replaced), beside the area and queue ones
    const indexesAfter = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('reports', 'user_roles') ORDER BY name").all()
    const replaced: readonly string[] = REPORT_INDEXES_REPLACED_IN_018
    expect(indexesAfter).toEqual(expect.arrayContaining((indexesBefore as { name: string }[]).filter((i) => !replaced.includes(i.name))))
    expect((indexesAfter as { name: string }[]).map((i) => i.name)).toEqual(
      expect.arrayContaining(['reports_district_cover', 'reports_city_cover', 'reports_grid_cover', 'reports_queue_district', 'reports_queue_city', 'reports_due']),
    )
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    // the events still point at their report; deleting a report with events is refused as before
    expect(() => db.prepare("DELETE FROM reports WHERE id = 'r1'").run()).toThrow(/FOREIGN KEY/)
    // the new levels and roles, and still nothing else
    db.exec(`
      INSERT INTO cities (id, name) VALUES ('ct', '市');
      INSERT INTO districts (id, city_id, name) VALUES ('d', 'ct', '区');
      UPDATE streets SET district_id = 'd';
      UPDATE reports SET level = 'city', max_level = 'city', district_id = 'd', city_id = 'ct' WHERE id = 'r1';
      INSERT INTO user_roles (user_id, role) VALUES ('u2', 'district'), ('u2', 'city');`)
    expect(() => db.prepare("UPDATE reports SET level = 'province' WHERE id = 'r1'").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO user_roles (user_id, role) VALUES ('u1', 'mayor')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE reports SET district_id = 'nowhere' WHERE id = 'r2'").run()).toThrow(/FOREIGN KEY/)
  } finally {
    db.close()
  }
})

test('a version-15 database migrates to 016: the tallies are filled from the reports there, and kept by triggers after', () => {
  const file = path.join(tempDir(), 'v15.db')
  const v15 = new Database(file)
  v15.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  for (const m of MIGRATIONS.filter((x) => x.version <= 15)) {
    m.up(v15)
    v15.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00.000Z')
  }
  const at = '2025-01-01T00:00:00.000Z'
  const report = (id: string, grid: string, category: string, status: string, maxLevel: string) =>
    `('${id}', 'c', 's', '${grid}', 'u1', '${category}', '描述', 0, 'public', 'clean', '${status}', 'grid', '${maxLevel}', '${at}', '${at}', '${at}', '${at}')`
  v15.exec(`
    INSERT INTO streets (id, name) VALUES ('s', '街道');
    INSERT INTO communities (id, street_id, name, kind) VALUES ('c', 's', '社区', 'community');
    INSERT INTO grids (id, community_id, name) VALUES ('g1', 'c', '第一网格'), ('g2', 'c', '第二网格');
    INSERT INTO users (id, name, community_id, created_at) VALUES ('u1', '甲', 'c', '${at}');
    INSERT INTO reports (id, community_id, street_id, grid_id, reporter_id, category, description, anonymous, visibility,
      moderation, status, level, max_level, accept_by, resolve_by, created_at, updated_at)
    VALUES ${[
      report('r1', 'g1', 'dispute', 'closed', 'grid'),
      report('r2', 'g1', 'dispute', 'closed', 'street'),
      report('r3', 'g1', 'dispute', 'closed', 'community'),
      report('r4', 'g2', 'environment', 'submitted', 'grid'),
      report('r5', 'g2', 'environment', 'submitted', 'grid'),
    ].join(', ')};`)
  v15.close()

  const db = openDb(file)
  try {
    const tallies = () => db.prepare('SELECT grid_id, status, category, local, n FROM report_tallies WHERE n > 0 ORDER BY 1, 2, 3, 4').all()
    expect(tallies()).toEqual([
      { grid_id: 'g1', status: 'closed', category: 'dispute', local: 0, n: 1 },
      { grid_id: 'g1', status: 'closed', category: 'dispute', local: 1, n: 2 },
      { grid_id: 'g2', status: 'submitted', category: 'environment', local: 0, n: 2 },
    ])
    db.exec("UPDATE reports SET status = 'accepted', grid_id = 'g1' WHERE id = 'r4'; DELETE FROM reports WHERE id = 'r1'")
    expect(tallies()).toEqual([
      { grid_id: 'g1', status: 'accepted', category: 'environment', local: 0, n: 1 },
      { grid_id: 'g1', status: 'closed', category: 'dispute', local: 0, n: 1 },
      { grid_id: 'g1', status: 'closed', category: 'dispute', local: 1, n: 1 },
      { grid_id: 'g2', status: 'submitted', category: 'environment', local: 0, n: 1 },
    ])
    expect(() => db.prepare("UPDATE report_tallies SET n = -1 WHERE grid_id = 'g2'").run()).toThrow(/CHECK/)
  } finally {
    db.close()
  }
})
