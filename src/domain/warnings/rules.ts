import { getDayDetail } from 'chinese-days'

/**
 * 预测预警 rules (issue 18): pure functions of report facts and a community's parameters.
 *
 * Spike (signal `spike`): reports per area (a grid, or the whole community) × category per week (Monday 00:00 to
 * Monday 00:00, China time). The observed count k of a week is compared with the area's own baseline λ: the mean
 * count of the `baselineWeeks` weeks before it, leaving out weeks that hold a 法定节假日 (chinese-days; such weeks
 * have fewer or odd reports, and would otherwise drag the baseline down so the next ordinary week alarms). λ is
 * floored at LAMBDA_FLOOR so a quiet area does not alarm on a handful. One-sided Poisson test: the week alarms when
 * k ≥ minCount AND P(X ≥ k | X ~ Poisson(λ)) < alpha. A holiday week itself is judged like any other: its count
 * alone, not the holiday, decides. The community level is judged only for categories no grid alarmed that week
 * (a community signal is a rise spread over grids, not the echo of one grid's).
 *
 * Repeat (signal `repeat`): ≥ repeatCount reports about one household (reported on its behalf) or one place (a
 * location cell of 0.001° ≈ 100 m) within repeatDays. Dispute (signal `dispute`): a 矛盾纠纷 reopened or escalated
 * twice (reopens + levels above the grid ≥ 2). Patrol (signal `patrolHazard`): ≥ patrolCount reports raised from
 * patrol logs (巡逻发现隐患) in one grid within patrolDays.
 *
 * Every candidate has a key (signal, area, category, period) that the store keeps unique: a warning is raised once.
 */

export interface WarningParams {
  /** significance level of the Poisson test */
  alpha: number
  /** weeks of baseline before the week judged */
  baselineWeeks: number
  /** fewest reports in a week that may alarm */
  minCount: number
  repeatCount: number
  repeatDays: number
  patrolCount: number
  patrolDays: number
}

/** The safe bounds a community's committee sets the parameters within, and the defaults. */
export const PARAM_BOUNDS: Record<keyof WarningParams, { min: number; max: number; default: number; integer: boolean; label: string }> = {
  alpha: { min: 0.001, max: 0.05, default: 0.01, integer: false, label: '显著性水平' },
  baselineWeeks: { min: 4, max: 12, default: 8, integer: true, label: '基线周数' },
  minCount: { min: 3, max: 50, default: 5, integer: true, label: '最少件数' },
  repeatCount: { min: 3, max: 10, default: 3, integer: true, label: '同一户/地点重复次数' },
  repeatDays: { min: 7, max: 60, default: 30, integer: true, label: '重复统计天数' },
  patrolCount: { min: 2, max: 20, default: 3, integer: true, label: '巡逻隐患件数' },
  patrolDays: { min: 7, max: 30, default: 14, integer: true, label: '巡逻隐患统计天数' },
}

export const PARAM_KEYS = Object.keys(PARAM_BOUNDS) as (keyof WarningParams)[]

export const DEFAULT_PARAMS: WarningParams = Object.fromEntries(PARAM_KEYS.map((k) => [k, PARAM_BOUNDS[k].default])) as unknown as WarningParams

/** The baseline mean is never taken below this (reports per week). */
export const LAMBDA_FLOOR = 1
/** Location cells: coordinates rounded to this many decimals (0.001° ≈ 100 m). */
export const CELL_DECIMALS = 3

const DAY_MS = 24 * 3600_000
const WEEK_MS = 7 * DAY_MS
const CHINA_OFFSET_MS = 8 * 3600_000

/** The Monday ('YYYY-MM-DD', China time) of the week an instant falls in. */
export function weekOf(instant: string): string {
  const local = new Date(Date.parse(instant) + CHINA_OFFSET_MS)
  const back = (local.getUTCDay() + 6) % 7
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back)).toISOString().slice(0, 10)
}

/** The Monday `n` weeks after (negative: before) a Monday. */
export function addWeeks(monday: string, n: number): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) + n * WEEK_MS).toISOString().slice(0, 10)
}

/** The instant a week (its Monday) starts, China time. */
export function weekStart(monday: string): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) - CHINA_OFFSET_MS).toISOString()
}

/** Whether a day is a 法定节假日 (a named holiday's day off; plain weekends are not). */
export function isStatutoryHoliday(day: string): boolean {
  const d = getDayDetail(day)
  return !d.work && d.name.includes(',')
}

/** Whether the week (its Monday) holds at least one 法定节假日. */
export function isHolidayWeek(monday: string): boolean {
  for (let i = 0; i < 7; i++) {
    if (isStatutoryHoliday(new Date(Date.parse(`${monday}T00:00:00Z`) + i * DAY_MS).toISOString().slice(0, 10))) return true
  }
  return false
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1
  let term = Math.exp(-lambda)
  let below = term
  for (let i = 1; i < k; i++) {
    term *= lambda / i
    below += term
  }
  return Math.max(0, 1 - below)
}

export interface WeekCount {
  /** the week's Monday */
  week: string
  count: number
  holiday: boolean
}

export interface SpikeResult {
  alarm: boolean
  /** λ: the baseline mean (floored) */
  baseline: number
  pValue: number
  /** how many weeks the baseline was taken over (holiday weeks left out) */
  baselineWeeks: number
}

/** The Poisson test of one week's count against the weeks before it (`history`: the baseline window, any order). */
export function spikeTest(history: WeekCount[], observed: number, params: Pick<WarningParams, 'alpha' | 'minCount'>): SpikeResult {
  const used = history.filter((w) => !w.holiday)
  const mean = used.length > 0 ? used.reduce((s, w) => s + w.count, 0) / used.length : 0
  const baseline = Math.max(mean, LAMBDA_FLOOR)
  const pValue = poissonTail(observed, baseline)
  return { alarm: observed >= params.minCount && pValue < params.alpha, baseline: round(baseline), pValue, baselineWeeks: used.length }
}

const round = (x: number) => Math.round(x * 100) / 100

/**
 * Where `count` reports first fall within `days` of each other, greedily from the oldest: the index of the report
 * that makes each such cluster (after one, counting starts again from the next report). `times` sorted ascending.
 */
export function clusterCrossings(times: string[], count: number, days: number): number[] {
  const out: number[] = []
  let start = 0
  for (let i = 0; i < times.length; i++) {
    while (Date.parse(times[i]!) - Date.parse(times[start]!) > days * DAY_MS) start++
    if (i - start + 1 >= count) {
      out.push(i)
      start = i + 1
    }
  }
  return out
}

/** Whether a value is within its parameter's bounds (and whole where it must be). */
export function paramInBounds(key: keyof WarningParams, value: number): boolean {
  const b = PARAM_BOUNDS[key]
  return Number.isFinite(value) && value >= b.min && value <= b.max && (!b.integer || Number.isInteger(value))
}
