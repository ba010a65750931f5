import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ContactMine, ContactOverview as Overview } from '@/domain/contacts'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { ContactCard } from '@/features/contacts/ui/ContactCard'
import { CadreHouseholds } from '@/features/contacts/ui/CadreHouseholds'
import { LogContactForm } from '@/features/contacts/ui/LogContactForm'
import { RaiseForm } from '@/features/contacts/ui/RaiseForm'
import { ContactOverview } from '@/features/contacts/ui/ContactOverview'
import { useContactOverview, useLogContact, useMyContacts, useRaiseOnBehalf } from '@/features/contacts/useContacts'
import { chinaLocalNow, chinaLocalToIso } from '@/features/contacts/format'
import { makeMember, makeSession, typeInto } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const DAY = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString()

beforeEach(() => setSession(makeSession({ roles: ['resident'] })))
afterEach(() => api.mockReset())

function mockMine(mine: ContactMine) {
  api.mockImplementation((async (action: string) => {
    if (action === 'contact.mine') return mine
    throw new ApiError('NOT_FOUND')
  }) as typeof callApi)
}

function Card({ committee = false, onOpen = jest.fn() }: { committee?: boolean; onOpen?: jest.Mock }) {
  const mine = useMyContacts()
  return <ContactCard mine={mine} committee={committee} onOpen={onOpen} />
}

describe('我的联系人 card', () => {
  it('shows my contact with the published phone and calls it', async () => {
    mockMine({ contact: { name: '杨春敏', title: 'partyMember', phone: '13900000004', publicNote: '晚上 7 点后方便' }, cadre: null })
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'ok' } as never)
    render(<Card />)
    expect((await screen.findByTestId('my-contact-name')).textContent).toBe('杨春敏')
    expect(screen.getByTestId('my-contact').textContent).toContain('党员')
    // a resident's card is their contact: titled so, not with the cadres' word 联系户
    expect(screen.getByTestId('contact-card').textContent).toMatch(/^我家的联系人社区为您家安排的联系人/)
    expect(screen.getByTestId('my-contact-note').textContent).toBe('晚上 7 点后方便')
    fireEvent.click(screen.getByTestId('my-contact-call'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '13900000004' })
    expect(screen.queryByTestId('link-contact-households')).toBeNull()
  })

  it('says so when the contact did not publish a phone; a cadre gets the link to their households with how many are due', async () => {
    mockMine({
      contact: { name: '李秀芳', title: 'buildingHead', phone: null, publicNote: null },
      cadre: { title: 'buildingHead', households: [
        { householdId: 'h1', address: '1栋101', headName: '王建华', gridName: '第一网格', lastContactAt: null, lastKind: null },
        { householdId: 'h2', address: '1栋102', headName: '张三', gridName: '第一网格', lastContactAt: ago(2), lastKind: 'call' },
      ] },
    })
    const onOpen = jest.fn()
    render(<Card onOpen={onOpen} />)
    await screen.findByTestId('my-contact-no-phone')
    expect(screen.queryByTestId('my-contact-call')).toBeNull()
    const link = screen.getByTestId('link-contact-households')
    expect(link.textContent).toContain('2 户，1 户超过一个月没联系')
    fireEvent.click(link)
    expect(onOpen).toHaveBeenCalledWith('households')
  })

  it('shows nothing to a resident with no contact, and only 联系户管理 to the committee', async () => {
    mockMine({ contact: null, cadre: null })
    const { container, unmount } = render(<Card />)
    await waitFor(() => expect(api).toHaveBeenCalled())
    await act(async () => undefined)
    expect(container.textContent).toBe('')
    unmount()
    const onOpen = jest.fn()
    render(<Card committee onOpen={onOpen} />)
    fireEvent.click(await screen.findByTestId('link-contact-overview'))
    expect(onOpen).toHaveBeenCalledWith('overview')
  })
})

