import type { Pool } from 'pg'
import type { OverviewRepo } from '../../overview/ports'
import {
  assembleFigures,
  byDaySql,
  commentsSql,
  departmentsSql,
  openNowSql,
  overdueNowSql,
  motionsSql,
  noticesSql,
  peopleSql,
  shiftsSql,
  percentilesSql,
  placeRecord,
  placeSql,
  ratingsSql,
  subAreasSql,
  talliesSql,
  warningsSql,
  type Dialect,
  type Sql,
} from '../rows/overview'
import { hourBinRows, hourBinsSql, trendSplitRows, trendSplitSql } from '../rows/overviewTrends'
import { numbered, rows } from './tx'

const POSTGRES: Dialect = {
  hours: (later, earlier) => `(EXTRACT(EPOCH FROM (${later} - ${earlier})) / 3600.0)`,
  chinaDay: (instant) => `to_char((${instant} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`,
  collate: ' COLLATE "C"',
}

/**
 * 总览 on PostgreSQL, as ../sqlite/overview.ts: the same aggregate queries, run side by side on the pool (a figure
 * read a moment apart from another is fine for an overview; its latency is the slowest query's, not their sum).
 */
export function overviewRepo(pool: Pool): OverviewRepo {
  const all = (s: Sql) => rows<Record<string, unknown>>(pool, numbered(s.text), s.values)
  return {
    async place(kind, id) {
      const r = (await all(placeSql(kind, id)))[0]
      return r ? placeRecord(kind, r as never) : null
    },
    async subAreas(scope) {
      return (await all(subAreasSql(POSTGRES, scope))) as { id: string; name: string }[]
    },
    async figures(q) {
      const [byDay, tallies, accept, resolve, open, overdue, ratings, comments, warnings, notices, motions, shifts, people, departments] = await Promise.all([
        all(byDaySql(POSTGRES, q)),
        all(talliesSql(q)),
        all(percentilesSql(POSTGRES, q, 'accepted_at')),
        all(percentilesSql(POSTGRES, q, 'resolved_at')),
        all(openNowSql(q)),
        all(overdueNowSql(q)),
        all(ratingsSql(q)),
        all(commentsSql(POSTGRES, q)),
        all(warningsSql(q)),
        all(noticesSql(q)),
        all(motionsSql(q)),
        all(shiftsSql(q)),
        all(peopleSql(q)),
        all(departmentsSql(q)),
      ])
      return assembleFigures({
        byDay, tallies, accept, resolve, open, overdue, ratings, comments, warnings: warnings[0],
        notices: notices[0]!, motions: motions[0]!, shifts: shifts[0]!, people: people[0]!, departments,
      })
    },
    async trendSplit(q) {
      const [byCategory, byUnit] = await Promise.all([all(trendSplitSql(POSTGRES, q, 'category')), all(trendSplitSql(POSTGRES, q, 'unit'))])
      return trendSplitRows(byCategory, byUnit)
    },
    async hourBins(q) {
      const [accept, resolve] = await Promise.all([all(hourBinsSql(POSTGRES, q, 'accepted_at')), all(hourBinsSql(POSTGRES, q, 'resolved_at'))])
      return hourBinRows(accept, resolve)
    },
  }
}
