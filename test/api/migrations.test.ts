/**
 * Migration 002 on a database that was created and filled at version 1: the households rebuild keeps rows
 * and the users pointing at them, the new UNIQUE key includes 单元, and foreign keys are on and hold after.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { m001Init } from '../../cloud/adapters/sqlite/migrations/001_init'
import { openDb } from '../../cloud/adapters/sqlite/open'
import { tempDir } from './support/harness'

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
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 2 }])
    expect(db.prepare('SELECT id, building, unit, room, head_name, adults, phone FROM households').all()).toEqual([
      { id: 'h1', building: '1栋', unit: '', room: '101', head_name: '王某', adults: null, phone: null },
    ])
    expect(db.prepare('SELECT household_id, roster_only FROM users').get()).toEqual({ household_id: 'h1', roster_only: 0 })
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    // the users → households foreign key points at the rebuilt table and holds
    expect(() => db.prepare("UPDATE users SET household_id = 'missing' WHERE id = 'u1'").run()).toThrow(/FOREIGN KEY/)
    // the key now includes 单元: same building and room in another unit is another household
    db.prepare("INSERT INTO households (id, grid_id, building, unit, room, head_name) VALUES ('h2', 'g', '1栋', '2单元', '101', '李某')").run()
    expect(() =>
      db.prepare("INSERT INTO households (id, grid_id, building, unit, room, head_name) VALUES ('h3', 'g', '1栋', '2单元', '101', '张某')").run(),
    ).toThrow(/UNIQUE/)
    // reopening applies nothing more
    db.close()
    const again = openDb(file)
    expect(again.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 2 })
    again.close()
  } finally {
    if (db.open) db.close()
  }
})