describe('我联系的住户', () => {
  function List({ onLog = jest.fn(), onRaise = jest.fn() }: { onLog?: jest.Mock; onRaise?: jest.Mock }) {
    const mine = useMyContacts()
    return <CadreHouseholds mine={mine} onLog={onLog} onRaise={onRaise} />
  }

  it('lists the households in the order given (oldest contact first), flags those due, opens 记录联系 and 代为上报', async () => {
    mockMine({ contact: null, cadre: { title: 'partyMember', households: [
      { householdId: 'h3', address: '1栋1单元103', headName: '赵六', gridName: '第一网格', lastContactAt: null, lastKind: null },
      { householdId: 'h1', address: '1栋1单元101', headName: '王建华', gridName: '第一网格', lastContactAt: ago(3), lastKind: 'visit' },
    ] } })
    const onLog = jest.fn()
    const onRaise = jest.fn()
    render(<List onLog={onLog} onRaise={onRaise} />)
    const rows = await screen.findAllByTestId('cadre-household')
    expect(rows.map((r) => within(r).getByTestId('household-address').textContent)).toEqual(['第一网格 1栋1单元103', '第一网格 1栋1单元101'])
    expect(rows.map((r) => within(r).getByTestId('household-last').textContent)).toEqual(['还没有联系过', '上次联系：3 天前（走访）'])
    expect(within(rows[0]!).queryByTestId('household-due')).not.toBeNull()
    expect(within(rows[1]!).queryByTestId('household-due')).toBeNull()
    fireEvent.click(within(rows[1]!).getByTestId('household-log'))
    expect(onLog).toHaveBeenCalledWith('h1', '1栋1单元101')
    fireEvent.click(within(rows[0]!).getByTestId('household-raise'))
    expect(onRaise).toHaveBeenCalledWith('h3', '1栋1单元103')
  })

  it('empty and error states', async () => {
    mockMine({ contact: null, cadre: { title: 'partyMember', households: [] } })
    const { unmount } = render(<List />)
    expect(await screen.findByText('社区还没有给您分配住户')).toBeTruthy()
    unmount()
    api.mockRejectedValue(new ApiError('UNAVAILABLE', '服务暂时不可用，请稍后重试'))
    render(<List />)
    expect(await screen.findByText(/服务暂时不可用/)).toBeTruthy()
  })
})

describe('记录联系', () => {
  function Form({ onDone = jest.fn() }: { onDone?: jest.Mock }) {
    const f = useLogContact('h1')
    return <LogContactForm address='1栋101' f={f} onDone={onDone} />
  }

  it('checks the form with the server schema, then sends it once per attempt with the same requestId on retry', async () => {
    const onDone = jest.fn()
    render(<Form onDone={onDone} />)
    fireEvent.click(screen.getByTestId('log-submit'))
    expect(await screen.findByText('请选择联系方式')).toBeTruthy()
    expect(screen.getByText('请填写联系情况')).toBeTruthy()
    expect(api).not.toHaveBeenCalled()

    fireEvent.click(screen.getByTestId('kind-call'))
    typeInto(screen.getByTestId('log-note'), '电话问候，一切都好')
    api.mockRejectedValueOnce(new ApiError('UNAVAILABLE', '网络不太好'))
    fireEvent.click(screen.getByTestId('log-submit'))
    expect((await screen.findByTestId('log-error')).textContent).toContain('网络不太好')
    api.mockResolvedValueOnce({ id: 'l1', householdId: 'h1', cadreName: '杨', kind: 'call', at: ago(0), note: '电话问候，一切都好' } as never)
    fireEvent.click(screen.getByTestId('log-submit'))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(api).toHaveBeenCalledTimes(2)
    const [first, second] = api.mock.calls
    expect(first![0]).toBe('contact.log')
    expect(first![1]).toMatchObject({ householdId: 'h1', kind: 'call', note: '电话问候，一切都好' })
    expect((first![2] as { requestId: string }).requestId).toBe((second![2] as { requestId: string }).requestId)
  })

  it('shows the server’s field message (a time in the future)', async () => {
    render(<Form />)
    fireEvent.click(screen.getByTestId('kind-visit'))
    typeInto(screen.getByTestId('log-note'), '上门走访')
    api.mockRejectedValueOnce(new ApiError('INVALID_INPUT', '联系时间不能晚于现在', [{ path: 'at', message: '联系时间不能晚于现在' }]))
    fireEvent.click(screen.getByTestId('log-submit'))
    expect(await screen.findByText('联系时间不能晚于现在')).toBeTruthy()
  })

  it('Beijing time in the field, an instant to the server', () => {
    expect(chinaLocalNow(Date.parse('2025-03-01T02:00:00.000Z'))).toBe('2025-03-01 10:00')
    expect(chinaLocalToIso('2025-03-01 10:00')).toBe('2025-03-01T02:00:00.000Z')
    expect(chinaLocalToIso('2025-03-01')).toBe('')
  })
})

