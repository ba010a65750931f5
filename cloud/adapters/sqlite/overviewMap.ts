import type Database from 'better-sqlite3'
import type { OverviewMapRepo } from '../../overview/ports'
import { clusterRecords, clustersSql, extentRecord, gridRecord, mapGridsSql, pointExtentSql, pointRecord, pointsSql, shiftRecord, shiftsBetweenSql, type MapDialect, type Sql } from '../rows/overviewMap'

/** A positive number's floor: CAST truncates toward zero. */
const SQLITE: MapDialect = { collate: '', cellOf: (expr, cell) => `CAST((${expr}) / ${cell} AS INTEGER)` }

/** 一张图 on SQLite: each method one query (../rows/overviewMap.ts). */
export function overviewMapRepo(db: Database.Database): OverviewMapRepo {
  const all = (s: Sql) => db.prepare(s.text).all(...s.values) as Record<string, unknown>[]
  return {
    async grids(q) {
      return all(mapGridsSql(SQLITE, q)).map(gridRecord)
    },
    async pointExtent(q) {
      return extentRecord(all(pointExtentSql(q))[0])
    },
    async points(q, limit) {
      return all(pointsSql(SQLITE, q, limit)).map(pointRecord)
    },
    async clusters(q, cell) {
      return clusterRecords(all(clustersSql(SQLITE, q, cell)))
    },
    async shiftsBetween(scope, dayStart, dayEnd, limit) {
      return all(shiftsBetweenSql(SQLITE, scope, dayStart, dayEnd, limit)).map(shiftRecord)
    },
  }
}
