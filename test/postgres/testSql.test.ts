/** The API suites' SQL helper (test/api/support/sql.ts) on a real PostgreSQL: `?` placeholders, flags as 0/1, tx. */
import { createPool } from '../../cloud/adapters/postgres/pool'
import { postgresSql } from '../api/support/sql'
import { freshPgDatabase } from '../support/postgres'

test('run, get, all, value, exec and tx on PostgreSQL, flags read back as 0/1', async () => {
  const pool = createPool(await freshPgDatabase(), 2)
  try {
    const sql = postgresSql(pool)
    await sql.exec('CREATE TABLE t (id text PRIMARY KEY, flag boolean NOT NULL, n integer); CREATE TABLE u (x integer)')
    expect(await sql.run('INSERT INTO t (id, flag, n) VALUES (?, ?, ?), (?, ?, ?)', ['a', 1, 5, 'b', false, 7])).toEqual({ changes: 2 })
    expect(await sql.get("SELECT * FROM t WHERE flag = ? AND id <> '?'", [1])).toEqual({ id: 'a', flag: 1, n: 5 })
    expect(await sql.get('SELECT * FROM t WHERE id = ?', ['zz'])).toBeUndefined()
    expect(await sql.all('SELECT id, flag FROM t ORDER BY id')).toEqual([{ id: 'a', flag: 1 }, { id: 'b', flag: 0 }])
    expect(await sql.value<number>('SELECT count(*) AS n FROM t WHERE flag = ?', [0])).toBe(1)
    expect(await sql.value<number>('SELECT sum(n) FROM t')).toBe(12)
    expect(await sql.value('SELECT x FROM u')).toBeUndefined()
    await sql.tx(async (tx) => {
      await tx.run('INSERT INTO u (x) VALUES (?)', [1])
      await tx.run('INSERT INTO u (x) VALUES (?)', [2])
    })
    await expect(
      sql.tx(async (tx) => {
        await tx.run('INSERT INTO u (x) VALUES (?)', [3])
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await sql.all('SELECT x FROM u ORDER BY x')).toEqual([{ x: 1 }, { x: 2 }])
  } finally {
    await pool.end()
  }
})
