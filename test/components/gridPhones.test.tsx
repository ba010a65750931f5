/** 网格服务电话: the committee publishes, changes and withdraws the phone residents see for each grid. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { CommunityView } from '@/domain/community'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { GridsScreen } from '@/features/community/ui/GridsScreen'
import { useGridPhones } from '@/features/community/useGridPhones'
import { makeSession, typeInto } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const COMMUNITY: CommunityView = {
  id: 'c',
  name: '锦江社区',
  streetName: '振兴街道',
  grids: [
    { id: 'g-1', name: '第一网格', servicePhone: '0575-87010001' },
    { id: 'g-2', name: '第二网格', servicePhone: null },
  ],
}

function Screen() {
  return <GridsScreen phones={useGridPhones()} />
}

beforeEach(() => {
  setSession(makeSession())
  api.mockImplementation(((action: string, payload: { gridId: string; servicePhone: string | null }) => {
    if (action === 'community.get') return Promise.resolve(COMMUNITY)
    if (action === 'community.setGridPhone') return Promise.resolve({ id: payload.gridId, name: '第二网格', servicePhone: payload.servicePhone })
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as unknown as typeof callApi)
})
afterEach(() => api.mockReset())

const row = (id: string) => screen.getAllByTestId('grid-row').find((r) => r.getAttribute('data-id') === id)!

test('each grid with its phone or 未公布电话; 填写 saves it and the row shows it', async () => {
  render(<Screen />)
  await waitFor(() => expect(screen.getAllByTestId('grid-row')).toHaveLength(2))
  expect(row('g-1').textContent).toContain('0575-87010001')
  expect(row('g-2').textContent).toContain('未公布电话')
  fireEvent.click(row('g-2').querySelector('[data-testid="grid-phone-edit"]')!)
  typeInto(screen.getByTestId('grid-phone-input'), '个人')
  await act(async () => fireEvent.click(screen.getByTestId('grid-phone-save')))
  expect(screen.getByTestId('field-error-grid-phone-g-2').textContent).toContain('固定电话')
  expect(api).not.toHaveBeenCalledWith('community.setGridPhone', expect.anything(), expect.anything())
  typeInto(screen.getByTestId('grid-phone-input'), '0575-87010002')
  await act(async () => fireEvent.click(screen.getByTestId('grid-phone-save')))
  expect(api).toHaveBeenCalledWith('community.setGridPhone', { gridId: 'g-2', servicePhone: '0575-87010002' }, expect.objectContaining({ requestId: expect.any(String) }))
  await waitFor(() => expect(row('g-2').textContent).toContain('0575-87010002'))
  expect(screen.queryByTestId('grid-phone-form')).toBeNull()
})

test('不再公布 withdraws it', async () => {
  render(<Screen />)
  await waitFor(() => expect(screen.getAllByTestId('grid-row')).toHaveLength(2))
  fireEvent.click(row('g-1').querySelector('[data-testid="grid-phone-edit"]')!)
  await act(async () => fireEvent.click(screen.getByTestId('grid-phone-withdraw')))
  expect(api).toHaveBeenCalledWith('community.setGridPhone', { gridId: 'g-1', servicePhone: null }, expect.anything())
  await waitFor(() => expect(row('g-1').textContent).toContain('未公布电话'))
})
