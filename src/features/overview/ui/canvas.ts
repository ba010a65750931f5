import type { MapViewModel } from '../mapView'

/** What either map renderer takes: the one view model, and what to do when a grid is tapped. */
export interface MapCanvasProps {
  vm: MapViewModel
  onGrid: (gridId: string) => void
}
