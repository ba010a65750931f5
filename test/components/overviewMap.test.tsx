/**
 * 一张图's page (packages/overview/map): the map (Leaflet in the H5 build tests run as, no tiles), the legend, the
 * text list of the grids with their figures, a tap on a row or a grid's polygon opening the bottom panel with the
 * link to the grid's reports; today's patrols; loading and error states; who may open it.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { OverviewMap } from '@/domain/overview'
import { OVERVIEW_MAP_ROUTES } from '@/features/overview'
import { queueUrl } from '@/features/overview/ui/OverviewMapScreen'
import OverviewMapPage from '@/packages/overview/map/index'
import appConfig from '@/app.config'
import { ROUTES } from '@/services/routes'
import { useOverviewMap } from '@/features/overview/useOverviewMap'
import { setSession } from '@/services/session'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import type { Me } from '@/domain/auth'
import { WorkDesk } from '@/features/workspace/ui/WorkDesk'
import { useDesk } from '@/features/workspace/useDesk'
import { makeMe, makeSession } from '../support/fixtures'

jest.mock('@/features/overview/useOverviewMap', () => ({ useOverviewMap: jest.fn() }))
// the desk's own figures are not this file's: every call it makes fails, its rows still show
jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
const hook = useOverviewMap as jest.MockedFunction<typeof useOverviewMap>

const committee = makeMe({ id: 'u-c', name: '陈秀兰', roles: ['committee'], verified: false, gridId: null, gridName: null })
const worker = makeMe({ id: 'u-w', name: '孙丽', roles: ['gridWorker'], verified: false, gridId: null, gridName: null, grids: [{ id: 'g-1', name: '第一网格' }] })
const resident = makeMe({ id: 'u-r', roles: ['resident'] })

const RING: [number, number][] = [[29.629, 120.425], [29.629, 120.427], [29.631, 120.427], [29.631, 120.425]]
const MAP: OverviewMap = {
  area: { kind: 'community', id: 'c-1', name: '锦江社区' },
  from: '2025-03-01',
  to: '2025-03-01',
  today: '2025-03-01',
  grids: [
    { id: 'g-1', name: '第一网格', boundary: RING, open: 3, overdue: 1, reports: 5, patrolsToday: 1 },
    { id: 'g-2', name: '第二网格', boundary: RING.map(([a, b]) => [a, b + 0.004] as [number, number]), open: 0, overdue: 0, reports: 0, patrolsToday: 0 },
  ],
  points: { total: 1, clustered: false, cellDegrees: null, clusters: [], items: [{ id: 'r-1', category: 'environment', gridId: 'g-1', latitude: 29.63, longitude: 120.426, overdue: true }] },
  shifts: [{ id: 's-1', title: '晚间巡逻', communityName: '锦江社区', latitude: 29.6301, longitude: 120.4261, radius: 300, startAt: '2025-03-01T11:00:00.000Z', endAt: '2025-03-01T13:00:00.000Z', capacity: 4, filled: 1 }],
}

function remote(over: Partial<ReturnType<typeof useOverviewMap>> = {}): ReturnType<typeof useOverviewMap> {
  return { data: MAP, status: 'ready', refreshing: false, error: null, reload: jest.fn(async () => undefined), setData: jest.fn(), ...over }
}

// jsdom lays nothing out: give the map's box the size a phone would, as Leaflet measures it to fit the bounds
const sized = (px: number) => ({
  configurable: true,
  get(this: HTMLElement) {
    return this.classList?.contains('overview-map__canvas') ? px : 0
  },
})
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', sized(360))
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', sized(300))
})
afterAll(() => {
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientWidth
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientHeight
})

let navigate: jest.SpyInstance
beforeEach(() => {
  setSession(makeSession(committee))
  hook.mockReturnValue(remote())
  api.mockRejectedValue(new ApiError('NOT_FOUND'))
  navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation((() => Promise.resolve()) as never)
})
afterEach(() => {
  hook.mockReset()
  jest.restoreAllMocks()
})

test('the page is in the overview subpackage', () => {
  const config = appConfig as unknown as { subPackages: { root: string; pages: string[] }[] }
  const pages = config.subPackages.flatMap((p) => p.pages.map((page) => `/${p.root}/${page}`))
  expect(pages).toContain(OVERVIEW_MAP_ROUTES.map)
})

test('the map, the legend in words, every grid with its figures as text, today’s patrols', async () => {
  render(<OverviewMapPage />)
  expect(await screen.findByTestId('overview-map')).toBeTruthy()
  expect(hook).toHaveBeenCalledWith('u-c', expect.objectContaining({ from: expect.any(String), to: expect.any(String) }))
  expect(screen.getByText('锦江社区 · 一张图')).toBeTruthy()
  expect(screen.getByTestId('map-summary').textContent).toContain('2 个网格；本期未办结且有位置的报事 1 件；今日巡逻 1 班')
  expect(screen.getByTestId('overview-map-canvas').getAttribute('aria-label')).toContain('下方有同样内容的文字列表')
  expect(screen.getByTestId('map-legend').textContent).toContain('无待办有未办结有超期')
  expect(screen.getByTestId('map-grid-g-1').textContent).toBe('第一网格 · 有超期未办结 3 件，超期 1 件，本期报事 5 件，今日巡逻 1 班')
  expect(screen.getByTestId('map-grid-g-2').textContent).toContain('第二网格 · 无待办')
  expect(screen.getByTestId('map-shift-s-1').textContent).toBe('晚间巡逻（锦江社区）19:00–21:00，已报名 1/4 人')
  // Leaflet drew the two grids and the report on a plain background: no tile layer without TARO_APP_MAP_TILES
  const canvas = screen.getByTestId('overview-map-canvas')
  await waitFor(() => expect(canvas.querySelectorAll('path.leaflet-interactive').length).toBe(3))
  expect(canvas.querySelector('.leaflet-tile-pane')!.children.length).toBe(0)
  expect(canvas.querySelector('.overview-map__label')!.textContent).toBe('巡逻 1/4')
})

test('a tap on a grid row opens the panel with its figures; 查看该网格的问题 opens the area list on that grid; 关闭', async () => {
  render(<OverviewMapPage />)
  expect(screen.queryByTestId('map-panel')).toBeNull()
  fireEvent.click(screen.getByTestId('map-grid-g-1'))
  expect(screen.getByTestId('map-panel-state').textContent).toBe('状态：有超期')
  expect(screen.getByTestId('map-panel-figures').textContent).toBe('未办结 3 件，超期 1 件，本期报事 5 件，今日巡逻 1 班')
  fireEvent.click(screen.getByTestId('map-panel-queue'))
  expect(navigate).toHaveBeenCalledWith({ url: `${ROUTES.reportArea}?gridId=g-1` })
  fireEvent.click(screen.getByTestId('map-panel-close'))
  expect(screen.queryByTestId('map-panel')).toBeNull()
})

test('a tap on a grid drawn on the map opens the same panel', async () => {
  render(<OverviewMapPage />)
  const canvas = screen.getByTestId('overview-map-canvas')
  await waitFor(() => expect(canvas.querySelectorAll('path.leaflet-interactive').length).toBe(3))
  fireEvent.click(canvas.querySelectorAll('path.leaflet-interactive')[1])
  expect(screen.getByTestId('map-panel').getAttribute('aria-label')).toBe('第二网格的情况')
})

test('a period chip asks for that period', async () => {
  render(<OverviewMapPage />)
  fireEvent.click(screen.getByTestId('map-period-lastMonth'))
  await waitFor(() => {
    const input = hook.mock.calls[hook.mock.calls.length - 1][1]
    expect(input.from!.endsWith('-01')).toBe(true)
    expect(input.to! < input.from!.slice(0, 8) + '32').toBe(true)
  })
})

test('a grid worker’s link goes to their own queue', () => {
  expect(queueUrl('g-1', true)).toBe(ROUTES.reportQueue)
  setSession(makeSession(worker))
  render(<OverviewMapPage />)
  fireEvent.click(screen.getByTestId('map-grid-g-1'))
  fireEvent.click(screen.getByTestId('map-panel-queue'))
  expect(navigate).toHaveBeenCalledWith({ url: ROUTES.reportQueue })
})

test('loading shows the skeleton; an error says why with 重试', () => {
  hook.mockReturnValue(remote({ data: null, status: 'loading' }))
  const { unmount } = render(<OverviewMapPage />)
  expect(screen.getByTestId('overview-map-loading')).toBeTruthy()
  unmount()
  const reload = jest.fn(async () => undefined)
  hook.mockReturnValue(remote({ data: null, status: 'error', error: { code: 'UNAVAILABLE', message: '服务暂时不可用' } as never, reload }))
  render(<OverviewMapPage />)
  expect(screen.getByTestId('overview-map-error')).toBeTruthy()
  fireEvent.click(screen.getByTestId('overview-map-retry'))
  expect(reload).toHaveBeenCalled()
})

test('a resident is told the page is not theirs', () => {
  setSession(makeSession(resident))
  render(<OverviewMapPage />)
  expect(screen.getByTestId('overview-map-not-allowed')).toBeTruthy()
  expect(hook).not.toHaveBeenCalled()
})

function Desk({ me }: { me: Me }) {
  return <WorkDesk me={me} desk={useDesk(me)} />
}

test('the desks of a grid worker, the committee and a street link to 一张图', async () => {
  const street = makeMe({ id: 'u-s', roles: ['street'], verified: false, gridId: null, gridName: null })
  for (const me of [worker, committee, street]) {
    setSession(makeSession(me))
    const r = render(<Desk me={me} />)
    fireEvent.click(await screen.findByTestId('desk-overview-map'))
    r.unmount()
  }
  expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([OVERVIEW_MAP_ROUTES.map, OVERVIEW_MAP_ROUTES.map, OVERVIEW_MAP_ROUTES.map])
})
