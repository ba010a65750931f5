import type Database from 'better-sqlite3'
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

const SQLITE: Dialect = {
  hours: (later, earlier) => `(julianday(${later}) - julianday(${earlier})) * 24.0`,
  chinaDay: (instant) => `date(${instant}, '+8 hours')`,
  collate: '',
}

/** 总览 on SQLite: each figure one aggregate query, all read in one transaction (one snapshot). */
export function overviewRepo(db: Database.Database): OverviewRepo {
  const all = (s: Sql) => db.prepare(s.text).all(...s.values) as Record<string, unknown>[]
  const read = db.transaction((q: Parameters<OverviewRepo['figures']>[0]) =>
    assembleFigures({
      byDay: all(byDaySql(SQLITE, q)),
      tallies: all(talliesSql(q)),
      accept: all(percentilesSql(SQLITE, q, 'accepted_at')),
      resolve: all(percentilesSql(SQLITE, q, 'resolved_at')),
      open: all(openNowSql(q)),
      overdue: all(overdueNowSql(q)),
      ratings: all(ratingsSql(q)),
      comments: all(commentsSql(SQLITE, q)),
      warnings: all(warningsSql(q))[0],
      notices: all(noticesSql(q))[0]!,
      motions: all(motionsSql(q))[0]!,
      shifts: all(shiftsSql(q))[0]!,
      people: all(peopleSql(q))[0]!,
      departments: all(departmentsSql(q)),
    }),
  )
  const split = db.transaction((q: Parameters<OverviewRepo['trendSplit']>[0]) =>
    trendSplitRows(all(trendSplitSql(SQLITE, q, 'category')), all(trendSplitSql(SQLITE, q, 'unit'))),
  )
  const bins = db.transaction((q: Parameters<OverviewRepo['hourBins']>[0]) =>
    hourBinRows(all(hourBinsSql(SQLITE, q, 'accepted_at')), all(hourBinsSql(SQLITE, q, 'resolved_at'))),
  )
  return {
    async place(kind, id) {
      const r = all(placeSql(kind, id))[0]
      return r ? placeRecord(kind, r as never) : null
    },
    async subAreas(scope) {
      return all(subAreasSql(SQLITE, scope)) as { id: string; name: string }[]
    },
    async figures(q) {
      return read(q)
    },
    async trendSplit(q) {
      return split(q)
    },
    async hourBins(q) {
      return bins(q)
    },
  }
}
