import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@/domain/auth'
import type { ResidentApplicationView } from '@/domain/residents'
import type { VolunteerApplicationView } from '@/domain/volunteers'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { ROUTES } from '@/services/routes'
import { getSession, setSession } from '@/services/session'
import { MeScreen } from '@/features/me/ui/MeScreen'
import { makeApplication, makeMe, makeSession, makeVolunteerApplication, typeInto } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const unverified = makeMe({ id: 'u-r', name: '王秀兰', verified: false, gridId: null, gridName: null, phone: null })
const verified = makeMe({
  id: 'u-v',
  verified: true,
  household: { id: 'h-1', gridName: '第一网格', building: '3', unit: '2', room: '301', headName: '王秀兰', relation: 'head' },
})
const committee = makeMe({ id: 'u-c', name: '陈主任', roles: ['committee'], verified: false, gridId: null, gridName: null })

interface Serve {
  me: Me
  application?: ResidentApplicationView | null
  volunteer?: VolunteerApplicationView | null
  setPhone?: () => Promise<unknown>
}

function serve({ me, application = null, volunteer = null, setPhone }: Serve) {
  setSession({ ...makeSession(), user: me })
  api.mockImplementation(((action: string) => {
    if (action === 'me.get') return Promise.resolve(me)
    if (action === 'resident.myApplication') return Promise.resolve(application)
    if (action === 'volunteer.myApplication') return Promise.resolve(volunteer)
    if (action === 'me.setPhone' && setPhone) return setPhone()
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

async function renderMe() {
  render(<MeScreen />)
  await act(async () => undefined)
  await act(async () => undefined)
}

let navigate: jest.SpyInstance
beforeEach(() => {
  navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation((() => Promise.resolve()) as never)
})
afterEach(() => {
  api.mockReset()
  navigate.mockRestore()
})

describe('MeScreen (我的)', () => {
  it('unverified without an application: the 住户认证 entry', async () => {
    serve({ me: unverified })
    await renderMe()
    expect(screen.getByTestId('me-application-status').textContent).toBe('未认证')
    fireEvent.click(screen.getByText('住户认证', { selector: '.gz-btn__text' }))
    expect(navigate).toHaveBeenCalledWith({ url: ROUTES.residentApply })
    // no volunteer entry before verification
    expect(screen.queryByTestId('link-volunteer')).toBeNull()
  })

  it('pending: says 待审核 and where', async () => {
    serve({ me: unverified, application: makeApplication('a1') })
    await renderMe()
    expect(screen.getByTestId('me-application-status').textContent).toBe('待审核')
    expect(screen.getByText(/第一网格 3栋2单元301 的家庭成员/)).toBeTruthy()
    expect(screen.getByTestId('link-apply').textContent).toBe('查看认证进度')
  })

  it('rejected: the reason and 重新申请', async () => {
    serve({ me: unverified, application: makeApplication('a1', { status: 'rejected', reason: '房号不对，请核对' }) })
    await renderMe()
    expect(screen.getByTestId('me-application-status').textContent).toBe('未通过')
    expect(screen.getByTestId('me-application-reason').textContent).toBe('理由：房号不对，请核对')
    expect(screen.getByTestId('link-apply').textContent).toBe('重新申请')
  })

  it('verified: the household and relation in words, and the 志愿者 entry with its status', async () => {
    serve({ me: verified, volunteer: makeVolunteerApplication('v1', { status: 'rejected', reason: '名额已满' }) })
    await renderMe()
    expect(screen.getByTestId('me-verified').textContent).toContain('已认证住户 · 第一网格 3栋2单元301 · 户主')
    expect(api.mock.calls.some((c) => c[0] === 'resident.myApplication')).toBe(false)
    expect(screen.getByTestId('me-volunteer-status').textContent).toBe('未通过')
    expect(screen.getByTestId('link-volunteer').textContent).toContain('名额已满')
    fireEvent.click(screen.getByTestId('link-volunteer'))
    expect(navigate).toHaveBeenCalledWith({ url: ROUTES.volunteerApply })
  })

  it('a volunteer sees the role', async () => {
    serve({ me: { ...verified, roles: ['resident', 'volunteer'] } })
    await renderMe()
    expect(screen.getByTestId('me-volunteer').textContent).toContain('已是志愿者')
    expect(api.mock.calls.some((c) => c[0] === 'volunteer.myApplication')).toBe(false)
  })

  it('committee: 社区工作 is the desk, grouped by the work; no 住户认证 entry', async () => {
    serve({ me: committee })
    await renderMe()
    expect(screen.getByTestId('desk-title').textContent).toBe('社区工作')
    expect(['desk-problems', 'desk-notices', 'desk-motions', 'desk-patrols', 'desk-residents'].map((t) => screen.getByTestId(t).querySelector('.gz-card__title')?.textContent)).toEqual([
      '问题',
      '通知',
      '议事',
      '巡逻',
      '住户',
    ])
    // the problem tools are under 问题, not under 住户
    expect(screen.getByTestId('desk-problems').textContent).toContain('办结时限设置')
    expect(screen.getByTestId('desk-residents').textContent).not.toContain('问题')
    expect(screen.queryByTestId('link-apply')).toBeNull()
    fireEvent.click(screen.getByTestId('desk-roster'))
    expect(navigate).toHaveBeenCalledWith({ url: ROUTES.roster })
  })

  it('grid worker: 网格工作 with their grids, the queue and the household list', async () => {
    serve({ me: makeMe({ id: 'u-g', roles: ['gridWorker'], verified: false, gridId: null, gridName: null, grids: [{ id: 'g-2', name: '第二网格' }, { id: 'g-3', name: '第三网格' }] }) })
    await renderMe()
    expect(screen.getByTestId('desk-title').textContent).toBe('网格工作')
    expect(screen.getByTestId('desk-grids').textContent).toContain('第二网格、第三网格')
    expect(screen.getByTestId('desk-households')).toBeTruthy()
    expect(screen.getByTestId('desk-report-queue')).toBeTruthy()
    expect(screen.queryByTestId('desk-roster')).toBeNull()
  })

  it('fills in a typed phone number: checked with the schema first, then me.setPhone { phone }', async () => {
    const saved = { ...unverified, phone: '139****8888' }
    serve({ me: unverified, setPhone: () => Promise.resolve(saved) })
    await renderMe()
    expect(screen.getByTestId('me-phone').textContent).toBe('未填写')
    fireEvent.click(screen.getByText('填写'))
    typeInto(screen.getByTestId('phone-input'), '12345')
    fireEvent.click(screen.getByTestId('phone-save'))
    expect((await screen.findByTestId('phone-field-error')).textContent).toBe('请填写 11 位手机号')
    expect(api.mock.calls.some((c) => c[0] === 'me.setPhone')).toBe(false)

    typeInto(screen.getByTestId('phone-input'), '139 1234 8888')
    fireEvent.click(screen.getByTestId('phone-save'))
    await waitFor(() => expect(screen.getByTestId('me-phone').textContent).toBe('139****8888'))
    const call = api.mock.calls.find((c) => c[0] === 'me.setPhone')
    expect(call?.[1]).toEqual({ phone: '13912348888' })
    expect(screen.queryByTestId('phone-editor')).toBeNull()
    expect(getSession()?.user.phone).toBe('139****8888')
  })

  it('shows the server’s message when the phone is not saved', async () => {
    serve({ me: unverified, setPhone: () => Promise.reject(new ApiError('CONFLICT', '这个手机号已被其他账号使用')) })
    await renderMe()
    fireEvent.click(screen.getByText('填写'))
    typeInto(screen.getByTestId('phone-input'), '13912348888')
    fireEvent.click(screen.getByTestId('phone-save'))
    expect((await screen.findByTestId('phone-error')).textContent).toContain('这个手机号已被其他账号使用')
  })

  it('a failed status load says so with 重试', async () => {
    setSession({ ...makeSession(), user: unverified })
    api.mockImplementation(((action: string) =>
      action === 'me.get' ? Promise.resolve(unverified) : Promise.reject(new ApiError('NETWORK'))) as typeof callApi)
    await renderMe()
    expect(screen.getByTestId('me-application-error').textContent).toContain('网络不好')
    expect(screen.getByTestId('link-apply')).toBeTruthy()
  })
})
