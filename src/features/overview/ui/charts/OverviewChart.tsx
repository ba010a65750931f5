import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import type { ChartSpec } from '../../charts'
import { chartHeight, drawChart } from './f2'

interface CanvasProps {
  spec: ChartSpec
  height: number
  testid: string
}

/** H5: a plain <canvas> sized to its box at the device's pixel ratio. */
function H5Canvas({ spec, height, testid }: CanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const width = el.clientWidth || el.parentElement?.clientWidth || 320
    const pixelRatio = window.devicePixelRatio || 1
    el.width = Math.round(width * pixelRatio)
    el.height = Math.round(height * pixelRatio)
    const context = el.getContext('2d')
    return context ? drawChart(spec, { context, width, height, pixelRatio }) : undefined
  }, [spec, height])
  return <canvas ref={ref} className='overview-chart__canvas' style={{ height: `${height}px` }} role='img' aria-label={spec.label} data-testid={`${testid}-canvas`} />
}

/** The weapp 2D canvas node as createSelectorQuery's fields({ node }) gives it. */
interface WeappNode {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D
  requestAnimationFrame(cb: () => void): number
  cancelAnimationFrame(id: number): void
}

/** weapp: <Canvas type='2d'>, whose node (with its 2D context) is looked up once the page has rendered it. */
function WeappCanvas({ spec, height, testid }: CanvasProps) {
  const id = `gz-chart-${testid}`
  useEffect(() => {
    let gone = false
    let release: (() => void) | undefined
    void Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: WeappNode; width?: number }[] | undefined) => {
          const r = res?.[0]
          if (gone || !r?.node) return
          const node = r.node
          const width = r.width || 320
          const pixelRatio = Taro.getWindowInfo().pixelRatio || 2
          node.width = Math.round(width * pixelRatio)
          node.height = Math.round(height * pixelRatio)
          release = drawChart(spec, {
            context: node.getContext('2d'),
            width,
            height,
            pixelRatio,
            requestAnimationFrame: (cb) => node.requestAnimationFrame(cb),
            cancelAnimationFrame: (n) => node.cancelAnimationFrame(n),
          })
        })
    })
    return () => {
      gone = true
      release?.()
    }
  }, [spec, height, id])
  return <Canvas type='2d' id={id} className='overview-chart__canvas' style={{ height: `${height}px` }} {...{ 'aria-role': 'img', 'aria-label': spec.label }} />
}

/**
 * A card's chart: drawn by the chart library from a ChartSpec, with the spec's words as its accessible name. The
 * card's text figures stay beside it (screen readers, the largest font); with no rows there is no chart.
 */
export function OverviewChart({ spec, testid }: { spec: ChartSpec; testid: string }) {
  if (spec.rows.length === 0) return null
  const height = chartHeight(spec)
  return (
    <View className='overview-chart' data-testid={testid}>
      {process.env.TARO_ENV === 'h5' ? <H5Canvas spec={spec} height={height} testid={testid} /> : <WeappCanvas spec={spec} height={height} testid={testid} />}
    </View>
  )
}
