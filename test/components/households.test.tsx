/**
 * 住户名单 (issue 11): 登记无智能手机住户 has one clear place — one button above the list, then the household
 * is picked from the list — instead of a full-width button repeated on every household card.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { HouseholdView } from '@/domain/residents'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { HouseholdsScreen } from '@/features/residents/ui/HouseholdsScreen'
import { makeMe, makeMember, makeSession, typeInto } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const household = (id: string, room: string): HouseholdView => ({
  id,
  gridId: 'g-1',
  gridName: '第一网格',
  building: '3栋',
  unit: '1单元',
  room,
  headName: '王建华',
  adults: 2,
  phone: '13900000010',
  members: 0,
})

function serve() {
  api.mockImplementation(((action: string) => {
    if (action === 'household.list') return Promise.resolve({ items: [household('h1', '101'), household('h2', '102'), household('h3', '201')], nextCursor: null })
    if (action === 'community.get') return Promise.resolve({ id: 'c', name: '锦江社区', streetName: '振兴街道', grids: [{ id: 'g-1', name: '第一网格', servicePhone: null }] })
    if (action === 'resident.register') return Promise.resolve(makeMember('m1', { name: '赵老伯', rosterOnly: true }))
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

afterEach(() => api.mockReset())

test('committee: one 登记无智能手机住户 button above the list, none on the cards; pick the household, then register', async () => {
  const me = makeMe({ roles: ['committee'], verified: false })
  setSession({ ...makeSession(), user: me })
  serve()
  render(<HouseholdsScreen me={me} />)
  await waitFor(() => expect(screen.getAllByTestId('household-row')).toHaveLength(3))
  expect(screen.getAllByText('登记无智能手机住户')).toHaveLength(1)
  for (const row of screen.getAllByTestId('household-row')) expect(row.textContent).not.toContain('登记无智能手机住户')

  fireEvent.click(screen.getByTestId('household-register'))
  expect(screen.getByTestId('register-pick-hint').textContent).toContain('点要登记的那一户')
  fireEvent.click(screen.getAllByTestId('household-row')[1]!)
  const form = screen.getByTestId('register-form')
  expect(form.textContent).toContain('3栋1单元102')
  typeInto(screen.getByTestId('register-name'), '赵老伯')
  await act(async () => fireEvent.click(screen.getByTestId('register-submit')))
  expect(api).toHaveBeenCalledWith('resident.register', { householdId: 'h2', name: '赵老伯' }, expect.anything())
  expect(screen.getByTestId('register-done').textContent).toContain('已登记 赵老伯')
  expect(screen.queryByTestId('register-form')).toBeNull()
})

test('a grid worker sees the list without the committee\'s register action', async () => {
  const me = makeMe({ roles: ['gridWorker'], grids: [{ id: 'g-1', name: '第一网格' }] })
  setSession({ ...makeSession(), user: me })
  serve()
  render(<HouseholdsScreen me={me} />)
  await waitFor(() => expect(screen.getAllByTestId('household-row')).toHaveLength(3))
  expect(screen.queryByTestId('household-register')).toBeNull()
})
