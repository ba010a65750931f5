import { REPORT_LEVELS, type ReportCategory, type ReportLevel } from '../reports'
import {
  addWeeks,
  CELL_DECIMALS,
  clusterCrossings,
  isHolidayWeek,
  spikeTest,
  weekOf,
  weekStart,
  type WarningParams,
  type WeekCount,
} from './rules'
import type { WarningLevel, WarningSignal } from '.'

/** What the sweep knows of one report (the store reads these for a community). */
export interface ReportFact {
  id: string
  gridId: string
  category: ReportCategory
  createdAt: string
  latitude: number | null
  longitude: number | null
  /** the household it was reported on behalf of (联系户), if any */
  householdId: string | null
  reopenCount: number
  maxLevel: ReportLevel
  /** raised from a patrol log (巡逻发现) */
  fromPatrol: boolean
}

/** A warning the rules find; the store raises it unless its key (signal, areaKey, category, period) exists. */
export interface WarningCandidate {
  signal: WarningSignal
  level: WarningLevel
  /** the grid it is about (null: the whole community) */
  gridId: string | null
  /** 'grid:<id>', 'community', 'household:<id>', 'cell:<lat>,<lng>', 'report:<id>' */
  areaKey: string
  /** '' when the signal has no category */
  category: ReportCategory | ''
  /** the week's Monday for spikes and clusters; '' for a dispute (once per report) */
  period: string
  observed: number
  baseline: number | null
  pValue: number | null
  reportIds: string[]
}

/** How far back the sweep must read facts for these parameters (weeks before the previous week, and the clusters' windows). */
export function factsSince(now: string, p: WarningParams): string {
  const spikeFrom = weekStart(addWeeks(weekOf(now), -(p.baselineWeeks + 1)))
  const clusterDays = 2 * Math.max(p.repeatDays, p.patrolDays)
  const clusterFrom = new Date(Date.parse(now) - clusterDays * 24 * 3600_000).toISOString()
  return spikeFrom < clusterFrom ? spikeFrom : clusterFrom
}

/** Every candidate at `now`: spikes of this week and the last (a sweep may have missed the week's end), clusters, disputes. */
export function evaluate(facts: ReportFact[], now: string, p: WarningParams): WarningCandidate[] {
  const sorted = [...facts].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
  const thisWeek = weekOf(now)
  return [
    ...spikes(sorted, addWeeks(thisWeek, -1), p),
    ...spikes(sorted, thisWeek, p),
    ...repeats(sorted, now, p),
    ...disputes(sorted),
    ...patrolClusters(sorted, now, p),
  ]
}

function spikes(facts: ReportFact[], week: string, p: WarningParams): WarningCandidate[] {
  const weeks = Array.from({ length: p.baselineWeeks }, (_, i) => addWeeks(week, -(i + 1)))
  const holiday = new Map(weeks.map((w) => [w, isHolidayWeek(w)]))
  const byArea = new Map<string, { gridId: string | null; category: ReportCategory; perWeek: Map<string, string[]> }>()
  for (const f of facts) {
    const w = weekOf(f.createdAt)
    if (w !== week && !holiday.has(w)) continue
    for (const gridId of [f.gridId, null]) {
      const key = `${gridId ?? ''}|${f.category}`
      let a = byArea.get(key)
      if (!a) byArea.set(key, (a = { gridId, category: f.category, perWeek: new Map() }))
      const ids = a.perWeek.get(w) ?? []
      ids.push(f.id)
      a.perWeek.set(w, ids)
    }
  }
  const out: WarningCandidate[] = []
  const alarmedCategories = new Set<string>()
  const judge = (a: { gridId: string | null; category: ReportCategory; perWeek: Map<string, string[]> }) => {
    const ids = a.perWeek.get(week) ?? []
    const history: WeekCount[] = weeks.map((w) => ({ week: w, count: a.perWeek.get(w)?.length ?? 0, holiday: holiday.get(w)! }))
    const r = spikeTest(history, ids.length, p)
    if (!r.alarm) return
    if (a.gridId) alarmedCategories.add(a.category)
    out.push({
      signal: 'spike',
      level: a.gridId ? 'grid' : 'community',
      gridId: a.gridId,
      areaKey: a.gridId ? `grid:${a.gridId}` : 'community',
      category: a.category,
      period: week,
      observed: ids.length,
      baseline: r.baseline,
      pValue: r.pValue,
      reportIds: ids,
    })
  }
  const areas = [...byArea.values()]
  areas.filter((a) => a.gridId).forEach(judge)
  areas.filter((a) => !a.gridId && !alarmedCategories.has(a.category)).forEach(judge)
  return out
}

