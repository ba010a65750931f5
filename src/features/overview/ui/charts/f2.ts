import { Axis, Canvas, Chart, Interval, Legend, TextGuide, jsx } from '@antv/f2'
import type { ChartSpec } from '../../charts'

/**
 * The one file that knows the chart library (@antv/f2 v5, drawn on a canvas 2D context in weapp and H5 alike).
 * It is reached only from the overview subpackage; the rest of the app sees ChartSpec.
 */
export interface ChartSurface {
  context: CanvasRenderingContext2D
  /** CSS pixels */
  width: number
  height: number
  pixelRatio: number
  /** weapp's canvas node brings its own frame timer; H5 uses the window's */
  requestAnimationFrame?: (cb: () => void) => number
  cancelAnimationFrame?: (id: number) => void
}

export const CHART_COLOUR = '#1677ff'
/** a stacked chart's series colours (cycled past ten); the text rows name every part, so colour is not the only signal */
export const SERIES_COLOURS = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#13c2c2', '#a0d911', '#faad14', '#2f54eb', '#8c8c8c']
const TEXT = '#333333'
const FONT = 13

/** Height in CSS pixels: a stacked chart is fixed plus its legend's lines; horizontal bars grow with their rows so every label fits. */
export const chartHeight = (spec: ChartSpec): number =>
  spec.kind === 'stack' ? 220 + Math.ceil((spec.series?.length ?? 0) / 3) * 24 : 40 + spec.rows.length * 36

/** The top of the value axis: the largest bar, or the largest stack of a bucket. */
function topOf(spec: ChartSpec): number {
  if (spec.kind !== 'stack') return Math.max(1, ...spec.rows.map((r) => r.y))
  const stacks = new Map<string, number>()
  for (const r of spec.rows) stacks.set(r.x, (stacks.get(r.x) ?? 0) + r.y)
  return Math.max(1, ...stacks.values())
}

/** jsx() without JSX syntax (the React JSX transform owns .tsx); the library's generic component types do not fit its own ElementType */
const el = (type: unknown, props: Record<string, unknown>) => jsx(type as Parameters<typeof jsx>[0], props)

const valueText = (spec: ChartSpec, y: number) => (spec.unit === '%' ? `${y}%` : `${y}`)

/** The library's element tree for a spec (what `drawChart` renders): kept apart so tests can read what is handed over. */
export function chartTree(spec: ChartSpec, surface: ChartSurface) {
  const { context, width, height, pixelRatio, requestAnimationFrame, cancelAnimationFrame } = surface
  const label = { fontSize: FONT, fill: TEXT }
  // the axis along the bottom keeps its end ticks' text inside the chart (100% no longer runs past the edge)
  const bottom = { ...label, align: 'auto' }
  // counts: whole-number ticks (the top rounded up to a multiple of 4, so 5 ticks fall on integers)
  const top = topOf(spec)
  const yScale = spec.unit === '%' ? { min: 0, max: 100, tickCount: 5 } : { min: 0, max: Math.ceil(top / 4) * 4, tickCount: 5 }
  // columns over many buckets label at most 4 of them (the text rows list every one)
  const columns = new Set(spec.rows.map((r) => r.x)).size
  const xScale = spec.kind === 'bar' ? { type: 'cat' } : { type: 'cat', tickCount: Math.min(columns, 4) }
  const marks =
    spec.kind === 'stack'
      ? [
          el(Interval, { x: 'x', y: 'y', color: ['series', SERIES_COLOURS], adjust: 'stack', style: { radius: 0 } }),
          el(Legend, { position: 'top', marker: 'square', nameStyle: { fontSize: FONT, fill: TEXT } }),
        ]
      : [
          el(Interval, { x: 'x', y: 'y', color: CHART_COLOUR, style: { radius: 0 } }),
          ...spec.rows.map((r) =>
            el(TextGuide, { records: [r], content: valueText(spec, r.y), offsetX: 6, style: { ...label, textAlign: 'start', textBaseline: 'middle' } }),
          ),
        ]
  return el(Canvas, {
    context,
    width,
    height,
    pixelRatio,
    animate: false,
    requestAnimationFrame,
    cancelAnimationFrame,
    // room on the right for the longest bar's value
    padding: spec.kind === 'bar' ? [12, 40, 12, 12] : [12, 16, 12, 12],
    children: el(Chart, {
      // bars lie on their side and are drawn bottom-up: reversed, they read top-down in the text rows' order
      data: spec.kind === 'bar' ? [...spec.rows].reverse() : spec.rows,
      coord: { transposed: spec.kind === 'bar' },
      scale: { y: yScale, x: xScale },
      children: [
        el(Axis, { field: 'x', style: { label: spec.kind === 'bar' ? label : bottom } }),
        el(Axis, {
          field: 'y',
          formatter: (v: number) => valueText(spec, v),
          style: { label: spec.kind === 'bar' ? bottom : label },
        }),
        ...marks,
      ],
    }),
  })
}

/** Draws the spec on the surface; the returned function releases the library's canvas. */
export function drawChart(spec: ChartSpec, surface: ChartSurface): () => void {
  const { props } = chartTree(spec, surface)
  const canvas = new Canvas(props)
  void canvas.render()
  return () => canvas.destroy()
}
