import { Axis, Canvas, Chart, Interval, Line, Point, TextGuide, jsx } from '@antv/f2'
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
const TEXT = '#333333'
const FONT = 13

/** Height in CSS pixels: a line chart is fixed; horizontal bars grow with their rows so every label fits. */
export const chartHeight = (spec: ChartSpec): number => (spec.kind === 'line' ? 200 : 40 + spec.rows.length * 36)

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
  const top = Math.max(1, ...spec.rows.map((r) => r.y))
  const yScale = spec.unit === '%' ? { min: 0, max: 100, tickCount: 5 } : { min: 0, max: Math.ceil(top / 4) * 4, tickCount: 5 }
  // a line over many buckets labels at most 4 of them (the text rows list every one)
  const xScale = spec.kind === 'line' ? { type: 'cat', tickCount: Math.min(spec.rows.length, 4) } : { type: 'cat' }
  const marks =
    spec.kind === 'line'
      ? [el(Line, { x: 'x', y: 'y', color: CHART_COLOUR }), el(Point, { x: 'x', y: 'y', color: CHART_COLOUR })]
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
    padding: [12, 40, 12, 12],
    children: el(Chart, {
      // bars lie on their side and are drawn bottom-up: reversed, they read top-down in the text rows' order
      data: spec.kind === 'bar' ? [...spec.rows].reverse() : spec.rows,
      coord: { transposed: spec.kind === 'bar' },
      scale: { y: yScale, x: xScale },
      children: [
        el(Axis, { field: 'x', style: { label: spec.kind === 'line' ? bottom : label } }),
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
