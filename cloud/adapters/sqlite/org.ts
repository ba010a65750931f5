import type { OrgOutcome, OrgRepo, OrgRow } from '../../org/ports'
import { applyOrg } from '../rows/orgImport'
import type { Db } from './open'

/**
 * The organisation import on the embedded file: one IMMEDIATE transaction. Its statements are synchronous
 * underneath; the awaits between them are microtasks, in which a second import on the same connection could begin,
 * so imports of this process wait for each other (other processes wait for the write lock).
 */
export function orgRepo(db: Db): OrgRepo {
  let last: Promise<unknown> = Promise.resolve()
  return {
    apply(rows) {
      const run = last.then(() => applyInTransaction(db, rows))
      last = run.catch(() => undefined)
      return run
    },
  }
}

async function applyInTransaction(db: Db, rows: OrgRow[]): Promise<OrgOutcome> {
  db.exec('BEGIN IMMEDIATE')
  try {
    const out = await applyOrg(
      {
        async all<T>(sql: string, params: unknown[]) {
          return db.prepare(sql).all(...params) as T[]
        },
        async run(sql, params) {
          return db.prepare(sql).run(...params).changes
        },
      },
      rows,
    )
    db.exec('COMMIT')
    return out
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw err
  }
}
