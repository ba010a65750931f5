import type Database from 'better-sqlite3'

/**
 * SQLite's documented 12-step table change for what ALTER TABLE cannot do (here: widening a CHECK list): the
 * table is created again from its own CREATE statement as `edit` changes it, its rows copied, the old table
 * dropped and the new one renamed, then its indexes and triggers created again. The column list must stay the
 * same. Run it in a migration with `foreignKeysOff` (other tables' keys point at this one).
 */
export function rebuildTable(db: Database.Database, table: string, edit: (createSql: string) => string): void {
  const create = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table)
  if (!create) throw new Error(`rebuildTable: no table ${table}`)
  const edited = edit(create.sql)
  if (edited === create.sql) throw new Error(`rebuildTable: the edit changed nothing in ${table}`)
  const head = new RegExp(`^CREATE TABLE "?${table}"?`)
  if (!head.test(edited)) throw new Error(`rebuildTable: ${table}'s statement does not start as expected`)
  const dependants = db
    .prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all(table)
  db.exec(edited.replace(head, `CREATE TABLE ${table}_rebuilt`))
  db.exec(`INSERT INTO ${table}_rebuilt SELECT * FROM ${table}`)
  db.exec(`DROP TABLE ${table}`)
  db.exec(`ALTER TABLE ${table}_rebuilt RENAME TO ${table}`)
  for (const d of dependants) db.exec(d.sql)
}

/** Replaces exactly one occurrence of `from` (a CHECK list) in a CREATE statement; anything else is a mistake. */
export function replaceOnce(sql: string, from: string, to: string): string {
  const at = sql.indexOf(from)
  if (at < 0 || sql.indexOf(from, at + 1) >= 0) throw new Error(`replaceOnce: expected one "${from}"`)
  return sql.slice(0, at) + to + sql.slice(at + from.length)
}