describe('代为上报', () => {
  it('needs a category and five characters, then opens the new report', async () => {
    const onDone = jest.fn()
    function Form() {
      const f = useRaiseOnBehalf('h3')
      return <RaiseForm address='1栋103' f={f} onDone={onDone} />
    }
    render(<Form />)
    expect(screen.getByTestId('raise-form').textContent).toContain('代为上报')
    fireEvent.click(screen.getByTestId('raise-submit'))
    expect(await screen.findByText('请选择问题类别')).toBeTruthy()
    fireEvent.click(screen.getByTestId('category-facility'))
    typeInto(screen.getByTestId('raise-description'), '楼道灯坏了，老人看不清')
    api.mockResolvedValueOnce({ reportId: 'r9' } as never)
    fireEvent.click(screen.getByTestId('raise-submit'))
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('r9'))
    expect(api.mock.calls[0]![0]).toBe('contact.raise')
    expect(api.mock.calls[0]![1]).toEqual({ householdId: 'h3', category: 'facility', description: '楼道灯坏了，老人看不清' })
  })
})

describe('联系户管理', () => {
  const OVERVIEW: Overview = {
    since: ago(30), days: 30,
    cadres: [
      { userId: 'u1', name: '杨春敏', phone: '13900000004', title: 'partyMember', publishPhone: true, publicNote: null, households: 3, lastLogAt: ago(3), idle: false },
      { userId: 'u2', name: '李秀芳', phone: null, title: 'buildingHead', publishPhone: false, publicNote: null, households: 0, lastLogAt: null, idle: true },
    ],
    uncovered: [{ householdId: 'h5', address: '1栋1单元105', headName: '孙七', gridName: '第一网格' }],
    uncoveredTotal: 1,
  }
  function Screen() {
    const o = useContactOverview()
    return <ContactOverview o={o} />
  }

  it('flags idle cadres and assigns an uncovered household to the chosen cadre, then reloads', async () => {
    let overview = OVERVIEW
    api.mockImplementation((async (action: string, payload: unknown) => {
      if (action === 'contact.overview') return overview
      if (action === 'contact.assign') {
        expect(payload).toEqual({ householdId: 'h5', cadreId: 'u2' })
        overview = { ...OVERVIEW, uncovered: [], uncoveredTotal: 0 }
        return { householdId: 'h5', cadreId: 'u2', previousCadreId: null }
      }
      throw new ApiError('NOT_FOUND')
    }) as typeof callApi)
    render(<Screen />)
    const rows = await screen.findAllByTestId('cadre-row')
    expect(rows.map((r) => within(r).queryByTestId('cadre-idle')?.textContent ?? '')).toEqual(['', '30 天内没有联系记录'])
    expect(within(rows[0]!).getByTestId('cadre-summary').textContent).toContain('联系 3 户')
    const assign = screen.getByTestId('assign')
    fireEvent.click(assign)
    expect(api.mock.calls.filter((c) => c[0] === 'contact.assign')).toHaveLength(0) // no cadre chosen yet
    fireEvent.click(screen.getByTestId('pick-cadre-u2'))
    fireEvent.click(screen.getByTestId('assign'))
    expect(await screen.findByText('每户都有联系人了')).toBeTruthy()
    // where the household went
    expect(screen.getByTestId('assign-done').textContent).toBe('已把 第一网格 1栋1单元105 指派给 李秀芳')
  })

  it('says why an assign failed (the cap)', async () => {
    api.mockImplementation((async (action: string) => {
      if (action === 'contact.overview') return OVERVIEW
      throw new ApiError('CONFLICT', '每人最多联系 50 户，请改派给其他人')
    }) as typeof callApi)
    render(<Screen />)
    fireEvent.click(await screen.findByTestId('pick-cadre-u1'))
    fireEvent.click(screen.getByTestId('assign'))
    expect((await screen.findByTestId('assign-error')).textContent).toContain('每人最多联系 50 户')
    expect(screen.queryByTestId('assign-done')).toBeNull()
  })

  describe('设定联系人 and 取消联系人', () => {
    const people = [
      makeMember('u7', { name: '何志明', address: '1栋1单元201' }),
      makeMember('u8', { name: '何小红', verified: false }),
      makeMember('u9', { name: '何建国', rosterOnly: true }),
      makeMember('u1', { name: '杨春敏', roles: ['resident'], verified: true }),
    ]
    const setCalls = () => api.mock.calls.filter((c) => c[0] === 'contact.setCadre')

    it('search → pick → save sends contact.setCadre with the chosen person, title, phone and note, then reloads the cadres', async () => {
      let overview = OVERVIEW
      api.mockImplementation((async (action: string) => {
        if (action === 'contact.overview') return overview
        if (action === 'member.list') return { items: people, nextCursor: null }
        if (action === 'contact.setCadre') {
          const c = { userId: 'u7', name: '何志明', phone: null, title: 'groupHead', publishPhone: true, publicNote: '晚上 7 点后方便接电话', households: 0, lastLogAt: null, idle: true } as const
          overview = { ...OVERVIEW, cadres: [...OVERVIEW.cadres, c] }
          return c
        }
        throw new ApiError('NOT_FOUND')
      }) as typeof callApi)
      render(<Screen />)
      await screen.findAllByTestId('cadre-row')
      // nothing picked: the form says so and sends nothing
      fireEvent.click(screen.getByTestId('cadre-save'))
      expect((await screen.findByTestId('field-error-userId')).textContent).toBe('请先搜索并选择联系人')
      expect(screen.getByTestId('field-error-title').textContent).toBe('请选择身份')
      expect(setCalls()).toHaveLength(0)

      typeInto(screen.getByTestId('cadre-search'), ' 何 ')
      fireEvent.click(screen.getByTestId('cadre-search-submit'))
      const results = await screen.findAllByTestId('cadre-result')
      expect(api.mock.calls.find((c) => c[0] === 'member.list')![1]).toEqual({ query: '何', limit: 20 })
      // only a verified resident or staff can be picked
      expect(results.map((r) => within(r).queryByText('选择') !== null)).toEqual([true, false, false, true])
      expect(results[1]!.textContent).toContain('未认证，不能设为联系人')
      // one already a cadre: saving changes them
      expect(results[3]!.textContent).toContain('已是党员联系人，保存即修改')
      fireEvent.click(screen.getByTestId('cadre-pick-u7'))
      expect(screen.getByTestId('cadre-picked').textContent).toContain('何志明')
      expect(screen.queryByTestId('field-error-userId')).toBeNull()
      fireEvent.click(screen.getByTestId('cadre-title-groupHead'))
      fireEvent.click(screen.getByTestId('cadre-publish-phone'))
      typeInto(screen.getByTestId('cadre-note'), '晚上 7 点后方便接电话')
      fireEvent.click(screen.getByTestId('cadre-save'))
      expect((await screen.findByTestId('cadre-set-done')).textContent).toContain('已把 何志明 设为居民小组长联系人')
      expect(setCalls()).toHaveLength(1)
      expect(setCalls()[0]![1]).toEqual({ userId: 'u7', title: 'groupHead', publishPhone: true, publicNote: '晚上 7 点后方便接电话' })
      expect(typeof (setCalls()[0]![2] as { requestId: string }).requestId).toBe('string')
      await waitFor(() => expect(screen.getAllByTestId('cadre-row')).toHaveLength(3))
      // the form is empty again
      expect(screen.queryByTestId('cadre-picked')).toBeNull()
    })

    it('a refusal shows its message; a field error from the server goes on its field; a retry keeps the requestId', async () => {
      api.mockImplementation((async (action: string) => {
        if (action === 'contact.overview') return OVERVIEW
        if (action === 'member.list') return { items: people, nextCursor: null }
        throw new ApiError('NOT_FOUND')
      }) as typeof callApi)
      render(<Screen />)
      typeInto(await screen.findByTestId('cadre-search'), '何志明')
      fireEvent.click(screen.getByTestId('cadre-search-submit'))
      fireEvent.click(await screen.findByTestId('cadre-pick-u7'))
      fireEvent.click(screen.getByTestId('cadre-title-partyMember'))
      api.mockRejectedValueOnce(new ApiError('CONFLICT', '只能指定已认证的住户或本社区工作人员为联系户党员/干部'))
      fireEvent.click(screen.getByTestId('cadre-save'))
      expect((await screen.findByTestId('cadre-set-error')).textContent).toBe('没有设定成功：只能指定已认证的住户或本社区工作人员为联系户党员/干部')
      expect(screen.queryByTestId('cadre-set-done')).toBeNull()
      api.mockRejectedValueOnce(new ApiError('INVALID_INPUT', '联系说明含有不适宜的内容', [{ path: 'publicNote', message: '联系说明含有不适宜的内容' }]))
      fireEvent.click(screen.getByTestId('cadre-save'))
      expect((await screen.findByTestId('field-error-publicNote')).textContent).toBe('联系说明含有不适宜的内容')
      expect(screen.queryByTestId('cadre-set-error')).toBeNull()
      const [first, second] = setCalls()
      expect(first![1]).toEqual({ userId: 'u7', title: 'partyMember', publishPhone: false })
      expect((first![2] as { requestId: string }).requestId).toBe((second![2] as { requestId: string }).requestId)
    })

    it('取消联系人 asks to confirm, then calls contact.removeCadre and reloads', async () => {
      let overview = OVERVIEW
      api.mockImplementation((async (action: string, payload: unknown) => {
        if (action === 'contact.overview') return overview
        if (action === 'contact.removeCadre') {
          expect(payload).toEqual({ userId: 'u1' })
          overview = { ...OVERVIEW, cadres: OVERVIEW.cadres.slice(1) }
          return { removed: true, households: 3 }
        }
        throw new ApiError('NOT_FOUND')
      }) as typeof callApi)
      render(<Screen />)
      const rows = await screen.findAllByTestId('cadre-row')
      fireEvent.click(within(rows[0]!).getByTestId('cadre-remove'))
      const dialog = await screen.findByTestId('cadre-remove-dialog')
      expect(dialog.textContent).toContain('取消 杨春敏 的联系人身份后，他联系的 3 户会重新列入')
      expect(api.mock.calls.filter((c) => c[0] === 'contact.removeCadre')).toHaveLength(0)
      // 不取消 keeps them
      fireEvent.click(screen.getByTestId('cadre-remove-keep'))
      expect(api.mock.calls.filter((c) => c[0] === 'contact.removeCadre')).toHaveLength(0)
      fireEvent.click(within(screen.getAllByTestId('cadre-row')[0]!).getByTestId('cadre-remove'))
      fireEvent.click(await screen.findByTestId('cadre-remove-confirm'))
      expect((await screen.findByTestId('cadre-removed')).textContent).toContain('已取消 杨春敏 的联系人身份')
      expect(api.mock.calls.filter((c) => c[0] === 'contact.removeCadre')).toHaveLength(1)
      await waitFor(() => expect(screen.getAllByTestId('cadre-row')).toHaveLength(1))
      expect(screen.getByTestId('cadre-row').textContent).toContain('李秀芳')
    })
  })
})
