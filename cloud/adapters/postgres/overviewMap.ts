import type { Pool } from 'pg'
import type { OverviewMapRepo } from '../../overview/ports'
import { clusterRecords, clustersSql, extentRecord, gridRecord, mapGridsSql, pointExtentSql, pointRecord, pointsSql, shiftRecord, shiftsBetweenSql, type MapDialect, type Sql } from '../rows/overviewMap'
import { numbered, rows } from './tx'

/** The cell size arrives as a parameter: typed so that the division stays in floating point. */
const POSTGRES: MapDialect = { collate: ' COLLATE "C"', cellOf: (expr, cell) => `floor((${expr}) / ${cell}::double precision)::bigint` }

/** 一张图 on PostgreSQL, as ../sqlite/overviewMap.ts. */
export function overviewMapRepo(pool: Pool): OverviewMapRepo {
  const all = (s: Sql) => rows<Record<string, unknown>>(pool, numbered(s.text), s.values)
  return {
    async grids(q) {
      return (await all(mapGridsSql(POSTGRES, q))).map(gridRecord)
    },
    async pointExtent(q) {
      return extentRecord((await all(pointExtentSql(q)))[0])
    },
    async points(q, limit) {
      return (await all(pointsSql(POSTGRES, q, limit))).map(pointRecord)
    },
    async clusters(q, cell) {
      return clusterRecords(await all(clustersSql(POSTGRES, q, cell)))
    },
    async shiftsBetween(scope, dayStart, dayEnd, limit) {
      return (await all(shiftsBetweenSql(POSTGRES, scope, dayStart, dayEnd, limit))).map(shiftRecord)
    },
  }
}
