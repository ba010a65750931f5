import { useEffect, useRef } from 'react'
import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import type { MapCanvasProps } from './canvas'

/**
 * 一张图 on H5 with Leaflet (loaded by the H5 build only). Tiles come from TARO_APP_MAP_TILES (a GCJ-02 URL template
 * such as Tencent's or AMap's, with its key); without it the grids and points are drawn on a plain background.
 */
export const TILES: string = process.env.TARO_APP_MAP_TILES ?? ''

export function LeafletCanvas({ vm, onGrid }: MapCanvasProps) {
  const box = useRef<HTMLDivElement>(null)
  const onGridRef = useRef(onGrid)
  onGridRef.current = onGrid
  useEffect(() => {
    if (!box.current) return
    const map = L.map(box.current, { attributionControl: false, zoomSnap: 0.5 })
    if (TILES) L.tileLayer(TILES, { maxZoom: 18, subdomains: ['0', '1', '2', '3'] }).addTo(map)
    for (const g of vm.grids) {
      if (!g.ring) continue
      L.polygon(g.ring, { color: g.stroke, weight: 2, fillColor: g.stroke, fillOpacity: 0.3 })
        .bindTooltip(`${g.name}：${g.state}`)
        .on('click', () => onGridRef.current(g.id))
        .addTo(map)
    }
    for (const m of vm.markers) {
      if (m.kind === 'report') {
        L.circleMarker([m.latitude, m.longitude], { radius: 6, color: m.colour, fillColor: m.colour, fillOpacity: 0.9, weight: 1 }).bindTooltip(m.title).addTo(map)
      } else {
        // the label as an element with text, never as HTML
        const label = document.createElement('span')
        label.textContent = m.label
        label.style.background = m.colour
        const icon = L.divIcon({ className: 'overview-map__label', html: label, iconSize: [72, 28], iconAnchor: [36, 14] })
        L.marker([m.latitude, m.longitude], { icon, title: m.title, keyboard: false }).addTo(map)
      }
    }
    if (vm.bounds) map.fitBounds(vm.bounds, { padding: [16, 16] })
    else map.setView([30, 120], 4)
    return () => {
      map.remove()
    }
  }, [vm])
  return <div ref={box} className='overview-map__canvas' data-testid='overview-map-canvas' role='img' aria-label='网格地图（下方有同样内容的文字列表）' />
}
