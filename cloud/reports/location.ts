import { gridOfPoint, type LatLng } from '@/domain/shared/geo'
import type { GridRecord } from '../shared/ports'

export { toGcj02 } from '../shared/geo'

/**
 * The grid a report goes to: the grid the resident picked (a correction wins), else the one whose boundary
 * holds the point, else the resident's own, else the community's first. report.create and report.route share it.
 */
export function routeOf<G extends GridRecord>(grids: readonly G[], opts: { point: LatLng | null; pickedId?: string; ownId: string | null }): { grid: G; inside: boolean } {
  const picked = opts.pickedId ? grids.find((g) => g.id === opts.pickedId) : undefined
  const located = opts.point ? gridOfPoint(opts.point, grids) : null
  const own = opts.ownId ? grids.find((g) => g.id === opts.ownId) : undefined
  const grid = picked ?? located ?? own ?? grids[0]!
  return { grid, inside: located !== null && located.id === grid.id }
}
