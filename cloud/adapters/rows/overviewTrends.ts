import { HOUR_BIN_EDGES } from '@/domain/overview'
import type { ReportCategory } from '@/domain/reports'
import type { HourBinRows, OverviewQuery, TrendSplitRows } from '../../overview/ports'
import { builder, reportArea, unitColumn, type Dialect, type Sql } from './overview'

/** 总览's trend split and hour bins, written once for both engines (as ./overview.ts): grouped by the engine. */

/** Reports created in the period per China day and category, or per China day and sub-area. */
export function trendSplitSql(d: Dialect, q: OverviewQuery, by: 'category' | 'unit'): Sql {
  const { values, p } = builder()
  const day = d.chinaDay('r.created_at')
  const col = by === 'category' ? 'r.category' : `r.${unitColumn(q.scope)}`
  const text = `SELECT ${day} AS day, ${col} AS k, count(*) AS n FROM reports r
    WHERE ${reportArea(q.scope, p)} AND r.created_at >= ${p(q.start)} AND r.created_at < ${p(q.end)}${by === 'unit' ? ` AND ${col} IS NOT NULL` : ''}
    GROUP BY ${day}, ${col}`
  return { text, values }
}

/**
 * The period's reports with `column` set, counted per bin of whole seconds from creation (seconds, rounded, so
 * that an edge such as exactly 4 h falls in the same bin on both engines' arithmetic).
 */
export function hourBinsSql(d: Dialect, q: OverviewQuery, column: 'accepted_at' | 'resolved_at'): Sql {
  const { values, p } = builder()
  const seconds = `round(${d.hours(`r.${column}`, 'r.created_at')} * 3600)`
  const bin = `CASE ${HOUR_BIN_EDGES.map((h, i) => `WHEN ${seconds} < ${h * 3600} THEN ${i}`).join(' ')} ELSE ${HOUR_BIN_EDGES.length} END`
  const text = `SELECT bin, count(*) AS n FROM (
      SELECT ${bin} AS bin FROM reports r
      WHERE ${reportArea(q.scope, p)} AND r.created_at >= ${p(q.start)} AND r.created_at < ${p(q.end)} AND r.${column} IS NOT NULL
    ) b GROUP BY bin`
  return { text, values }
}

type Raw = Record<string, unknown>
const byKey = <T extends { day: string }>(rows: T[], k: (t: T) => string) => rows.sort((a, b) => (a.day + k(a) < b.day + k(b) ? -1 : 1))

export function trendSplitRows(byCategory: Raw[], byUnit: Raw[]): TrendSplitRows {
  return {
    byDayCategory: byKey(byCategory.map((r) => ({ day: String(r.day), category: r.k as ReportCategory, n: Number(r.n) })), (r) => r.category),
    byDayUnit: byKey(byUnit.map((r) => ({ day: String(r.day), unit: String(r.k), n: Number(r.n) })), (r) => r.unit),
  }
}

export function hourBinRows(accept: Raw[], resolve: Raw[]): HourBinRows {
  const rows = (rs: Raw[]) => rs.map((r) => ({ bin: Number(r.bin), n: Number(r.n) })).sort((a, b) => a.bin - b.bin)
  return { accept: rows(accept), resolve: rows(resolve) }
}
