/** 我的 with 联系户 (issue 17): the card is wired to contact.mine and opens the contacts pages. */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@/domain/auth'
import type { ContactMine } from '@/domain/contacts'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { ROUTES } from '@/services/routes'
import { setSession } from '@/services/session'
import { MeScreen } from '@/features/me/ui/MeScreen'
import { makeMe, makeSession } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

function serve(me: Me, mine: ContactMine) {
  setSession({ ...makeSession(), user: me })
  api.mockImplementation(((action: string) => {
    if (action === 'me.get') return Promise.resolve(me)
    if (action === 'contact.mine') return Promise.resolve(mine)
    if (action === 'resident.myApplication' || action === 'volunteer.myApplication') return Promise.resolve(null)
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

let navigate: jest.SpyInstance
beforeEach(() => {
  navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation((() => Promise.resolve()) as never)
})
afterEach(() => {
  api.mockReset()
  navigate.mockRestore()
})

test('a verified resident who is also a cadre: their contact, and 我联系的住户 opens the list', async () => {
  const me = makeMe({ id: 'u-v', verified: true })
  serve(me, {
    contact: { name: '杨春敏', title: 'partyMember', phone: null, publicNote: null },
    cadre: { title: 'buildingHead', households: [] },
  })
  render(<MeScreen />)
  expect((await screen.findByTestId('my-contact-name')).textContent).toBe('杨春敏')
  fireEvent.click(screen.getByTestId('link-contact-households'))
  expect(navigate).toHaveBeenCalledWith({ url: ROUTES.contactHouseholds })
})

test('the committee gets 联系户管理', async () => {
  const me = makeMe({ id: 'u-c', roles: ['committee'], verified: false, gridId: null, gridName: null })
  serve(me, { contact: null, cadre: null })
  render(<MeScreen />)
  fireEvent.click(await screen.findByTestId('link-contact-overview'))
  expect(navigate).toHaveBeenCalledWith({ url: ROUTES.contactOverview })
})

test('a resident without a contact sees no 联系户 card', async () => {
  serve(makeMe({ id: 'u-r', verified: true }), { contact: null, cadre: null })
  render(<MeScreen />)
  await act(async () => undefined)
  await act(async () => undefined)
  expect(screen.queryByTestId('contact-card')).toBeNull()
})
