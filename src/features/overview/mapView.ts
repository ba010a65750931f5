import type { LatLng, MapGrid, OverviewMap } from '@/domain/overview'
import { REPORT_CATEGORY_LABELS } from '@/domain/reports'
import { chinaStamp } from '@/domain/shared/chinaTime'

/**
 * 一张图's view model, one pure function for both renderers (the weapp <Map> and Leaflet on H5): grid colours and
 * words, the legend, markers with their labels, the bounds to fit, and the text equivalents under the map.
 */

export type GridTone = 'green' | 'amber' | 'red' | 'grey'

/** Colour is never the only signal: each tone has its word (适老化). */
export const TONES: Record<GridTone, { colour: string; label: string }> = {
  green: { colour: '#2e7d32', label: '无待办' },
  amber: { colour: '#b26a00', label: '有未办结' },
  red: { colour: '#c62828', label: '有超期' },
  grey: { colour: '#757575', label: '未划边界' },
}

export const toneOf = (g: Pick<MapGrid, 'open' | 'overdue'>): Exclude<GridTone, 'grey'> => (g.overdue > 0 ? 'red' : g.open > 0 ? 'amber' : 'green')

export interface GridView {
  id: string
  name: string
  tone: GridTone
  /** the tone's word (有超期 …), also for grids without a boundary */
  state: string
  stroke: string
  /** the fill, translucent (#RRGGBBAA) */
  fill: string
  ring: LatLng[] | null
  figures: string
  grid: MapGrid
}

export type MarkerKind = 'report' | 'cluster' | 'shift'

export interface MarkerView {
  /** numeric ids for the weapp <Map> (markertap gives it back) */
  id: number
  kind: MarkerKind
  latitude: number
  longitude: number
  label: string
  colour: string
  /** what a screen reader or the marker's title says */
  title: string
}

export interface MapViewModel {
  grids: GridView[]
  legend: { tone: GridTone; colour: string; label: string }[]
  markers: MarkerView[]
  /** south-west and north-east corners of everything drawn; null: nothing to draw */
  bounds: [LatLng, LatLng] | null
  /** the centre of the bounds (the weapp <Map> needs one) */
  centre: LatLng | null
  summary: string
  shifts: { id: string; text: string }[]
}

export const figuresText = (g: MapGrid): string => `未办结 ${g.open} 件，超期 ${g.overdue} 件，本期报事 ${g.reports} 件，今日巡逻 ${g.patrolsToday} 班`

const hhmm = (iso: string) => chinaStamp(iso).slice(-5)

export function mapViewModel(m: OverviewMap): MapViewModel {
  const grids: GridView[] = m.grids.map((g) => {
    const tone = toneOf(g)
    const shown: GridTone = g.boundary ? tone : 'grey'
    return {
      id: g.id,
      name: g.name,
      tone: shown,
      state: g.boundary ? TONES[tone].label : `${TONES[tone].label}（${TONES.grey.label}）`,
      stroke: TONES[tone].colour,
      fill: `${TONES[tone].colour}55`,
      ring: g.boundary,
      figures: figuresText(g),
      grid: g,
    }
  })
  const markers: MarkerView[] = []
  let id = 0
  for (const p of m.points.items) {
    const what = REPORT_CATEGORY_LABELS[p.category]
    markers.push({
      id: id++, kind: 'report', latitude: p.latitude, longitude: p.longitude, label: p.overdue ? '超期' : '', colour: p.overdue ? TONES.red.colour : '#1e5bb8',
      title: `${what}${p.overdue ? '（超期）' : ''}`,
    })
  }
  for (const c of m.points.clusters) {
    markers.push({
      id: id++, kind: 'cluster', latitude: c.latitude, longitude: c.longitude, label: `${c.count}件`, colour: c.overdue > 0 ? TONES.red.colour : '#1e5bb8',
      title: `此处 ${c.count} 件未办结${c.overdue > 0 ? `，其中超期 ${c.overdue} 件` : ''}`,
    })
  }
  for (const s of m.shifts) {
    markers.push({
      id: id++, kind: 'shift', latitude: s.latitude, longitude: s.longitude, label: `巡逻 ${s.filled}/${s.capacity}`, colour: '#6a1b9a',
      title: `${s.title} ${hhmm(s.startAt)}–${hhmm(s.endAt)}，已报名 ${s.filled}/${s.capacity} 人`,
    })
  }
  const all: LatLng[] = [...grids.flatMap((g) => g.ring ?? []), ...markers.map((k) => [k.latitude, k.longitude] as LatLng)]
  const bounds: [LatLng, LatLng] | null = all.length
    ? [
        [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1]))],
        [Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))],
      ]
    : null
  const centre: LatLng | null = bounds ? [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2] : null
  const pts = m.points
  const summary = `${m.grids.length} 个网格；本期未办结且有位置的报事 ${pts.total} 件${pts.clustered ? `（较多，已按约 ${pts.cellDegrees}° 的方格合并显示）` : ''}；今日巡逻 ${m.shifts.length} 班`
  const legend = (['green', 'amber', 'red'] as const).map((tone) => ({ tone, ...TONES[tone] }))
  return {
    grids,
    legend,
    markers,
    bounds,
    centre,
    summary,
    shifts: m.shifts.map((s) => ({ id: s.id, text: `${s.title}（${s.communityName}）${hhmm(s.startAt)}–${hhmm(s.endAt)}，已报名 ${s.filled}/${s.capacity} 人` })),
  }
}

/** A weapp <Map> scale that shows the bounds on a phone about 360 px wide: at scale z it spans ≈ 500/2^z degrees. */
export function scaleFor(bounds: [LatLng, LatLng] | null): number {
  if (!bounds) return 14
  const span = Math.max(bounds[1][0] - bounds[0][0], bounds[1][1] - bounds[0][1], 0.0005)
  return Math.max(5, Math.min(18, Math.floor(Math.log2(500 / span))))
}
