import { Map as TaroMap } from '@tarojs/components'
import { gridAt } from '@/domain/overview'
import { scaleFor } from '../mapView'
import type { MapCanvasProps } from './canvas'
import dot from './dot.png'

/**
 * 一张图 on the weapp's own <Map>: grids as polygons, reports, clusters and shifts as markers with labels. The map's
 * tap gives the point tapped (e.detail.latitude/longitude); the grid under it is found by the domain's point-in-polygon.
 */
export function WeappCanvas({ vm, onGrid }: MapCanvasProps) {
  const rings = vm.grids.filter((g) => g.ring).map((g) => ({ id: g.id, boundary: g.ring }))
  const open = (lat: number, lng: number) => {
    const g = gridAt([lat, lng], rings)
    if (g) onGrid(g.id)
  }
  const centre = vm.centre ?? [0, 0]
  return (
    <TaroMap
      className='overview-map__canvas'
      latitude={centre[0]}
      longitude={centre[1]}
      scale={scaleFor(vm.bounds)}
      polygons={vm.grids
        .filter((g) => g.ring)
        .map((g) => ({ points: g.ring!.map(([latitude, longitude]) => ({ latitude, longitude })), strokeWidth: 2, strokeColor: g.stroke, fillColor: g.fill, zIndex: 1 }))}
      markers={vm.markers.map((m) => ({
        id: m.id,
        latitude: m.latitude,
        longitude: m.longitude,
        iconPath: dot,
        width: m.kind === 'report' ? 12 : 16,
        height: m.kind === 'report' ? 12 : 16,
        title: m.title,
        ...(m.label
          ? { label: { content: m.label, color: '#ffffff', fontSize: 14, anchorX: 0, anchorY: -30, borderWidth: 0, borderColor: m.colour, borderRadius: 6, bgColor: m.colour, padding: 4, textAlign: 'center' as const } }
          : {}),
      }))}
      onTap={(e) => {
        const d = e.detail as { latitude?: number; longitude?: number }
        if (typeof d.latitude === 'number' && typeof d.longitude === 'number') open(d.latitude, d.longitude)
      }}
      onMarkerTap={(e) => {
        const m = vm.markers.find((x) => x.id === Number(e.detail.markerId))
        if (m) open(m.latitude, m.longitude)
      }}
      onError={() => undefined}
    />
  )
}
