/** The test SQL helper (support/sql.ts): `?` → `$n` for PostgreSQL, and SQLite's side of the same calls. */
import Database from 'better-sqlite3'
import { sqliteSql, toPgPlaceholders } from './support/sql'

describe('toPgPlaceholders', () => {
  test('numbers each ? in order', () => {
    expect(toPgPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe('SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)')
  })
  test('leaves a statement without placeholders as it is', () => {
    expect(toPgPlaceholders("UPDATE t SET a = 'x'")).toBe("UPDATE t SET a = 'x'")
  })
  test('skips ? inside string literals, quoted identifiers and comments', () => {
    expect(toPgPlaceholders(`SELECT '?', 'it''s ?', "a?b" FROM t -- why?\nWHERE x = ? /* or ? */ AND y = ?`)).toBe(
      `SELECT '?', 'it''s ?', "a?b" FROM t -- why?\nWHERE x = $1 /* or ? */ AND y = $2`,
    )
  })
  test('refuses $n placeholders and unterminated quotes', () => {
    expect(() => toPgPlaceholders('SELECT $1')).toThrow(/use \? placeholders/)
    expect(() => toPgPlaceholders("SELECT 'abc")).toThrow(/unterminated/)
  })
})

describe('sqliteSql', () => {
  const db = new Database(':memory:')
  const sql = sqliteSql(db)
  afterAll(() => db.close())

  test('run, get, all, value and exec', async () => {
    await sql.exec('CREATE TABLE t (id TEXT PRIMARY KEY, flag INTEGER NOT NULL); CREATE TABLE u (x INTEGER)')
    expect(await sql.run('INSERT INTO t (id, flag) VALUES (?, ?), (?, ?)', ['a', true, 'b', false])).toEqual({ changes: 2 })
    expect(await sql.get('SELECT * FROM t WHERE flag = ?', [1])).toEqual({ id: 'a', flag: 1 })
    expect(await sql.get('SELECT * FROM t WHERE id = ?', ['zz'])).toBeUndefined()
    expect(await sql.all('SELECT id FROM t ORDER BY id')).toEqual([{ id: 'a' }, { id: 'b' }])
    expect(await sql.value<number>('SELECT count(*) AS n FROM t WHERE flag = ?', [false])).toBe(1)
    expect(await sql.value('SELECT x FROM u')).toBeUndefined()
  })
})
