/** 一张图's view model (src/features/overview/mapView.ts): one pure function for both renderers. */
import type { OverviewMap } from '@/domain/overview'
import { figuresText, mapViewModel, scaleFor, TONES, toneOf } from '@/features/overview/mapView'

const RING: [number, number][] = [[29.629, 120.425], [29.629, 120.427], [29.631, 120.427], [29.631, 120.425]]

function map(over: Partial<OverviewMap> = {}): OverviewMap {
  return {
    area: { kind: 'community', id: 'c-1', name: '锦江社区' },
    from: '2025-02-01',
    to: '2025-02-28',
    today: '2025-03-01',
    grids: [
      { id: 'g-1', name: '第一网格', boundary: RING, open: 3, overdue: 1, reports: 5, patrolsToday: 1 },
      { id: 'g-2', name: '第二网格', boundary: RING.map(([a, b]) => [a, b + 0.004] as [number, number]), open: 2, overdue: 0, reports: 2, patrolsToday: 0 },
      { id: 'g-3', name: '第三网格', boundary: null, open: 0, overdue: 0, reports: 0, patrolsToday: 0 },
    ],
    points: {
      total: 2, clustered: false, cellDegrees: null, clusters: [],
      items: [
        { id: 'r-1', category: 'environment', gridId: 'g-1', latitude: 29.63, longitude: 120.426, overdue: true },
        { id: 'r-2', category: 'facility', gridId: 'g-2', latitude: 29.63, longitude: 120.43, overdue: false },
      ],
    },
    shifts: [{ id: 's-1', title: '晚间巡逻', communityName: '锦江社区', latitude: 29.6301, longitude: 120.4261, radius: 300, startAt: '2025-03-01T11:00:00.000Z', endAt: '2025-03-01T13:00:00.000Z', capacity: 4, filled: 1 }],
    ...over,
  }
}

test('grid tone: red with anything overdue, amber with open reports, else green; each with its word', () => {
  expect(toneOf({ open: 3, overdue: 1 })).toBe('red')
  expect(toneOf({ open: 2, overdue: 0 })).toBe('amber')
  expect(toneOf({ open: 0, overdue: 0 })).toBe('green')
  const vm = mapViewModel(map())
  expect(vm.grids.map((g) => [g.id, g.tone, g.state, g.stroke, g.fill])).toEqual([
    ['g-1', 'red', '有超期', TONES.red.colour, `${TONES.red.colour}55`],
    ['g-2', 'amber', '有未办结', TONES.amber.colour, `${TONES.amber.colour}55`],
    ['g-3', 'grey', '无待办（未划边界）', TONES.green.colour, `${TONES.green.colour}55`],
  ])
  expect(vm.legend.map((l) => l.label)).toEqual(['无待办', '有未办结', '有超期'])
  expect(figuresText(map().grids[0])).toBe('未办结 3 件，超期 1 件，本期报事 5 件，今日巡逻 1 班')
})

test('markers: reports (overdue labelled), then shifts with seats; numeric ids; bounds hold everything', () => {
  const vm = mapViewModel(map())
  expect(vm.markers.map((m) => [m.id, m.kind, m.label, m.title])).toEqual([
    [0, 'report', '超期', '环境卫生（超期）'],
    [1, 'report', '', '设施损坏'],
    [2, 'shift', '巡逻 1/4', '晚间巡逻 19:00–21:00，已报名 1/4 人'],
  ])
  expect(vm.bounds!.flat().map((x) => x.toFixed(6))).toEqual(['29.629000', '120.425000', '29.631000', '120.431000'])
  expect(vm.centre![0]).toBeCloseTo(29.63)
  expect(vm.summary).toBe('3 个网格；本期未办结且有位置的报事 2 件；今日巡逻 1 班')
  expect(vm.shifts).toEqual([{ id: 's-1', text: '晚间巡逻（锦江社区）19:00–21:00，已报名 1/4 人' }])
})

test('clusters: a marker with the count for its label; the summary says they are merged', () => {
  const vm = mapViewModel(map({ points: { total: 420, clustered: true, cellDegrees: 0.001, items: [], clusters: [{ latitude: 29.63, longitude: 120.426, count: 400, overdue: 3 }, { latitude: 29.631, longitude: 120.43, count: 20, overdue: 0 }] } }))
  expect(vm.markers.filter((m) => m.kind === 'cluster').map((m) => [m.label, m.title, m.colour])).toEqual([
    ['400件', '此处 400 件未办结，其中超期 3 件', TONES.red.colour],
    ['20件', '此处 20 件未办结', '#1e5bb8'],
  ])
  expect(vm.summary).toContain('报事 420 件（较多，已按约 0.001° 的方格合并显示）')
})

test('nothing to draw: no bounds, no centre; the scale of a default view', () => {
  const vm = mapViewModel(map({ grids: [], points: { total: 0, clustered: false, cellDegrees: null, items: [], clusters: [] }, shifts: [] }))
  expect([vm.bounds, vm.centre, vm.markers]).toEqual([null, null, []])
  expect(scaleFor(null)).toBe(14)
  // a community (≈ 0.006°) close up, a city (≈ 1°) far out, within the platform's 5…18
  expect(scaleFor([[29.629, 120.425], [29.631, 120.431]])).toBe(16)
  expect(scaleFor([[29, 120], [30, 121]])).toBe(8)
  expect(scaleFor([[0, 0], [0, 0]])).toBe(18)
  expect(scaleFor([[-80, -170], [80, 170]])).toBe(5)
})
