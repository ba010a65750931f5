/** 一张图's pure rules (src/domain/overview/map.ts): the cluster cell, point in polygon, the grid at a point, stored boundaries, the input. */
import { CELL_LADDER, CLUSTER_CELLS, clusterCell, gridAt, overviewMapSchema, parseBoundary, pointInPolygon, POINT_CAP, type LatLng } from '@/domain/overview'

const SQUARE: LatLng[] = [[30, 104], [30, 104.01], [30.01, 104.01], [30.01, 104]]
/** an L shape: the square's top-right quarter cut out */
const ELL: LatLng[] = [[30, 104], [30, 104.01], [30.005, 104.01], [30.005, 104.005], [30.01, 104.005], [30.01, 104]]

test('clusterCell: the smallest ladder step with at most 16 cells across the span', () => {
  expect(clusterCell(0)).toBe(0.001)
  expect(clusterCell(0.016)).toBe(0.001)
  expect(clusterCell(0.017)).toBe(0.002)
  expect(clusterCell(0.1)).toBe(0.01)
  expect(clusterCell(1.6)).toBe(0.1)
  expect(clusterCell(3)).toBe(0.2)
  expect(clusterCell(100)).toBe(10)
  expect(clusterCell(360)).toBe(30)
  expect(clusterCell(-1)).toBe(0.001)
  // every span up to 16° gives at most (16 + 1)² cells, within the point cap
  for (const span of [0.003, 0.05, 0.7, 9, 16, 200, 360]) expect(Math.ceil(span / clusterCell(span)) + 1).toBeLessThanOrEqual(CLUSTER_CELLS + 1)
  expect((CLUSTER_CELLS + 1) ** 2).toBeLessThanOrEqual(POINT_CAP)
  expect([...CELL_LADDER].sort((a, b) => a - b)).toEqual([...CELL_LADDER])
})

test('pointInPolygon: inside, outside, a concave ring, an open or closed ring alike', () => {
  expect(pointInPolygon([30.005, 104.005], SQUARE)).toBe(true)
  expect(pointInPolygon([30.02, 104.005], SQUARE)).toBe(false)
  expect(pointInPolygon([30.005, 103.99], SQUARE)).toBe(false)
  expect(pointInPolygon([30.002, 104.008], ELL)).toBe(true)
  expect(pointInPolygon([30.008, 104.008], ELL)).toBe(false)
  expect(pointInPolygon([30.008, 104.002], ELL)).toBe(true)
  expect(pointInPolygon([30.005, 104.005], [...SQUARE, SQUARE[0]])).toBe(true)
  expect(pointInPolygon([30.005, 104.005], [])).toBe(false)
})

test('gridAt: the first grid whose boundary holds the point; grids without one are skipped', () => {
  const grids = [
    { id: 'none', boundary: null },
    { id: 'two points', boundary: [[30, 104], [31, 105]] as LatLng[] },
    { id: 'ell', boundary: ELL },
    { id: 'square', boundary: SQUARE },
  ]
  expect(gridAt([30.002, 104.002], grids)?.id).toBe('ell')
  expect(gridAt([30.008, 104.008], grids)?.id).toBe('square')
  expect(gridAt([31, 110], grids)).toBeNull()
})

test('parseBoundary: a JSON ring of ≥ 3 finite [lat, lng]; anything else is none', () => {
  expect(parseBoundary(JSON.stringify(SQUARE))).toEqual(SQUARE)
  for (const bad of [null, undefined, '', 'not json', '{}', '[[30,104],[30,105]]', '[[30,104],[30,105],[91,104]]', '[[30,104],[30,105],[30,"104"]]', '[[30,104],[30,105],[30]]', 42]) {
    expect([bad, parseBoundary(bad)]).toEqual([bad, null])
  }
})

test('overviewMapSchema: an area and a period, both dates or none; no bucket', () => {
  expect(overviewMapSchema.safeParse({}).success).toBe(true)
  expect(overviewMapSchema.safeParse({ area: { kind: 'grid', id: 'g_jj_1' }, from: '2025-02-01', to: '2025-02-28' }).success).toBe(true)
  const message = (v: unknown) => {
    const r = overviewMapSchema.safeParse(v)
    return r.success ? 'ok' : r.error.issues[0].message
  }
  expect(message({ from: '2025-02-01' })).toBe('请同时选择开始和结束日期')
  expect(message({ from: '2025-02-02', to: '2025-02-01' })).toBe('结束日期不能早于开始日期')
  expect(message({ area: { kind: 'city', id: 'ct_1' } })).toBe('区域类型不正确')
  expect(overviewMapSchema.safeParse({ bucket: 'day' }).success).toBe(false)
})