function clusters(
  groups: Map<string, ReportFact[]>,
  now: string,
  count: number,
  days: number,
  make: (key: string, reports: ReportFact[]) => Omit<WarningCandidate, 'period' | 'observed' | 'reportIds' | 'baseline' | 'pValue'>,
): WarningCandidate[] {
  const from = new Date(Date.parse(now) - days * 24 * 3600_000).toISOString()
  const out: WarningCandidate[] = []
  for (const [key, reports] of groups) {
    for (const i of clusterCrossings(reports.map((r) => r.createdAt), count, days)) {
      const trigger = reports[i]!
      if (trigger.createdAt < from) continue
      const inWindow = reports.slice(0, i + 1).filter((r) => Date.parse(trigger.createdAt) - Date.parse(r.createdAt) <= days * 24 * 3600_000)
      out.push({ ...make(key, reports), period: weekOf(trigger.createdAt), observed: inWindow.length, baseline: null, pValue: null, reportIds: inWindow.map((r) => r.id) })
    }
  }
  return out
}

function groupBy(facts: ReportFact[], keyOf: (f: ReportFact) => string | null): Map<string, ReportFact[]> {
  const m = new Map<string, ReportFact[]>()
  for (const f of facts) {
    const k = keyOf(f)
    if (k === null) continue
    m.set(k, [...(m.get(k) ?? []), f])
  }
  return m
}

export const cellOf = (f: Pick<ReportFact, 'latitude' | 'longitude'>): string | null =>
  f.latitude === null || f.longitude === null ? null : `cell:${f.latitude.toFixed(CELL_DECIMALS)},${f.longitude.toFixed(CELL_DECIMALS)}`

function repeats(facts: ReportFact[], now: string, p: WarningParams): WarningCandidate[] {
  const make = (key: string, reports: ReportFact[]) => ({
    signal: 'repeat' as const,
    level: 'grid' as const,
    gridId: reports[reports.length - 1]!.gridId,
    areaKey: key,
    category: '' as const,
  })
  return [
    ...clusters(groupBy(facts, (f) => (f.householdId ? `household:${f.householdId}` : null)), now, p.repeatCount, p.repeatDays, make),
    ...clusters(groupBy(facts, cellOf), now, p.repeatCount, p.repeatDays, make),
  ]
}

/** A 矛盾纠纷 reopened or escalated twice: reopens plus the levels it climbed above the grid. */
export const disputeTurns = (f: Pick<ReportFact, 'reopenCount' | 'maxLevel'>): number => f.reopenCount + REPORT_LEVELS.indexOf(f.maxLevel)

function disputes(facts: ReportFact[]): WarningCandidate[] {
  return facts
    .filter((f) => f.category === 'dispute' && disputeTurns(f) >= 2)
    .map((f) => ({
      signal: 'dispute' as const,
      level: 'grid' as const,
      gridId: f.gridId,
      areaKey: `report:${f.id}`,
      category: 'dispute' as const,
      period: '',
      observed: disputeTurns(f),
      baseline: null,
      pValue: null,
      reportIds: [f.id],
    }))
}

function patrolClusters(facts: ReportFact[], now: string, p: WarningParams): WarningCandidate[] {
  return clusters(groupBy(facts, (f) => (f.fromPatrol ? `grid:${f.gridId}` : null)), now, p.patrolCount, p.patrolDays, (key, reports) => ({
    signal: 'patrolHazard',
    level: 'grid',
    gridId: reports[0]!.gridId,
    areaKey: key,
    category: '',
  }))
}
